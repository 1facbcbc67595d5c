/**
 * The structure of one compiled DAG, small enough to keep in the sync manifest (each entry's opaque `summary`),
 * so that `dagsmith plan` can say what a deploy changes — steps added, removed or changed, a new schedule —
 * against what the manifest says is deployed, without reading the deployed Python.
 *
 * Each field keeps the value a reviewer reads in the plan (`job: "clean" -> "clean-v2"`, `retries: 2 -> 3`) when it is
 * short (its canonical JSON, durations as written); a longer one (SQL, a payload) keeps a hash and its length, enough
 * to say that it changed without storing it in the bucket twice. Version 1 summaries held hashes only: a manifest
 * written by an older dagsmith reads as "structure unknown" until the next sync.
 */
import { assetExprText } from '../base/asset-condition';
import { partitionText } from '../base/partitioned-schedule';
import { sha256 } from '../util/hash';
import type { PipelineIR, Schedule, StepIR } from '../ir/types';
import { NOTIFICATION_EVENTS, type NotificationsIR } from '../base/notifications';

export const SUMMARY_VERSION = 2;

/** The shown value of an unset field. */
const UNSET = 'null';

/** Values up to this many characters of JSON are kept as they are; longer ones as a hash. */
export const MAX_SHOWN_VALUE = 120;

export interface StepSummary {
  /** Airflow task id (`group.step` inside a task group). */
  readonly id: string;
  readonly kind: string;
  /** Upstream task ids, sorted. */
  readonly upstream: readonly string[];
  /** Field name -> shown value: kind fields, then `settings.<name>` for each setting, `triggerRule`, `produces`, `producesAlias`. */
  readonly fields: Readonly<Record<string, string>>;
}

export interface DagSummary {
  readonly v: typeof SUMMARY_VERSION;
  readonly dagId: string;
  /** Human form: `0 3 * * *`, `@daily`, `every 1h`, `assets: s3://...`, `none`. */
  readonly schedule: string;
  /** DAG-level attribute -> shown value (timezone, startDate, catchup, params, `defaults.<name>`, ...). */
  readonly dag: Readonly<Record<string, string>>;
  readonly steps: readonly StepSummary[];
  /**
   * The asset URIs the DAG is scheduled on, each once (absent in summaries written before it was kept): with the
   * steps' `produces`, the DAG's place in the asset graph, so `plan` can say which runs a deploy stops triggering.
   */
  readonly consumes?: readonly string[];
}

