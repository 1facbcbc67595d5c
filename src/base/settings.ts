import { PRODUCES_ALIAS_SCHEMA } from './airflow3-features';
import { S, type JsonSchema } from './json-schema';
import { lit, timedeltaExpr, type PyExpr } from './python-expr';
import type { StepDefaults } from '../spec/types.generated';
import { duration } from './durations';
import { notificationsSchema } from './notifications';
import { FOR_EACH_SCHEMA } from './for-each';
import { RETRY_POLICY_SCHEMA, retryPolicyExpr, retryPolicyToIr } from './retry-policy';

/** Airflow trigger rules valid on both Airflow 2.10+ and 3.x. */
export const TRIGGER_RULES = [
  'all_success',
  'all_failed',
  'all_done',
  'all_done_setup_success',
  'all_skipped',
  'one_success',
  'one_failed',
  'one_done',
  'none_failed',
  'none_failed_min_one_success',
  'none_skipped',
  'always',
] as const;

/** Airflow's built-in priority weight rules (airflow.task.priority_strategy), the same on 2.10+ and 3.x. */
export const WEIGHT_RULES = ['downstream', 'upstream', 'absolute'] as const;

/**
 * One setting that `defaults` sets for every step and a step may override: its schema (with its default, the
 * only place the built-in value is written), its operator / default_args keyword, and its IR value.
 */
export interface SettingDef<SpecValue, IrValue> {
  readonly schema: JsonSchema;
  /** The BaseOperator (or AwsBaseOperator) keyword, in default_args and on an operator that overrides it. */
  readonly pythonArg: string;
  /** The IR value of a value written in the spec (checked by then). */
  toIr(value: SpecValue): IrValue;
  /** The IR value when neither `defaults` nor the step sets it: the schema default, or null without one. */
  readonly builtin: IrValue;
  toPython(value: IrValue): PyExpr;
  /** Left out of default_args when null (instead of written as None), so Airflow's own default applies. */
  readonly omitWhenNull: boolean;
}

function withDefault<V, T>(schema: JsonSchema, pythonArg: string, toIr: (v: V) => T, toPython: (v: T) => PyExpr = lit): SettingDef<V, T> {
  if (schema.default === undefined) throw new Error(`internal error: setting '${pythonArg}' has no schema default`);
  return { schema, pythonArg, toIr, builtin: toIr(schema.default as V), toPython, omitWhenNull: false };
}

function withoutDefault<V, T>(
  schema: JsonSchema,
  pythonArg: string,
  toIr: (v: V) => T,
  toPython: (v: T) => PyExpr = lit,
  omitWhenNull = false,
): SettingDef<V, T | null> {
  return { schema, pythonArg, toIr, builtin: null, toPython: (v) => (v === null ? lit(null) : toPython(v)), omitWhenNull };
}

const same = <T>(v: T): T => v;

/**
 * THE table of step settings: the schema of `defaults` and of each step, the IR's `Settings`, normalization and
 * default_args are all derived from it. In default_args order.
 */
const SETTINGS_TABLE = {
  retries: withDefault(S.integer('How many times Airflow retries a failed task.', { minimum: 0, maximum: 100, default: 0 }), 'retries', same<number>),
  retryDelay: withDefault(
    S.string("Wait between retries, e.g. '5m'.", { default: '5m', tsType: 'Duration' }),
    'retry_delay',
    duration,
    timedeltaExpr,
  ),
  retryExponentialBackoff: withDefault(
    S.boolean('Double the retry delay after each failed try.', { default: false }),
    'retry_exponential_backoff',
    same<boolean>,
  ),
  executionTimeout: withoutDefault(
    S.string("Fail the task when one try runs longer than this, e.g. '2h'.", { tsType: 'Duration' }),
    'execution_timeout',
    duration,
    timedeltaExpr,
  ),
  awsConnId: withDefault(S.nonEmptyString('Airflow connection id used for AWS calls.', { default: 'aws_default' }), 'aws_conn_id', same<string>),
  region: withoutDefault(
    S.nonEmptyString("AWS region for the operator's calls; default: the connection's region.", { tsType: 'AwsRegion' }),
    'region_name',
    same<string>,
  ),
  deferrable: withDefault(
    S.boolean(
      'Run in deferrable mode (the triggerer waits, freeing the worker slot) for kinds whose operator supports it. Default false: a task killed while deferred (executionTimeout, marked failed) cannot stop the AWS work it started for most kinds (docs/step-kinds.md, "on kill"); lint DS425 names the steps that can defer at no such cost.',
      { default: false },
    ),
    'deferrable',
    same<boolean>,
  ),
  pool: withoutDefault(S.nonEmptyString('Airflow pool the task runs in.'), 'pool', same<string>, lit, true),
  // Airflow refuses pool_slots below 1 when it parses the DAG (BaseOperator, every target).
  poolSlots: withoutDefault(
    S.integer('How many slots of its pool the task takes (at least 1).', { minimum: 1 }),
    'pool_slots',
    same<number>,
    lit,
    true,
  ),
  // The database holds priority weights as 32-bit integers: Airflow 3 clamps a larger value silently, 2.x hands it on to
  // a column that cannot hold it.
  priorityWeight: withoutDefault(
    S.integer("The task's priority in the executor queue; its effective weight also depends on weightRule.", {
      minimum: -2147483648,
      maximum: 2147483647,
    }),
    'priority_weight',
    same<number>,
    lit,
    true,
  ),
  weightRule: withoutDefault(
    S.enum(
      "How Airflow computes the task's effective priority: 'downstream' (its weight plus its downstream tasks'; Airflow's default), 'upstream', or 'absolute' (its own weight).",
      WEIGHT_RULES,
    ),
    'weight_rule',
    same<string>,
    lit,
    true,
  ),
  // task_instance.queue is a 256-character column.
  queue: withoutDefault(
    S.nonEmptyString('Executor queue (Celery queue on MWAA) the task is sent to.', { maxLength: 256 }),
    'queue',
    same<string>,
    lit,
    true,
  ),
  // Airflow 3.3 and later only (src/validate/retry-policy.ts refuses it elsewhere), so left out when unset.
  retryPolicy: withoutDefault(RETRY_POLICY_SCHEMA, 'retry_policy', retryPolicyToIr, retryPolicyExpr, true),
} satisfies { readonly [N in keyof Required<StepDefaults>]: SettingDef<NonNullable<StepDefaults[N]>, unknown> };

