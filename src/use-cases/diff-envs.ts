/**
 * Use case: how two environments' DAGs differ in structure and values (not in bytes). Each pipeline is compiled for
 * both environments in memory (nothing is written, no cache is touched), summarized as `plan` summarizes a DAG, and
 * the two summaries compared: DAG settings, steps only in one environment, and each step's fields and upstreams.
 */
import { buildProjectWithCache, SharedWork, type ProjectResult } from '../compile/project';
import { mergeEnvironmentDiagnostics } from '../compile/environments';
import { UsageError, type Diagnostic } from '../diagnostics/types';
import { inertJson, inertText, markdownCode } from '../diagnostics/inert';
import { diffDagSummaries, shownValue, summarizeDag, type DagSummary, type StepSummary } from '../sync/dag-summary';

export interface DiffEnvsOptions {
  readonly cwd: string;
  /** The environment compared from. */
  readonly a: string;
  /** The environment compared to. */
  readonly b: string;
}

/** One value that differs: `a` and `b` are the values as `plan` shows them (canonical JSON), null where absent. */
export interface EnvValueChange {
  /** `schedule`, a DAG setting (`defaults.retries`, `notifications.onFailure.sns`, ...) or `steps.<task id>[.<field>]`. */
  readonly field: string;
  readonly a: string | null;
  readonly b: string | null;
}

export interface DagEnvComparison {
  readonly dagId: string;
  /** The pipeline file (project-relative). */
  readonly file: string;
  /** `only-a` / `only-b`: the DAG exists in one environment only (a pipeline that compiles to nothing in the other). */
  readonly status: 'same' | 'differs' | 'only-a' | 'only-b';
  /** What differs, sorted by field (empty unless `differs`). */
  readonly changes: readonly EnvValueChange[];
}

export interface DiffEnvsResult {
  readonly a: { readonly name: string; readonly airflow: string };
  readonly b: { readonly name: string; readonly airflow: string };
  /** Compile errors of either environment (marked with the environment when only one has them). */
  readonly errors: readonly Diagnostic[];
  /** Every DAG of either environment, by DAG id (empty when there are errors). */
  readonly dags: readonly DagEnvComparison[];
  /** How many DAGs differ or exist in one environment only. */
  readonly differing: number;
}

export function diffEnvironments(opts: DiffEnvsOptions): DiffEnvsResult {
  if (opts.a === opts.b) throw new UsageError(`name two different environments to compare (both are '${opts.a}')`);
  const shared = new SharedWork();
  // An unknown name is a usage error that names the config's environments (buildProjectWithCache).
  const [ra, rb] = [opts.a, opts.b].map((env) => buildProjectWithCache({ cwd: opts.cwd, env, shared }).result) as [ProjectResult, ProjectResult];
  const header = { a: { name: opts.a, airflow: ra.target.version }, b: { name: opts.b, airflow: rb.target.version } };
  const errorsOf = (r: ProjectResult) => r.diagnostics.filter((d) => d.severity === 'error');
  if (errorsOf(ra).length > 0 || errorsOf(rb).length > 0) {
    const errors = mergeEnvironmentDiagnostics([
      [opts.a, errorsOf(ra)],
      [opts.b, errorsOf(rb)],
    ]);
    return { ...header, errors, dags: [], differing: 0 };
  }
  const summariesOf = (r: ProjectResult) => new Map(r.pipelines.map((p) => [p.ir.id, { summary: summarizeDag(p.ir), file: p.ir.source.file }]));
  const inA = summariesOf(ra);
  const inB = summariesOf(rb);
  const ids = [...new Set([...inA.keys(), ...inB.keys()])].sort();
  const dags = ids.map((dagId): DagEnvComparison => {
    const x = inA.get(dagId);
    const y = inB.get(dagId);
    if (!x) return { dagId, file: y!.file, status: 'only-b', changes: [] };
    if (!y) return { dagId, file: x.file, status: 'only-a', changes: [] };
    const changes = compareSummaries(x.summary, y.summary);
    return { dagId, file: x.file, status: changes.length > 0 ? 'differs' : 'same', changes };
  });
  return { ...header, errors: [], dags, differing: dags.filter((d) => d.status !== 'same').length };
}

/** The values that differ between two summaries of one DAG, as one sorted list of fields. */
export function compareSummaries(a: DagSummary, b: DagSummary): EnvValueChange[] {
  const d = diffDagSummaries(a, b);
  const out: EnvValueChange[] = [];
  if (d.schedule) out.push({ field: 'schedule', a: shownValue(d.schedule.from), b: shownValue(d.schedule.to) });
  for (const f of d.attributes) out.push({ field: f.field, a: f.from, b: f.to });
  const stepA = new Map(a.steps.map((s) => [s.id, s]));
  const stepB = new Map(b.steps.map((s) => [s.id, s]));
  const whole = (s: StepSummary) => shownValue({ kind: s.kind, upstream: s.upstream });
  for (const s of d.stepsRemoved) out.push({ field: `steps.${s.id}`, a: whole(stepA.get(s.id)!), b: null });
  for (const s of d.stepsAdded) out.push({ field: `steps.${s.id}`, a: null, b: whole(stepB.get(s.id)!) });
  for (const c of d.stepsChanged) {
    const x = stepA.get(c.id)!;
    const y = stepB.get(c.id)!;
    if (c.kindBefore !== undefined) out.push({ field: `steps.${c.id}.kind`, a: shownValue(x.kind), b: shownValue(y.kind) });
    if (c.upstreamAdded.length > 0 || c.upstreamRemoved.length > 0) {
      out.push({ field: `steps.${c.id}.upstream`, a: shownValue(x.upstream), b: shownValue(y.upstream) });
    }
    for (const f of c.fields) out.push({ field: `steps.${c.id}.${f.field}`, a: f.from, b: f.to });
  }
  return out.sort((p, q) => (p.field < q.field ? -1 : p.field > q.field ? 1 : 0));
}