/** The asset URIs a summary's steps produce (a list too long to keep in full is not known: left out). */
export function producedAssets(summary: DagSummary): string[] {
  const out = new Set<string>();
  for (const step of summary.steps) {
    const shown = step.fields.produces;
    if (shown === undefined || !isShownInFull(shown)) continue;
    try {
      const value: unknown = JSON.parse(shown);
      if (Array.isArray(value)) for (const uri of value) if (typeof uri === 'string') out.add(uri);
    } catch {
      // remote data: not a list of URIs
    }
  }
  return [...out];
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

/**
 * A value as the plan shows it: its canonical JSON when at most MAX_SHOWN_VALUE characters (durations as written,
 * dates as ISO text), else `#` + a short hash + its length (JSON never starts with `#`).
 */
export function shownValue(value: unknown): string {
  const json = canonicalJson(readable(value));
  return json.length <= MAX_SHOWN_VALUE ? json : `#${sha256(json).slice(0, 16)} (${json.length} characters)`;
}

/** Whether a shown value is the value itself (not a hash of a long one). */
export function isShownInFull(shown: string): boolean {
  return !shown.startsWith('#');
}

/** IR durations and dates in the form a person wrote them; anything else as it is (top level only: IR shapes). */
function readable(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const v = value as Record<string, unknown>;
  if (typeof v.text === 'string' && typeof v.seconds === 'number') return v.text;
  if (['year', 'month', 'day', 'hour', 'minute', 'second'].every((k) => typeof v[k] === 'number')) {
    const n = (k: string, w = 2) => String(v[k]).padStart(w, '0');
    return `${n('year', 4)}-${n('month')}-${n('day')}T${n('hour')}:${n('minute')}:${n('second')}`;
  }
  return value;
}

export function scheduleText(s: Schedule): string {
  switch (s.type) {
    case 'none':
      return 'none';
    case 'cron':
      return s.partition ? `${s.expression} partitioned ${partitionText(s.partition)}` : s.expression;
    case 'preset':
      return s.preset;
    case 'interval':
      return `every ${s.every.text}`;
    case 'assets':
      return `assets: ${assetExprText(s.condition)}${s.orCron ? ` or ${s.orCron}` : ''}${s.partition ? ` partitioned ${partitionText(s.partition)}` : ''}`;
  }
}

function stepSummary(step: StepIR, taskIds: ReadonlyMap<string, string>): StepSummary {
  const fields: Record<string, string> = {};
  const kindFields: [string, unknown][] = Object.entries(step.fields);
  for (const [name, value] of kindFields.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) fields[name] = shownValue(value);
  for (const [name, value] of Object.entries(step.settings)) fields[`settings.${name}`] = shownValue(value);
  fields.triggerRule = shownValue(step.triggerRule);
  fields.produces = shownValue(step.produces);
  // Unset (null) when empty, as in a summary written before the field existed.
  fields.producesAlias = shownValue(step.producesAlias.length > 0 ? step.producesAlias : null);
  Object.assign(fields, notificationFields(step.notifications));
  return {
    id: step.taskId,
    kind: step.kind,
    upstream: step.dependsOn.map((d) => taskIds.get(d) ?? d).sort(),
    fields,
  };
}

/** `notifications.<event>.sns` of each event. */
function notificationFields(n: NotificationsIR): Record<string, string> {
  return Object.fromEntries(NOTIFICATION_EVENTS.map((e) => [`notifications.${e}.sns`, shownValue(n[e].sns)]));
}

/** The summary of a pipeline's IR (what the compiled DAG does), for the manifest. */
export function summarizeDag(ir: PipelineIR): DagSummary {
  const taskIds = new Map(ir.steps.map((s) => [s.id, s.taskId]));
  return {
    v: SUMMARY_VERSION,
    dagId: ir.id,
    schedule: scheduleText(ir.schedule),
    dag: {
      description: shownValue(ir.description),
      owner: shownValue(ir.owner),
      tags: shownValue(ir.tags),
      timezone: shownValue(ir.timezone),
      startDate: shownValue(ir.startDate),
      catchup: shownValue(ir.catchup),
      maxActiveRuns: shownValue(ir.maxActiveRuns),
      dagrunTimeout: shownValue(ir.dagrunTimeout),
      params: shownValue(ir.params.map((p) => ({ name: p.name, default: p.default, hasDefault: p.hasDefault, schema: p.schema }))),
      ...Object.fromEntries(Object.entries(ir.defaults).map(([name, value]) => [`defaults.${name}`, shownValue(value)])),
      maxActiveTasks: shownValue(ir.maxActiveTasks),
      ...notificationFields(ir.notifications),
      deadline: shownValue(ir.deadline && { interval: ir.deadline.interval.text, reference: ir.deadline.reference, sns: ir.deadline.sns }),
    },
    steps: ir.steps.map((s) => stepSummary(s, taskIds)),
    ...(ir.schedule.type === 'assets' ? { consumes: [...ir.schedule.uris] } : {}),
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
    steps.push({ id: step.id, kind: step.kind, upstream: step.upstream, fields: step.fields });
  }
  const consumes = Array.isArray(v.consumes) && v.consumes.every((u) => typeof u === 'string') ? { consumes: v.consumes } : {};
  return { v: SUMMARY_VERSION, dagId: v.dagId, schedule: v.schedule, dag: v.dag, steps, ...consumes };
}

/** One field whose value changes: its name, and the shown values before and after (null where it was not there). */
export interface FieldChange {
  readonly field: string;
  readonly from: string | null;
  readonly to: string | null;
}

export interface StepChange {
  readonly id: string;
  readonly kind: string;
  /** The kind deployed, when the step's kind changed. */
  readonly kindBefore?: string;
  readonly upstreamAdded: readonly string[];
  readonly upstreamRemoved: readonly string[];
  /** Fields whose values change (when the kind did not), sorted. */
  readonly fields: readonly FieldChange[];
}

export interface DagDiff {
  readonly schedule?: { readonly from: string; readonly to: string };
  readonly dagId?: { readonly from: string; readonly to: string };
  /** DAG-level attributes that changed (timezone, params, ...), sorted, with their values. */
  readonly attributes: readonly FieldChange[];
  readonly stepsAdded: readonly { readonly id: string; readonly kind: string }[];
  readonly stepsRemoved: readonly { readonly id: string; readonly kind: string }[];
  readonly stepsChanged: readonly StepChange[];
}

/**
 * The fields whose values differ. A field one summary lacks and the other holds as `null` is unset in both (a summary
 * written before the field existed): not a change.
 */
function changedFields(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): FieldChange[] {
  const am = new Map(Object.entries(a));
  const bm = new Map(Object.entries(b));
  const keys = new Set([...am.keys(), ...bm.keys()]);
  return [...keys]
    .filter((k) => (am.get(k) ?? UNSET) !== (bm.get(k) ?? UNSET))
    .sort()
    .map((field) => ({ field, from: am.get(field) ?? null, to: bm.get(field) ?? null }));
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
    const fields = was.kind === now.kind ? changedFields(was.fields, now.fields) : [];
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
    attributes: changedFields(deployed.dag, local.dag),
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
