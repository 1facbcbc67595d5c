import { makeDiagnostic } from '../diagnostics/diagnostic';
import type { Diagnostic, JsonPath, RelatedLocation, Severity, SourceRange } from '../diagnostics/types';
import type { AirflowTarget as Target } from '../targets';
import type { PipelineIR, StepIR } from '../ir/types';
import type { SpecFile } from '../load/source';
import { configurableValidationCode, EMPTY_LINT_CONFIG, settingFor, type LintConfig } from './config';
import { ALL_RULE_METAS, REMOTE_RULES, RULES, SUPPRESSION_RULES } from './rules/index';
import type { ExternalFinding } from './remote';
import { locatedSql, TextIndex, type LocatedSql, type SqlLookup } from './sql-sources';
import { applyDirectives, parseDirectives, type Entry, type StepSpan } from './suppress';
import type { FindingTarget, ReportOptions, Rule, RuleMeta, SourceText } from './types';

/** A file named relative to a pipeline file (its SQL): project-relative name and text; undefined when unreadable. */
export type SiblingFiles = (pipelineFile: SpecFile, rel: string) => { readonly file: string; readonly text: string } | undefined;

/** One pipeline to lint: its IR and the file it came from (text for suppressions, locator for positions). */
export interface LintSource {
  readonly ir: PipelineIR;
  readonly spec: SpecFile;
}

export interface LintRunOptions {
  readonly target: Target;
  readonly config?: LintConfig;
  /** Default: the current time. Rules that count runs use it. */
  readonly now?: Date;
  /** Default: every registered rule. */
  readonly rules?: readonly Rule[];
  /** Findings made elsewhere (lint --remote), given the same severities and suppressions as rule findings. */
  readonly external?: readonly ExternalFinding[];
  /** The SQL files steps name (`sqlFile`, `queryFile`), so findings in them land at their lines. */
  readonly siblings?: SiblingFiles;
  /**
   * Validation's warnings and infos: configured (severity, overrides) and suppressed like rule findings. They come
   * back in `diagnostics` (or `suppressed`); errors are not passed here.
   */
  readonly validation?: readonly Diagnostic[];
}

export interface LintRunResult {
  /** Findings to report: severities from the config, suppressions applied, suppression problems added. */
  readonly diagnostics: Diagnostic[];
  /** Findings a suppression comment silenced, with its reason. */
  readonly suppressed: { readonly diagnostic: Diagnostic; readonly justification: string }[];
}

interface Finding {
  readonly meta: RuleMeta;
  readonly where: FindingTarget;
  readonly message: string;
  readonly opts: ReportOptions;
  /** An exact place (inside SQL, a text match) instead of the path's node. */
  readonly loc?: { readonly file: string; readonly range: SourceRange; readonly related?: RelatedLocation };
}

/** Per pipeline: its text, its SQL files and SQL, computed once whichever rule asks. */
class PipelineFiles {
  private readonly sqlOf = new Map<StepIR, LocatedSql | undefined>();
  private textsList: SourceText[] | undefined;
  readonly index: TextIndex;
  private readonly siblingIndex = new Map<string, { file: string; text: TextIndex } | undefined>();
  readonly look: SqlLookup;

  constructor(
    readonly ir: PipelineIR,
    readonly spec: SpecFile,
    private readonly siblings: SiblingFiles | undefined,
  ) {
    this.index = new TextIndex(spec.text);
    this.look = {
      pipelineFile: spec.file,
      pipelineText: this.index,
      locateField: (path) => spec.locator.locate(path, 'value'),
      hasField: (path) => hasPath(spec.data, path),
      rawValue: (path) => valueAt(spec.data, path),
      readSibling: (rel) => this.sibling(rel),
    };
  }

  sibling(rel: string): { file: string; text: TextIndex } | undefined {
    if (!this.siblingIndex.has(rel)) {
      const got = this.siblings?.(this.spec, rel);
      this.siblingIndex.set(rel, got ? { file: got.file, text: new TextIndex(got.text) } : undefined);
    }
    return this.siblingIndex.get(rel);
  }

