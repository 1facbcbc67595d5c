/**
 * `dagsmith sync --env E` for an MWAA Serverless environment (src/use-cases/sync-serverless.ts, src/sync/serverless/):
 * against moto's S3 (a versioned bucket) and the local MWAA Serverless server (test/servers/mwaa-serverless-server.ts,
 * SigV4 checked, definitions read from moto by version, validated against AWS's allowlist). Create, a no-op that
 * makes no write call, update (a new workflow version), runs followed to the end, and the service's answers:
 * Warnings and ValidationException fields at the spec's positions, ConflictException, throttling.
 */
import { CreateBucketCommand, HeadObjectCommand, ListObjectVersionsCommand, PutBucketVersioningCommand, S3Client } from '@aws-sdk/client-s3';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { expect } from 'chai';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiagnostics } from '../../../src/diagnostics/format';
import { RemoteError } from '../../../src/diagnostics/types';
import { MwaaServerlessClient } from '../../../src/sync/serverless/api';
import { compileProject } from '../../../src/use-cases/compile';
import { syncServerlessProject, type ServerlessSyncEvent, type ServerlessSyncOptions } from '../../../src/use-cases/sync-serverless';
import { makeTemp, removeTemp, startMoto, type MotoServer } from '../../airflow/harness';
import { runCli } from '../../helpers/cli';
import { startMwaaServerlessServer, TEST_CREDENTIALS, type MwaaServerlessServer } from '../../servers/mwaa-serverless-server';

const BUCKET = 'acme-workflows';
const ROLE = 'arn:aws:iam::123456789012:role/mwaa-serverless';

const CONFIG = `environments:
  sl:
    target: mwaa-serverless
    serverless:
      bucket: s3://${BUCKET}/definitions/
      roleArn: ${ROLE}
      workflowName: "ml-{id}"
      logGroup: /aws/mwaa-serverless/ml
  unversioned:
    target: mwaa-serverless
    serverless:
      bucket: s3://plain-bucket/defs/
      roleArn: ${ROLE}
`;

const LANDING = `version: 1
id: landing
description: Land the hourly export
schedule: "15 * * * *"
startDate: 2026-01-01
maxActiveRuns: 2
steps:
  - id: wait_export
    kind: s3.wait
    bucket: acme-raw
    key: "exports/{{ run_id }}/_SUCCESS"
  - id: copy
    kind: s3.copy
    from: "s3://acme-raw/exports/{{ run_id }}/data.csv"
    to: "s3://acme-curated/orders/{{ run_id }}/data.csv"
    dependsOn: [wait_export]
`;

const CRAWL = `version: 1
id: crawl
steps:
  - { id: crawl_raw, kind: glue.crawler, crawler: raw-events }
  - { id: check, kind: airflow.operator, operator: airflow.providers.amazon.aws.sensors.glue_crawler.GlueCrawlerSensor, arguments: { crawler_name: raw-events }, dependsOn: [crawl_raw] }
`;

