/**
 * A local stand-in for the Amazon MWAA control plane and an environment's web server, for tests (moto has no
 * MWAA). It speaks MWAA's REST-JSON API on 127.0.0.1 — GetEnvironment, UpdateEnvironment (UPDATING for a few
 * polls, then AVAILABLE), CreateCliToken — and, as the environment's web server, the /aws_mwaa/cli endpoint over
 * HTTPS (as every MWAA web server), with a certificate from a CA made for this server (test/helpers/test-ca.ts) that
 * clients are told to trust; a plain-HTTP copy of the web server stands for a local emulator without TLS. That endpoint does what
 * MWAA does with `dags list-import-errors`: the environment's DAG objects are copied from the S3 bucket (moto)
 * into a DAG folder and the REAL Airflow CLI of the test virtualenv for the environment's Airflow version runs
 * on it, with a fresh SQLite metadata DB. Its stdout and stderr come back base64-encoded in JSON, as MWAA sends.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { makeTestCa } from '../helpers/test-ca';
import { dirname, join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { AIRFLOW_VERSIONS, airflowPython, makeTemp, removeTemp, runProcess } from '../airflow/harness';

export interface FakeEnvironment {
  Name: string;
  Arn: string;
  Status: string;
  AirflowVersion: string;
  SourceBucketArn: string;
  DagS3Path: string;
  WebserverUrl: string;
  KmsKey?: string;
  RequirementsS3Path?: string;
  RequirementsS3ObjectVersion?: string;
  PluginsS3Path?: string;
  PluginsS3ObjectVersion?: string;
  StartupScriptS3Path?: string;
  StartupScriptS3ObjectVersion?: string;
  LastUpdate?: { Status: string; CreatedAt?: number; Error?: { ErrorCode: string; ErrorMessage: string } };
}

export interface ServerCall {
  readonly operation: 'GetEnvironment' | 'UpdateEnvironment' | 'CreateCliToken' | 'Cli' | 'Unknown';
  readonly name: string;
  readonly body: unknown;
  /** The Host header: shows whether the client added a host prefix. */
  readonly host: string;
}

export interface MwaaServerOptions {
  /** moto's endpoint: the CLI endpoint reads DAG objects from there. */
  readonly s3Endpoint: string;
  /** GetEnvironment answers UPDATING this many times after an UpdateEnvironment, then AVAILABLE. */
  readonly updatePolls?: number;
  /** Hard limit for each Airflow process the CLI endpoint runs. */
  readonly cliTimeoutMs?: number;
}

export interface MwaaServer {
  /** The MWAA API (AWS_ENDPOINT_URL_MWAA), plain HTTP as a local endpoint override may be. */
  readonly endpoint: string;
  /** The web server CreateCliToken names (host:port), HTTPS with a certificate from the test CA. */
  readonly webServerHost: string;
  /** The same web server without TLS (host:port), as a local emulator may serve it (`--verify-plain-http`). */
  readonly plainWebServerHost: string;
  /** The test CA: PEM, and a file of it for NODE_EXTRA_CA_CERTS. */
  readonly caPem: string;
  readonly caFile: string;
  readonly calls: ServerCall[];
  /**
   * `missingModules`: Python modules the environment's Airflow cannot import, as when its requirements.txt pinned a
   * provider release without them: a DAG that compiles cleanly and still fails on that environment.
   */
  addEnvironment(env: {
    name: string;
    airflowVersion: string;
    bucket: string;
    dagS3Path?: string;
    status?: string;
    missingModules?: readonly string[];
  }): FakeEnvironment;
  environment(name: string): FakeEnvironment;
  /** What CreateCliToken gives as WebServerHostname (default: the HTTPS web server's host:port). */
  webServerHostname: string | undefined;
  stop(): Promise<void>;
}

const UPDATABLE = [
  'RequirementsS3Path',
  'RequirementsS3ObjectVersion',
  'PluginsS3Path',
  'PluginsS3ObjectVersion',
  'StartupScriptS3Path',
  'StartupScriptS3ObjectVersion',
] as const;

function send(res: ServerResponse, status: number, body: unknown, errorType?: string): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
  });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (data += c));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

