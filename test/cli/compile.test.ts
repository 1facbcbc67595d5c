/**
 * The compile/validate commands around the golden fixtures: target selection, exit codes for bad usage, the JSON
 * diagnostic form, and values that pass validation but that Python or Airflow would not take as written.
 */
import { expect } from 'chai';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Diagnostic } from '../../src/diagnostics/types';
import { hashTree, makeTemp, removeTemp, runCli } from '../helpers/cli';
import { parseJsonAs } from '../helpers/json';

const CONFIG = `airflow: "2.10.3"\nenvironments:\n  dev:\n    mwaa: { name: ml-dev }\n  prod:\n    mwaa: { name: ml-prod }\n    airflow: "3.0.6"\n`;

function project(files: Record<string, string>): string {
  const dir = makeTemp('cli');
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

const minimal = (id: string, extra = '') => `version: 1\nid: ${id}\n${extra}steps:\n  - id: run\n    kind: glue.job\n    job: run\n`;

describe('dagsmith compile / validate (CLI)', () => {
  let dir = '';
  afterEach(() => {
    if (dir) removeTemp(dir);
    dir = '';
  });

  it('takes the Airflow version from the environment, then the config; --airflow overrides both', async () => {
    dir = project({ 'dagsmith.config.yaml': CONFIG, 'pipelines/a.yaml': minimal('a') });
    const header = (rel: string) => readFileSync(join(dir, rel), 'utf8').split('\n')[2];
    expect((await runCli(['compile'], dir)).code).to.equal(0);
    expect(header('dags-out/a.py')).to.equal('# target: Apache Airflow 2.10.3, apache-airflow-providers-amazon 9.0.0');
    expect((await runCli(['compile', '--env', 'prod'], dir)).code).to.equal(0);
    expect(header('dags-out/prod/a.py')).to.equal('# target: Apache Airflow 3.0.6, apache-airflow-providers-amazon 9.12.0');
    expect((await runCli(['compile', '--env', 'dev', '--airflow', '3.0.6'], dir)).code).to.equal(0);
    expect(header('dags-out/dev/a.py')).to.equal('# target: Apache Airflow 3.0.6, apache-airflow-providers-amazon 9.12.0');
  });

  it('exits 2 for an Airflow version MWAA does not run, an unknown option or an unknown format, writing nothing', async () => {
    dir = project({ 'pipelines/a.yaml': minimal('a') });
    const before = hashTree(dir);
    const bad = await runCli(['compile', '--airflow', '2.9.0'], dir);
    expect(bad).to.deep.equal({
      code: 2,
      out: '',
      err: 'error: Airflow 2.9.0 is not an MWAA version dagsmith targets; use one of 2.10.3, 2.11.2, 3.0.6, 3.3.1\n',
    });
    expect((await runCli(['compile', '--bogus'], dir)).code).to.equal(2);
    expect((await runCli(['compile', '--format', 'xml'], dir)).code).to.equal(2);
    expect((await runCli(['frobnicate'], dir)).code).to.equal(2);
    expect(hashTree(dir)).to.deep.equal(before);
  });

  it('--format json prints every diagnostic as JSON on stdout, in the documented shape', async () => {
    dir = project({
      'pipelines/a.yaml': minimal('a').replace('job: run', 'job: run\n    workerType: G1X\n    numberOfWorkers: 2'),
      'pipelines/b.yaml': minimal('b', 'schedule: "@daily"\n'),
    });
    const res = await runCli(['compile', '--format', 'json'], dir);
    expect(res.code).to.equal(1);
    expect(res.err).to.equal('compile failed: nothing was written to dags-out/\n');
    const diags = parseJsonAs<Diagnostic[]>(res.out);
    expect(diags).to.deep.equal([
      {
        code: 'DS203',
        severity: 'error',
        message: 'workerType must be one of G.025X, G.1X, G.2X, G.4X, G.8X, G.12X, G.16X, R.1X, R.2X, R.4X, R.8X, Z.2X; got the string "G1X"',
        file: 'pipelines/a.yaml',
        line: 7,
        col: 17,
        endLine: 7,
        endCol: 20,
        path: ['steps', 0, 'workerType'],
        hint: "did you mean 'G.1X'?",
      },
      {
        code: 'DS316',
        severity: 'error',
        message: "a scheduled pipeline needs a 'startDate' (the first logical date)",
        file: 'pipelines/b.yaml',
        line: 3,
        col: 11,
        endLine: 3,
        endCol: 19,
        path: ['schedule'],
        hint: 'add e.g. startDate: 2026-01-01',
      },
    ]);
    // The stylish form says the same thing.
    const stylish = await runCli(['compile'], dir);
    expect(stylish.err.split('\n').slice(0, 2)).to.deep.equal(
      diags.map((d) => `${d.file}:${d.line}:${d.col}: ${d.severity} ${d.code}: ${d.message} (${d.hint})`),
    );
  });

  it('validate checks everything compile checks and writes nothing', async () => {
    dir = project({ 'pipelines/a.yaml': minimal('a'), 'pipelines/b.yaml': minimal('b') });
    expect(await runCli(['validate'], dir)).to.deep.equal({ code: 0, out: '2 pipeline files valid for Airflow 2.10.3\n', err: '' });
    writeFileSync(join(dir, 'pipelines', 'b.yaml'), minimal('a'));
    writeFileSync(join(dir, 'pipelines', 'c.yaml'), minimal('c').replace('job: run', 'job: "{{ execution_date }}"'));
    const before = hashTree(dir);
    expect(await runCli(['validate'], dir)).to.deep.equal({
      code: 1,
      out: '',
      err: "pipelines/b.yaml:2:5: error DS311: pipeline id 'a' is already used by pipelines/a.yaml:2\n1 error, 0 warnings\n",
    });
    const a3 = await runCli(['validate', '--airflow', '3.0.6'], dir);
    expect(a3.code).to.equal(1);
    expect(a3.err).to.contain("pipelines/c.yaml:6:10: error DS326: 'execution_date' is not in the template context on Airflow 3.0.6");
    expect(hashTree(dir)).to.deep.equal(before);
  });

  it('deploy-time variables work in fields with a fixed set of values or a pattern', async () => {
    dir = project({
      'dagsmith.config.yaml': 'vars:\n  workerType: G.2X\n  glueVersion: "4.0"\n  format: PARQUET\n  trigger: all_done\n',
      'pipelines/a.yaml':
        'version: 1\nid: a\nsteps:\n  - id: job\n    kind: glue.job\n    job: j\n    workerType: "${workerType}"\n' +
        '    numberOfWorkers: 2\n    glueVersion: "${glueVersion}"\n    triggerRule: "${trigger}"\n' +
        '  - id: load\n    kind: redshift.copy\n    from: "s3://acme-features/x/"\n    schema: ml\n    table: t\n' +
        '    format: "${format}"\n    iamRole: "arn:aws:iam::123456789012:role/r"\n    workgroup: wg1\n    database: d\n',
    });
    const res = await runCli(['compile'], dir);
    expect(res.err).to.equal('');
    expect(res.code).to.equal(0);
    const py = readFileSync(join(dir, 'dags-out', 'a.py'), 'utf8');
    expect(py).to.contain('"WorkerType": "G.2X"');
    expect(py).to.contain('"GlueVersion": "4.0"');
    expect(py).to.contain('trigger_rule="all_done"');
    expect(py).to.contain('FORMAT AS PARQUET');
  });

  describe('values that pass validation must reach Python unchanged', () => {
    it('an integer beyond 2^53 is rejected where it is written (it would lose digits), and nothing is written', async () => {
      dir = project({ 'pipelines/a.yaml': minimal('a', 'params:\n  big: { default: 9007199254740993 }\n') });
      const res = await runCli(['compile'], dir);
      expect(res.code).to.equal(1);
      expect(res.err).to.match(/^pipelines\/a\.yaml:4:19: error DS107: the integer 9007199254740993 is too large/);
      expect(existsSync(join(dir, 'dags-out', 'a.py'))).to.equal(false);
    });

    it('a duration longer than Python timedelta can hold is rejected', async () => {
      dir = project({ 'pipelines/a.yaml': minimal('a', 'dagrunTimeout: 1000000000d\n') });
      const res = await runCli(['compile'], dir);
      expect(res.code).to.equal(1);
      expect(res.err).to.match(/^pipelines\/a\.yaml:3:16: error DS306: /);
    });

    it("a tag longer than Airflow's 100 characters is rejected", async () => {
      dir = project({ 'pipelines/a.yaml': minimal('a', `tags: [ok, "${'t'.repeat(101)}"]\n`) });
      const res = await runCli(['compile'], dir);
      expect(res.code).to.equal(1);
      expect(res.err).to.match(/^pipelines\/a\.yaml:3:12: error DS212: tags\[1\] must be at most 100 characters long\n/);
      const ok = project({ 'pipelines/a.yaml': minimal('a', `tags: ["${'t'.repeat(100)}"]\n`) });
      try {
        expect((await runCli(['compile'], ok)).code, 'exactly 100 characters is fine').to.equal(0);
      } finally {
        removeTemp(ok);
      }
    });

    it('a zero-length schedule interval is rejected', async () => {
      dir = project({ 'pipelines/a.yaml': minimal('a', 'schedule: { every: 0s }\nstartDate: 2026-01-01\n') });
      const res = await runCli(['compile'], dir);
      expect(res.code).to.equal(1);
      expect(res.err).to.match(/^pipelines\/a\.yaml:3:20: error DS306: every: a duration of zero makes no sense here/);
    });

    it("the SNS subject stays under SNS's limit (fewer than 100 characters) for a long DAG id", async () => {
      const id = 'a'.repeat(150);
      dir = project({
        'pipelines/a.yaml': minimal(id, 'notifications:\n  onFailure: { sns: "arn:aws:sns:us-east-1:123456789012:alerts" }\n'),
      });
      expect((await runCli(['compile'], dir)).code).to.equal(0);
      const subject = /subject="([^"]*)"/.exec(readFileSync(join(dir, 'dags-out', `${id}.py`), 'utf8'))![1]!;
      expect(subject.startsWith('Airflow task failed in aaa')).to.equal(true);
      expect(subject.length).to.be.lessThan(100);
    });

    it('Airflow 3: removed context variables are found in sqlFile/queryFile text too', async () => {
      dir = project({
        'pipelines/a.yaml':
          'version: 1\nid: a\nsteps:\n  - id: q\n    kind: athena.query\n    queryFile: sql/q.sql\n    database: d\n' +
          '    outputLocation: "s3://acme-athena/results/"\n',
        'pipelines/sql/q.sql': "SELECT * FROM t WHERE dt = '{{ execution_date }}'\n",
      });
      const before = hashTree(dir);
      const res = await runCli(['compile', '--airflow', '3.0.6'], dir);
      expect(res.code).to.equal(1);
      expect(res.err).to.match(/error DS326: 'execution_date' is not in the template context on Airflow 3\.0\.6/);
      expect(hashTree(dir)).to.deep.equal(before);
    });

    it('a timezone in the wrong case is rejected with its canonical spelling (Airflow looks names up case-sensitively)', async () => {
      dir = project({ 'pipelines/a.yaml': minimal('a', 'schedule: "@daily"\nstartDate: 2026-01-01\ntimezone: europe/berlin\n') });
      const res = await runCli(['compile'], dir);
      expect(res.code).to.equal(1);
      expect(res.err).to.match(/^pipelines\/a\.yaml:5:11: error DS314: timezone 'europe\/berlin' must be written 'Europe\/Berlin'/);
      expect(existsSync(join(dir, 'dags-out', 'a.py'))).to.equal(false);
    });
  });
});
