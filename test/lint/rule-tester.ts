/**
 * A RuleTester in the style of typescript-eslint's: each rule gets a table of valid pipelines (no findings) and
 * invalid ones (findings at exact line:col). Every case runs as YAML; unless it says `ts: false`, it also runs as
 * the TypeScript twin the SDK would build (`definePipeline({...})` with the same data), which must give the same
 * findings (code, message, JSON path) at positions inside the TypeScript file.
 */
import { expect } from 'chai';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import type { Diagnostic } from '../../src/diagnostics/types';
import { resolveTarget } from '../../src/targets';
import { normalize } from '../../src/ir/normalize';
import type { LintConfig, RuleSetting } from '../../src/lint/config';
import { runRules, type LintSource } from '../../src/lint/engine';
import type { Rule } from '../../src/lint/types';
import { loadSpecFiles } from '../../src/load/index';
import type { LoadResult } from '../../src/load/yaml';
import { checkSpec, siblingReader } from '../../src/compile/unit';
import { projectSiblings } from '../../src/use-cases/lint';
import { makeTemp, removeTemp } from '../helpers/cli';

export interface ExpectedFinding {
  readonly line: number;
  readonly col: number;
  /** The file the finding is in, when not the pipeline (a SQL file next to it: 'pipelines/q.sql'). */
  readonly file?: string;
  /** A part of the message, or a pattern it matches. */
  readonly message?: string | RegExp;
}

interface CaseBase {
  readonly name: string;
  /** The pipeline, as a YAML file. */
  readonly yaml: string;
  /** More pipelines of the same project (for rules across pipelines), name -> YAML. */
  readonly others?: Readonly<Record<string, string>>;
  /** Files next to the pipeline (SQL), name -> text. */
  readonly siblings?: Readonly<Record<string, string>>;
  readonly options?: Readonly<Record<string, unknown>>;
  /** Deploy-time variables the pipeline's `${name}` take (as dagsmith.config.yaml's vars). */
  readonly vars?: Readonly<Record<string, string>>;
  readonly airflow?: string;
  /** false: YAML only (the case is about YAML text, such as a comment). */
  readonly ts?: false;
}

export type ValidCase = CaseBase;
export interface InvalidCase extends CaseBase {
  readonly errors: readonly ExpectedFinding[];
}

export interface RuleTests {
  readonly valid: readonly ValidCase[];
  readonly invalid: readonly InvalidCase[];
}

/** Fixed "now" for rules that count runs. */
export const NOW = new Date(Date.UTC(2026, 10, 30, 12, 0, 0));

/** Validates and normalizes loaded files; fails the test on any validation error (cases are valid pipelines). */
function toSources(dir: string, loadedFiles: readonly LoadResult[], c: CaseBase): LintSource[] {
  const target = resolveTarget(c.airflow ?? '2.10.3');
  const read = siblingReader(dir);
  return loadedFiles.map((loaded) => {
    expect(loaded.diagnostics, `${c.name}: loads`).to.deep.equal([]);
    const spec = loaded.spec!;
    const checked = checkSpec(spec, new Map(Object.entries(c.vars ?? {})), target, read);
    expect(
      checked.reporter.diagnostics.filter((d) => d.severity === 'error'),
      `${c.name}: ${spec.file} is a valid pipeline`,
    ).to.deep.equal([]);
    const ir = normalize({
      file: spec.file,
      sha256: spec.sha256,
      format: spec.format,
      spec: checked.data!,
      readSibling: (p) => read(spec.absPath, p)!,
    });
    return { ir, spec };
  });
}

function lint(rule: Rule, c: CaseBase, sources: LintSource[], dir: string): Diagnostic[] {
  const setting: RuleSetting = { severity: rule.meta.defaultSeverity, ...(c.options ? { options: c.options } : {}) };
  const config: LintConfig = { rules: new Map([[rule.meta.code, setting]]) };
  const found = runRules(sources, { target: resolveTarget(c.airflow ?? '2.10.3'), config, now: NOW, rules: [rule], siblings: projectSiblings(dir) });
  return found.filter((d) => d.code === rule.meta.code && /^pipelines\/(c\d+\/)?(case\.(yaml|ts)|[\w-]+\.sql)$/.test(d.file));
}