export type SettingName = keyof typeof SETTINGS_TABLE;

/** The settings every step has, from `defaults` and per-step overrides, fully resolved (the IR's types). */
export type Settings = {
  readonly [N in SettingName]: (typeof SETTINGS_TABLE)[N]['builtin'];
};

/** The table, typed so that `SETTINGS[n]` for a generic name `n` keeps the types of that name. */
export const SETTINGS: { readonly [N in SettingName]: SettingDef<NonNullable<StepDefaults[N]>, Settings[N]> } = SETTINGS_TABLE;
export const SETTING_NAMES = Object.keys(SETTINGS) as SettingName[];

/** Builds a Settings value one setting at a time (the one place that turns the per-name values into the record). */
export function mapSettings(value: <N extends SettingName>(name: N) => Settings[N]): Settings {
  // Twice per step when normalizing: a loop, not an array of entries per call.
  const settings: Partial<Record<SettingName, unknown>> = {};
  for (const n of SETTING_NAMES) settings[n] = value(n);
  return settings as Settings;
}

/** The built-in settings: what applies when neither `defaults` nor a step sets a value. */
export const BUILTIN_SETTINGS: Settings = mapSettings((n) => SETTINGS[n].builtin);

/** The settings `values` (the spec's `defaults` or a step) sets, applied over `base`. */
export function applySettings(base: Settings, values: StepDefaults): Settings {
  return mapSettings(<N extends SettingName>(n: N): Settings[N] => {
    const v: StepDefaults[N] = values[n];
    return v === undefined ? base[n] : settingToIr(n, v);
  });
}

function settingToIr<N extends SettingName>(n: N, v: NonNullable<StepDefaults[N]>): Settings[N] {
  return SETTINGS[n].toIr(v);
}

/** The Python value of one setting. */
export function settingToPython<N extends SettingName>(n: N, v: Settings[N]): PyExpr {
  return SETTINGS[n].toPython(v);
}

/** Settings that `defaults` sets for every step and a step may override. Shared by both. */
export const SETTINGS_PROPERTIES: Readonly<Record<string, JsonSchema>> = Object.fromEntries(SETTING_NAMES.map((n) => [n, SETTINGS[n].schema]));

/** Fields every step has, whatever its kind. */
export const COMMON_STEP_PROPERTIES: Record<string, JsonSchema> = {
  id: S.string('Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline.', { tsType: 'string' }),
  dependsOn: S.stringList('Ids of the steps that must finish before this one starts.', {
    tsType: 'Array<string | StepRef>',
  }),
  group: S.string('Task group the step belongs to; its task id is then prefixed `group.` as Airflow does.'),
  triggerRule: S.enum('When the step runs, given its upstream steps\u2019 states.', TRIGGER_RULES, {
    default: 'all_success',
  }),
  produces: S.stringList('Asset (dataset) URIs this step updates, e.g. `s3://bucket/prefix/`.'),
  producesAlias: PRODUCES_ALIAS_SCHEMA,
  notifications: notificationsSchema('step'),
  forEach: FOR_EACH_SCHEMA,
  ...SETTINGS_PROPERTIES,
};