  sql(step: StepIR): LocatedSql | undefined {
    if (!this.sqlOf.has(step)) this.sqlOf.set(step, locatedSql(step, this.look));
    return this.sqlOf.get(step);
  }

  /** SQL files of the steps: [step, file field's value]. */
  sqlFiles(): { step: StepIR; rel: string }[] {
    const out: { step: StepIR; rel: string }[] = [];
    for (const step of this.ir.steps) {
      for (const field of ['sqlFile', 'queryFile']) {
        const rel = valueAt(this.spec.data, [...step.origin.path, field]);
        if (typeof rel === 'string') out.push({ step, rel });
      }
    }
    return out;
  }

  texts(): SourceText[] {
    if (!this.textsList) {
      this.textsList = [{ file: this.spec.file, index: this.index, kind: 'pipeline' }];
      for (const { step, rel } of this.sqlFiles()) {
        const sib = this.sibling(rel);
        if (sib) this.textsList.push({ file: sib.file, index: sib.text, kind: 'sql', step });
      }
    }
    return this.textsList;
  }

  private spans: { step: StepIR; line: number; endLine: number }[] | undefined;

  /** Each step's lines in the pipeline file. */
  stepSpans(): { step: StepIR; line: number; endLine: number }[] {
    this.spans ??= this.ir.steps.map((step) => {
      const r = this.spec.locator.locate(step.origin.path, 'value');
      return { step, line: r.line, endLine: r.endCol === 1 && r.endLine > r.line ? r.endLine - 1 : r.endLine };
    });
    return this.spans;
  }

  stepAtLine(line: number): StepIR | undefined {
    let best: { step: StepIR; line: number; endLine: number } | undefined;
    for (const s of this.stepSpans()) if (s.line <= line && line <= s.endLine && (!best || s.line >= best.line)) best = s;
    return best?.step;
  }
}

/**
 * Runs the lint rules over pipelines that built an IR and returns their findings as diagnostics: severities from
 * the config (and its overrides), suppression comments applied, unused or invalid suppressions reported.
 * Pure apart from `now` and the SQL files `siblings` reads.
 */
