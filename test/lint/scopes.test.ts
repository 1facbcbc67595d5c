import { expect } from 'chai';
import { sortDiagnostics } from '../../src/diagnostics/format';
import { lintProject } from '../../src/use-cases/lint';
import { removeTemp, runCli } from '../helpers/cli';
import { CLEAN, project } from './helpers';

const NOW = new Date(Date.UTC(2026, 10, 30, 12));
const run = async (dir: string) => {
  const r = await lintProject({ cwd: dir, now: NOW });
  return {
    lines: sortDiagnostics(r.diagnostics).map((d) => `${d.file}:${d.line}:${d.col} ${d.severity} ${d.code}`),
    suppressed: r.suppressed.map((s) => `${s.diagnostic.file}:${s.diagnostic.line} ${s.diagnostic.code} -- ${s.justification}`).sort(),
  };
};

/** CLEAN plus a Redshift step whose SQL (inline, or a file) has two findings. */
const WITH_SQL = (sql: string) => `${CLEAN}  - id: merge
    kind: redshift.sql
${sql}
    cluster: c1
    database: dev
    dependsOn: [clean_events]
`;
const BAD_SQL = 'GRANT SELECT ON t TO PUBLIC;\nINSERT INTO t SELECT * FROM s;\n';

describe('lint suppression scopes, overrides and validation warnings (issue 17)', function () {
  this.timeout(60_000);
  const dirs: string[] = [];
  const make = (files: Record<string, string>) => {
    const d = project(files);
    dirs.push(d);
    return d;
  };
  after(() => dirs.forEach(removeTemp));

  it('reports SQL findings at the SQL file line, and a SQL comment silences the next line there', async () => {
    const dir = make({ 'pipelines/p.yaml': WITH_SQL('    sqlFile: merge.sql'), 'pipelines/merge.sql': BAD_SQL });
    expect((await run(dir)).lines).to.deep.equal(['pipelines/merge.sql:1:1 warning DS454', 'pipelines/merge.sql:2:1 warning DS457']);
    const quiet = make({
      'pipelines/p.yaml': WITH_SQL('    sqlFile: merge.sql'),
      'pipelines/merge.sql': `-- dagsmith-disable-next-line DS454 -- the lookup table is public by design\n${BAD_SQL}`,
    });
    const r = await run(quiet);
    expect(r.lines).to.deep.equal(['pipelines/merge.sql:3:1 warning DS457']);
    expect(r.suppressed).to.deep.equal(['pipelines/merge.sql:2 DS454 -- the lookup table is public by design']);
  });

  it("a directive on a step's first line covers the whole step, its SQL file included", async () => {
    const yaml = WITH_SQL('    sqlFile: merge.sql').replace(
      '  - id: merge\n',
      '  # dagsmith-disable-next-line DS454, DS457 -- a reference table every user reads, rebuilt whole\n  - id: merge\n',
    );
    const r = await run(make({ 'pipelines/p.yaml': yaml, 'pipelines/merge.sql': BAD_SQL }));
    expect(r.lines).to.deep.equal([]);
    expect(r.suppressed).to.have.length(2);
  });

  it('a directive inside inline SQL silences only the next SQL line; a file directive the whole file', async () => {
    const inline = WITH_SQL(
      '    sql: |\n      -- dagsmith-disable-next-line DS454 -- public lookup table\n      GRANT SELECT ON t TO PUBLIC;\n      INSERT INTO t SELECT * FROM s;',
    );
    expect((await run(make({ 'pipelines/p.yaml': inline }))).lines).to.deep.equal(['pipelines/p.yaml:26:7 warning DS457']);
    const file = `# dagsmith-disable-file DS457 -- this project's tables are rebuilt whole by the next step\n${WITH_SQL('    sqlFile: merge.sql')}`;
    expect((await run(make({ 'pipelines/p.yaml': file, 'pipelines/merge.sql': BAD_SQL }))).lines).to.deep.equal([
      'pipelines/merge.sql:1:1 warning DS454',
    ]);
  });

  it('lint.overrides set rules per path glob; later overrides win', async () => {
    const dir = make({
      'pipelines/a/p.yaml': CLEAN.replace('    securityConfiguration: kms-everything\n', ''),
      'pipelines/b/p.yaml': CLEAN.replace('id: clean\n', 'id: clean_b\n')
        .replace('job: clean-events', 'job: clean-events-b')
        .replace('    securityConfiguration: kms-everything\n', ''),
      'dagsmith.config.yaml':
        'lint:\n  overrides:\n    - files: ["pipelines/**"]\n      rules: { DS402: error }\n    - files: ["pipelines/b/*.yaml"]\n      rules: { DS402: off }\n',
    });
    expect((await run(dir)).lines).to.deep.equal(['pipelines/a/p.yaml:19:10 error DS402']);
  });

  it("an environment's lint settings apply over the project's, in lint --env and in lint --all-envs", async () => {
    const noSecurity = (id: string) =>
      CLEAN.replace('id: clean\n', `id: ${id}\n`)
        .replace('job: clean-events', `job: ${id}-events`)
        .replace('    securityConfiguration: kms-everything\n', '');
    const dir = make({
      'pipelines/a/p.yaml': noSecurity('clean_a'),
      'pipelines/b/p.yaml': noSecurity('clean_b'),
      'dagsmith.config.yaml': [
        'lint:',
        '  rules: { DS402: warn }',
        'environments:',
        '  dev:',
        '    lint: { rules: { DS402: off } }',
        '  prod:',
        '    lint:',
        '      rules: { DS402: error }',
        '      overrides:',
        '        - files: ["pipelines/b/*.yaml"]',
        '          rules: { DS402: warn }',
        '',
      ].join('\n'),
    });
    const lines = async (env?: string) =>
      sortDiagnostics((await lintProject({ cwd: dir, now: NOW, ...(env ? { env } : {}) })).diagnostics).map(
        (d) => `${d.file}:${d.line} ${d.severity} ${d.code}`,
      );
    expect(await lines()).to.deep.equal(['pipelines/a/p.yaml:19 warning DS402', 'pipelines/b/p.yaml:19 warning DS402']);
    expect(await lines('dev')).to.deep.equal([]);
    expect(await lines('prod')).to.deep.equal(['pipelines/a/p.yaml:19 error DS402', 'pipelines/b/p.yaml:19 warning DS402']);
    // The same through compile's worker threads (the rules run where each pipeline is built).
    const threads = await runCli(['lint', '--env', 'prod', '--jobs', '2', '--format', 'json'], dir);
    const inThreads = (JSON.parse(threads.out) as { file: string; line: number; severity: string; code: string }[])
      .map((d) => `${d.file}:${d.line} ${d.severity} ${d.code}`)
      .sort();
    expect(inThreads).to.deep.equal(await lines('prod'));
    const all = await runCli(['lint', '--all-envs'], dir);
    expect(all.code).to.equal(1);
    expect(all.out).to.include('pipelines/a/p.yaml:19:10: error DS402: ');
    expect(all.out).to.match(/pipelines\/a\/p\.yaml:19:10: error DS402: [^\n]*\[environment prod\]/);
    expect(all.out).to.match(/pipelines\/b\/p\.yaml:19:10: warning DS402: [^\n]*\[environment prod\]/);
    expect(all.out).to.include('1 error, 1 warning');
    expect(all.out).not.to.include('environment dev');
  });

  it("refuses what an environment's lint cannot set, at its line", async () => {
    const dir = make({
      'pipelines/p.yaml': CLEAN,
      'dagsmith.config.yaml': 'environments:\n  prod:\n    lint:\n      docsUrl: https://example.com/rules/\n      rules: { DS999: off }\n',
    });
    const r = await runCli(['lint', '--env', 'prod'], dir);
    expect(r.code).to.equal(2);
    expect(r.err).to.include(
      "dagsmith.config.yaml:4:7: error DS130: unknown setting 'docsUrl' (settings here: rules, overrides; docsUrl is set once, under the top-level lint)",
    );
    expect(r.err).to.match(/dagsmith\.config\.yaml:5:16: error DS130: unknown lint rule 'DS999'/);
  });

  it('configures validation warnings like rules (DS385), and suppresses them with a directive', async () => {
    const hatch = `${CLEAN}  - id: spill
    kind: airflow.operator
    operator: airflow.providers.amazon.aws.operators.s3.S3DeleteObjectsOperator
    arguments: { bucket: acme-staging, keys: [a.csv] }
    dependsOn: [clean_events]
`;
    expect((await run(make({ 'pipelines/p.yaml': hatch }))).lines).to.deep.equal(['pipelines/p.yaml:23:15 warning DS385']);
    expect((await run(make({ 'pipelines/p.yaml': hatch, 'dagsmith.config.yaml': 'lint:\n  rules:\n    DS385: error\n' }))).lines).to.deep.equal([
      'pipelines/p.yaml:23:15 error DS385',
    ]);
    expect((await run(make({ 'pipelines/p.yaml': hatch, 'dagsmith.config.yaml': 'lint:\n  rules:\n    DS385: off\n' }))).lines).to.deep.equal([]);
    const silenced = hatch.replace(
      '    operator: airflow',
      '    # dagsmith-disable-next-line DS385 -- the typed kind lacks the option we need\n    operator: airflow',
    );
    expect((await run(make({ 'pipelines/p.yaml': silenced }))).lines).to.deep.equal([]);
  });

  it('refuses to configure a validation error, and a bad override', async () => {
    const dir = make({
      'pipelines/p.yaml': CLEAN,
      'dagsmith.config.yaml': 'lint:\n  rules:\n    DS201: off\n  overrides:\n    - files: ["../elsewhere/**"]\n      rules: { DS402: off }\n',
    });
    const r = await runCli(['lint'], dir);
    expect(r.code).to.equal(2);
    expect(r.err).to.include("unknown lint rule 'DS201' (DS201 is an error; only warnings can be configured)");
    expect(r.err).to.include("'../elsewhere/**' must be relative to the project and stay inside it");
  });

  it('DS423 rises to error from errorRuns catch-up runs, unless the project sets its severity', async () => {
    const old = CLEAN.replace('startDate: 2026-11-01', 'startDate: 2025-01-01').replace('maxActiveRuns: 1', 'maxActiveRuns: 1\ncatchup: true');
    expect((await run(make({ 'pipelines/p.yaml': old }))).lines).to.deep.equal(['pipelines/p.yaml:7:12 error DS423']);
    const recent = CLEAN.replace('startDate: 2026-11-01', 'startDate: 2026-09-01').replace('maxActiveRuns: 1', 'maxActiveRuns: 1\ncatchup: true');
    expect((await run(make({ 'pipelines/p.yaml': recent }))).lines).to.deep.equal(['pipelines/p.yaml:7:12 warning DS423']);
    expect((await run(make({ 'pipelines/p.yaml': old, 'dagsmith.config.yaml': 'lint:\n  rules:\n    DS423: warn\n' }))).lines).to.deep.equal([
      'pipelines/p.yaml:7:12 warning DS423',
    ]);
  });
});
