/**
 * Test files without running them: a YAML test and its `defineTest` twin load to the same test (variables resolved,
 * fixtures read as base64, outcomes keyed by name turned into the runner's lists), the example tests of the
 * repository all pass the checks, and the pieces of the verdict that read text (dates, argument subsets, SQL, the S3
 * objects a task's rendered fields name).
 */
import { expect } from 'chai';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildProject } from '../../src/compile/project';
import { loadConfig } from '../../src/config/project-config';
import { loadTests } from '../../src/test-runner/load-tests';
import { isTestDate, type TestSpec } from '../../src/test-runner/test-file';
import { argsMatch, mappedState, normalizeSql, renderedSql, s3ObjectsNamed } from '../../src/test-runner/verdict';
import { testProject } from '../../src/use-cases/test';
import { makeTemp, removeTemp } from '../helpers/cli';

const ROOT = join(__dirname, '..', '..');

const YAML_TEST = `pipeline: landing
date: 2026-03-01
env: dev
conf: { mode: full }
retries: keep
limits: { sensorTimeout: 3 }
given:
  buckets: [empty-bucket]
  s3:
    - "s3://\${rawBucket}/events/2026-03-01/_SUCCESS"
    - { bucket: "\${rawBucket}", key: events/2026-03-01/part-0.json, file: fixtures/events.json }
    - { bucket: "\${rawBucket}", key: events/2026-03-01/meta.json, json: { rows: 2 } }
  calls:
    - { service: glue, operation: CreateDatabase, args: { DatabaseInput: { Name: raw } } }
outcomes:
  glueJobs:
    clean-events:
      - { result: failed, error: OOM }
      - { result: succeeded, writes: ["s3://\${rawBucket}/clean/part-0"] }
  athena:
    - { match: SELECT, columns: [n], rows: [[1]] }
expect:
  tasks: { wait: success, clean: success }
  s3:
    exists: ["s3://\${rawBucket}/clean/"]
    absent: ["s3://\${rawBucket}/tmp/x"]
  sql:
    build: { contains: SELECT, snapshot: true }
  calls:
    - { task: clean, operation: StartJobRun, args: { JobName: clean-events }, count: 2 }
  alerts: [clean]
`;

const TS_TEST = `import { defineTest } from 'dagsmith';

const bucket = '\${rawBucket}';
export default defineTest({
  pipeline: 'landing',
  date: '2026-03-01',
  env: 'dev',
  conf: { mode: 'full' },
  retries: 'keep',
  limits: { sensorTimeout: 3 },
  given: {
    buckets: ['empty-bucket'],
    s3: [
      \`s3://\${bucket}/events/2026-03-01/_SUCCESS\`,
      { bucket, key: 'events/2026-03-01/part-0.json', file: 'fixtures/events.json' },
      { bucket, key: 'events/2026-03-01/meta.json', json: { rows: 2 } },
    ],
    calls: [{ service: 'glue', operation: 'CreateDatabase', args: { DatabaseInput: { Name: 'raw' } } }],
  },
  outcomes: {
    glueJobs: { 'clean-events': [{ result: 'failed', error: 'OOM' }, { result: 'succeeded', writes: [\`s3://\${bucket}/clean/part-0\`] }] },
    athena: [{ match: 'SELECT', columns: ['n'], rows: [[1]] }],
  },
  expect: {
    tasks: { wait: 'success', clean: 'success' },
    s3: { exists: [\`s3://\${bucket}/clean/\`], absent: [\`s3://\${bucket}/tmp/x\`] },
    sql: { build: { contains: 'SELECT', snapshot: true } },
    calls: [{ task: 'clean', operation: 'StartJobRun', args: { JobName: 'clean-events' }, count: 2 }],
    alerts: ['clean'],
  },
});
`;

/** A test without its positions (paths and the locator differ between YAML and TypeScript). */
function plain(t: TestSpec): unknown {
  return JSON.parse(JSON.stringify({ ...t, name: undefined, file: undefined, locate: undefined }, (k, v: unknown) => (k === 'path' ? undefined : v)));
}

