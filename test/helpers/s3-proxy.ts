/**
 * An HTTP proxy in front of a moto server (point AWS_ENDPOINT_URL at it) that records every request and can
 * inject the faults a real server will not produce on demand: 503 SlowDown, 500 InternalError, a connection
 * dropped before the request reaches the server, and one dropped after the server handled it (the response lost).
 */
import { request as httpRequest, createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface RecordedRequest {
  /** 0-based position among the requests the proxy received. */
  readonly index: number;
  readonly method: string;
  /** Path and query, as sent (path-style: /bucket/key?query). */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  /** The fault injected into it, if any. */
  readonly fault?: Fault;
}

export type Fault = 'slowdown-503' | 'internal-500' | 'drop' | 'drop-after';
export const FAULTS: readonly Fault[] = ['slowdown-503', 'internal-500', 'drop', 'drop-after'];

/** Decides the fault of each request from what is known when it arrives. */
export type FaultPolicy = (req: { index: number; method: string; url: string }) => Fault | undefined;

export interface S3Proxy {
  readonly endpoint: string;
  readonly requests: RecordedRequest[];
  /** Forget the recorded requests (positions count from 0 again) and set the fault policy. */
  reset(policy?: FaultPolicy): void;
  /** Holds each request for which `gate` returns a promise until it settles (to make two clients overlap). */
  setGate(gate?: (req: { method: string; url: string }) => Promise<void> | undefined): void;
  /** Requests that change state (anything but GET and HEAD). */
  writes(): RecordedRequest[];
  close(): Promise<void>;
}

const S3_ERRORS: Record<'slowdown-503' | 'internal-500', { status: number; code: string; message: string }> = {
  'slowdown-503': { status: 503, code: 'SlowDown', message: 'Please reduce your request rate.' },
  'internal-500': { status: 500, code: 'InternalError', message: 'We encountered an internal error. Please try again.' },
};

export async function startS3Proxy(target: string): Promise<S3Proxy> {
  const upstream = new URL(target);
  const requests: RecordedRequest[] = [];
  let policy: FaultPolicy | undefined;
  let gate: ((req: { method: string; url: string }) => Promise<void> | undefined) | undefined;
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const index = requests.length;
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const fault = policy?.({ index, method, url });
    requests.push({ index, method, url, headers: req.headers, ...(fault ? { fault } : {}) });
    if (fault === 'drop') {
      req.socket.destroy();
      return;
    }
    if (fault === 'slowdown-503' || fault === 'internal-500') {
      const e = S3_ERRORS[fault];
      req.resume();
      req.on('end', () => {
        const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${e.code}</Code><Message>${e.message}</Message><RequestId>proxy-${index}</RequestId></Error>`;
        res.writeHead(e.status, { 'content-type': 'application/xml', 'content-length': method === 'HEAD' ? 0 : Buffer.byteLength(body) });
        res.end(method === 'HEAD' ? undefined : body);
      });
      return;
    }
    const held = gate?.({ method, url });
    if (held) {
      req.pause();
      // A client that went away while its request was held (a killed process) is not forwarded: S3 never sees it.
      void held.then(() => (req.socket.destroyed ? undefined : proxyOn(req, res, fault, method, url)));
      return;
    }
    proxyOn(req, res, fault, method, url);
  });
  const proxyOn = (req: IncomingMessage, res: ServerResponse, fault: Fault | undefined, method: string, url: string): void => {
    const forward = httpRequest({ host: upstream.hostname, port: upstream.port, method, path: url, headers: req.headers }, (up) => {
      if (fault === 'drop-after') {
        // The server did the work; the client never hears of it.
        up.resume();
        up.on('end', () => req.socket.destroy());
        return;
      }
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    forward.on('error', (err) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`proxy: ${err.message}`);
    });
    req.pipe(forward);
    req.resume();
  };
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    setGate(g) {
      gate = g;
    },
    reset(p) {
      requests.length = 0;
      policy = p;
    },
    writes: () => requests.filter((r) => r.method !== 'GET' && r.method !== 'HEAD'),
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
