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
import type { Locator } from '../diagnostics/reporter';
import type { FindingTarget, PipelineRuleContext, ReportOptions, Rule, RuleMeta, SourceText } from './types';

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

/** The fields that name a step's SQL file. */
const SQL_FILE_FIELDS = ['sqlFile', 'queryFile'] as const;

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
      const written = valueAt(this.spec.data, step.origin.path);
      for (const field of SQL_FILE_FIELDS) {
        const rel = valueAt(written, [field]);
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
 * One pipeline's part of a lint, as plain data (it may be made in a worker thread): what the rules over one pipeline
 * found in it (and in the SQL files it reads), and what the project part needs to finish the lint.
 */
export interface PipelineLint {
  readonly ir: PipelineIR;
  readonly file: string;
  readonly format: SpecFile['format'];
  /** The file's text when it holds a suppression comment (else ''): all the project part reads of it. */
  readonly directivesText: string;
  /** Each step's lines, keyed `file#steps.N` (none when `directivesText` is '': nothing reads them then). */
  readonly spans: readonly StepSpan[];
  /** The SQL files its steps read. */
  readonly sqlFiles: readonly { readonly file: string; readonly text: string }[];
  /** The findings (as diagnostics), each with its place in the order one thread reports them. */
  readonly entries: readonly OrderedEntry[];
}

/** A finding and its order: [rule index, pipeline index, report index]. */
interface OrderedEntry {
  readonly entry: Entry;
  readonly order: readonly [number, number, number];
}

/** A pipeline for `finishLint`: its part of the lint, and where paths of its file are. */
export interface LintedPipeline {
  readonly lint: PipelineLint;
  readonly locator: Locator;
}

/**
 * Runs the lint rules over pipelines that built an IR and returns their findings as diagnostics: severities from
 * the config (and its overrides), suppression comments applied, unused or invalid suppressions reported.
 * Pure apart from `now` and the SQL files `siblings` reads.
 */
export function runLint(sources: readonly LintSource[], opts: LintRunOptions): LintRunResult {
  const now = opts.now ?? new Date();
  return finishLint(
    sources.map((s, i) => ({ lint: lintPipeline(s, i, { ...opts, now }), locator: s.spec.locator })),
    { ...opts, now },
  );
}

/** The rules over one pipeline (`index`: its place among the pipelines linted, for the order of findings). */
export function lintPipeline(source: LintSource, index: number, opts: LintRunOptions): PipelineLint {
  const config = opts.config ?? EMPTY_LINT_CONFIG;
  const now = opts.now ?? new Date();
  const rules = opts.rules ?? RULES;
  const { ir, spec } = source;
  const pf = new PipelineFiles(ir, spec, opts.siblings);
  const has = (pipeline: PipelineIR, path: JsonPath): boolean => hasPath(pipeline === ir ? spec.data : undefined, path);
  const written = (pipeline: PipelineIR, path: JsonPath): unknown => valueAt(pipeline === ir ? spec.data : undefined, path);
  const entries: OrderedEntry[] = [];
  // The rule running now. The functions rules report through are made once per pipeline, not once per rule (a
  // thousand pipelines times every rule made that many closures); each reads the running rule from here.
  let meta!: RuleMeta;
  let ruleIndex = 0;
  const push = (f: Omit<Finding, 'meta'>) => {
    const entry = entryOf({ meta, ...f }, spec.file, spec.locator, config);
    if (entry) entries.push({ entry, order: [ruleIndex, index, entries.length] });
  };
  const report = (path: JsonPath, message: string, o: ReportOptions = {}) => push({ where: { pipeline: ir, path }, message, opts: o });
  const fns: Pick<PipelineRuleContext<unknown>, 'reportStep' | 'sql' | 'reportSql' | 'texts' | 'reportText'> = {
    reportStep: (step, field, message, o) => report([...step.origin.path, ...field], message, o),
    sql: (step) => pf.sql(step),
    reportSql: (sql, st, start, end, message, o = {}) => {
      const range = sql.locate(st, start, end);
      const fieldRange = ir.source.file === sql.file ? undefined : spec.locator.locate(sql.field, 'value');
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
              ...spec.locator.locate([...step.origin.path, 'sqlFile'], 'value'),
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
  };
  const { reportStep, sql, reportSql, texts, reportText } = fns;
  const files = [ir.source.file];
  // One context for every rule over this pipeline: only `options` differs from rule to rule, and is set before each
  // (rules run one after another and keep nothing of their context). A context and a copy of the options per rule and
  // pipeline made some 7 MB in a lint of 1,000 pipelines. A literal, not a spread of a shared object (which V8 makes a
  // slow dictionary-mode object).
  const ctx: { -readonly [K in keyof PipelineRuleContext<object>]: PipelineRuleContext<object>[K] } = {
    target: opts.target,
    now,
    has,
    written,
    options: {},
    pipeline: ir,
    report,
    reportStep,
    sql,
    reportSql,
    texts,
    reportText,
  };
  rules.forEach((rule, i) => {
    if (rule.scope !== 'pipeline') return;
    const setting = settingFor(config, rule.meta.code, files);
    if ((setting?.severity ?? rule.meta.defaultSeverity) === 'off') return;
    meta = rule.meta;
    ruleIndex = i;
    // Without options in the config, the rule's defaults as they are (no rule writes to its options).
    ctx.options = setting?.options ? { ...rule.defaultOptions, ...setting.options } : rule.defaultOptions;
    rule.check(ctx);
  });
  const file = spec.file;
  const directivesText = spec.text.includes('dagsmith-disable-') ? spec.text : '';
  return {
    ir,
    file,
    format: spec.format,
    directivesText,
    // Only a directive reads the spans (applyDirectives), and a file without directive text has none: no step
    // located, no key made, nothing kept to the end of the lint for it.
    spans:
      directivesText === '' ? [] : pf.stepSpans().map((s) => ({ key: `${file}#${s.step.origin.path.join('.')}`, line: s.line, endLine: s.endLine })),
    sqlFiles: pf
      .texts()
      .filter((t) => t.kind === 'sql')
      .map((t) => ({ file: t.file, text: t.index.text })),
    entries,
  };
}

/** A finding as a diagnostic of the file it is in (undefined when the config turns it off), with its step. */
function entryOf(f: Finding, pipelineFile: string, locator: Locator, config: LintConfig): Entry | undefined {
  const file = f.loc?.file ?? pipelineFile;
  const configured = settingFor(config, f.meta.code, [file, pipelineFile])?.severity;
  const severity = configured ?? f.opts.severity ?? f.meta.defaultSeverity;
  if (severity === 'off') return undefined;
  const range = f.loc?.range ?? locator.locate(f.where.path, f.opts.at ?? f.where.at ?? 'value');
  const d = makeDiagnostic(f.meta.code, file, range, f.message, { path: f.where.path, hint: f.opts.hint, severity });
  return { d: f.loc?.related ? { ...d, related: [f.loc.related] } : d, ...stepKeyOf(pipelineFile, f.where.path) };
}

/**
 * The project part of a lint: the rules over all pipelines at once and the external findings, then validation's
 * warnings, severities and suppressions. Gives what `runLint` gives for the same pipelines.
 */
export function finishLint(pipelines: readonly LintedPipeline[], opts: LintRunOptions): LintRunResult {
  const config = opts.config ?? EMPTY_LINT_CONFIG;
  const now = opts.now ?? new Date();
  const rules = opts.rules ?? RULES;
  const byIr = new Map<PipelineIR, LintedPipeline>(pipelines.map((p) => [p.lint.ir, p]));
  const severityOf = (code: string, fallback: Severity, at: readonly string[]): Severity | 'off' =>
    settingFor(config, code, at)?.severity ?? fallback;
  // Project rules do not read the sources (`has` and `written` are for rules over one pipeline).
  const has = (): boolean => false;
  const written = (): unknown => undefined;

  // Findings as diagnostics, grouped by the file they are in; each knows the step it belongs to.
  const byFile = new Map<string, OrderedEntry[]>();
  const add = (e: OrderedEntry) => {
    const list = byFile.get(e.entry.d.file) ?? [];
    list.push(e);
    byFile.set(e.entry.d.file, list);
  };
  for (const p of pipelines) for (const e of p.lint.entries) add(e);
  const projectFinding = (f: Finding, order: readonly [number, number, number]) => {
    const p = byIr.get(f.where.pipeline);
    if (!p) throw new Error(`internal error: ${f.meta.code} reported on a pipeline it was not given`);
    const entry = entryOf(f, p.lint.file, p.locator, config);
    if (entry) add({ entry, order });
  };
  let reported = 0;
  rules.forEach((rule, ruleIndex) => {
    if (rule.scope !== 'project') return;
    const setting = settingFor(config, rule.meta.code, []);
    const anyOn = pipelines.some(({ lint }) => severityOf(rule.meta.code, rule.meta.defaultSeverity, [lint.ir.source.file]) !== 'off');
    if (!anyOn) return;
    rule.check(
      pipelines.map((p) => p.lint.ir),
      {
        target: opts.target,
        now,
        has,
        written,
        options: { ...rule.defaultOptions, ...(setting?.options ?? {}) },
        report: (where, message, o = {}) => projectFinding({ meta: rule.meta, where, message, opts: o }, [ruleIndex, 0, reported++]),
      },
    );
  });

  const metaByCode = new Map(ALL_RULE_METAS.map((m) => [m.code as string, m]));
  for (const e of opts.external ?? []) {
    const meta = metaByCode.get(e.code);
    if (!meta) throw new Error(`internal error: ${e.code} is not a lint code`);
    projectFinding({ meta, where: { pipeline: e.pipeline, path: e.path }, message: e.message, opts: e.hint ? { hint: e.hint } : {} }, [
      rules.length,
      0,
      reported++,
    ]);
  }

  // Validation warnings: configured like rules (a file's own setting, overrides), suppressed like them.
  const specFiles = new Set(pipelines.map((p) => p.lint.file));
  const passThrough: Diagnostic[] = [];
  for (const v of opts.validation ?? []) {
    const severity = severityOf(v.code, v.severity, [v.file]);
    if (severity === 'off') continue;
    const d = severity === v.severity ? v : { ...v, severity };
    if (specFiles.has(d.file)) add({ entry: { d, ...stepKeyOf(d.file, d.path) }, order: [rules.length + 1, 0, reported++] });
    else passThrough.push(d);
  }
  // Each file's findings in the order one thread running every rule over every pipeline reports them.
  const entriesOf = (file: string): Entry[] => (byFile.get(file) ?? []).sort((x, y) => compareOrder(x.order, y.order)).map((e) => e.entry);

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
  const sqlFiles = new Map<string, { text: string; pipelines: Set<string> }>();
  for (const { lint } of pipelines) {
    for (const src of lint.sqlFiles) {
      const e = sqlFiles.get(src.file) ?? { text: src.text, pipelines: new Set<string>() };
      e.pipelines.add(lint.file);
      sqlFiles.set(src.file, e);
    }
  }
  const fromSql = new Map<string, Entry[]>();
  for (const [file, { text, pipelines: readers }] of sqlFiles) {
    if (specFiles.has(file)) continue;
    const r = applyDirectives(file, parseDirectives(text, 'sql'), entriesOf(file), suppressible);
    for (const s of r.suppressed) suppressed.push({ diagnostic: s.entry.d, justification: s.justification });
    for (const p of r.problems) problem(p, [...readers][0]!);
    for (const e of r.kept) {
      const owner = e.step?.slice(0, e.step.indexOf('#')) ?? [...readers][0]!;
      const list = fromSql.get(owner) ?? [];
      list.push(e);
      fromSql.set(owner, list);
    }
    byFile.delete(file);
  }
  for (const { lint } of pipelines) {
    const file = lint.file;
    if (!byFile.has(file) && !fromSql.has(file) && lint.directivesText === '') continue;
    const entries = [...entriesOf(file), ...(fromSql.get(file) ?? [])];
    byFile.delete(file);
    fromSql.delete(file);
    const r = applyDirectives(file, parseDirectives(lint.directivesText, lint.format), entries, suppressible, lint.spans);
    for (const s of r.suppressed) suppressed.push({ diagnostic: s.entry.d, justification: s.justification });
    for (const p of r.problems) problem(p, file);
    out.push(...r.kept.map((e) => e.d));
  }
  // Findings in files no pipeline source covers (a pipeline given twice): kept as they are.
  const first = (file: string) => byFile.get(file)!.reduce((a, e) => (compareOrder(e.order, a) < 0 ? e.order : a), byFile.get(file)![0]!.order);
  const left = [...byFile.keys()].sort((x, y) => compareOrder(first(x), first(y)));
  for (const file of left) out.push(...entriesOf(file).map((e) => e.d));
  for (const list of fromSql.values()) out.push(...list.map((e) => e.d));
  return { diagnostics: out, suppressed };
}

function compareOrder(a: OrderedEntry['order'], b: OrderedEntry['order']): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
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
