/**
 * The structure of one compiled DAG, small enough to keep in the sync manifest (each entry's opaque `summary`),
 * so that `dagsmith plan` can say what a deploy changes — steps added, removed or changed, a new schedule —
 * against what the manifest says is deployed, without reading the deployed Python.
 *
 * Values are kept where a reviewer wants to see them (schedule, kind, upstream steps); everything else is a
 * short hash per field, enough to name what changed without storing SQL or arguments in the bucket twice.
 */
import { sha256 } from '../util/hash';
import type { Duration, PipelineIR, Schedule, StepIR } from '../ir/types';

export const SUMMARY_VERSION = 1;

export interface StepSummary {
  /** Airflow task id (`group.step` inside a task group). */
  readonly id: string;
  readonly kind: string;
  /** Upstream task ids, sorted. */
  readonly upstream: readonly string[];
  /** Field name -> short hash: kind fields, then `settings`, `triggerRule`, `produces`. */
  readonly fields: Readonly<Record<string, string>>;
}

export interface DagSummary {
  readonly v: typeof SUMMARY_VERSION;
  readonly dagId: string;
  /** Human form: `0 3 * * *`, `@daily`, `every 1h`, `assets: s3://...`, `none`. */
  readonly schedule: string;
  /** DAG-level attribute -> short hash (timezone, startDate, catchup, params, defaults, ...). */
  readonly dag: Readonly<Record<string, string>>;
  readonly steps: readonly StepSummary[];
}

/** JSON with object keys sorted at every level, iteratively (a deep value must not overflow the stack). */
export function canonicalJson(value: unknown): string {
  type Frame = { kind: 'value'; value: unknown } | { kind: 'text'; text: string };
  const out: string[] = [];
  const stack: Frame[] = [{ kind: 'value', value }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.kind === 'text') {
      out.push(frame.text);
      continue;
    }
    const v = frame.value;
    if (Array.isArray(v)) {
      const frames: Frame[] = [{ kind: 'text', text: '[' }];
      v.forEach((item, i) => {
        if (i > 0) frames.push({ kind: 'text', text: ',' });
        frames.push({ kind: 'value', value: item });
      });
      frames.push({ kind: 'text', text: ']' });
      stack.push(...frames.reverse());
    } else if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v).sort();
      const frames: Frame[] = [{ kind: 'text', text: '{' }];
      keys.forEach((k, i) => {
        frames.push({ kind: 'text', text: `${i > 0 ? ',' : ''}${JSON.stringify(k)}:` });
        frames.push({ kind: 'value', value: (v as Record<string, unknown>)[k] });
      });
      frames.push({ kind: 'text', text: '}' });
      stack.push(...frames.reverse());
    } else {
      out.push(v === undefined ? 'null' : JSON.stringify(v));
    }
  }
  return out.join('');
}

const shortHash = (value: unknown): string => sha256(canonicalJson(value)).slice(0, 16);

function durationText(d: Duration): string {
  return d.text;
}

export function scheduleText(s: Schedule): string {
  switch (s.type) {
    case 'none':
      return 'none';
    case 'cron':
      return s.expression;
    case 'preset':
      return s.preset;
    case 'interval':
      return `every ${durationText(s.every)}`;
    case 'assets':
      return `assets: ${s.uris.join(', ')}`;
  }
}

function stepSummary(step: StepIR, taskIds: ReadonlyMap<string, string>): StepSummary {
  const fields: Record<string, string> = {};
  const kindFields: [string, unknown][] = Object.entries(step.fields);
  for (const [name, value] of kindFields.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) fields[name] = shortHash(value);
  fields.settings = shortHash(step.settings);
  fields.triggerRule = shortHash(step.triggerRule);
  fields.produces = shortHash(step.produces);
  return {
    id: step.taskId,
    kind: step.kind,
    upstream: step.dependsOn.map((d) => taskIds.get(d) ?? d).sort(),
    fields,
  };
}

/** The summary of a pipeline's IR (what the compiled DAG does), for the manifest. */
export function summarizeDag(ir: PipelineIR): DagSummary {
  const taskIds = new Map(ir.steps.map((s) => [s.id, s.taskId]));
  return {
    v: SUMMARY_VERSION,
    dagId: ir.id,
    schedule: scheduleText(ir.schedule),
    dag: {
      description: shortHash(ir.description),
      owner: shortHash(ir.owner),
      tags: shortHash(ir.tags),
      timezone: shortHash(ir.timezone),
      startDate: shortHash(ir.startDate),
      catchup: shortHash(ir.catchup),
      maxActiveRuns: shortHash(ir.maxActiveRuns),
      dagrunTimeout: shortHash(ir.dagrunTimeout?.seconds ?? null),
      params: shortHash(ir.params.map((p) => ({ name: p.name, default: p.default, hasDefault: p.hasDefault, schema: p.schema }))),
      defaults: shortHash(ir.defaults),
      notifications: shortHash(ir.notifications),
    },
    steps: ir.steps.map((s) => stepSummary(s, taskIds)),
  };
}

