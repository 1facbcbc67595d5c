/**
 * The diagnostic catalog (src/diagnostics/codes/<phase>.ts) is kept in step with the code, the goldens and the docs:
 *  - every code has its doc text (`why`, `fix`), published in docs/diagnostics.md (drift.test.ts);
 *  - every code has at least one golden case: it appears in an expected diagnostics file under test/fixtures*;
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

/** Codes in the CLI's diagnostic lines (`file:line:col: severity DSnnn: ...`) of every golden expectation. */
function goldenCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  const expectations = ['test/fixtures', 'test/fixtures-ts'].flatMap((d) =>
    filesUnder(join(ROOT, d), (p) => /expected[^/\\]*\.txt$/.test(p) || /[/\\]expected[/\\][^/\\]*\.txt$/.test(p)),
  );
  for (const file of expectations) {
    for (const m of readFileSync(file, 'utf8').matchAll(/: (?:error|warning) (DS\d{3}):/g)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  }
  return counts;
}

/** Which phase the files of each folder of src/ belong to. */
const FOLDER_PHASES: readonly [string, Phase][] = [
  ['src/load/', 'load'],
  ['src/schema/', 'schema'],
  ['src/validate/', 'semantics'],
  ['src/steps/', 'semantics'],
  ['src/lint/', 'lint'],
  ['src/cli/lint.ts', 'lint'],
  ['src/emit/', 'emit'],
  ['src/cli/compile.ts', 'emit'],
  ['src/sync/', 'sync'],
  ['src/cli/sync.ts', 'sync'],
];

/** Codes raised outside their phase's folder on purpose, with the reason. */
const ALLOWED_ELSEWHERE: Readonly<Record<string, readonly string[]>> = {
  // Where the loaders' results meet: a TypeScript pipeline whose export is not a mapping (load), and pipeline ids
  // unique across files (semantics, the only check over the whole project).
  'src/project.ts': ['DS311'],
  'src/build/unit.ts': ['DS103'],
  // The load limits (depth, size, keys) applied again to the data a TypeScript pipeline evaluated to.
  'src/validate/limits.ts': ['DS146', 'DS147', 'DS148'],
};

/**
 * Where each code is raised: every 'DSnnn' string literal, and every `DSnnn: ` written into a message, in src/
 * outside the catalog and its docs.
 */
function raisedAt(): Map<string, string[]> {
  const at = new Map<string, string[]>();
  for (const file of filesUnder(join(ROOT, 'src'), (p) => p.endsWith('.ts'))) {
    const r = rel(file);
    if (r.startsWith('src/diagnostics/') || r.startsWith('src/docs/')) continue;
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

/**
 * Codes of other work in progress that have no golden case yet, each with who owes it. The test fails when one of
 * them gets its case (take it off this list) and for any code missing a case that is not listed.
 */
const GOLDEN_PENDING: Readonly<Record<string, string>> = {
  DS100: 'house: an unreadable file cannot be kept in a fixture (the golden runner reads every file it reports); tested in test/load/text.test.ts',
  DS423: 'lint (issue 9): no rule test or golden case names it yet',
  DS482: 'lint (issue 9): lint --remote, no rule test or golden case names it yet',
  DS639: 'sync (issue 10): no golden case yet',
  DS115: 'sandbox (issue 8): tested in test/load and test/sdk, no golden case yet',
  DS116: 'sandbox (issue 8): tested in test/load and test/sdk, no golden case yet',
  DS118: 'sandbox (issue 8): a crashed evaluator process, tested with an injected fault',
  DS140: 'harden (issue 8): an unreadable folder, tested in test/load/discover.test.ts',
  DS141: 'harden (issue 8): tested in test/load/discover.test.ts, no golden case yet',
  DS142: 'harden (issue 8): tested in test/load/discover.test.ts, no golden case yet',
  DS146: 'harden (issue 8): tested with generated large inputs, no golden case yet',
  DS520: 'harden (issue 8): a file system fault, tested in test/emit/output-faults.test.ts',
  DS601: 'sync (issue 10): tested against moto in test/sync, no golden case yet',
  DS602: 'sync (issue 10): tested against moto in test/sync, no golden case yet',
  DS603: 'sync (issue 10): tested against moto in test/sync, no golden case yet',
  DS630: 'sync (issue 10): tested against a local MWAA server in test/sync, no golden case yet',
  DS631: 'sync (issue 10): tested against a local MWAA server in test/sync, no golden case yet',
  DS632: 'sync (issue 10): tested against a local MWAA server in test/sync, no golden case yet',
  DS633: 'sync (issue 10): tested against a local MWAA server in test/sync, no golden case yet',
  DS634: 'sync (issue 10): tested against a local MWAA server in test/sync, no golden case yet',
  DS635: 'sync (issue 10): tested against a local MWAA server in test/sync, no golden case yet',
  DS636: 'sync (issue 10): tested in test/sync, no golden case yet',
  DS637: 'sync (issue 10): tested against a local MWAA server in test/sync, no golden case yet',
  DS638: 'sync (issue 10): tested in test/sync, no golden case yet',
};

/** Codes in the catalog that nothing raises yet, each with who owes it. */
const NOT_RAISED_YET: Readonly<Record<string, string>> = {
  DS639: 'sync (issue 10): in the catalog, not raised under that code yet',
};

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
    const lintTests = filesUnder(join(ROOT, 'test', 'lint'), (p) => p.endsWith('.ts')).map((f) => readFileSync(f, 'utf8')).join('\n');
    const missing = codes.filter((c) => !counts.has(c) && !(c in GOLDEN_PENDING) && !(phaseOf(c) === 'lint' && lintTests.includes(c)));
    expect(missing, 'codes that appear in no expected.diagnostics.txt / expected/*.stderr.txt: add a golden case').to.deep.equal([]);
    const done = Object.keys(GOLDEN_PENDING).filter((c) => counts.has(c));
    expect(done, 'codes in GOLDEN_PENDING that now have a golden case: take them off the list').to.deep.equal([]);
    const unknown = [...counts.keys()].filter((c) => !(c in CODES)).sort();
    expect(unknown, 'codes in golden files that the catalog does not have').to.deep.equal([]);
  });

  it('every code is raised in src/, and only by the phase its number belongs to', () => {
    const at = raisedAt();
    const dead = codes.filter((c) => !at.has(c) && !(c in NOT_RAISED_YET));
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

  it('the codes are numbered in their phase (DS1xx load ... DS6xx sync)', () => {
    for (const c of codes) expect(() => phaseOf(c), c).to.not.throw();
  });

  it('every validation keyword the pipeline schema uses has its own diagnostic (no catch-all code)', () => {
    // Keywords that only annotate or nest; errors come from the keywords inside them.
    const structural = new Set(['$id', '$ref', '$schema', 'default', 'definitions', 'description', 'items', 'properties', 'propertyName', 'title', 'markdownDescription', 'examples']);
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