export function runLint(sources: readonly LintSource[], opts: LintRunOptions): LintRunResult {
  const config = opts.config ?? EMPTY_LINT_CONFIG;
  const now = opts.now ?? new Date();
  const rules = opts.rules ?? RULES;
  const files = new Map<PipelineIR, PipelineFiles>(sources.map((s) => [s.ir, new PipelineFiles(s.ir, s.spec, opts.siblings)]));
  const has = (pipeline: PipelineIR, path: JsonPath): boolean => hasPath(files.get(pipeline)?.spec.data, path);
  const written = (pipeline: PipelineIR, path: JsonPath): unknown => valueAt(files.get(pipeline)?.spec.data, path);
  const severityOf = (code: string, fallback: Severity, at: readonly string[]): Severity | 'off' =>
    settingFor(config, code, at)?.severity ?? fallback;

  const findings: Finding[] = [];
  for (const rule of rules) {
    const base = { target: opts.target, now, has, written };
    if (rule.scope === 'pipeline') {
      for (const { ir } of sources) {
        const pf = files.get(ir)!;
        const setting = settingFor(config, rule.meta.code, [ir.source.file]);
        if ((setting?.severity ?? rule.meta.defaultSeverity) === 'off') continue;
        const options: Readonly<Record<string, unknown>> = { ...rule.defaultOptions, ...(setting?.options ?? {}) };
        const push = (f: Omit<Finding, 'meta'>) => findings.push({ meta: rule.meta, ...f });
        const report = (path: JsonPath, message: string, o: ReportOptions = {}) => push({ where: { pipeline: ir, path }, message, opts: o });
        rule.check({
          ...base,
          options,
          pipeline: ir,
          report,
          reportStep: (step, field, message, o) => report([...step.origin.path, ...field], message, o),
          sql: (step) => pf.sql(step),
          reportSql: (sql, st, start, end, message, o = {}) => {
            const range = sql.locate(st, start, end);
            const fieldRange = ir.source.file === sql.file ? undefined : pf.spec.locator.locate(sql.field, 'value');
            push({
              where: { pipeline: ir, path: sql.field },
              message,
              opts: o,
              loc: {
                file: sql.file,
                range,
                ...(fieldRange ? { related: { file: ir.source.file, ...fieldRange, message: `step '${sql.step.id}' runs this SQL file` } } : {}),
              },
            });
          },
          texts: () => pf.texts(),
          reportText: (src, start, end, message, o = {}) => {
            const range = src.index.range(start, end);
            const step = src.step ?? pf.stepAtLine(range.line);
            const related =
              src.kind === 'sql' && step
                ? {
                    file: ir.source.file,
                    ...pf.spec.locator.locate([...step.origin.path, 'sqlFile'], 'value'),
                    message: `step '${step.id}' runs this SQL file`,
                  }
                : undefined;
            push({
              where: { pipeline: ir, path: step ? step.origin.path : [] },
              message,
              opts: o,
              loc: { file: src.file, range, ...(related ? { related } : {}) },
            });
          },
        });
      }
    } else {
      const setting = settingFor(config, rule.meta.code, []);
      const anyOn = sources.some(({ ir }) => severityOf(rule.meta.code, rule.meta.defaultSeverity, [ir.source.file]) !== 'off');
      if (!anyOn) continue;
      rule.check(
        sources.map((s) => s.ir),
        {
          ...base,
          options: { ...rule.defaultOptions, ...(setting?.options ?? {}) },
          report: (where, message, o = {}) => findings.push({ meta: rule.meta, where, message, opts: o }),
        },
      );
    }
  }

  const metaByCode = new Map(ALL_RULE_METAS.map((m) => [m.code as string, m]));
  for (const e of opts.external ?? []) {
    const meta = metaByCode.get(e.code);
    if (!meta) throw new Error(`internal error: ${e.code} is not a lint code`);
    findings.push({ meta, where: { pipeline: e.pipeline, path: e.path }, message: e.message, opts: e.hint ? { hint: e.hint } : {} });
  }

  // Findings as diagnostics, grouped by the file they are in; each knows the step it belongs to.
  const byFile = new Map<string, Entry[]>();
  const add = (e: Entry) => {
    const list = byFile.get(e.d.file) ?? [];
    list.push(e);
    byFile.set(e.d.file, list);
  };
  for (const f of findings) {
    const pf = files.get(f.where.pipeline);
    if (!pf) throw new Error(`internal error: ${f.meta.code} reported on a pipeline it was not given`);
    const file = f.loc?.file ?? pf.spec.file;
    const configured = settingFor(config, f.meta.code, [file, pf.spec.file])?.severity;
    const severity = configured ?? f.opts.severity ?? f.meta.defaultSeverity;
    if (severity === 'off') continue;
    const range = f.loc?.range ?? pf.spec.locator.locate(f.where.path, f.opts.at ?? f.where.at ?? 'value');
    const d = makeDiagnostic(f.meta.code, file, range, f.message, { path: f.where.path, hint: f.opts.hint, severity });
    add({ d: f.loc?.related ? { ...d, related: [f.loc.related] } : d, ...stepKeyOf(pf.spec.file, f.where.path) });
  }

  // Validation warnings: configured like rules (a file's own setting, overrides), suppressed like them.
  const specFiles = new Set(sources.map((s) => s.spec.file));
  const passThrough: Diagnostic[] = [];
  for (const v of opts.validation ?? []) {
    const severity = severityOf(v.code, v.severity, [v.file]);
    if (severity === 'off') continue;
    const d = severity === v.severity ? v : { ...v, severity };
    if (specFiles.has(d.file)) add({ d, ...stepKeyOf(d.file, d.path) });
    else passThrough.push(d);
  }

  const suppressible = new Set([...rules, ...REMOTE_RULES].map((r) => r.meta.code as string));
  for (const v of opts.validation ?? []) if (configurableValidationCode(v.code)) suppressible.add(v.code);
  const out: Diagnostic[] = [...passThrough];
  const suppressed: LintRunResult['suppressed'] = [];
  const problem = (p: Diagnostic, pipelineFile: string) => {
    const rule = SUPPRESSION_RULES.find((r) => r.meta.code === p.code)!;
    const severity = severityOf(p.code, rule.meta.defaultSeverity, [p.file, pipelineFile]);
    if (severity !== 'off') out.push({ ...p, severity });
  };

  // SQL files first (their own `--` directives); what they keep goes on to the directives of its pipeline's steps.
  const sqlFiles = new Map<string, { index: TextIndex; pipelines: Set<string> }>();
  for (const pf of files.values()) {
    for (const src of pf.texts()) {
      if (src.kind !== 'sql') continue;
      const e = sqlFiles.get(src.file) ?? { index: src.index, pipelines: new Set<string>() };
      e.pipelines.add(pf.spec.file);
      sqlFiles.set(src.file, e);
    }
  }
  const fromSql = new Map<string, Entry[]>();
  for (const [file, { index, pipelines }] of sqlFiles) {
    if (specFiles.has(file)) continue;
    const r = applyDirectives(file, parseDirectives(index.text, 'sql'), byFile.get(file) ?? [], suppressible);
    for (const s of r.suppressed) suppressed.push({ diagnostic: s.entry.d, justification: s.justification });
    for (const p of r.problems) problem(p, [...pipelines][0]!);
    for (const e of r.kept) {
      const owner = e.step?.slice(0, e.step.indexOf('#')) ?? [...pipelines][0]!;
      const list = fromSql.get(owner) ?? [];
      list.push(e);
      fromSql.set(owner, list);
    }
    byFile.delete(file);
  }
  for (const pf of files.values()) {
    const file = pf.spec.file;
    if (!byFile.has(file) && !fromSql.has(file) && !pf.spec.text.includes('dagsmith-disable-')) continue;
    const spans: StepSpan[] = pf.stepSpans().map((s) => ({ key: `${file}#${s.step.origin.path.join('.')}`, line: s.line, endLine: s.endLine }));
    const entries = [...(byFile.get(file) ?? []), ...(fromSql.get(file) ?? [])];
    byFile.delete(file);
    fromSql.delete(file);
    const r = applyDirectives(file, parseDirectives(pf.spec.text, pf.spec.format), entries, suppressible, spans);
    for (const s of r.suppressed) suppressed.push({ diagnostic: s.entry.d, justification: s.justification });
    for (const p of r.problems) problem(p, file);
    out.push(...r.kept.map((e) => e.d));
  }
  // Findings in files no pipeline source covers (a pipeline given twice): kept as they are.
  for (const list of [...byFile.values(), ...fromSql.values()]) out.push(...list.map((e) => e.d));
  return { diagnostics: out, suppressed };
}

/** The findings of `runLint` (without the suppressed ones). */
export function runRules(sources: readonly LintSource[], opts: LintRunOptions): Diagnostic[] {
  return runLint(sources, opts).diagnostics;
}

/** The step a finding belongs to, as `file#steps.3`, when its path is inside a step. */
function stepKeyOf(file: string, path: JsonPath): { step?: string } {
  return path[0] === 'steps' && typeof path[1] === 'number' ? { step: `${file}#steps.${path[1]}` } : {};
}

function valueAt(data: unknown, path: JsonPath): unknown {
  let v: unknown = data;
  for (const seg of path) {
    if (Array.isArray(v)) {
      if (typeof seg !== 'number' || seg < 0 || seg >= v.length) return undefined;
      v = v[seg];
    } else if (typeof v === 'object' && v !== null && typeof seg === 'string' && Object.prototype.hasOwnProperty.call(v, seg)) {
      v = (v as Record<string, unknown>)[seg];
    } else {
      return undefined;
    }
  }
  return v;
}

/** Whether `path` exists in plain data, by own properties only (user keys are data, not object members). */
export function hasPath(data: unknown, path: JsonPath): boolean {
  return valueAt(data, path) !== undefined;
}
