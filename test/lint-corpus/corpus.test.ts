import { expect } from 'chai';
import type { Diagnostic } from '../../src/diagnostics/types';
import {
  CORPUS_ENVS,
  checkExpectations,
  lintCorpus,
  loadExpectations,
  measure,
  shortfalls,
  type Expectations,
} from './measure';

// The corpus is the yardstick of issue 17's lint work: these tests keep it sound (its lines right, its pipelines
// valid, its matching exact). How well the lint does against it is measured by scripts/lint-corpus.ts.

/** Categories issue 17 lists as found or missed; the corpus plants at least one mistake of each. */
const REQUIRED_CATEGORIES = [
  'secret-aws-access-key',
  'secret-aws-secret-key',
  'secret-private-key',
  'secret-slack-webhook',
  'secret-slack-token',
  'secret-github-token',
  'secret-jwt',
  'secret-url-credentials',
  'secret-sql-password',
  'secret-sql-credentials',
  'secret-short-literal',
  'emr-security-configuration',
  'emr-termination',
  'emr-spot-core-master',
  'emr-spot-diversification',
  'emr-default-roles',
  'iam-admin-role',
  'redshift-superuser-dbuser',
  'sql-grant-public',
  'sql-unload-encryption',
  'sql-copy-access-keys',
  'unencrypted-writer',
  'non-idempotent-insert',
  'copy-replace-partition',
  's3-delete-prefix-slash',
  's3-delete-escape-hatch',
  'failure-alert',
  'catchup-runs',
  'sensor-mode',
  'step-retries',
  'execution-timeout',
  'copy-compression',
  'glue-workers',
  'connection-tls',
];

describe('lint corpus (test/lint-corpus)', () => {
  const exp = loadExpectations();

  it('expected.yaml matches the corpus files: every anchor on its line, no line claimed twice', () => {
    expect(checkExpectations(exp)).to.deep.equal([]);
  });

  it('checkExpectations catches a line that moved and a line claimed by two entries', () => {
    const i = exp.planted.findIndex((e) => e.endLine === undefined && e.alsoAt.length === 0);
    const e = exp.planted[i]!;
    const moved = { ...exp, planted: exp.planted.map((x, j) => (j === i ? { ...x, line: x.line + 1 } : x)) };
    expect(checkExpectations(moved).some((p) => p.startsWith(`${e.id}: line ${e.file}:${e.line + 1} does not contain`))).to.equal(true);
    const twice = { ...exp, probes: [...exp.probes, { ...exp.probes[0]!, id: 'copy', file: e.file, line: e.line, anchor: e.anchor }] };
    expect(checkExpectations(twice)).to.deep.equal([`copy: ${e.file}:${e.line} is also claimed by ${e.id}`]);
  });

  it('plants at least 45 mistakes of every listed category, in YAML, TypeScript, inline SQL and SQL files, and has at least 12 probes', () => {
    expect(exp.planted.length).to.be.at.least(45);
    expect(exp.probes.length).to.be.at.least(12);
    const categories = new Set(exp.planted.map((e) => e.category));
    expect(REQUIRED_CATEGORIES.filter((c) => !categories.has(c))).to.deep.equal([]);
    expect(exp.planted.some((e) => e.file.endsWith('.ts'))).to.equal(true);
    expect(exp.planted.some((e) => e.file.endsWith('.sql'))).to.equal(true);
    expect(exp.planted.some((e) => e.file.endsWith('.yaml') && e.via !== undefined)).to.equal(true);
  });

  describe('the corpus lints', function () {
    this.timeout(120_000);
    const runs = new Map<string | undefined, readonly Diagnostic[]>();
    before(async () => {
      for (const env of CORPUS_ENVS) runs.set(env, await lintCorpus(env !== undefined ? { env } : {}));
    });

    it('validates without errors with and without an environment (only deliberate findings)', () => {
      for (const [env, diagnostics] of runs) {
        const invalid = diagnostics.filter((d) => d.severity === 'error' && !/^DS4\d\d$/.test(d.code));
        expect(invalid, `env ${env ?? '(none)'}`).to.deep.equal([]);
      }
    });

    it('every measurement accounts for every planted mistake and probe', () => {
      for (const [env, diagnostics] of runs) {
        const m = measure(diagnostics, exp, env);
        expect(m.planted.found.length + m.planted.missed.length).to.equal(exp.planted.length);
        expect(m.falsePositives.atError.length + m.falsePositives.atWarning.length).to.be.at.most(exp.probes.length);
      }
    });
  });
});

