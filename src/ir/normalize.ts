import { kindOf } from '../steps/index';
import { assetExprOf, assetUris } from '../base/asset-condition';
import { duration } from '../base/durations';
import { applySettings, BUILTIN_SETTINGS, SETTING_NAMES, type SettingName } from '../base/settings';
import { normalizeNotifications } from '../base/notifications';
import { normalizeDeadline } from '../base/airflow3-features';
import { DEFAULT_KEY_FORMAT, normalizeAssetPartition } from '../base/partitioned-schedule';
import type { PipelineSpec, Step } from '../spec/types.generated';
import type { Resolved } from '../spec/scalars';
import type { FanOut, NormalizeContext } from '../steps/types';
import type { ForEachIR } from '../base/for-each';
import { parseLocalDateTime, type SCHEDULE_PRESETS } from '../base/values';
import type { Origin } from '../diagnostics/types';
import { PRESET_CRON, type ParamIR, type PipelineIR, type Schedule, type StepIR } from './types';

export interface NormalizeInput {
  readonly file: string;
  readonly sha256: string;
  readonly format: 'yaml' | 'ts';
  /** A spec that passed schema and semantic validation, with variables resolved. */
  readonly spec: PipelineSpec;
  readSibling(relPath: string): string;
}

/** Spec -> IR: every default resolved, every node tagged with where it came from. Pure. */
export function normalize(input: NormalizeInput): PipelineIR {
  const { file } = input;
  // Validation resolved every `${name}` and checked each value against its field's type.
  const spec = input.spec as Resolved<PipelineSpec>;
  const defaults = applySettings(BUILTIN_SETTINGS, spec.defaults ?? {});
  const ctx: NormalizeContext = { readSibling: (p) => input.readSibling(p) };
  const groups: string[] = [];
  // The kind of each step id, for a fanned-out step's upstream (made when the first such step asks).
  let kinds: Map<string, Step['kind']> | undefined;
  const kindsById = (): ReadonlyMap<string, Step['kind']> => {
    if (!kinds) {
      kinds = new Map<string, Step['kind']>();
      for (const step of spec.steps) if (!kinds.has(step.id)) kinds.set(step.id, step.kind);
    }
    return kinds;
  };
  const steps: StepIR[] = spec.steps.map((step, index) => {
    const group = step.group ?? null;
    if (group !== null && !groups.includes(group)) groups.push(group);
    return normalizeStep(step, defaults, { file, path: ['steps', index] }, ctx, kindsById);
  });
  return {
    version: 1,
    id: spec.id,
    description: spec.description ?? null,
    owner: spec.owner ?? 'airflow',
    tags: spec.tags ?? [],
    schedule: normalizeSchedule(spec.schedule),
    startDate: spec.startDate === undefined ? null : (parseLocalDateTime(spec.startDate) as Exclude<ReturnType<typeof parseLocalDateTime>, string>),
    timezone: spec.timezone ?? 'UTC',
    catchup: spec.catchup ?? false,
    maxActiveRuns: spec.maxActiveRuns ?? null,
    maxActiveTasks: spec.maxActiveTasks ?? null,
    dagrunTimeout: spec.dagrunTimeout === undefined ? null : duration(spec.dagrunTimeout),
    params: Object.entries(spec.params ?? {}).map(([name, p]): ParamIR => {
      const { default: def, ...schema } = p;
      return { name, default: def ?? null, hasDefault: 'default' in p, schema, origin: { file, path: ['params', name] } };
    }),
    defaults,
    notifications: normalizeNotifications(spec.notifications),
    deadline: normalizeDeadline(spec.deadline, spec.notifications?.onFailure?.sns ?? null),
    groups,
    steps,
    source: { file, sha256: input.sha256, format: input.format },
    origin: { file, path: [] },
  };
}

/**
 * One step. The step's kind was checked to be registered; the result is a StepIR of that kind because `fields`
 * comes from that kind's normalize (the compiler cannot correlate the two through the union, hence the assertion).
 */
