/** `dagsmith sync` before any remote call: flags, what it deploys (dags-out/ as compile writes it), refusals. */
import { expect } from 'chai';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeTemp, removeTemp, runCli } from '../helpers/cli';

const CONFIG = `airflow: "2.10.3"\nenvironments:\n  dev:\n    mwaa: { name: ml-dev }\n`;
const minimal = (id: string) => `version: 1\nid: ${id}\nsteps:\n  - id: run\n    kind: glue.job\n    job: run\n`;

function project(files: Record<string, string>): string {
  const dir = makeTemp('sync-cli');
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

describe('dagsmith sync (CLI, local checks)', () => {
  let dir = '';
  afterEach(() => {
    if (dir) removeTemp(dir);
    dir = '';
  });

  it('needs --env, --bucket or both (exit 2); --wait and --verify go with an MWAA environment, not --bucket', async () => {
    dir = project({ 'dagsmith.config.yaml': CONFIG, 'pipelines/a.yaml': minimal('a') });
    const none = await runCli(['sync'], dir);
    expect(none.code).to.equal(2);
    expect(none.err).to.contain('sync needs --env <name> (an environment of dagsmith.config.yaml), --bucket s3://BUCKET/PREFIX, or both');
    for (const flag of ['--wait', '--verify']) {
      const res = await runCli(['sync', '--env', 'dev', '--bucket', 's3://acme-dags/dags', flag], dir);
      expect(res.code, flag).to.equal(2);
      expect(res.err).to.equal(`error: ${flag} asks an MWAA environment; with --bucket, sync deploys to the bucket alone\n`);
    }
    // Both: the environment's DAGs (dags-out/dev/), checked like compile --check --env dev before any remote call.
    const both = await runCli(['sync', '--env', 'dev', '--bucket', 's3://acme-dags/dags'], dir);
    expect(both.code).to.equal(1);
    expect(both.err).to.contain("dags-out/dev/a.py is missing: 'dagsmith compile --env dev' writes it");
    const bad = await runCli(['sync', '--bucket', 'acme-dags/dags'], dir);
    expect(bad.code).to.equal(2);
    expect(bad.err).to.contain("--bucket takes s3://BUCKET/PREFIX, not 'acme-dags/dags'");
  });

  it('refuses like compile --check when dags-out/ is missing or stale (exit 1), naming each file', async () => {
    dir = project({ 'dagsmith.config.yaml': CONFIG, 'pipelines/a.yaml': minimal('a'), 'pipelines/b.yaml': minimal('b') });
    const missing = await runCli(['sync', '--bucket', 's3://acme-dags/dags'], dir);
    expect(missing.code).to.equal(1);
    expect(missing.err)
      .to.contain("pipelines/a.yaml:1:1: error DS600: dags-out/a.py is missing: 'dagsmith compile' writes it")
      .and.contain('pipelines/b.yaml:1:1: error DS600: dags-out/b.py is missing');
    expect(missing.err).to.contain("sync refused: dags-out/ is not what 'dagsmith compile' writes");
    expect((await runCli(['compile'], dir)).code).to.equal(0);
    writeFileSync(join(dir, 'pipelines/b.yaml'), minimal('b').replace('job: run', 'job: other'));
    const stale = await runCli(['sync', '--bucket', 's3://acme-dags/dags'], dir);
    expect(stale.code).to.equal(1);
    expect(stale.err)
      .to.contain("pipelines/b.yaml:1:1: error DS600: dags-out/b.py is stale: 'dagsmith compile' writes it differently")
      .and.not.contain('a.py');
    const env = await runCli(['sync', '--env', 'dev'], dir);
    expect(env.code).to.equal(1);
    expect(env.err).to.contain('pipelines/a.yaml:1:1: error DS600: dags-out/dev/a.py is missing').and.contain("'dagsmith compile --env dev'");
  });

  it('refuses pipelines with errors (exit 1) before any remote call', async () => {
    dir = project({ 'dagsmith.config.yaml': CONFIG, 'pipelines/a.yaml': 'version: 1\nid: a\nsteps: []\n' });
    const res = await runCli(['sync', '--bucket', 's3://acme-dags/dags'], dir);
    expect(res.code).to.equal(1);
    expect(res.err).to.contain('sync failed: the pipelines have errors; nothing was deployed');
  });
});