export async function startMwaaServer(opts: MwaaServerOptions): Promise<MwaaServer> {
  const environments = new Map<string, FakeEnvironment>();
  /** Polls left in UPDATING per environment. */
  const updating = new Map<string, number>();
  const tokens = new Map<string, { env: string; expires: number }>();
  const calls: ServerCall[] = [];
  const s3 = new S3Client({
    region: 'us-east-1',
    endpoint: opts.s3Endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
  });
  const missing = new Map<string, readonly string[]>();

  async function runImportErrors(env: FakeEnvironment, args: readonly string[]): Promise<{ stdout: string; stderr: string }> {
    if (!AIRFLOW_VERSIONS.includes(env.AirflowVersion)) throw new Error(`no test virtualenv for Airflow ${env.AirflowVersion}`);
    const python = airflowPython(env.AirflowVersion);
    const home = makeTemp('mwaa-cli');
    try {
      // MWAA's DAG folder is /usr/local/airflow/dags; the same layout under the temp folder, so the paths
      // Airflow reports end the way they do on MWAA.
      const dags = join(home, 'usr', 'local', 'airflow', 'dags');
      mkdirSync(dags, { recursive: true });
      const bucket = env.SourceBucketArn.replace(/^arn:aws:s3:::/, '');
      const prefix = `${env.DagS3Path.replace(/^\/+|\/+$/g, '')}/`;
      let token: string | undefined;
      do {
        const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
        for (const obj of page.Contents ?? []) {
          const rel = obj.Key!.slice(prefix.length);
          if (!rel || rel.endsWith('/') || rel.split('/').some((p) => p === '..' || p === '')) continue;
          const body = await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: obj.Key! }))).Body!.transformToByteArray();
          mkdirSync(dirname(join(dags, rel)), { recursive: true });
          writeFileSync(join(dags, rel), body);
        }
        token = page.NextContinuationToken;
      } while (token);
      const site = join(home, 'site');
      const gone = missing.get(env.Name) ?? [];
      if (gone.length > 0) {
        mkdirSync(site);
        writeFileSync(
          join(site, 'sitecustomize.py'),
          [
            'import importlib.abc, sys',
            `MISSING = set(${JSON.stringify(gone)})`,
            'class _Missing(importlib.abc.MetaPathFinder):',
            '    def find_spec(self, name, path=None, target=None):',
            '        if name in MISSING:',
            '            raise ModuleNotFoundError(f"No module named {name!r}", name=name)',
            '        return None',
            'sys.meta_path.insert(0, _Missing())',
            '',
          ].join('\n'),
        );
      }
      const airflowEnv = {
        ...(gone.length > 0 ? { PYTHONPATH: site } : {}),
        AIRFLOW_HOME: home,
        AIRFLOW__CORE__DAGS_FOLDER: dags,
        AIRFLOW__CORE__LOAD_EXAMPLES: 'False',
        AIRFLOW__CORE__UNIT_TEST_MODE: 'False',
        // Nothing a DAG does at import may reach real AWS.
        AWS_ENDPOINT_URL: opts.s3Endpoint,
        AWS_ACCESS_KEY_ID: 'testing',
        AWS_SECRET_ACCESS_KEY: 'testing',
        AWS_DEFAULT_REGION: 'us-east-1',
      };
      const timeoutMs = opts.cliTimeoutMs ?? 180_000;
      const initdb = await runProcess(python, ['-c', 'from airflow.utils import db; db.initdb()'], { env: airflowEnv, timeoutMs });
      if (initdb.code !== 0) throw new Error(`airflow db init failed:\n${initdb.stderr}`);
      const airflow = join(dirname(python), 'airflow');
      if (env.AirflowVersion.startsWith('3.')) {
        // Airflow 3's command reads import errors from the metadata DB, which MWAA's DAG processor fills;
        // `dags reserialize` parses the DAG folder and records them the same way.
        const parsed = await runProcess(airflow, ['dags', 'reserialize'], { env: airflowEnv, timeoutMs });
        if (parsed.code !== 0) throw new Error(`airflow dags reserialize failed:\n${parsed.stderr}`);
      }
      const res = await runProcess(airflow, args, { env: airflowEnv, timeoutMs });
      if (res.timedOut) throw new Error(`airflow ${args.join(' ')} timed out`);
      return { stdout: res.stdout, stderr: res.stderr };
    } finally {
      removeTemp(home);
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const text = await readBody(req);
    const host = req.headers.host ?? '';
    const envMatch = /^\/environments\/([^/]+)$/.exec(url.pathname);
    const tokenMatch = /^\/clitoken\/([^/]+)$/.exec(url.pathname);
    if (envMatch && req.method === 'GET') {
      const name = decodeURIComponent(envMatch[1]!);
      calls.push({ operation: 'GetEnvironment', name, body: null, host });
      const env = environments.get(name);
      if (!env) return send(res, 404, { message: `Environment ${name} not found` }, 'ResourceNotFoundException');
      const left = updating.get(name);
      if (left !== undefined) {
        if (left <= 0) {
          updating.delete(name);
          env.Status = 'AVAILABLE';
          env.LastUpdate = { Status: 'SUCCESS' };
        } else updating.set(name, left - 1);
      }
      return send(res, 200, { Environment: env });
    }
    if (envMatch && req.method === 'PATCH') {
      const name = decodeURIComponent(envMatch[1]!);
      const body = JSON.parse(text || '{}') as Record<string, unknown>;
      calls.push({ operation: 'UpdateEnvironment', name, body, host });
      const env = environments.get(name);
      if (!env) return send(res, 404, { message: `Environment ${name} not found` }, 'ResourceNotFoundException');
      if (env.Status !== 'AVAILABLE') {
        return send(res, 400, { message: `Environment ${name} is ${env.Status}; it cannot be updated now` }, 'ValidationException');
      }
      for (const key of UPDATABLE) {
        if (typeof body[key] === 'string') env[key] = body[key];
      }
      env.Status = 'UPDATING';
      env.LastUpdate = { Status: 'PENDING' };
      updating.set(name, opts.updatePolls ?? 2);
      return send(res, 200, { Arn: env.Arn });
    }
    if (tokenMatch && req.method === 'POST') {
      const name = decodeURIComponent(tokenMatch[1]!);
      calls.push({ operation: 'CreateCliToken', name, body: null, host });
      if (!environments.has(name)) return send(res, 404, { message: `Environment ${name} not found` }, 'ResourceNotFoundException');
      const token = randomBytes(24).toString('base64url');
      tokens.set(token, { env: name, expires: Date.now() + 60_000 });
      return send(res, 200, { CliToken: token, WebServerHostname: api.webServerHostname ?? webServerHost });
    }
    if (url.pathname === '/aws_mwaa/cli' && req.method === 'POST') {
      const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
      const grant = auth ? tokens.get(auth[1]!) : undefined;
      calls.push({ operation: 'Cli', name: grant?.env ?? '', body: text, host });
      if (!grant || grant.expires < Date.now()) return send(res, 403, { message: 'invalid or expired CLI token' });
      const args = text.trim().split(/\s+/);
      if (args[0] !== 'dags' || args[1] !== 'list-import-errors') {
        return send(res, 400, { message: `this test server runs only 'dags list-import-errors', not '${text}'` });
      }
      const out = await runImportErrors(environments.get(grant.env)!, args);
      return send(res, 200, {
        stdout: Buffer.from(out.stdout, 'utf8').toString('base64'),
        stderr: Buffer.from(out.stderr, 'utf8').toString('base64'),
      });
    }
    calls.push({ operation: 'Unknown', name: `${req.method} ${url.pathname}`, body: text, host });
    send(res, 404, { message: `no route for ${req.method} ${url.pathname}` }, 'UnknownOperationException');
  }

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((err: Error) => send(res, 500, { message: err.stack ?? err.message }, 'InternalServerException'));
  };
  const ca = makeTestCa();
  const server: Server = createServer(handler);
  const web = createHttpsServer({ key: ca.key, cert: ca.cert }, handler);
  const plain: Server = createServer(handler);
  const listen = (srv: Server) =>
    new Promise<number>((resolve, reject) => {
      srv.once('error', reject);
      srv.listen(0, '127.0.0.1', () => resolve((srv.address() as AddressInfo).port));
    });
  const endpoint = `http://127.0.0.1:${await listen(server)}`;
  const webServerHost = `127.0.0.1:${await listen(web)}`;
  const plainWebServerHost = `127.0.0.1:${await listen(plain)}`;

  const api: MwaaServer = {
    endpoint,
    webServerHost,
    plainWebServerHost,
    caPem: ca.caPem,
    caFile: ca.caFile,
    calls,
    webServerHostname: undefined,
    addEnvironment({ name, airflowVersion, bucket, dagS3Path = 'dags', status = 'AVAILABLE', missingModules = [] }) {
      missing.set(name, missingModules);
      const env: FakeEnvironment = {
        Name: name,
        Arn: `arn:aws:airflow:us-east-1:123456789012:environment/${name}`,
        Status: status,
        AirflowVersion: airflowVersion,
        SourceBucketArn: `arn:aws:s3:::${bucket}`,
        DagS3Path: dagS3Path,
        WebserverUrl: webServerHost,
      };
      environments.set(name, env);
      return env;
    },
    environment(name) {
      const env = environments.get(name);
      if (!env) throw new Error(`no environment ${name}`);
      return env;
    },
    async stop() {
      s3.destroy();
      for (const srv of [server, web, plain]) {
        srv.closeAllConnections();
        await new Promise<void>((resolve) => srv.close(() => resolve()));
      }
      ca.remove();
    },
  };
  return api;
}
