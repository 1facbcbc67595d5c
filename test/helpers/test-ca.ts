/**
 * A certificate authority made for one test run (with the openssl command line), and a server certificate it signs
 * for 127.0.0.1 and localhost: what a local stand-in for an HTTPS service (the MWAA web server) serves, and what a
 * client is told to trust (NODE_EXTRA_CA_CERTS for a process, an agent for a request). Nothing is trusted by default.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { makeTemp, removeTemp } from './cli';

export interface TestCa {
  /** The CA certificate (PEM), and the file holding it (for NODE_EXTRA_CA_CERTS). */
  readonly caPem: string;
  readonly caFile: string;
  /** The server's key and certificate (PEM), signed by the CA, for 127.0.0.1 and localhost. */
  readonly key: string;
  readonly cert: string;
  remove(): void;
}

export function makeTestCa(): TestCa {
  const dir = makeTemp('test-ca');
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(
    'req',
    '-x509',
    ...ec,
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '2',
    '-subj',
    '/CN=dagsmith test CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign',
  );
  openssl('req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1');
  writeFileSync(
    join(dir, 'server.ext'),
    'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n',
  );
  openssl(
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'server.pem',
    '-days',
    '2',
    '-extfile',
    'server.ext',
  );
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  return { caPem: read('ca.pem'), caFile: join(dir, 'ca.pem'), key: read('server.key'), cert: read('server.pem'), remove: () => removeTemp(dir) };
}

/** A `fetch` that trusts exactly `caPem` (and nothing else): the agent a test passes to code that takes a fetch. */
export function fetchTrusting(caPem: string): typeof fetch {
  const trusting = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input);
    const body = typeof init?.body === 'string' ? init.body : '';
    const headers = new Headers(init?.headers);
    return new Promise<Response>((resolve, reject) => {
      const req = request(
        url,
        { method: init?.method ?? 'GET', ca: caPem, headers: Object.fromEntries(headers), signal: init?.signal ?? undefined },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 500 })));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  };
  return trusting;
}