describe('dagsmith test files (loaded and checked, not run)', function () {
  this.timeout(60_000);
  let dir = '';
  before(() => {
    dir = makeTemp('test-files');
    mkdirSync(join(dir, 'tests', 'fixtures'), { recursive: true });
    writeFileSync(join(dir, 'dagsmith.config.yaml'), 'vars: { rawBucket: raw-top }\nenvironments:\n  dev:\n    vars: { rawBucket: raw-dev }\n');
    writeFileSync(join(dir, 'tests', 'fixtures', 'events.json'), '{"e":1}\n');
    writeFileSync(join(dir, 'tests', 'twin.test.yaml'), YAML_TEST);
    writeFileSync(join(dir, 'tests', 'twin_ts.test.ts'), TS_TEST);
  });
  after(() => removeTemp(dir));

  it('loads a YAML test and its defineTest twin to the same test: variables of its env, fixtures as base64, outcomes as lists', () => {
    const { config } = loadConfig(dir);
    const loaded = loadTests({ cwd: dir, config: config! });
    expect(loaded.diagnostics).to.deep.equal([]);
    const [yaml, ts] = loaded.tests;
    expect(yaml!.name).to.equal('twin');
    expect(ts!.name).to.equal('twin_ts');
    expect(plain(ts!)).to.deep.equal(plain(yaml!));
    expect(yaml!.given.s3).to.deep.equal([
      { bucket: 'raw-dev', key: 'events/2026-03-01/_SUCCESS', body: '' },
      { bucket: 'raw-dev', key: 'events/2026-03-01/part-0.json', base64: Buffer.from('{"e":1}\n').toString('base64') },
      { bucket: 'raw-dev', key: 'events/2026-03-01/meta.json', body: '{"rows":2}' },
    ]);
    expect(yaml!.outcomes.glueJobs).to.deep.equal([
      { job: 'clean-events', result: 'failed', error: 'OOM' },
      { job: 'clean-events', result: 'succeeded', writes: [{ bucket: 'raw-dev', key: 'clean/part-0', body: '' }] },
    ]);
    expect(yaml!.expect.exists.map((l) => [l.bucket, l.key, l.prefix])).to.deep.equal([['raw-dev', 'clean/', true]]);
    // Positions point into each file: the YAML key, the TypeScript property.
    expect(yaml!.locate(['expect', 'alerts', 0])).to.include({ line: 31 });
    expect(ts!.locate(['pipeline'])).to.include({ line: 5 });
  });

  it('checks every example test of the repository against its pipeline without errors', async () => {
    const r = await testProject({ cwd: ROOT, run: false });
    expect(r.diagnostics.map((d) => `${d.file}:${d.line} ${d.code} ${d.message}`)).to.deep.equal([]);
    expect(r.status).to.equal('passed');
    // Every example pipeline has a test.
    const ids = buildProject({ cwd: ROOT }).pipelines.map((p) => p.ir.id);
    const tested = new Set(r.tests.map((t) => t.pipeline));
    expect(ids.filter((id) => !tested.has(id))).to.deep.equal([]);
  });

  it('reads dates as the runner does: calendar dates and date-times with an offset that exist', () => {
    for (const ok of ['2026-03-01', '2024-02-29', '2026-03-02T07:00:00+00:00', '2026-03-02T07:00Z', '2026-03-02T07:00:00.5-05:30'])
      expect(isTestDate(ok), ok).to.equal(true);
    for (const bad of ['2026-02-29', '2026-3-1', '2026-03-02T07:00:00', '2026-03-02T24:00:00Z', '20260301', '2026-03-01 07:00:00+00:00'])
      expect(isTestDate(bad), bad).to.equal(false);
  });

  it('judges a fanned-out task by its mapped instances: success when all succeeded, else the first other state', () => {
    const tasks = (entries: [string, string][]) => new Map(entries.map(([k, state]) => [k, { state }]));
    expect(
      mappedState(
        'copy',
        tasks([
          ['copy[0]', 'success'],
          ['copy[1]', 'success'],
          ['list', 'failed'],
        ]),
      ),
    ).to.equal('success');
    expect(
      mappedState(
        'copy',
        tasks([
          ['copy[0]', 'success'],
          ['copy[1]', 'failed'],
          ['copy[2]', 'up_for_retry'],
        ]),
      ),
    ).to.equal('failed');
    // Not its instances: another task whose id starts the same, a group's task, no index.
    expect(
      mappedState(
        'copy',
        tasks([
          ['copy_all[0]', 'success'],
          ['copy.x', 'success'],
          ['copy[]', 'success'],
        ]),
      ),
    ).to.equal(undefined);
    expect(mappedState('copy', tasks([]))).to.equal(undefined);
  });

  it('matches call arguments as a subset of mappings; lists and values exactly', () => {
    const args = { JobName: 'j', Arguments: { '--a': '1', '--b': '2' }, Tags: ['x', 'y'], N: 10 };
    expect(argsMatch({ JobName: 'j', Arguments: { '--a': '1' } }, args)).to.equal(true);
    expect(argsMatch({ Arguments: { '--a': '2' } }, args)).to.equal(false);
    expect(argsMatch({ Tags: ['x'] }, args)).to.equal(false);
    expect(argsMatch({ N: '10' }, args)).to.equal(false);
    expect(argsMatch({ constructor: 'x' }, args)).to.equal(false);
  });

  it('reads rendered SQL (a list of statements as a script) and the S3 objects a task names', () => {
    const task = (rendered: Record<string, unknown>) => ({
      taskId: 't',
      operator: null,
      state: 'success',
      tryNumber: 1,
      startedAt: null,
      duration: 1,
      rendered,
      attempts: [],
    });
    expect(renderedSql(task({ sql: ['DELETE FROM t', 'COPY t FROM x;'] }), 'redshift.copy')).to.equal('DELETE FROM t;\nCOPY t FROM x;');
    expect(renderedSql(task({ query: 'SELECT 1' }), 'athena.query')).to.equal('SELECT 1');
    expect(renderedSql(task({ query: 'SELECT 1' }), 's3.wait')).to.equal(undefined);
    expect(normalizeSql('  SELECT 1   \n  FROM t  \n')).to.equal('SELECT 1\n  FROM t');
    expect(s3ObjectsNamed({ bucket_name: 'b', bucket_key: ['k1', 's3://other/k2'] })).to.deep.equal([
      { bucket: 'b', key: 'k1' },
      { bucket: 'other', key: 'k2' },
    ]);
    expect(s3ObjectsNamed({ source_bucket_key: 's3://src/a', dest_bucket_name: 'dst', dest_bucket_key: 'b' })).to.deep.equal([
      { bucket: 'src', key: 'a' },
      { bucket: 'dst', key: 'b' },
    ]);
  });
});
