/**
 * `dagsmith sync --env E --verify` end to end: the CLI deploys to moto (versioning on) through the local MWAA
 * server, which runs the real Airflow CLI of the environment's version on what was deployed. Both pipelines compile
 * cleanly; the environment cannot import the Glue operators module (as when its requirements.txt pinned a provider
 * release without them), so the pipeline with a Glue step fails there — the kind of problem only --verify finds.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { expect } from 'chai';
import { startMoto, type MotoServer } from '../helpers/moto';
import { makeTemp, removeTemp, runCli } from '../helpers/cli';
import { awsEnv, createVersionedBucket, directClient } from '../helpers/s3';
import { runCliProcess } from '../helpers/cli-process';
import { startMwaaServer, type MwaaServer } from '../servers/mwaa-server';

const GOOD = `version: 1
id: partner_orders
schedule: "0 4 * * *"
startDate: 2026-01-01
steps:
  - id: wait_drop
    kind: s3.wait
    bucket: acme-raw
    key: "partners/{{ ds }}/_SUCCESS"
  - id: load
    kind: athena.query
    database: partners
    query: "SELECT 1"
    outputLocation: "s3://acme-athena-results/partners/"
    dependsOn: [wait_drop]
`;

const BROKEN = `version: 1
id: partner_feed
schedule: "0 5 * * *"
startDate: 2026-01-01
steps:
  - id: load
    kind: glue.job
    job: load-partner-feed
`;

const GLUE_OPERATORS = 'airflow.providers.amazon.aws.operators.glue';

/** The line of the compiled partner_feed.py that imports the Glue operators: where the import fails. */
function glueImportLine(dir: string): number {
  const lines = readFileSync(join(dir, 'dags-out/prod/partner_feed.py'), 'utf8').split('\n');
  const i = lines.findIndex((l) => l.startsWith(`from ${GLUE_OPERATORS} import`));
  expect(i, 'the compiled DAG imports the Glue operators').to.be.at.least(0);
  return i + 1;
}

describe('dagsmith sync --env --verify (CLI, moto + local MWAA server, real Airflow) @airflow', function () {
  this.timeout(600_000);
  let moto: MotoServer;
  let mwaa: MwaaServer;
  let s3: S3Client;
  const dirs: string[] = [];
  const env = (): Record<string, string> => ({ ...awsEnv(moto.endpoint), AWS_ENDPOINT_URL_MWAA: mwaa.endpoint });

  before(async () => {
    moto = await startMoto();
    mwaa = await startMwaaServer({ s3Endpoint: moto.endpoint, updatePolls: 1 });
    s3 = directClient(moto.endpoint);
  });
  after(async () => {
    for (const d of dirs) removeTemp(d);
    s3?.destroy();
    await mwaa?.stop();
    await moto?.stop();
  });

  for (const version of ['2.10.3', '3.0.6']) {
    it(`exits 1 naming the DAG file that failed to import and why, on Airflow ${version}`, async () => {
      const tag = version.replace(/\./g, '');
      const bucket = `mwaa-cli-${tag}`;
      await createVersionedBucket(s3, bucket);
      mwaa.addEnvironment({ name: `ml-prod-${tag}`, airflowVersion: version, bucket, missingModules: [GLUE_OPERATORS] });
      const dir = makeTemp('sync-verify');
      dirs.push(dir);
      const files: Record<string, string> = {
        'dagsmith.config.yaml': `airflow: "${version}"\nenvironments:\n  prod:\n    mwaa: { name: ml-prod-${tag}, region: us-east-1 }\n`,
        'pipelines/partner_orders.yaml': GOOD,
        'pipelines/partner_feed.yaml': BROKEN,
      };
      for (const [rel, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, rel)), { recursive: true });
        writeFileSync(join(dir, rel), text);
      }
      expect((await runCli(['compile', '--env', 'prod'], dir)).code).to.equal(0);

      // The web server speaks https, its certificate from the test's CA: the CLI runs as a process that trusts that CA
      // (NODE_EXTRA_CA_CERTS), as a user behind a private CA would.
      const res = await runCliProcess(['sync', '--env', 'prod', '--verify'], dir, {
        ...env(),
        NODE_EXTRA_CA_CERTS: mwaa.caFile,
        NODE_NO_WARNINGS: '1',
      });
      console.log(
        `      --- dagsmith sync --env prod --verify (Airflow ${version}) ---\n${(res.out + res.err)
          .trimEnd()
          .split('\n')
          .map((l) => `      ${l}`)
          .join('\n')}\n      exit ${res.code}`,
      );
      expect(res.code, res.err).to.equal(1);
      expect(res.err).to.contain(
        `dags-out/prod/partner_feed.py:${glueImportLine(dir)}:1: error DS635: Airflow on 'ml-prod-${tag}' cannot import it: ModuleNotFoundError: No module named '${GLUE_OPERATORS}'\n`,
      );
      expect(res.err).to.contain(`verify: 1 of 2 DAG file(s) dagsmith deployed failed to import on 'ml-prod-${tag}'`);
      expect(res.err).to.not.contain('partner_orders.py:');
      // No artifacts in this project: MWAA was asked for the environment and for the CLI, nothing else.
      expect(mwaa.calls.filter((c) => c.name === `ml-prod-${tag}`).map((c) => c.operation)).to.deep.equal([
        'GetEnvironment',
        'CreateCliToken',
        'Cli',
      ]);
      expect(mwaa.calls.filter((c) => c.operation === 'Cli').at(-1)!.host).to.equal(mwaa.webServerHost);

      // Not trusting the web server's certificate, the CLI does not talk to it (DS637, exit 3).
      const untrusted = await runCli(['sync', '--env', 'prod', '--verify'], dir, env());
      expect(untrusted.code, untrusted.err).to.equal(3);
      expect(untrusted.err).to.contain(
        `error DS637: the Airflow CLI endpoint of 'ml-prod-${tag}' (https://${mwaa.webServerHost}/aws_mwaa/cli) failed: fetch failed`,
      );
    });
  }

  it('--verify-plain-http talks plain http to a local emulator without TLS, and only when asked', async () => {
    const bucket = 'mwaa-cli-plain';
    await createVersionedBucket(s3, bucket);
    mwaa.addEnvironment({ name: 'ml-emulator', airflowVersion: '2.10.3', bucket });
    const dir = makeTemp('sync-verify-plain');
    dirs.push(dir);
    mkdirSync(join(dir, 'pipelines'));
    writeFileSync(
      join(dir, 'dagsmith.config.yaml'),
      'airflow: "2.10.3"\nenvironments:\n  local:\n    mwaa: { name: ml-emulator, region: us-east-1 }\n',
    );
    writeFileSync(join(dir, 'pipelines', 'partner_orders.yaml'), GOOD);
    expect((await runCli(['compile', '--env', 'local'], dir)).code).to.equal(0);
    mwaa.webServerHostname = mwaa.plainWebServerHost;
    try {
      expect((await runCli(['sync', '--env', 'local', '--verify-plain-http'], dir, env())).err).to.contain('--verify-plain-http goes with --verify');
      const res = await runCli(['sync', '--env', 'local', '--verify', '--verify-plain-http'], dir, env());
      expect(res.code, res.err).to.equal(0);
      expect(res.err).to.contain("verify: MWAA environment 'ml-emulator' imported all 1 DAG file(s) dagsmith deployed");
      expect(mwaa.calls.filter((c) => c.operation === 'Cli').at(-1)!.host).to.equal(mwaa.plainWebServerHost);
    } finally {
      mwaa.webServerHostname = undefined;
    }
  });
});