/** Writes the case's pipelines (as YAML or as TypeScript twins) under pipelines/<sub>; returns their paths. */
function writeCase(dir: string, c: CaseBase, ext: 'yaml' | 'ts', sub = ''): string[] {
  const write = (rel: string, text: string) => {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  };
  const folder = `pipelines/${sub}`;
  for (const [name, text] of Object.entries(c.siblings ?? {})) write(`${folder}${name}`, text);
  const all: [string, string][] = [['case', c.yaml], ...Object.entries(c.others ?? {})];
  return all.map(([name, yaml]) => {
    const rel = `${folder}${name}.${ext}`;
    write(rel, ext === 'yaml' ? yaml : tsTwin(yaml));
    return rel;
  });
}

/** The SDK form of a YAML pipeline: the same data passed to definePipeline. */
export function tsTwin(yaml: string): string {
  const { version: _version, ...data } = parse(yaml) as Record<string, unknown>;
  return `import { definePipeline } from 'dagsmith';\n\nexport default definePipeline(${JSON.stringify(data, null, 2)});\n`;
}

function checkExpected(c: InvalidCase, got: readonly Diagnostic[]): void {
  const where = got.map((d) => `${d.line}:${d.col} ${d.message}`).join('\n  ');
  expect(
    got.map((d) => [d.line, d.col, d.file.endsWith('.sql') ? d.file : undefined]),
    `${c.name}: findings at\n  ${where}`,
  ).to.deep.equal(c.errors.map((e) => [e.line, e.col, e.file]));
  c.errors.forEach((e, i) => {
    if (e.message === undefined) return;
    const msg = got[i]!.message;
    if (typeof e.message === 'string') expect(msg, c.name).to.include(e.message);
    else expect(msg, c.name).to.match(e.message);
  });
}

/** What must agree between a YAML case and its TypeScript twin: code, message and path (file names aside). */
function key(d: Diagnostic): string {
  const plain = (s: string) => s.replace(/pipelines\/(c\d+\/)?([\w-]+)\.(yaml|ts|sql)/g, '$2');
  return `${d.code} ${plain(d.message)} ${JSON.stringify(d.path)} ${plain(d.file)}`;
}

/** Registers the mocha tests of one rule. */
export function ruleTester(rule: Rule, tests: RuleTests): void {
  describe(`${rule.meta.code} ${rule.meta.name}`, function () {
    this.timeout(120_000);
    it('has valid and invalid cases', () => {
      expect(tests.valid.length, 'valid cases').to.be.at.least(1);
      expect(tests.invalid.length, 'invalid cases').to.be.at.least(1);
    });
    const cases: { c: CaseBase; errors?: readonly ExpectedFinding[] }[] = [
      ...tests.valid.map((c) => ({ c })),
      ...tests.invalid.map((c) => ({ c, errors: c.errors })),
    ];
    const yamlFindings = new Map<CaseBase, Diagnostic[]>();
    for (const { c, errors } of cases) {
      it(`${errors ? 'invalid' : 'valid'}: ${c.name}`, () => {
        const dir = makeTemp('rule');
        try {
          const files = writeCase(dir, c, 'yaml');
          const found = lint(rule, c, toSources(dir, loadSpecFiles(dir, files), c), dir);
          yamlFindings.set(c, found);
          if (errors) checkExpected(c as InvalidCase, found);
          else
            expect(
              found.map((d) => `${d.line}:${d.col} ${d.message}`),
              c.name,
            ).to.deep.equal([]);
        } finally {
          removeTemp(dir);
        }
      });
    }
    const twins = cases.filter(({ c }) => c.ts !== false);
    if (twins.length === 0) return;
    it(`TypeScript twins give the same findings (${twins.length} cases)`, () => {
      // One TypeScript program for all the twins: type-checking is the slow part.
      const dir = makeTemp('rule-ts');
      try {
        const filesOf = twins.map(({ c }, i) => writeCase(dir, c, 'ts', `c${i}/`));
        const loaded = loadSpecFiles(dir, filesOf.flat());
        let at = 0;
        twins.forEach(({ c }, i) => {
          const mine = loaded.slice(at, at + filesOf[i]!.length);
          at += filesOf[i]!.length;
          const found = lint(rule, c, toSources(dir, mine, c), dir);
          const yaml = yamlFindings.get(c);
          expect(yaml, `${c.name}: the YAML case ran first`).to.not.equal(undefined);
          expect(found.map(key), `${c.name} (TypeScript)`).to.deep.equal(yaml!.map(key));
          for (const d of found) expect(d.line > 1 || d.col > 1, `${c.name}: ${d.code} points into the TypeScript file`).to.equal(true);
        });
      } finally {
        removeTemp(dir);
      }
    });
  });
}
