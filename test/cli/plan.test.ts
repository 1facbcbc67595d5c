/**
 * `dagsmith plan --env E`: after a real sync (moto + the local MWAA server), a changed project is planned against
 * what the manifest says is deployed, and printed as Markdown on stdout.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { expect } from 'chai';
import { makeTemp, removeTemp, runCli } from '../helpers/cli';
import { startMoto, type MotoServer } from '../helpers/moto';
import { awsEnv, createVersionedBucket, directClient } from '../helpers/s3';
import { startMwaaServer, type MwaaServer } from '../servers/mwaa-server';

const FEATURES_V1 = `version: 1
id: customer_features
schedule: "0 3 * * *"
startDate: 2026-01-01
steps:
  - id: wait_raw
    kind: s3.wait
    bucket: acme-raw
    key: "events/{{ ds }}/_SUCCESS"
  - id: clean
    kind: glue.job
    job: clean-events
    dependsOn: [wait_raw]
`;

const FEATURES_V2 = `version: 1
id: customer_features
schedule: "0 4 * * *"
startDate: 2026-01-01
steps:
  - id: wait_raw
    kind: s3.wait
    bucket: acme-raw
    key: "events/{{ ds }}/_SUCCESS"
  - id: clean
    kind: glue.job
    job: clean-events-v2
    dependsOn: [wait_raw]
  - id: publish
    kind: s3.copy
    from: s3://acme-features/out/
    to: s3://acme-serving/features/
    dependsOn: [clean]
`;

const ORDERS = `version: 1
id: orders_backfill
steps:
  - id: run
    kind: glue.job
    job: backfill
`;

describe('dagsmith plan --env (CLI, moto + local MWAA server) @airflow', function () {
  this.timeout(300_000);
  let moto: MotoServer;
  let mwaa: MwaaServer;
  let s3: S3Client;
  let dir = '';

  before(async () => {
    moto = await startMoto();
    mwaa = await startMwaaServer({ s3Endpoint: moto.endpoint });
    s3 = directClient(moto.endpoint);
  });
  after(async () => {
    if (dir) removeTemp(dir);
    s3?.destroy();
    await mwaa?.stop();
    await moto?.stop();
  });

  function write(rel: string, text: string): void {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }

  it("prints the files a sync would change and each changed DAG's structural diff, as Markdown", async () => {
    await createVersionedBucket(s3, 'acme-plan');
    const env = mwaa.addEnvironment({ name: 'ml-plan', airflowVersion: '2.10.3', bucket: 'acme-plan' });
    const aws = { ...awsEnv(moto.endpoint), AWS_ENDPOINT_URL_MWAA: mwaa.endpoint };
    dir = makeTemp('plan-cli');
    write('dagsmith.config.yaml', 'airflow: "2.10.3"\nenvironments:\n  prod:\n    mwaa: { name: ml-plan, region: us-east-1 }\n');
    write('pipelines/customer_features.yaml', FEATURES_V1);
    write('pipelines/orders_backfill.yaml', ORDERS);
    expect((await runCli(['compile', '--env', 'prod'], dir)).code).to.equal(0);
    const deployed = await runCli(['sync', '--env', 'prod'], dir, aws);
    expect(deployed.code, deployed.err).to.equal(0);

    // The PR: customer_features changes, orders_backfill is gone, raw_landing is new.
    write('pipelines/customer_features.yaml', FEATURES_V2);
    rmSync(join(dir, 'pipelines/orders_backfill.yaml'));
    write('pipelines/raw_landing.yaml', ORDERS.replace('orders_backfill', 'raw_landing').replace('backfill', 'land'));
    expect((await runCli(['compile', '--env', 'prod'], dir)).code).to.equal(0);
    // A plan only reads: an environment busy updating does not stop it.
    env.Status = 'UPDATING';
    const before = mwaa.calls.length;
    const plan = await runCli(['plan', '--env', 'prod'], dir, aws);
    expect(plan.code, plan.err).to.equal(0);
    expect(plan.err).to.equal('');
    expect(plan.out).to.equal(
      [
        "## dagsmith plan: `MWAA environment 'ml-plan' (s3://acme-plan/dags/)` (Airflow `2.10.3`)",
        '',
        '**2 to upload** (1 new, 1 changed), **0 to delete**, 0 unchanged.',
        '',
        '| file | action |',
        '|---|---|',
        '| `customer_features.py` | upload (changed) |',
        '| `raw_landing.py` | upload (new) |',
        '',
        '### `customer_features.py`: DAG `customer_features`',
        '',
        '- schedule: `0 3 * * *` → `0 4 * * *`',
        '- steps added: `publish` (`s3.copy`)',
        '- steps changed:',
        '  - `clean` (`glue.job`): `job`: `"clean-events"` → `"clean-events-v2"`',
        '',
        '### `raw_landing.py`: new DAG `raw_landing`',
        '',
        '- schedule: `none`',
        '- 1 step: `run` (`glue.job`)',
        '',
        '1 deployed file whose pipeline is gone stays deployed (`sync --prune` deletes it): `orders_backfill.py`',
        '',
      ].join('\n'),
    );
    // Read-only: MWAA was only described, and nothing in the bucket changed.
    expect(mwaa.calls.slice(before).map((c) => c.operation)).to.deep.equal(['GetEnvironment']);

    const pruning = await runCli(['plan', '--env', 'prod', '--prune'], dir, aws);
    expect(pruning.out).to.contain('**2 to upload** (1 new, 1 changed), **1 to delete**, 0 unchanged.');
    expect(pruning.out).to.contain('### `orders_backfill.py`: removed\n\nDeletes DAG `orders_backfill` with 1 step.\n');

    // Someone edits a deployed DAG in the bucket: the plan says so, not "no structural change".
    env.Status = 'AVAILABLE';
    const synced = await runCli(['sync', '--env', 'prod'], dir, aws);
    expect(synced.code, synced.err).to.equal(0);
    await s3.send(new PutObjectCommand({ Bucket: 'acme-plan', Key: 'dags/raw_landing.py', Body: '# hot-fixed by hand\n' }));
    const edited = await runCli(['plan', '--env', 'prod'], dir, aws);
    expect(edited.code, edited.err).to.equal(0);
    expect(edited.out).to.contain('**1 to upload** (0 new, 0 changed, 1 changed in the bucket outside dagsmith)');
    expect(edited.out).to.contain('| `raw_landing.py` | upload (edited in the bucket) |');
    expect(edited.out).to.contain(
      '**Edited in the bucket**: the deployed object is not the one dagsmith uploaded (its ETag differs from the manifest); the sync replaces it with the compiled DAG.\n\n_The compiled DAG is the one dagsmith deployed last; only the bucket changed._',
    );
    expect(edited.out).to.not.contain('No structural change');
  });

  it('--env with --bucket plans the environment\u2019s DAGs against the bucket, without the MWAA API; --env alone against an endpoint without it is DS610', async () => {
    await createVersionedBucket(s3, 'acme-plan-bucket');
    dir = makeTemp('plan-cli-bucket');
    write('dagsmith.config.yaml', 'airflow: "2.10.3"\nenvironments:\n  prod:\n    mwaa: { name: ml-nowhere, region: us-east-1 }\n');
    write('pipelines/orders_backfill.yaml', ORDERS);
    expect((await runCli(['compile', '--env', 'prod'], dir)).code).to.equal(0);
    // moto serves S3 but not the MWAA API: AWS_ENDPOINT_URL alone points sync at it for both.
    const s3Only = awsEnv(moto.endpoint);
    const before = mwaa.calls.length;
    const plan = await runCli(['plan', '--env', 'prod', '--bucket', 's3://acme-plan-bucket/dags'], dir, s3Only);
    expect(plan.code, plan.err).to.equal(0);
    expect(plan.out).to.contain('## dagsmith plan: `s3://acme-plan-bucket/dags/`').and.contain('| `orders_backfill.py` | upload (new) |');
    const sync = await runCli(['sync', '--env', 'prod', '--bucket', 's3://acme-plan-bucket/dags'], dir, s3Only);
    expect(sync.code, sync.err).to.equal(0);
    expect(sync.out).to.contain('1 uploaded');
    expect(mwaa.calls.length, 'no MWAA call').to.equal(before);

    const noApi = await runCli(['plan', '--env', 'prod'], dir, s3Only);
    expect(noApi.code).to.equal(3);
    expect(noApi.out).to.equal('');
    expect(noApi.err).to.match(
      /^error DS610: cannot ask MWAA where environment 'ml-nowhere' takes its DAGs: http:\/\/127\.0\.0\.1:\d+ \(AWS_ENDPOINT_URL\) does not serve the MWAA API: it answers HTTP \d+ with [a-z/]+, not MWAA's JSON; point AWS_ENDPOINT_URL_MWAA at the MWAA API, or deploy to the bucket itself with --bucket s3:\/\/BUCKET\/PREFIX \(add --env for the environment's values\)\n$/,
    );
  });
});
