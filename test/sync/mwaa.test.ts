/**
 * `sync --env` against MWAA: the local MWAA server (test/servers/mwaa-server.ts) for the control plane and moto
 * (versioning on) for the bucket, both over HTTP. Covers resolving the environment, the refusals, and
 * requirements/plugins/startup: uploaded only when their content changed, then UpdateEnvironment with the new
 * object versions and --wait until AVAILABLE.
 */
import { cpSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CreateBucketCommand, HeadObjectCommand, ListObjectVersionsCommand, PutBucketVersioningCommand, S3Client } from '@aws-sdk/client-s3';
import { expect } from 'chai';
import { resolveEnvironment } from '../../src/sync/environment';
import { mwaaClientConfig } from '../../src/sync/mwaa';
import { SyncError, SyncUsageError } from '../../src/sync/sync-error';
import { formatDiagnostics } from '../../src/diagnostics/format';
import type { EnvironmentContext } from '../../src/sync/types';
import type { EnvironmentConfig } from '../../src/config/project-config';
import { makeTemp, removeTemp, startMoto, type MotoServer } from '../airflow/harness';
import { startMwaaServer, type MwaaServer } from '../servers/mwaa-server';

const FAST = { initialDelayMs: 5, maxDelayMs: 20, timeoutMs: 10_000 };

function context(cwd: string, environment: EnvironmentConfig, extra: Partial<EnvironmentContext> = {}): EnvironmentContext & { lines: string[] } {
  const lines: string[] = [];
  return {
    cwd,
    config: {
      pipelines: 'pipelines',
      outDir: 'dags-out',
      airflow: '2.10.3',
      vars: new Map(),
      environmentVars: [],
      externalAssets: [],
      environments: new Map(),
      lint: { rules: new Map() },
    },
    environment,
    onMessage: (m) => lines.push(m.type === 'diagnostics' ? formatDiagnostics(m.diagnostics, 'stylish') : m.line),
    targetVersion: '2.10.3',
    waitOptions: FAST,
    lines,
    ...extra,
  };
}

const mwaaEnv = (name: string): EnvironmentConfig => ({ name: 'prod', mwaa: { name, region: 'us-east-1' }, vars: new Map() });

async function rejection(p: Promise<unknown>): Promise<Error> {
  return p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: Error) => e,
  );
}

