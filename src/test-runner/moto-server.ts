/**
 * A moto server (`moto_server` of the moto virtualenv) on 127.0.0.1 and a free port, for `dagsmith test` and the
 * project's own tests. Only loopback: the runner refuses any other endpoint anyway.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

const tail = (text: string, n = 40): string => text.trimEnd().split('\n').slice(-n).join('\n');
const LOG_LIMIT = 256 * 1024;

/** A free TCP port on the loopback interface (bound and released; the server binds it right after). */
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
  /** http://127.0.0.1:<port> */
  readonly endpoint: string;
  readonly pid: number;
  /** What moto printed so far (its request log, the last 256 KiB), for error messages. */
  log(): string;
  stop(): Promise<void>;
}

/**
 * Starts `motoServer` (the path of the moto virtualenv's `moto_server`) on 127.0.0.1 and waits until its
 * /moto-api/ answers. Throws with moto's output when it does not come up within `timeoutMs`.
 */
export async function startMotoServer(motoServer: string, timeoutMs = 30_000): Promise<MotoServer> {
  if (!existsSync(motoServer)) throw new Error(`${motoServer} is missing; the moto virtualenv is incomplete`);
  const port = await freeLoopbackPort();
  const endpoint = `http://127.0.0.1:${port}`;
  const child = spawn(motoServer, ['-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // moto needs no credentials and no settings of the user's.
    env: { PATH: process.env.PATH ?? '', LANG: 'C.UTF-8' },
  });
  let output = '';
  // Set by the child's events (an object: a local assigned in a callback reads as still null below).
  const status: { exited?: string } = {};
  const keep = (d: string) => {
    output += d;
    if (output.length > LOG_LIMIT * 2) output = output.slice(-LOG_LIMIT);
  };
  child.stdout.setEncoding('utf8').on('data', keep);
  child.stderr.setEncoding('utf8').on('data', keep);
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
    log: () => output.slice(-LOG_LIMIT),
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
