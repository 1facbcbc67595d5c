/**
 * A moto server (the moto virtualenv's `moto_server`) on 127.0.0.1 for tests that need real AWS APIs over HTTP.
 * The test that starts one stops it. Nothing here skips: a missing virtualenv fails the test.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { venvPython } from './venvs';

const tail = (text: string, n = 40): string => text.trimEnd().split('\n').slice(-n).join('\n');

/** A free TCP port on the loopback interface (bound and released; moto binds it right after). */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

export interface MotoServer {
  readonly endpoint: string;
  readonly pid: number;
  /** What moto printed so far (its request log), for error messages. */
  log(): string;
  stop(): Promise<void>;
}

/**
 * Starts the moto virtualenv's `moto_server` on 127.0.0.1 (never another interface) and waits until its
 * /moto-api/ answers. Throws with moto's output when it does not come up.
 */
export async function startMoto(timeoutMs = 30_000): Promise<MotoServer> {
  const python = venvPython('moto');
  const motoServer = join(dirname(python), 'moto_server');
  if (!existsSync(motoServer)) throw new Error(`${motoServer} is missing; the moto virtualenv is incomplete (run npm run setup:python)`);
  const port = await freeLoopbackPort();
  const endpoint = `http://127.0.0.1:${port}`;
  const child = spawn(motoServer, ['-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  // Set by the child's events (an object: a local variable assigned in a callback would read as still null below).
  const status: { exited?: string } = {};
  child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
  const gone = new Promise<void>((resolve) =>
    child.on('close', (code, signal) => {
      status.exited = `exited with ${signal ?? code}`;
      resolve();
    }),
  );
  child.on('error', (err) => (status.exited = `cannot start: ${err.message}`));
  const server: MotoServer = {
    endpoint,
    pid: child.pid ?? -1,
    log: () => output,
    async stop() {
      if (status.exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await gone;
      clearTimeout(timer);
    },
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (status.exited) throw new Error(`moto_server ${status.exited} before it was ready:\n${tail(output)}`);
    try {
      const res = await fetch(`${endpoint}/moto-api/`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await server.stop();
  throw new Error(`moto_server did not answer on ${endpoint}/moto-api/ within ${timeoutMs / 1000}s:\n${tail(output)}`);
}
