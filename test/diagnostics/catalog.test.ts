/**
 * The diagnostic catalog (src/diagnostics/codes/<phase>.ts) is kept in step with the code, the goldens and the docs:
 *  - every code has its doc text (`why`, `fix`), published in docs/diagnostics.md (drift.test.ts);
 *  - every code has at least one golden case: it appears in an expected file under test/fixtures* (the sync runner's
 *    in test/fixtures-sync, dagsmith test's in test/fixtures-test), or, for a lint rule, its rule table test imports
 *    the rule (a code no input can cause is listed in NO_GOLDEN_CASE with the reason);
 *  - every code is raised somewhere in src/, and only by the phase its number belongs to (by folder);
 *  - retired codes are raised nowhere and never come back into the catalog.
 * Each failure lists exactly which codes are missing what.
 */
import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { CODES, phaseOf, RETIRED_CODES, type Code, type CodeInfo, type Phase } from '../../src/diagnostics/codes';
import { publicSchema, SCHEMA_KEYWORDS_WITH_CODES } from '../../src/schema/validate';

const ROOT = join(__dirname, '..', '..');

function filesUnder(dir: string, keep: (path: string) => boolean): string[] {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length > 0) {
    const d = stack.pop()!;
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) stack.push(p);
      else if (keep(p)) out.push(p);
    }
  }
  return out.sort();
}

const rel = (p: string) => relative(ROOT, p).split(sep).join('/');

/**
 * Lint codes that a test under test/lint covers: a rule's table test imports the rule's module (src/lint/rules/X),
 * and tests of the engine and of --remote name the codes they expect.
 */
function lintCodesTested(): Set<string> {
  const tests = filesUnder(join(ROOT, 'test', 'lint'), (p) => p.endsWith('.ts')).map((f) => readFileSync(f, 'utf8'));
  const tested = new Set<string>();
  for (const file of filesUnder(join(ROOT, 'src', 'lint', 'rules'), (p) => p.endsWith('.ts'))) {
    const module = rel(file).replace(/\.ts$/, '');
    if (!tests.some((t) => t.includes(`${module}'`))) continue;
    for (const m of readFileSync(file, 'utf8').matchAll(/\bcode: '(DS4\d\d)'/g)) tested.add(m[1]!);
  }
  for (const m of tests.join('\n').matchAll(/\bDS4\d\d\b/g)) tested.add(m[0]);
  return tested;
}

/**
 * Codes in the CLI's diagnostic lines of every golden expectation: `file:line:col: severity DSnnn: ...`, and
 * `error DSnnn: ...` for a sync that stops on what the remote side says (test/fixtures-sync).
 */
function goldenCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  const expectations = ['test/fixtures', 'test/fixtures-ts', 'test/fixtures-sync', 'test/fixtures-import', 'test/fixtures-test'].flatMap((d) =>
    filesUnder(join(ROOT, d), (p) => /expected[^/\\]*\.txt$/.test(p) || /[/\\]expected[/\\][^/\\]*\.txt$/.test(p)),
  );
  for (const file of expectations) {
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:^|: )(?:error|warning) (DS\d{3}):/gm)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  }
  return counts;
}

/** Which phase the files of each folder of src/ belong to. */
const FOLDER_PHASES: readonly [string, Phase][] = [
  ['src/load/', 'load'],
  ['src/config/', 'load'],
  ['src/schema/', 'schema'],
  ['src/validate/', 'semantics'],
  ['src/steps/', 'semantics'],
  ['src/lint/', 'lint'],
  ['src/use-cases/lint.ts', 'lint'],
  ['src/emit/', 'emit'],
  ['src/use-cases/compile.ts', 'emit'],
  ['src/sync/', 'sync'],
  ['src/use-cases/sync.ts', 'sync'],
  ['src/import/', 'import'],
  ['src/test-runner/', 'test'],
  ['src/use-cases/test.ts', 'test'],
];

/**
 * Codes no input can cause, with the reason: no golden case can show them. Each is a wall against a bug of dagsmith
 * itself, kept so that the bug would surface with a code instead of running on.
 */
const NO_GOLDEN_CASE: Readonly<Record<string, string>> = {
  DS703: "the runner's own AWS settings changed under it: the runner sets them itself before every run",
};

/** Codes raised outside their phase's folder on purpose, with the reason. */
const ALLOWED_ELSEWHERE: Readonly<Record<string, readonly string[]>> = {
  // Where the loaders' results meet: a TypeScript pipeline whose export is not a mapping (load), and pipeline ids
  // unique across files (semantics, the only check over the whole project).
  'src/compile/project.ts': ['DS311'],
  'src/compile/unit.ts': ['DS103'],
  // The load limits (depth, size, keys) applied again to the data a TypeScript pipeline evaluated to.
  'src/validate/limits.ts': ['DS146', 'DS147', 'DS148'],
  // The Airflow 3 feature checks (asset aliases, deadlines) are semantic, but the semantics codes allotted to them
  // (DS394-DS399) ran out: they were given DS175-DS178 of the same issue's range. Renumber if a DS3xx block frees up.
  'src/validate/asset-schedule.ts': ['DS175'],
  'src/validate/airflow3-features.ts': ['DS176', 'DS177'],
  'src/validate/asset-graph.ts': ['DS178'],
  // Retry policies are checked with the settings they sit among (retries: DS236), in the semantic pass; the DS3xx
  // block was full, so the schema-phase codes DS235-DS239 were given to them.
  'src/validate/retry-policy.ts': ['DS235', 'DS236', 'DS237', 'DS238', 'DS239'],
  // Partitioned schedules (issue 19, Airflow 3.3.1): semantic checks given DS240-DS245 of the schema block for the
  // same reason. The graph's partition checks run with the asset graph's.
  'src/validate/partitioned-schedule.ts': ['DS240', 'DS241', 'DS242'],
  'src/validate/partition-graph.ts': ['DS243', 'DS244', 'DS245'],
};

