/**
 * Golden sync scenarios: every folder under test/fixtures-sync/<case>/ is a small dagsmith project plus
 *   scenario.json   { "description", "args" (the sync or plan command), "compile" (run first; default ["compile"]
 *                   plus the --env of args), "buckets" [{ name, versioned }], "objects" [{ bucket, key, text }],
 *                   "environments" (MWAA environments: { name, airflowVersion, bucket, status, missingModules }),
 *                   "webServerHostname" (what CreateCliToken answers), "setup" (test/helpers/setup.ts) }
 *   expected.txt    the command's exit code, stdout and stderr, byte for byte except the moto/MWAA port and the
 *                   seconds of the summary line
 * Each case runs in a temp copy against ONE moto server (S3) and the local MWAA server (test/servers/mwaa-server.ts,
 * real Airflow behind its CLI endpoint), both over HTTP on 127.0.0.1, as `dagsmith sync` would talk to AWS. Bucket
 * names are unique across cases, so that cases do not see each other's objects. The sync changes no local file.
 *
 * `npm run golden:update` (UPDATE_GOLDEN=1) rewrites expected.txt from what the CLI does now: review every change.
 */
import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { copyToTemp, hashTree, removeTemp, runCli } from '../helpers/cli';
import { runCliProcess } from '../helpers/cli-process';
import { startMoto, type MotoServer } from '../helpers/moto';
import { awsEnv, createVersionedBucket, directClient } from '../helpers/s3';
import { applySetup, type SetupStep } from '../helpers/setup';
import { startMwaaServer, type MwaaServer } from '../servers/mwaa-server';
import { startMwaaServerlessServer, TEST_CREDENTIALS, type MwaaServerlessServer } from '../servers/mwaa-serverless-server';
import { CreateBucketCommand } from '@aws-sdk/client-s3';

const FIXTURES = join(__dirname, '..', 'fixtures-sync');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const EXPECTED = 'expected.txt';

interface Scenario {
  readonly description: string;
  readonly args: readonly string[];
  readonly compile?: readonly string[];
  readonly buckets?: readonly { readonly name: string; readonly versioned?: boolean }[];
  readonly objects?: readonly { readonly bucket: string; readonly key: string; readonly text: string }[];
  readonly environments?: readonly {
    name: string;
    airflowVersion: string;
    bucket: string;
    dagS3Path?: string;
    status?: string;
    missingModules?: string[];
  }[];
  readonly webServerHostname?: string;
  readonly setup?: readonly SetupStep[];
  /** 'moto': the MWAA API is not pointed at the local MWAA server, so sync asks moto, which does not serve it. */
  readonly mwaaApi?: 'moto';
  /** Commands run (and expected to succeed) after the compile and before `args`. */
  readonly before?: readonly (readonly string[])[];
  /** MWAA Serverless: what the local service does in this case (test/servers/mwaa-serverless-server.ts). */
  readonly serverless?: {
    readonly failTasks?: readonly string[];
    readonly refuse?: Readonly<Record<string, readonly { Name: string; Message: string }[]>>;
    readonly conflict?: readonly string[];
  };
}