function normalizeStep(
  step: Resolved<Step>,
  defaults: PipelineIR['defaults'],
  origin: Origin,
  ctx: NormalizeContext,
  kindsById: () => ReadonlyMap<string, Step['kind']>,
): StepIR {
  const kind = kindOf(step.kind);
  const fields = kind.normalize(step, ctx);
  // Most steps override no setting: they share one empty list (no filtered copy per step).
  const overrides = overriddenSettings(step);
  return {
    id: step.id,
    taskId: step.group ? `${step.group}.${step.id}` : step.id,
    kind: step.kind,
    group: step.group ?? null,
    dependsOn: dependencyIds(step.dependsOn),
    triggerRule: step.triggerRule ?? 'all_success',
    produces: step.produces ?? [],
    producesAlias: step.producesAlias === undefined ? [] : step.producesAlias.map((o) => ({ alias: o.alias, asset: o.asset })),
    // Most steps override no setting: they share the pipeline's (the IR is read-only).
    settings: overrides === undefined ? defaults : applySettings(defaults, step),
    overrides: overrides ?? NO_OVERRIDES,
    notifications: normalizeNotifications(step.notifications),
    forEach: forEachOf(step, kind, fields, kindsById),
    fields,
    origin,
  } as StepIR;
}

/** The overrides of a step that overrides no setting (frozen: the IR is read-only). */
const NO_OVERRIDES: readonly SettingName[] = Object.freeze([]);

const SETTING_ORDER: ReadonlyMap<string, number> = new Map(SETTING_NAMES.map((n, i) => [n, i]));

/**
 * The settings a step sets (value not undefined), in SETTING_NAMES order; undefined when none. Found from the step's
 * keys (a step has a few; looking up each of the 13 names, which a step mostly lacks, cost more): spec data is plain
 * (YAML, JSON from a TypeScript file, copies made by resolveVariables), so its enumerable keys are all it has.
 * test/ir/normalize-settings.test.ts compares it with the lookup of every name.
 */
export function overriddenSettings(step: object): SettingName[] | undefined {
  let found: SettingName[] | undefined;
  for (const k in step) {
    if (SETTING_ORDER.has(k) && (step as Record<string, unknown>)[k] !== undefined) (found ??= []).push(k as SettingName);
  }
  // In the table's order, as the names are listed (keys come in the order written).
  if (found && found.length > 1) found.sort((a, b) => SETTING_ORDER.get(a)! - SETTING_ORDER.get(b)!);
  return found;
}

/** A validated `forEach` (over an upstream step's list, or a list param) in the IR. */
function forEachOf<F>(
  step: Resolved<Step>,
  kind: { readonly fanOut?: FanOut<F> },
  fields: F,
  kindsById: () => ReadonlyMap<string, Step['kind']>,
): ForEachIR | null {
  const spec = step.forEach;
  if (spec === undefined || (spec.items === undefined && spec.param === undefined) || !kind.fanOut) return null;
  const filled = new Map<string, string | null>(spec.field !== undefined ? [[spec.field, null]] : []);
  const items = spec.items === undefined ? null : typeof spec.items === 'string' ? spec.items : spec.items.id;
  // Validation checked that the upstream step's kind gives a list (DS224).
  const read = items === null ? 'param' : (kindOf(kindsById().get(items)!).listOutput?.read ?? 'list');
  return {
    items,
    param: items === null ? (spec.param ?? null) : null,
    read,
    args: kind.fanOut.itemArgs(fields, filled),
    maxParallel: spec.maxParallel ?? null,
  };
}

function normalizeSchedule(s: Resolved<PipelineSpec>['schedule']): Schedule {
  if (s === undefined || s === null) return { type: 'none' };
  if (typeof s === 'string') {
    return s.startsWith('@')
      ? { type: 'preset', preset: s as (typeof SCHEDULE_PRESETS)[number] }
      : { type: 'cron', expression: s.trim().split(/\s+/).join(' ') };
  }
  if ('every' in s) return { type: 'interval', every: duration(s.every) };
  if ('cron' in s) {
    const cron = s.cron.trim().split(/\s+/).join(' ');
    const partition = { keyFormat: s.partitioned.keyFormat ?? DEFAULT_KEY_FORMAT, runOffset: s.partitioned.runOffset ?? null };
    return { type: 'cron', expression: PRESET_CRON[cron] ?? cron, partition };
  }
  const condition = assetExprOf(s.assets);
  if ('partitioned' in s)
    return { type: 'assets', condition, uris: assetUris(condition), orCron: null, partition: normalizeAssetPartition(s.partitioned) };
  const or = s.orSchedule?.trim().split(/\s+/).join(' ');
  return { type: 'assets', condition, uris: assetUris(condition), orCron: or === undefined ? null : (PRESET_CRON[or] ?? or) };
}

/** The ids a step depends on, each once, in the order first written (one list, no mapped copy to filter). */
function dependencyIds(deps: Resolved<Step>['dependsOn']): string[] {
  const ids: string[] = [];
  if (deps === undefined) return ids;
  for (const d of deps) {
    const id = typeof d === 'string' ? d : d.id;
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}