/**
 * Where each code is raised: every 'DSnnn' string literal, and every `DSnnn: ` written into a message, in src/
 * outside the catalog and its docs.
 */
function raisedAt(): Map<string, string[]> {
  const at = new Map<string, string[]>();
  for (const file of filesUnder(join(ROOT, 'src'), (p) => p.endsWith('.ts'))) {
    const r = rel(file);
    if (r.startsWith('src/diagnostics/') || r.startsWith('src/gen/')) continue;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (/^\s*(\/\/|\*|\/\*)/.test(line)) continue; // comments name codes without raising them
      for (const m of line.matchAll(/'(DS\d{3})'|\b(DS\d{3}): /g)) {
        const code = m[1] ?? m[2]!;
        at.set(code, [...new Set([...(at.get(code) ?? []), r])]);
      }
    }
  }
  return at;
}

describe('diagnostic catalog', () => {
  const codes = Object.keys(CODES).sort() as Code[];

  it('every code says why it is a problem and how to fix it (src/diagnostics/codes/<phase>.ts)', () => {
    const missing = codes.filter((c) => {
      // Lint rules document themselves in docs/rules/<code>.md (checked by test/lint).
      if (phaseOf(c) === 'lint') return !existsSync(join(ROOT, 'docs', 'rules', `${c}.md`));
      const info: CodeInfo = CODES[c];
      return !info.why?.trim() || !info.fix?.trim();
    });
    expect(missing, 'codes without `why` or `fix`').to.deep.equal([]);
  });

  it('every code has at least one golden case (an expected diagnostics file under test/fixtures*)', () => {
    const counts = goldenCounts();
    // Lint codes have their table-driven rule tests (test/lint) instead of golden files.
    const lintTested = lintCodesTested();
    const missing = codes.filter((c) => !counts.has(c) && !(phaseOf(c) === 'lint' && lintTested.has(c)) && !Object.hasOwn(NO_GOLDEN_CASE, c));
    expect(
      missing,
      'codes that appear in no golden expectation (test/fixtures*/**/expected*.txt) and no lint rule test: add a golden case',
    ).to.deep.equal([]);
    const unknown = [...counts.keys()].filter((c) => !(c in CODES)).sort();
    expect(unknown, 'codes in golden files that the catalog does not have').to.deep.equal([]);
  });

  it('every code is raised in src/, and only by the phase its number belongs to', () => {
    const at = raisedAt();
    const dead = codes.filter((c) => !at.has(c));
    expect(dead, 'codes in the catalog that nothing raises: raise them or retire them (RETIRED_CODES)').to.deep.equal([]);
    const misplaced: string[] = [];
    for (const [code, files] of at) {
      if (!(code in CODES)) continue;
      for (const file of files) {
        if (ALLOWED_ELSEWHERE[file]?.includes(code)) continue;
        const phase = FOLDER_PHASES.find(([prefix]) => file.startsWith(prefix))?.[1];
        if (phase !== phaseOf(code)) misplaced.push(`${code} (${phaseOf(code)}) raised in ${file} (${phase ?? 'no phase'})`);
      }
    }
    expect(misplaced, 'a code is numbered by the phase that finds the problem').to.deep.equal([]);
  });

  it('retired codes are raised nowhere and are not back in the catalog', () => {
    const at = raisedAt();
    const counts = goldenCounts();
    for (const code of Object.keys(RETIRED_CODES)) {
      expect(code in CODES, `${code} is retired: give the problem a new code`).to.equal(false);
      expect(at.get(code) ?? [], `${code} is retired but raised`).to.deep.equal([]);
      expect(counts.get(code) ?? 0, `${code} is retired but in a golden file`).to.equal(0);
    }
  });

  it('the codes are numbered in their phase (DS1xx load ... DS7xx test)', () => {
    for (const c of codes) expect(() => phaseOf(c), c).to.not.throw();
  });

  it('every validation keyword the pipeline schema uses has its own diagnostic (no catch-all code)', () => {
    // Keywords that only annotate or nest; errors come from the keywords inside them.
    const structural = new Set([
      '$id',
      '$ref',
      '$schema',
      'default',
      'definitions',
      'description',
      'items',
      'properties',
      'propertyName',
      'title',
      'markdownDescription',
      'examples',
    ]);
    const used = new Set<string>();
    const stack: { value: unknown; keys: boolean }[] = [{ value: publicSchema(), keys: true }];
    while (stack.length > 0) {
      const { value, keys } = stack.pop()!;
      if (Array.isArray(value)) value.forEach((v) => stack.push({ value: v, keys: true }));
      else if (value !== null && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) {
          if (keys) used.add(k);
          // Under `properties` and `definitions` the keys are names, not keywords.
          stack.push({ value: v, keys: k !== 'properties' && k !== 'definitions' });
        }
      }
    }
    const unhandled = [...used].filter((k) => !structural.has(k) && !SCHEMA_KEYWORDS_WITH_CODES.includes(k)).sort();
    expect(unhandled, 'schema keywords without a case in reportError (src/schema/validate.ts)').to.deep.equal([]);
  });
});
