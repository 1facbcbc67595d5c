import { makeDiagnostic } from '../diagnostics/diagnostic';
import type { Diagnostic, JsonPath, Severity } from '../diagnostics/types';
import type { AirflowTarget as Target } from '../targets';
import type { PipelineIR } from '../ir/types';
import type { SpecFile } from '../load/source';
import { EMPTY_LINT_CONFIG, type LintConfig } from './config';
import { ALL_RULE_METAS, REMOTE_RULES, RULES, SUPPRESSION_RULES } from './rules/index';
import type { ExternalFinding } from './remote';
import { applyDirectives, parseDirectives } from './suppress';
import type { FindingTarget, ReportOptions, Rule, RuleMeta } from './types';

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
}

interface Finding {
  readonly meta: RuleMeta;
  readonly where: FindingTarget;
  readonly message: string;
  readonly opts: ReportOptions;
}

/**
 * Runs the lint rules over pipelines that built an IR and returns their findings as diagnostics: severities from
 * the config, suppression comments applied, unused or invalid suppressions reported. Pure apart from `now`.
 */
export function runRules(sources: readonly LintSource[], opts: LintRunOptions): Diagnostic[] {
  const config = opts.config ?? EMPTY_LINT_CONFIG;
  const now = opts.now ?? new Date();
  const rules = opts.rules ?? RULES;
  const specByIr = new Map(sources.map((s) => [s.ir, s.spec]));
  const has = (pipeline: PipelineIR, path: JsonPath): boolean => hasPath(specByIr.get(pipeline)?.data, path);
  const written = (pipeline: PipelineIR, path: JsonPath): unknown => valueAt(specByIr.get(pipeline)?.data, path);
  const severityOf = (code: string, fallback: Severity): Severity | 'off' => config.rules.get(code)?.severity ?? fallback;

  const findings: Finding[] = [];
  for (const rule of rules) {
    if (severityOf(rule.meta.code, rule.meta.defaultSeverity) === 'off') continue;
    const options = { ...rule.defaultOptions, ...(config.rules.get(rule.meta.code)?.options ?? {}) };
    const base = { options, target: opts.target, now, has, written };
    if (rule.scope === 'pipeline') {
      for (const { ir } of sources) {
        const report = (path: JsonPath, message: string, o: ReportOptions = {}) =>
          findings.push({ meta: rule.meta, where: { pipeline: ir, path }, message, opts: o });
        rule.check({
          ...base,
          pipeline: ir,
          report,
          reportStep: (step, field, message, o) => report([...step.origin.path, ...field], message, o),
        });
      }
    } else {
      rule.check(
        sources.map((s) => s.ir),
        { ...base, report: (where, message, o = {}) => findings.push({ meta: rule.meta, where, message, opts: o }) },
      );
    }
  }

  const metaByCode = new Map(ALL_RULE_METAS.map((m) => [m.code as string, m]));
  for (const e of opts.external ?? []) {
    const meta = metaByCode.get(e.code);
    if (!meta) throw new Error(`internal error: ${e.code} is not a lint code`);
    if (severityOf(e.code, meta.defaultSeverity) === 'off') continue;
    findings.push({ meta, where: { pipeline: e.pipeline, path: e.path }, message: e.message, opts: e.hint ? { hint: e.hint } : {} });
  }

  const byFile = new Map<string, Diagnostic[]>();
  for (const f of findings) {
    const spec = specByIr.get(f.where.pipeline);
    if (!spec) throw new Error(`internal error: ${f.meta.code} reported on a pipeline it was not given`);
    const range = spec.locator.locate(f.where.path, f.opts.at ?? f.where.at ?? 'value');
    // The severity the project configured for the rule (its default is the catalog's: test/lint/registry.test.ts).
    const severity = severityOf(f.meta.code, f.meta.defaultSeverity) as Severity;
    const d = makeDiagnostic(f.meta.code, spec.file, range, f.message, { path: f.where.path, hint: f.opts.hint, severity });
    const list = byFile.get(spec.file) ?? [];
    list.push(d);
    byFile.set(spec.file, list);
  }

  const suppressible = new Set([...rules, ...REMOTE_RULES].map((r) => r.meta.code as string));
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const { spec } of sources) {
    if (seen.has(spec.file)) continue;
    seen.add(spec.file);
    const directives = parseDirectives(spec.text, spec.format);
    const { kept, problems } = applyDirectives(spec.file, directives, byFile.get(spec.file) ?? [], suppressible);
    out.push(...kept);
    for (const p of problems) {
      const rule = SUPPRESSION_RULES.find((r) => r.meta.code === p.code)!;
      const severity = severityOf(p.code, rule.meta.defaultSeverity);
      if (severity !== 'off') out.push({ ...p, severity });
    }
  }
  return out;
}

/** Whether `path` exists in plain data, by own properties only (user keys are data, not object members). */
export function hasPath(data: unknown, path: JsonPath): boolean {
  return valueAt(data, path) !== undefined;
}

/** The value at `path` in plain data, by own properties only; undefined when there is none. */
function valueAt(data: unknown, path: JsonPath): unknown {
  let v: unknown = data;
  for (const seg of path) {
    if (Array.isArray(v)) {
      if (typeof seg !== 'number' || seg < 0 || seg >= v.length) return false;
      v = v[seg];
    } else if (typeof v === 'object' && v !== null && typeof seg === 'string' && Object.prototype.hasOwnProperty.call(v, seg)) {
      v = (v as Record<string, unknown>)[seg];
    } else {
      return undefined;
    }
  }
  return v;
}