const isStringRecord = (v: unknown): v is Record<string, string> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');

/**
 * A summary read back from a manifest (remote data: anything may be there). Returns undefined for anything that
 * is not a summary of this version; `plan` then says the deployed structure is unknown instead of guessing.
 */
export function parseDagSummary(value: unknown): DagSummary | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  if (v.v !== SUMMARY_VERSION || typeof v.dagId !== 'string' || typeof v.schedule !== 'string' || !isStringRecord(v.dag) || !Array.isArray(v.steps)) {
    return undefined;
  }
  const steps: StepSummary[] = [];
  for (const s of v.steps as unknown[]) {
    const step = s as Record<string, unknown> | null;
    if (!step || typeof step.id !== 'string' || typeof step.kind !== 'string' || !isStringRecord(step.fields)) return undefined;
    if (!Array.isArray(step.upstream) || !step.upstream.every((u) => typeof u === 'string')) return undefined;
    steps.push({ id: step.id, kind: step.kind, upstream: step.upstream as string[], fields: step.fields });
  }
  return { v: SUMMARY_VERSION, dagId: v.dagId, schedule: v.schedule, dag: v.dag, steps };
}

export interface StepChange {
  readonly id: string;
  readonly kind: string;
  /** The kind deployed, when the step's kind changed. */
  readonly kindBefore?: string;
  readonly upstreamAdded: readonly string[];
  readonly upstreamRemoved: readonly string[];
  /** Fields whose value changed (when the kind did not), sorted. */
  readonly fields: readonly string[];
}

export interface DagDiff {
  readonly schedule?: { readonly from: string; readonly to: string };
  readonly dagId?: { readonly from: string; readonly to: string };
  /** DAG-level attributes that changed (timezone, params, ...), sorted. */
  readonly attributes: readonly string[];
  readonly stepsAdded: readonly { readonly id: string; readonly kind: string }[];
  readonly stepsRemoved: readonly { readonly id: string; readonly kind: string }[];
  readonly stepsChanged: readonly StepChange[];
}

function changedKeys(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): string[] {
  const am = new Map(Object.entries(a));
  const bm = new Map(Object.entries(b));
  const keys = new Set([...am.keys(), ...bm.keys()]);
  return [...keys].filter((k) => am.get(k) !== bm.get(k)).sort();
}

/** What changes from the deployed summary to the local one. */
export function diffDagSummaries(deployed: DagSummary, local: DagSummary): DagDiff {
  const before = new Map(deployed.steps.map((s) => [s.id, s]));
  const after = new Map(local.steps.map((s) => [s.id, s]));
  const stepsAdded = local.steps.filter((s) => !before.has(s.id)).map((s) => ({ id: s.id, kind: s.kind }));
  const stepsRemoved = deployed.steps.filter((s) => !after.has(s.id)).map((s) => ({ id: s.id, kind: s.kind }));
  const stepsChanged: StepChange[] = [];
  for (const now of local.steps) {
    const was = before.get(now.id);
    if (!was) continue;
    const upstreamAdded = now.upstream.filter((u) => !was.upstream.includes(u));
    const upstreamRemoved = was.upstream.filter((u) => !now.upstream.includes(u));
    const fields = was.kind === now.kind ? changedKeys(was.fields, now.fields) : [];
    if (was.kind !== now.kind || upstreamAdded.length || upstreamRemoved.length || fields.length) {
      stepsChanged.push({
        id: now.id,
        kind: now.kind,
        ...(was.kind !== now.kind ? { kindBefore: was.kind } : {}),
        upstreamAdded,
        upstreamRemoved,
        fields,
      });
    }
  }
  return {
    ...(deployed.schedule !== local.schedule ? { schedule: { from: deployed.schedule, to: local.schedule } } : {}),
    ...(deployed.dagId !== local.dagId ? { dagId: { from: deployed.dagId, to: local.dagId } } : {}),
    attributes: changedKeys(deployed.dag, local.dag),
    stepsAdded,
    stepsRemoved,
    stepsChanged,
  };
}

export function isEmptyDiff(d: DagDiff): boolean {
  return (
    !d.schedule && !d.dagId && d.attributes.length === 0 && d.stepsAdded.length === 0 && d.stepsRemoved.length === 0 && d.stepsChanged.length === 0
  );
}

/** The summary in the form the manifest stores (an opaque JSON object per entry). */
export function manifestSummary(ir: PipelineIR): Readonly<Record<string, unknown>> {
  return { ...summarizeDag(ir) };
}