export const DIFF_ENVS_FORMATS = ['text', 'json', 'markdown'] as const;
export type DiffEnvsFormat = (typeof DIFF_ENVS_FORMATS)[number];

/**
 * The comparison in one format. Every value came from a config or pipeline (untrusted): in text each line passes
 * inertText, in Markdown each value is a code span (markdownCode), JSON is inertJson.
 */
export function renderEnvDiff(r: DiffEnvsResult, format: DiffEnvsFormat): string {
  if (format === 'json') {
    return inertJson({ a: r.a, b: r.b, differing: r.differing, dags: r.dags });
  }
  return format === 'markdown' ? renderMarkdown(r) : renderText(r);
}

const ABSENT = '(none)';

function summaryLine(r: DiffEnvsResult): string {
  const n = r.dags.length;
  const only = (s: DagEnvComparison['status']) => r.dags.filter((d) => d.status === s).length;
  const parts = [`${r.dags.filter((d) => d.status === 'differs').length} differ`];
  if (only('only-a') > 0) parts.push(`${only('only-a')} only in ${r.a.name}`);
  if (only('only-b') > 0) parts.push(`${only('only-b')} only in ${r.b.name}`);
  return r.differing === 0
    ? `no difference in structure or values between ${r.a.name} and ${r.b.name} (${n} DAG${n === 1 ? '' : 's'} compared)`
    : `${r.a.name} -> ${r.b.name}: ${n} DAG${n === 1 ? '' : 's'} compared, ${parts.join(', ')}`;
}

function airflowLine(r: DiffEnvsResult): string | undefined {
  return r.a.airflow === r.b.airflow ? undefined : `Airflow target: ${r.a.name} ${r.a.airflow}, ${r.b.name} ${r.b.airflow}`;
}

function renderText(r: DiffEnvsResult): string {
  const lines: string[] = [summaryLine(r)];
  const airflow = airflowLine(r);
  if (airflow) lines.push(airflow);
  for (const d of r.dags) {
    if (d.status === 'same') continue;
    lines.push('');
    if (d.status === 'only-a' || d.status === 'only-b') {
      lines.push(`${d.dagId} (${d.file}): only in ${d.status === 'only-a' ? r.a.name : r.b.name}`);
      continue;
    }
    lines.push(`${d.dagId} (${d.file}): ${d.changes.length} difference${d.changes.length === 1 ? '' : 's'}`);
    for (const c of d.changes) lines.push(`  ${c.field}: ${c.a ?? ABSENT} -> ${c.b ?? ABSENT}`);
  }
  const same = r.dags.filter((d) => d.status === 'same');
  if (same.length > 0 && r.differing > 0) {
    lines.push('', `no difference: ${same.map((d) => d.dagId).join(', ')}`);
  }
  return lines.map(inertText).join('\n');
}

function renderMarkdown(r: DiffEnvsResult): string {
  const code = (s: string) => markdownCode(s);
  const cell = (s: string | null) => (s === null ? '_none_' : markdownCode(s, { inTable: true }));
  const out: string[] = [`### Environments ${code(r.a.name)} and ${code(r.b.name)}`, ''];
  out.push(
    r.differing === 0
      ? `No difference in structure or values (${r.dags.length} DAG${r.dags.length === 1 ? '' : 's'} compared).`
      : `${r.dags.length} DAG${r.dags.length === 1 ? '' : 's'} compared, ${r.differing} with differences.`,
  );
  if (r.a.airflow !== r.b.airflow) out.push('', `Airflow target: ${code(r.a.name)} ${code(r.a.airflow)}, ${code(r.b.name)} ${code(r.b.airflow)}.`);
  for (const d of r.dags) {
    if (d.status === 'same') continue;
    out.push('', `#### ${code(d.dagId)} (${code(d.file)})`, '');
    if (d.status === 'only-a' || d.status === 'only-b') {
      out.push(`Only in ${code(d.status === 'only-a' ? r.a.name : r.b.name)}.`);
      continue;
    }
    out.push(`| field | ${cell(r.a.name)} | ${cell(r.b.name)} |`, '|---|---|---|');
    for (const c of d.changes) out.push(`| ${cell(c.field)} | ${cell(c.a)} | ${cell(c.b)} |`);
  }
  const same = r.dags.filter((d) => d.status === 'same');
  if (same.length > 0 && r.differing > 0) out.push('', `No difference: ${same.map((d) => code(d.dagId)).join(', ')}.`);
  return out.join('\n');
}