describe('sync to MWAA Serverless @moto', function () {
  this.timeout(120_000);
  let moto: MotoServer;
  let server: MwaaServerlessServer;
  let s3: S3Client;
  let dir = '';

  const clients = () => ({
    s3,
    serverless: new MwaaServerlessClient({
      region: server.region,
      endpoint: server.endpoint,
      credentials: TEST_CREDENTIALS,
      retryStrategy: new ConfiguredRetryStrategy(3, 0),
    }),
  });
  const sync = (extra: Partial<ServerlessSyncOptions> = {}, events: ServerlessSyncEvent[] = []) =>
    syncServerlessProject({ cwd: dir, env: 'sl', clients: clients(), pollSeconds: 0.01, ...extra }, (e) => events.push(e));
  const writes = () => server.calls.filter((c) => c.operation === 'CreateWorkflow' || c.operation === 'UpdateWorkflow');
  const lineOf = (file: string, text: string) =>
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .findIndex((l) => l.includes(text)) + 1;

  before(async () => {
    moto = await startMoto();
    s3 = new S3Client({
      region: 'us-east-1',
      endpoint: moto.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    });
    await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    await s3.send(new PutBucketVersioningCommand({ Bucket: BUCKET, VersioningConfiguration: { Status: 'Enabled' } }));
    await s3.send(new CreateBucketCommand({ Bucket: 'plain-bucket' }));
    server = await startMwaaServerlessServer({ s3Endpoint: moto.endpoint, validator: 'allowlist', failTasks: [] });
    dir = makeTemp('serverless-sync');
    mkdirSync(join(dir, 'pipelines'));
    writeFileSync(join(dir, 'dagsmith.config.yaml'), CONFIG);
    writeFileSync(join(dir, 'pipelines', 'landing.yaml'), LANDING);
    writeFileSync(join(dir, 'pipelines', 'crawl.yaml'), CRAWL);
    expect(compileProject({ cwd: dir, env: 'sl' }).status).to.equal('written');
  });

  after(async () => {
    await server?.stop();
    s3?.destroy();
    await moto?.stop();
    removeTemp(dir);
  });

  it('plans without writing (dry run)', async () => {
    const r = await sync({ dryRun: true });
    expect(r.status).to.equal('deployed');
    if (r.status !== 'deployed') return;
    expect(r.report.workflows.map((w) => [w.workflow, w.action, w.status])).to.deep.equal([
      ['ml-crawl', 'create', 'planned'],
      ['ml-landing', 'create', 'planned'],
    ]);
    expect(r.report.writes).to.equal(0);
    expect(writes()).to.deep.equal([]);
    expect((await s3.send(new ListObjectVersionsCommand({ Bucket: BUCKET }))).Versions ?? []).to.deep.equal([]);
  });

  it('creates a workflow per pipeline from the definition it uploads by content hash, with its version; warnings at their spec position', async () => {
    const r = await sync();
    expect(r.status).to.equal('deployed');
    if (r.status !== 'deployed') return;
    expect(r.report.workflows.map((w) => [w.workflow, w.action, w.status, w.uploaded])).to.deep.equal([
      ['ml-crawl', 'create', 'done', true],
      ['ml-landing', 'create', 'done', true],
    ]);
    const landing = r.report.workflows.find((w) => w.pipeline === 'landing')!;
    const definition = readFileSync(join(dir, 'dags-out', 'sl', 'landing.yaml'), 'utf8');
    expect(landing.location.ObjectKey).to.match(/^definitions\/ml-landing\/[0-9a-f]{64}\.yaml$/);
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: landing.location.ObjectKey }));
    expect(head.VersionId).to.equal(landing.location.VersionId);
    const wf = [...server.workflows.values()].find((w) => w.name === 'ml-landing')!;
    expect(wf.versions).to.have.length(1);
    expect(wf.versions[0]!.definition).to.equal(definition);
    expect(wf.versions[0]!.location).to.deep.equal(landing.location);
    expect(wf.versions[0]!.request).to.include({ RoleArn: ROLE, Description: 'Land the hourly export' });
    expect(wf.versions[0]!.request.LoggingConfiguration).to.deep.equal({ LogGroupName: '/aws/mwaa-serverless/ml' });
    // The local service warns that max_active_runs has no effect: reported at maxActiveRuns.
    expect(formatDiagnostics(r.diagnostics, 'stylish')).to.equal(
      `pipelines/landing.yaml:${lineOf('pipelines/landing.yaml', 'maxActiveRuns')}:16: warning DS652: MWAA Serverless warns about workflow 'ml-landing': "landing.max_active_runs: 'max_active_runs' has no effect on MWAA Serverless"`,
    );
  });

  it('makes no write call when nothing changed (no upload, no UpdateWorkflow)', async () => {
    const before = writes().length;
    const versions = (await s3.send(new ListObjectVersionsCommand({ Bucket: BUCKET }))).Versions?.length;
    const r = await sync();
    if (r.status !== 'deployed') throw new Error(r.status);
    expect(r.report.workflows.map((w) => [w.workflow, w.action, w.uploaded])).to.deep.equal([
      ['ml-crawl', 'unchanged', false],
      ['ml-landing', 'unchanged', false],
    ]);
    expect(r.report.writes).to.equal(0);
    expect(writes().length).to.equal(before);
    expect((await s3.send(new ListObjectVersionsCommand({ Bucket: BUCKET }))).Versions?.length).to.equal(versions);
  });

  it('updates a changed workflow to a new version and leaves the other alone', async () => {
    writeFileSync(join(dir, 'pipelines', 'landing.yaml'), LANDING.replace('acme-curated', 'acme-curated-v2'));
    expect(compileProject({ cwd: dir, env: 'sl' }).status).to.equal('written');
    const r = await sync();
    if (r.status !== 'deployed') throw new Error(r.status);
    expect(r.report.workflows.map((w) => [w.workflow, w.action, w.uploaded])).to.deep.equal([
      ['ml-crawl', 'unchanged', false],
      ['ml-landing', 'update', true],
    ]);
    const wf = [...server.workflows.values()].find((w) => w.name === 'ml-landing')!;
    expect(wf.versions).to.have.length(2);
    expect(r.report.workflows[1]!.version).to.equal(wf.versions[1]!.version);
    expect(wf.versions[1]!.definition).to.include('acme-curated-v2');
  });

  it('refuses to deploy what was not compiled (a stale output folder)', async () => {
    writeFileSync(join(dir, 'pipelines', 'landing.yaml'), LANDING.replace('acme-curated', 'acme-curated-v3'));
    const r = await sync();
    expect(r.status).to.equal('stale');
    writeFileSync(join(dir, 'pipelines', 'landing.yaml'), LANDING.replace('acme-curated', 'acme-curated-v2'));
  });

  it('runs a workflow and follows it to the end, printing each task state (--run)', async () => {
    const events: ServerlessSyncEvent[] = [];
    const r = await sync({ run: 'landing' }, events);
    if (r.status !== 'deployed') throw new Error(r.status);
    expect(r.runs.map((x) => [x.workflow, x.outcome.state, x.outcome.tasks.map((t) => `${t.taskId}=${t.state}`)])).to.deep.equal([
      ['ml-landing', 'SUCCESS', ['wait_export=SUCCESS', 'copy=SUCCESS']],
    ]);
    const runStates = events.filter((e) => e.type === 'run').map((e) => (e.type === 'run' ? e.state : ''));
    expect(runStates[runStates.length - 1]).to.equal('SUCCESS');
    expect(events.some((e) => e.type === 'task' && e.taskId === 'copy' && e.state === 'RUNNING')).to.equal(true);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).to.deep.equal([]);
  });

  it('reports a failed run at the pipeline, with the failed tasks (DS656)', async () => {
    const failing = await startMwaaServerlessServer({ s3Endpoint: moto.endpoint, validator: 'allowlist', failTasks: ['crawl_raw'] });
    try {
      const r = await syncServerlessProject({
        cwd: dir,
        env: 'sl',
        run: true,
        pollSeconds: 0.01,
        clients: { s3, serverless: new MwaaServerlessClient({ region: failing.region, endpoint: failing.endpoint, credentials: TEST_CREDENTIALS }) },
      });
      if (r.status !== 'deployed') throw new Error(r.status);
      expect(r.runs.map((x) => [x.workflow, x.outcome.state])).to.deep.equal([
        ['ml-crawl', 'FAILED'],
        ['ml-landing', 'SUCCESS'],
      ]);
      const ds656 = r.diagnostics.filter((d) => d.code === 'DS656');
      expect(ds656.map((d) => [d.file, d.line, d.message.replace(/run-[0-9a-f]+/, 'run-x')])).to.deep.equal([
        [
          'pipelines/crawl.yaml',
          2,
          "run run-x of workflow 'ml-crawl' ended FAILED: crawl_raw FAILED, check UPSTREAM_FAILED (tasks failed: crawl_raw)",
        ],
      ]);
    } finally {
      await failing.stop();
    }
  });

  it('reports the fields of a ValidationException where the pipeline says them (DS653), and changes nothing', async () => {
    writeFileSync(join(dir, 'pipelines', 'landing.yaml'), LANDING.replace('acme-curated', 'acme-curated-v4'));
    expect(compileProject({ cwd: dir, env: 'sl' }).status).to.equal('written');
    server.refuse('UpdateWorkflow', [
      { Name: 'landing.start_date', Message: 'Must be in the future' },
      { Name: 'landing.tasks.copy.dest_bucket_key', Message: 'not allowed \u001b[31mhere' },
    ]);
    const wf = [...server.workflows.values()].find((w) => w.name === 'ml-landing')!;
    const versions = wf.versions.length;
    const r = await sync();
    if (r.status !== 'deployed') throw new Error(r.status);
    expect(r.report.workflows.find((w) => w.pipeline === 'landing')!.status).to.equal('refused');
    expect(
      formatDiagnostics(
        r.diagnostics.filter((d) => d.code === 'DS653'),
        'stylish',
      ).split('\n'),
    ).to.deep.equal([
      `pipelines/landing.yaml:${lineOf('pipelines/landing.yaml', 'startDate')}:12: error DS653: MWAA Serverless refused workflow 'ml-landing' at "landing.start_date": "Must be in the future"`,
      `pipelines/landing.yaml:${lineOf('pipelines/landing.yaml', 'kind: s3.copy')}:11: error DS653: MWAA Serverless refused workflow 'ml-landing' at "landing.tasks.copy.dest_bucket_key": "not allowed \\u001b[31mhere"`,
    ]);
    expect(wf.versions.length).to.equal(versions);
  });

  it('reports a ConflictException at the pipeline (DS654)', async () => {
    server.conflict('UpdateWorkflow', 1);
    const r = await sync();
    if (r.status !== 'deployed') throw new Error(r.status);
    expect(r.diagnostics.filter((d) => d.code === 'DS654').map((d) => [d.file, d.message])).to.deep.equal([
      ['pipelines/landing.yaml', 'MWAA Serverless: "UpdateWorkflow conflicts with a change in progress" (workflow \'ml-landing\')'],
    ]);
  });

  it('retries throttled calls (the SDK standard strategy), and fails with a remote error when throttling outlasts it', async () => {
    server.throttle('UpdateWorkflow', 2);
    const ok = await sync();
    if (ok.status !== 'deployed') throw new Error(ok.status);
    expect(ok.report.workflows.find((w) => w.pipeline === 'landing')!.action).to.equal('update');
    expect(ok.diagnostics.filter((d) => d.severity === 'error')).to.deep.equal([]);
    writeFileSync(join(dir, 'pipelines', 'landing.yaml'), LANDING.replace('acme-curated', 'acme-curated-v5'));
    expect(compileProject({ cwd: dir, env: 'sl' }).status).to.equal('written');
    server.throttle('UpdateWorkflow', 5);
    let err: unknown;
    try {
      await sync();
    } catch (e) {
      err = e;
    }
    expect(err).to.be.instanceOf(RemoteError);
    expect((err as Error).message).to.equal('UpdateWorkflow failed: ThrottlingException: Rate exceeded');
  });

  it('refuses a bucket without versioning (DS651)', async () => {
    expect(compileProject({ cwd: dir, env: 'unversioned' }).status).to.equal('written');
    const r = await syncServerlessProject({ cwd: dir, env: 'unversioned', clients: clients() });
    if (r.status !== 'deployed') throw new Error(r.status);
    expect(r.diagnostics.map((d) => `${d.code} ${d.message}`)).to.deep.equal([
      "DS651 the bucket of environment 'unversioned' (s3://plain-bucket/defs/) has versioning never enabled; a workflow names its definition by object version",
    ]);
  });

  it('runs from the command line with the standard AWS settings (endpoints, credentials), and refuses MWAA-only flags', async () => {
    const env = {
      AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
      AWS_REGION: server.region,
      AWS_ENDPOINT_URL_S3: moto.endpoint,
      AWS_ENDPOINT_URL_MWAA_SERVERLESS: server.endpoint,
    };
    const ok = await runCli(['sync', '--env', 'sl'], dir, env);
    const latest = (name: string) => [...server.workflows.values()].find((w) => w.name === name)!.versions.at(-1)!.version;
    // The definition was uploaded by the sync that throttling stopped: found by its hash, not uploaded again.
    const maxActiveRuns = lineOf('pipelines/landing.yaml', 'maxActiveRuns');
    expect(ok.err.split('\n')).to.deep.equal([
      `unchanged       ml-crawl (version ${latest('ml-crawl')})`,
      `updated         ml-landing (version ${latest('ml-landing')})`,
      `pipelines/landing.yaml:${maxActiveRuns}:16: warning DS652: MWAA Serverless warns about workflow 'ml-landing': "landing.max_active_runs: 'max_active_runs' has no effect on MWAA Serverless"`,
      '0 errors, 1 warning',
      '',
    ]);
    expect(ok.out).to.equal(
      `synced 2 workflows (definitions in s3://${BUCKET}/definitions/): 0 created, 1 updated, 1 unchanged, 0 uploaded, 1 write calls\n`,
    );
    expect(ok.code).to.equal(0);
    const bad = await runCli(['sync', '--env', 'sl', '--prune', '--verify'], dir, env);
    expect([bad.code, bad.err]).to.deep.equal([2, "error: environment 'sl' deploys to MWAA Serverless, where --prune, --verify do not apply\n"]);
  });
});
