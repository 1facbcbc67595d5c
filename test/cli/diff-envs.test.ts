/**
 * `dagsmith diff-envs A B`: two environments' DAGs compared in structure and values, through the real CLI (runCli):
 * the values that differ per DAG, DAGs only in one environment, the "no difference" line, the three formats (hostile
 * values inert in each), and the exit codes (0 compared, 1 compile errors, 2 usage).
 */
import { expect } from 'chai';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeTemp, removeTemp, runCli } from '../helpers/cli';
import { expectInertLines, expectInertMarkdown, HOSTILE_NAME } from '../helpers/hostile';
import { diffEnvironments } from '../../src/use-cases/diff-envs';

function project(files: Record<string, string>): string {
  const dir = makeTemp('diff-envs');
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

const CONFIG = `airflow: "2.10.3"
environments:
  dev:
    vars: { bucket: acme-raw-dev, alerts: "arn:aws:sns:us-east-1:123456789012:dev-alerts", suffix: dev }
  prod:
    airflow: "3.0.6"
    vars: { bucket: acme-raw-prod, alerts: "arn:aws:sns:us-east-1:123456789012:prod-alerts", suffix: prod }
  prod2:
    airflow: "3.0.6"
    vars: { bucket: acme-raw-prod, alerts: "arn:aws:sns:us-east-1:123456789012:prod-alerts", suffix: prod }
`;

const PIPELINES: Record<string, string> = {
  'pipelines/landing.yaml': `version: 1
id: landing
notifications:
  onFailure: { sns: "\${alerts}" }
steps:
  - id: wait
    kind: s3.wait
    bucket: "\${bucket}"
    key: "events/{{ ds }}/_SUCCESS"
  - id: clean
    kind: glue.job
    job: clean-events
    dependsOn: [wait]
`,
  'pipelines/same.yaml': `version: 1
id: same
steps:
  - id: run
    kind: glue.job
    job: run
`,
  'pipelines/per_env.yaml': `version: 1
id: "export_\${suffix}"
steps:
  - id: run
    kind: glue.job
    job: export
`,
};

describe('dagsmith diff-envs', function () {
  this.timeout(60_000);
  let dir = '';
  afterEach(() => {
    if (dir) removeTemp(dir);
    dir = '';
  });

  it('prints, per DAG, the values that differ (A -> B), DAGs only in one environment, and those with no difference', async () => {
    dir = project({ 'dagsmith.config.yaml': CONFIG, ...PIPELINES });
    const r = await runCli(['diff-envs', 'dev', 'prod'], dir);
    expect(r.err).to.equal('');
    expect(r.code).to.equal(0);
    expect(r.out).to.equal(
      [
        'dev -> prod: 4 DAGs compared, 1 differ, 1 only in dev, 1 only in prod',
        'Airflow target: dev 2.10.3, prod 3.0.6',
        '',
        'export_dev (pipelines/per_env.yaml): only in dev',
        '',
        'export_prod (pipelines/per_env.yaml): only in prod',
        '',
        'landing (pipelines/landing.yaml): 2 differences',
        '  notifications.onFailure.sns: "arn:aws:sns:us-east-1:123456789012:dev-alerts" -> "arn:aws:sns:us-east-1:123456789012:prod-alerts"',
        '  steps.wait.bucket: "acme-raw-dev" -> "acme-raw-prod"',
        '',
        'no difference: same',
        '',
      ].join('\n'),
    );
  });

  it('says so when nothing differs', async () => {
    dir = project({ 'dagsmith.config.yaml': CONFIG, ...PIPELINES });
    const r = await runCli(['diff-envs', 'prod', 'prod2'], dir);
    expect(r.code).to.equal(0);
    expect(r.out).to.equal('no difference in structure or values between prod and prod2 (3 DAGs compared)\n');
  });

  it('reports steps only in one environment and changed upstreams (library API)', () => {
    dir = project({
      'dagsmith.config.yaml': CONFIG,
      'pipelines/steps.yaml': `version: 1
id: steps
steps:
  - id: first
    kind: glue.job
    job: first
  - id: "extra_\${suffix}"
    kind: glue.job
    job: extra
  - id: last
    kind: glue.job
    job: last
    dependsOn: [first, "extra_\${suffix}"]
`,
    });
    const r = diffEnvironments({ cwd: dir, a: 'dev', b: 'prod' });
    expect(r.errors).to.deep.equal([]);
    expect(r.differing).to.equal(1);
    expect(r.dags[0]!.changes).to.deep.equal([
      { field: 'steps.extra_dev', a: '{"kind":"glue.job","upstream":[]}', b: null },
      { field: 'steps.extra_prod', a: null, b: '{"kind":"glue.job","upstream":[]}' },
      { field: 'steps.last.upstream', a: '["extra_dev","first"]', b: '["extra_prod","first"]' },
    ]);
  });

  it('--format json: the comparison as data', async () => {
    dir = project({ 'dagsmith.config.yaml': CONFIG, ...PIPELINES });
    const r = await runCli(['diff-envs', 'dev', 'prod', '--format', 'json'], dir);
    expect(r.code).to.equal(0);
    const data = JSON.parse(r.out) as { a: unknown; b: unknown; differing: number; dags: { dagId: string; status: string; changes: unknown[] }[] };
    expect(data.a).to.deep.equal({ name: 'dev', airflow: '2.10.3' });
    expect(data.b).to.deep.equal({ name: 'prod', airflow: '3.0.6' });
    expect(data.differing).to.equal(3);
    expect(data.dags.map((d) => [d.dagId, d.status])).to.deep.equal([
      ['export_dev', 'only-a'],
      ['export_prod', 'only-b'],
      ['landing', 'differs'],
      ['same', 'same'],
    ]);
    expect(data.dags[2]!.changes).to.deep.equal([
      {
        field: 'notifications.onFailure.sns',
        a: '"arn:aws:sns:us-east-1:123456789012:dev-alerts"',
        b: '"arn:aws:sns:us-east-1:123456789012:prod-alerts"',
      },
      { field: 'steps.wait.bucket', a: '"acme-raw-dev"', b: '"acme-raw-prod"' },
    ]);
  });

  it('--format markdown: a table per DAG, every value a code span', async () => {
    dir = project({ 'dagsmith.config.yaml': CONFIG, ...PIPELINES });
    const r = await runCli(['diff-envs', 'dev', 'prod', '--format', 'markdown'], dir);
    expect(r.code).to.equal(0);
    expect(r.out).to.contain('#### `landing` (`pipelines/landing.yaml`)');
    expect(r.out).to.contain('| field | `dev` | `prod` |');
    expect(r.out).to.contain('| `steps.wait.bucket` | `"acme-raw-dev"` | `"acme-raw-prod"` |');
    expect(r.out).to.contain('Only in `dev`.');
    expect(r.out).to.contain('No difference: `same`.');
  });

  it('keeps hostile values and file names from configs and pipelines inert in every format', async () => {
    // Short enough to be shown in full (long values are shown as a hash), with every kind of live text.
    const hostile = '\n::warning::forged ##[error]x <img src=x onerror=y> [l](https://evil.example) `t` \u202e bidi \u001b[31m';
    dir = project({
      'dagsmith.config.yaml': `airflow: "2.10.3"\nenvironments:\n  dev:\n    vars: { job: ${JSON.stringify(hostile)} }\n  prod:\n    vars: { job: plain }\n`,
      [`pipelines/${HOSTILE_NAME}/p.yaml`]: `version: 1\nid: p\ndescription: "\${job}"\nsteps:\n  - id: run\n    kind: lambda.invoke\n    function: fn\n    payload: { note: "\${job}" }\n`,
    });
    for (const format of ['text', 'markdown', 'json']) {
      const r = await runCli(['diff-envs', 'dev', 'prod', '--format', format], dir);
      expect(r.code, `${format}: ${r.err}`).to.equal(0);
      if (format === 'markdown') expectInertMarkdown(format, r.out);
      else expectInertLines(format, `${r.out}\n${r.err}`);
      if (format === 'json') {
        // The data is all there: parsed, the values and the file name are exact.
        const data = JSON.parse(r.out) as { dags: { file: string; changes: { field: string; a: string }[] }[] };
        expect(data.dags[0]!.file).to.equal(`pipelines/${HOSTILE_NAME}/p.yaml`);
        expect(data.dags[0]!.changes.map((c) => [c.field, JSON.parse(c.a) as unknown])).to.deep.equal([
          ['description', hostile],
          ['steps.run.payload', { note: hostile }],
        ]);
      } else {
        expect(r.out, format).to.contain('forged');
      }
    }
  });

  it('exits 2 naming the environments the config has, for an unknown one or the same one twice', async () => {
    dir = project({ 'dagsmith.config.yaml': CONFIG, ...PIPELINES });
    const unknown = await runCli(['diff-envs', 'dev', 'staging'], dir);
    expect(unknown.code).to.equal(2);
    expect(unknown.err).to.contain("unknown environment 'staging'");
    expect(unknown.err).to.contain('defines: dev, prod, prod2');
    const twice = await runCli(['diff-envs', 'dev', 'dev'], dir);
    expect(twice.code).to.equal(2);
    expect(twice.err).to.contain('name two different environments');
    const missing = await runCli(['diff-envs', 'dev'], dir);
    expect(missing.code).to.equal(2);
  });

  it('exits 1 and prints the compile errors when either environment has them', async () => {
    dir = project({
      'dagsmith.config.yaml': `airflow: "2.10.3"\nenvironments:\n  dev:\n    vars: { alerts: "arn:aws:sns:us-east-1:123456789012:dev" }\n  prod:\n    vars: { alerts: "not-an-arn" }\n`,
      'pipelines/p.yaml': `version: 1\nid: p\nnotifications:\n  onFailure: { sns: "\${alerts}" }\nsteps:\n  - id: run\n    kind: glue.job\n    job: run\n`,
    });
    const r = await runCli(['diff-envs', 'dev', 'prod'], dir);
    expect(r.code).to.equal(1);
    expect(r.out).to.equal('');
    expect(r.err).to.contain('error DS309');
    expect(r.err).to.contain("environment 'prod' sets to");
    expect(r.err).to.contain('diff-envs: cannot compare dev and prod while their pipelines have errors');
  });
});