const cases = existsSync(FIXTURES)
  ? readdirSync(FIXTURES, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort()
      .map((name) => ({
        name,
        dir: join(FIXTURES, name),
        scenario: JSON.parse(readFileSync(join(FIXTURES, name, 'scenario.json'), 'utf8')) as Scenario,
      }))
  : [];

/** What varies from run to run: the servers' ports, the seconds a sync took and the seconds --wait waited. */
function normalize(text: string): string {
  return text
    .replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:<port>')
    .replace(/, \d+\.\ds, (\d+ requests?)/g, ', <seconds>s, $1')
    .replace(/^(MWAA environment '[^']*': [A-Z_]+) \(\d+s\)$/gm, '$1 (<seconds>s)')
    .replace(/ after \d+s; gave up waiting/g, ' after <seconds>s; gave up waiting')
    .replace(/\bversion [0-9a-f]{32}\b/g, 'version <version>')
    .replace(/\brun-[0-9a-f]{16}\b/g, 'run-<id>');
}

function transcript(code: number, out: string, err: string): string {
  return normalize(`exit code: ${code}\n--- stdout ---\n${out}--- stderr ---\n${err}`);
}

/** Every `file:line:col` the sync prints names a file of the project (its DAGs included) and a position inside it. */
function checkPositions(project: string, stderr: string): void {
  for (const m of stderr.matchAll(/^(.+?):(\d+):(\d+): (?:error|warning) DS\d{3}: /gm)) {
    const [, file, line, col] = m;
    const abs = join(project, file!);
    expect(existsSync(abs), `the sync names ${file}, which the project does not have`).to.equal(true);
    if (statSync(abs).isDirectory()) continue;
    const text = readFileSync(abs, 'utf8').split('\n')[Number(line) - 1];
    expect(text, `${file}:${line} is past the end of the file`).to.be.a('string');
    expect(Number(col), `${file}:${line}:${col} is past the end of the line`).to.be.within(1, text!.length + 1);
  }
}

describe('golden sync scenarios (test/fixtures-sync/<case>, moto + local MWAA server) @airflow', function () {
  this.timeout(600_000);
  let moto: MotoServer;
  let mwaa: MwaaServer;
  let serverless: MwaaServerlessServer;
  let s3: S3Client;

  before(async () => {
    moto = await startMoto();
    mwaa = await startMwaaServer({ s3Endpoint: moto.endpoint, updatePolls: 1 });
    serverless = await startMwaaServerlessServer({ s3Endpoint: moto.endpoint, validator: 'allowlist' });
    s3 = directClient(moto.endpoint);
  });
  after(async () => {
    s3?.destroy();
    await mwaa?.stop();
    await serverless?.stop();
    await moto?.stop();
  });

  it('has cases, and no two cases share a bucket or an environment', () => {
    expect(cases.length).to.be.greaterThan(0);
    const buckets = cases.flatMap((c) => (c.scenario.buckets ?? []).map((b) => b.name));
    expect(buckets.length, 'bucket names').to.equal(new Set(buckets).size);
    const envs = cases.flatMap((c) => (c.scenario.environments ?? []).map((e) => e.name));
    expect(envs.length, 'environment names').to.equal(new Set(envs).size);
  });

  for (const c of cases) {
    it(`${c.name}: ${c.scenario.description}`, async () => {
      const { scenario } = c;
      for (const b of scenario.buckets ?? []) {
        if (b.versioned) await createVersionedBucket(s3, b.name);
        else await s3.send(new CreateBucketCommand({ Bucket: b.name }));
      }
      for (const o of scenario.objects ?? []) await s3.send(new PutObjectCommand({ Bucket: o.bucket, Key: o.key, Body: o.text }));
      for (const e of scenario.environments ?? []) mwaa.addEnvironment(e);
      mwaa.webServerHostname = scenario.webServerHostname;
      serverless.setFailTasks(scenario.serverless?.failTasks ?? []);

      const dir = copyToTemp(c.dir, `sync-golden-${c.name}`, ['scenario.json', EXPECTED]);
      try {
        const envArg = scenario.args.indexOf('--env');
        const compileArgs = scenario.compile ?? ['compile', ...(envArg >= 0 ? ['--env', scenario.args[envArg + 1]!] : [])];
        const compiled = await runCli(compileArgs, dir);
        expect(compiled.code, `${compileArgs.join(' ')}:\n${compiled.err}`).to.equal(0);
        applySetup(dir, scenario.setup ?? []);
        // The local MWAA Serverless server checks SigV4 with its own test credentials; moto takes any.
        const env = {
          ...awsEnv(moto.endpoint),
          ...(scenario.mwaaApi === 'moto' ? {} : { AWS_ENDPOINT_URL_MWAA: mwaa.endpoint }),
          AWS_ENDPOINT_URL_MWAA_SERVERLESS: serverless.endpoint,
          AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
          AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
        };
        for (const args of scenario.before ?? []) {
          const ran = await runCli(args, dir, env);
          expect(ran.code, `${args.join(' ')}:\n${ran.err}`).to.equal(0);
        }
        for (const [operation, fields] of Object.entries(scenario.serverless?.refuse ?? {})) serverless.refuse(operation, fields);
        for (const operation of scenario.serverless?.conflict ?? []) serverless.conflict(operation, 1);

        const before = hashTree(dir);
        // --verify talks https to the local web server, whose certificate comes from the test's CA: such a case runs
        // the CLI as a process that trusts it, as a user with a private CA would (NODE_EXTRA_CA_CERTS).
        const result = scenario.args.includes('--verify')
          ? await runCliProcess(scenario.args, dir, { ...env, NODE_EXTRA_CA_CERTS: mwaa.caFile, NODE_NO_WARNINGS: '1' })
          : await runCli(scenario.args, dir, env);
        expect(hashTree(dir), 'a sync changes no local file').to.deep.equal(before);
        checkPositions(dir, result.err);
        const got = transcript(result.code, result.out, result.err);
        if (UPDATE) writeFileSync(join(c.dir, EXPECTED), got);
        else expect(got).to.equal(readFileSync(join(c.dir, EXPECTED), 'utf8'));
      } finally {
        mwaa.webServerHostname = undefined;
        removeTemp(dir);
      }
    });
  }
});