describe('lint corpus measure()', () => {
  const base = { alsoAt: [], description: 'd' };
  const exp: Expectations = {
    planted: [
      { ...base, id: 'p1', file: 'pipelines/a.yaml', line: 5, col: 7, anchor: 'x', category: 'c1', codes: ['DS403'] },
      { ...base, id: 'p2', file: 'sql/q.sql', line: 3, endLine: 4, anchor: 'x', endAnchor: 'y', category: 'c2', codes: ['new:grant-public'], via: { file: 'pipelines/a.yaml', line: 9, anchor: 'sqlFile' } },
      { ...base, id: 'p3', file: 'sql/q.sql', line: 6, anchor: 'x', category: 'c3', codes: ['DS403'], via: { file: 'pipelines/a.yaml', line: 9, anchor: 'sqlFile' } },
      { ...base, id: 'p4', file: 'pipelines/a.yaml', line: 12, anchor: 'x', category: 'c4', codes: ['new:x'], alsoAt: [{ file: 'pipelines/a.yaml', line: 11, anchor: 'id' }] },
    ],
    probes: [
      { ...base, id: 'q1', file: 'pipelines/a.yaml', line: 20, anchor: 'x', traps: ['DS407'] },
      { ...base, id: 'q2', file: 'sql/q.sql', line: 8, anchor: 'x', traps: ['DS407'], via: { file: 'pipelines/a.yaml', line: 9, anchor: 'sqlFile' } },
      { ...base, id: 'q3', file: 'pipelines/a.yaml', line: 22, anchor: 'x', traps: [] },
    ],
  };
  const d = (file: string, line: number, code: string, severity: Diagnostic['severity'] = 'warning', col = 1): Diagnostic =>
    ({ code, severity, message: 'm', file, line, col, path: [] }) as unknown as Diagnostic;

  it('counts a warning or error on a planted line (or range, or alsoAt line) as found, and says whether its code is intended', () => {
    const m = measure([d('pipelines/a.yaml', 5, 'DS403', 'error', 7), d('sql/q.sql', 4, 'DS499'), d('pipelines/a.yaml', 11, 'DS424')], exp);
    expect(m.planted.found.map((r) => r.entry.id)).to.deep.equal(['p1', 'p2', 'p4']);
    expect(m.planted.found.map((r) => r.atCode)).to.deep.equal([true, false, false]);
    expect(m.planted.found[0]!.atColumn).to.equal(true);
    expect(m.foundAtCode).to.equal(1);
    expect(m.planted.missed.map((r) => r.entry.id)).to.deep.equal(['p3']);
    expect(m.unexpected).to.deep.equal([]);
  });

  it('ignores info findings', () => {
    const m = measure([d('pipelines/a.yaml', 5, 'DS403', 'info'), d('pipelines/a.yaml', 30, 'DS431', 'info')], exp);
    expect(m.planted.found).to.deep.equal([]);
    expect(m.unexpected).to.deep.equal([]);
  });

  it('a finding on a via line is a misplaced planted finding when its code is the entry\'s, a probe false positive when it is a trap, else unexpected', () => {
    const m = measure([d('pipelines/a.yaml', 9, 'DS403', 'error'), d('pipelines/a.yaml', 9, 'DS407'), d('pipelines/a.yaml', 9, 'DS426', 'error')], exp);
    expect(m.planted.found).to.deep.equal([]);
    expect(m.planted.missed.find((r) => r.entry.id === 'p3')!.misplaced.map((x) => x.code)).to.deep.equal(['DS403']);
    expect(m.falsePositives.atWarning.map((r) => [r.entry.id, r.misplaced])).to.deep.equal([['q2', true]]);
    expect(m.unexpected.map((x) => x.code)).to.deep.equal(['DS426']);
  });

  it('ranks a probe by its worst finding and lists findings elsewhere as unexpected', () => {
    const m = measure([d('pipelines/a.yaml', 20, 'DS407'), d('pipelines/a.yaml', 20, 'DS403', 'error'), d('pipelines/a.yaml', 22, 'DS407'), d('pipelines/b.yaml', 5, 'DS403')], exp);
    expect(m.falsePositives.atError.map((r) => r.entry.id)).to.deep.equal(['q1']);
    expect(m.falsePositives.atWarning.map((r) => r.entry.id)).to.deep.equal(['q3']);
    expect(m.unexpected.map((x) => x.file)).to.deep.equal(['pipelines/b.yaml']);
  });

  it('the threshold: at least 90% found, no probe at error, at most one at warning, no validation error', () => {
    const all = exp.planted.map((e) => d(e.file, e.line, e.codes[0]!));
    expect(shortfalls(measure(all, exp))).to.deep.equal([]);
    expect(shortfalls(measure([...all, d('pipelines/a.yaml', 20, 'DS407')], exp))).to.deep.equal([]);
    expect(shortfalls(measure([...all, d('pipelines/a.yaml', 20, 'DS407'), d('pipelines/a.yaml', 22, 'DS407')], exp))).to.have.length(1);
    expect(shortfalls(measure([...all, d('pipelines/a.yaml', 22, 'DS403', 'error')], exp))).to.have.length(1);
    expect(shortfalls(measure(all.slice(1), exp))).to.deep.equal(['found 75% of planted mistakes, below 90%']);
    expect(shortfalls(measure([...all, d('pipelines/a.yaml', 1, 'DS201', 'error')], exp))).to.deep.equal(['1 validation errors: the corpus does not validate']);
  });
});