describe('sync --env with MWAA (local MWAA server, moto S3) @airflow', function () {
  this.timeout(120_000);
  let moto: MotoServer;
  let mwaa: MwaaServer;
  let s3: S3Client;
  const dirs: string[] = [];
  const saved = new Map<string, string | undefined>();

  before(async () => {
    moto = await startMoto();
    mwaa = await startMwaaServer({ s3Endpoint: moto.endpoint, updatePolls: 2 });
    s3 = new S3Client({
      region: 'us-east-1',
      endpoint: moto.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    });
    const vars = {
      AWS_ENDPOINT_URL_MWAA: mwaa.endpoint,
      AWS_ENDPOINT_URL_S3: moto.endpoint,
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
      AWS_REGION: 'us-east-1',
    };
    for (const [k, v] of Object.entries(vars)) {
      saved.set(k, process.env[k]);
      process.env[k] = v;
    }
    for (const [bucket, versioned] of [
      ['mwaa-versioned', true],
      ['mwaa-plain', false],
    ] as const) {
      await s3.send(new CreateBucketCommand({ Bucket: bucket }));
      if (versioned) await s3.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }));
    }
  });
  after(async () => {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    for (const d of dirs) removeTemp(d);
    s3?.destroy();
    await mwaa?.stop();
    await moto?.stop();
  });

  function project(files: Record<string, string>): string {
    const dir = makeTemp('mwaa-project');
    dirs.push(dir);
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(join(dir, rel), text);
    }
    return dir;
  }

  it('turns off the host prefix exactly when an endpoint is configured', () => {
    expect(mwaaClientConfig('us-east-1', {}).disableHostPrefix).to.equal(false);
    expect(mwaaClientConfig('us-east-1', { AWS_ENDPOINT_URL: 'http://127.0.0.1:9' }).disableHostPrefix).to.equal(true);
    expect(mwaaClientConfig('us-east-1', { AWS_ENDPOINT_URL_MWAA: 'https://vpce.example' }).disableHostPrefix).to.equal(true);
    expect(mwaaClientConfig('us-east-1', { AWS_ENDPOINT_URL: 'http://x', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' }).disableHostPrefix).to.equal(
      false,
    );
  });

  it('resolves the bucket, DAG prefix and Airflow version from GetEnvironment', async () => {
    mwaa.addEnvironment({ name: 'ml-resolve', airflowVersion: '2.10.3', bucket: 'mwaa-versioned', dagS3Path: '/team/dags/' });
    const before = mwaa.calls.length;
    const resolved = await resolveEnvironment(context(project({}), mwaaEnv('ml-resolve')));
    expect(resolved.destination).to.deep.equal({
      bucket: 'mwaa-versioned',
      prefix: 'team/dags/',
      region: 'us-east-1',
      airflowVersion: '2.10.3',
      label: "MWAA environment 'ml-resolve' (s3://mwaa-versioned/team/dags/)",
    });
    const calls = mwaa.calls.slice(before);
    expect(calls.map((c) => c.operation)).to.deep.equal(['GetEnvironment']);
    expect(calls[0]!.host).to.equal(new URL(mwaa.endpoint).host);

    // An environment with a customer-managed key: the DAG objects are encrypted with it.
    const key = 'arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555';
    mwaa.addEnvironment({ name: 'ml-kms', airflowVersion: '2.10.3', bucket: 'mwaa-versioned' }).KmsKey = key;
    expect((await resolveEnvironment(context(project({}), mwaaEnv('ml-kms')))).destination.kmsKeyId).to.equal(key);
  });

  it('refuses an UPDATING environment (DS631, exit 3) unless --wait, which polls until AVAILABLE', async () => {
    const env = mwaa.addEnvironment({ name: 'ml-busy', airflowVersion: '2.10.3', bucket: 'mwaa-versioned' });
    env.Status = 'UPDATING';
    const err = await rejection(resolveEnvironment(context(project({}), mwaaEnv('ml-busy'))));
    expect(err).to.be.instanceOf(SyncError).with.property('code', 'DS631');
    expect(err.message).to.equal("MWAA environment 'ml-busy' is UPDATING, not AVAILABLE; nothing was uploaded (pass --wait to wait for it)");

    let polls = 0;
    const ctx = context(project({}), mwaaEnv('ml-busy'), { wait: true });
    const timer = setInterval(() => {
      if (++polls === 3) env.Status = 'AVAILABLE';
    }, 10);
    try {
      const resolved = await resolveEnvironment(ctx);
      expect(resolved.destination.bucket).to.equal('mwaa-versioned');
    } finally {
      clearInterval(timer);
    }
    expect(ctx.lines[0]).to.equal("MWAA environment 'ml-busy' is UPDATING; waiting until it is AVAILABLE");
    expect(ctx.lines.at(-1)).to.match(/^MWAA environment 'ml-busy': AVAILABLE \(\d+s\)$/);
  });

  it('refuses a failed environment even with --wait, naming the last error', async () => {
    const env = mwaa.addEnvironment({ name: 'ml-failed', airflowVersion: '2.10.3', bucket: 'mwaa-versioned' });
    env.Status = 'UPDATE_FAILED';
    env.LastUpdate = { Status: 'FAILED', Error: { ErrorCode: 'ValidationError', ErrorMessage: 'requirements.txt did not install' } };
    const err = await rejection(resolveEnvironment(context(project({}), mwaaEnv('ml-failed'), { wait: true })));
    expect(err).to.be.instanceOf(SyncError).with.property('code', 'DS631');
    expect(err.message).to.contain('is UPDATE_FAILED, not AVAILABLE').and.contain('ValidationError requirements.txt did not install');
  });

  it('refuses an environment running another Airflow version (DS632), saying how to fix it', async () => {
    mwaa.addEnvironment({ name: 'ml-v3', airflowVersion: '3.0.6', bucket: 'mwaa-versioned' });
    const err = await rejection(resolveEnvironment(context(project({}), mwaaEnv('ml-v3'))));
    expect(err).to.be.instanceOf(SyncError).with.property('code', 'DS632');
    expect(err.message).to.equal(
      'MWAA environment \'ml-v3\' runs Airflow 3.0.6, but the DAGs were compiled for Airflow 2.10.3; set airflow: "3.0.6" for this environment in dagsmith.config.yaml (or pass --airflow 3.0.6) and compile again',
    );
  });

  it('says when the environment does not exist (DS630) or the config names no MWAA environment (DS638)', async () => {
    const missing = await rejection(resolveEnvironment(context(project({}), mwaaEnv('ml-nope'))));
    expect(missing).to.be.instanceOf(SyncError).with.property('code', 'DS630');
    expect(missing.message).to.equal("MWAA environment 'ml-nope' does not exist (in this account and region)");
    const neither = await rejection(resolveEnvironment(context(project({}), { name: 'qa', vars: new Map() })));
    expect(neither).to.be.instanceOf(SyncUsageError).with.property('code', 'DS638');
    const bucket = await resolveEnvironment(context(project({}), { name: 'qa', bucket: 's3://self-managed/dags', vars: new Map() }));
    expect(bucket.destination.label).to.equal('s3://self-managed/dags/');
  });

  it('uploads requirements, plugins and startup only when their content changes, then updates the environment with their versions', async () => {
    mwaa.addEnvironment({ name: 'ml-artifacts', airflowVersion: '2.10.3', bucket: 'mwaa-versioned' });
    const files = {
      'mwaa/requirements.txt': 'feature-store-client==1.4.2\n',
      'mwaa/plugins/operators/feature_store.py': 'class FeatureStoreOperator: ...\n',
      'mwaa/plugins/hooks/feature_hook.py': 'X = 1\n',
      'mwaa/startup.sh': '#!/bin/sh\nexport FEATURE_STORE=prod\n',
    };
    const outcome = { destination: { bucket: 'mwaa-versioned', prefix: 'dags/', label: '' }, files: [], uploaded: 0, deleted: 0 };
    const versions = async (key: string): Promise<number> =>
      ((await s3.send(new ListObjectVersionsCommand({ Bucket: 'mwaa-versioned', Prefix: key }))).Versions ?? []).filter((v) => v.Key === key).length;
    const updates = () => mwaa.calls.filter((c) => c.operation === 'UpdateEnvironment' && c.name === 'ml-artifacts');

    // First deploy: all three are new.
    const first = project(files);
    const ctx1 = context(first, mwaaEnv('ml-artifacts'), { wait: true });
    expect(await (await resolveEnvironment(ctx1)).afterDagSync!(outcome)).to.equal(0);
    expect(updates()).to.have.length(1);
    const heads = new Map<string, string>();
    for (const key of ['requirements.txt', 'plugins.zip', 'startup.sh']) {
      heads.set(key, (await s3.send(new HeadObjectCommand({ Bucket: 'mwaa-versioned', Key: key }))).VersionId!);
    }
    expect(updates()[0]!.body).to.deep.equal({
      RequirementsS3Path: 'requirements.txt',
      RequirementsS3ObjectVersion: heads.get('requirements.txt'),
      PluginsS3Path: 'plugins.zip',
      PluginsS3ObjectVersion: heads.get('plugins.zip'),
      StartupScriptS3Path: 'startup.sh',
      StartupScriptS3ObjectVersion: heads.get('startup.sh'),
    });
    expect(mwaa.environment('ml-artifacts').Status).to.equal('AVAILABLE');
    expect(ctx1.lines).to.include("MWAA environment 'ml-artifacts': UPDATING (0s)");

    // A fresh clone of the same files (new timestamps everywhere): no upload, no environment update.
    const clone = makeTemp('mwaa-clone');
    dirs.push(clone);
    cpSync(first, clone, { recursive: true });
    for (const rel of Object.keys(files)) utimesSync(join(clone, rel), new Date('2030-01-01'), new Date('2030-01-01'));
    const ctx2 = context(clone, mwaaEnv('ml-artifacts'), { wait: true });
    expect(await (await resolveEnvironment(ctx2)).afterDagSync!(outcome)).to.equal(0);
    expect(updates()).to.have.length(1);
    for (const key of ['requirements.txt', 'plugins.zip', 'startup.sh']) expect(await versions(key), key).to.equal(1);
    expect(ctx2.lines.filter((l) => l.includes(': unchanged (unchanged)'))).to.have.length(3);

    // One changed file: only requirements.txt is uploaded, and the update names only it.
    writeFileSync(join(clone, 'mwaa/requirements.txt'), 'feature-store-client==1.5.0\n');
    const ctx3 = context(clone, mwaaEnv('ml-artifacts'), { wait: true });
    expect(await (await resolveEnvironment(ctx3)).afterDagSync!(outcome)).to.equal(0);
    expect(updates()).to.have.length(2);
    const newVersion = (await s3.send(new HeadObjectCommand({ Bucket: 'mwaa-versioned', Key: 'requirements.txt' }))).VersionId;
    expect(newVersion).to.not.equal(heads.get('requirements.txt'));
    expect(updates()[1]!.body).to.deep.equal({ RequirementsS3Path: 'requirements.txt', RequirementsS3ObjectVersion: newVersion });
    expect(await versions('requirements.txt')).to.equal(2);
    expect(await versions('plugins.zip')).to.equal(1);
  });

  it('refuses artifacts on an unversioned bucket (DS633) before uploading anything', async () => {
    mwaa.addEnvironment({ name: 'ml-unversioned', airflowVersion: '2.10.3', bucket: 'mwaa-plain' });
    const dir = project({ 'mwaa/requirements.txt': 'x==1\n' });
    const resolved = await resolveEnvironment(context(dir, mwaaEnv('ml-unversioned')));
    const outcome = { destination: resolved.destination, files: [], uploaded: 0, deleted: 0 };
    const err = await rejection(resolved.afterDagSync!(outcome));
    expect(err).to.be.instanceOf(SyncError).with.property('code', 'DS633');
    expect(err.message).to.contain("bucket 'mwaa-plain' has versioning never enabled; MWAA needs a versioned bucket");
    const objects = await s3.send(new ListObjectVersionsCommand({ Bucket: 'mwaa-plain' }));
    expect(objects.Versions ?? []).to.have.length(0);
    expect(mwaa.calls.filter((c) => c.operation === 'UpdateEnvironment' && c.name === 'ml-unversioned')).to.have.length(0);
  });
});
