import type { Origin } from '../diagnostics/types';
import type { Settings, SettingName } from '../steps/common';
import type { FieldsOf, KindName } from '../steps/index';

/** A parsed duration (`1h30m`): the units as written, and the total in seconds. */
export interface Duration {
  readonly text: string;
  readonly seconds: number;
  readonly parts: Readonly<Partial<Record<'days' | 'hours' | 'minutes' | 'seconds', number>>>;
}

export type SchedulePreset = '@hourly' | '@daily' | '@weekly' | '@monthly' | '@yearly' | '@once';

/** Airflow's own expansion of the cron presets (airflow.utils.dates.cron_presets). */
export const PRESET_CRON: Readonly<Record<string, string>> = {
  '@hourly': '0 * * * *',
  '@daily': '0 0 * * *',
  '@weekly': '0 0 * * 0',
  '@monthly': '0 0 1 * *',
  '@yearly': '0 0 1 1 *',
};

export type Schedule =
  | { readonly type: 'none' }
  | { readonly type: 'cron'; readonly expression: string }
  | { readonly type: 'preset'; readonly preset: SchedulePreset }
  | { readonly type: 'interval'; readonly every: Duration }
  | { readonly type: 'assets'; readonly uris: readonly string[] };

/** A wall-clock date-time in the pipeline's timezone. */
export interface LocalDateTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

export type { Settings, SettingName } from '../steps/common';

export interface ParamIR {
  readonly name: string;
  readonly default: unknown;
  readonly hasDefault: boolean;
  /** JSON Schema keywords of the Param besides `default` (type, description, enum, ...), in spec order. */
  readonly schema: Readonly<Record<string, unknown>>;
  readonly origin: Origin;
}

/** What every IR step has, whatever its kind. */
export interface StepIRBase {
  readonly id: string;
  /** The Airflow task id: `group.id` inside a task group, as Airflow prefixes it. */
  readonly taskId: string;
  readonly group: string | null;
  /** Step ids (not task ids) of upstream steps, in the order written. */
  readonly dependsOn: readonly string[];
  readonly triggerRule: string;
  readonly produces: readonly string[];
  /** Effective settings: defaults merged with this step's overrides. */
  readonly settings: Settings;
  /** The settings this step sets itself (emitted as operator arguments; the rest come from default_args). */
  readonly overrides: readonly SettingName[];
  readonly origin: Origin;
}

/** An IR step of kind `K`: its fields are what the kind's normalize returns (defaults resolved, files inlined). */
export type StepIROf<K extends KindName> = StepIRBase & { readonly kind: K; readonly fields: FieldsOf<K> };

/** An IR step: a union keyed by `kind`, so `step.kind === 's3.wait'` types `step.fields` as the kind's fields. */
export type StepIR = { [K in KindName]: StepIROf<K> }[KindName];

export interface PipelineIR {
  readonly version: 1;
  readonly id: string;
  readonly description: string | null;
  readonly owner: string;
  readonly tags: readonly string[];
  readonly schedule: Schedule;
  readonly startDate: LocalDateTime | null;
  readonly timezone: string;
  readonly catchup: boolean;
  readonly maxActiveRuns: number | null;
  readonly dagrunTimeout: Duration | null;
  readonly params: readonly ParamIR[];
  readonly defaults: Settings;
  readonly notifications: { readonly onFailure: { readonly sns: string | null } };
  /** Task group ids in order of first use. */
  readonly groups: readonly string[];
  readonly steps: readonly StepIR[];
  readonly source: { readonly file: string; readonly sha256: string; readonly format: 'yaml' | 'ts' };
  readonly origin: Origin;
}

/** The IR steps of kind `K` (for narrowing a list: `ir.steps.filter((s) => isStepOfKind(s, 's3.wait'))`). */
export type StepOfKind<K extends KindName> = Extract<StepIR, { readonly kind: K }>;

export function isStepOfKind<K extends KindName>(step: StepIR, kind: K): step is StepOfKind<K> {
  return step.kind === kind;
}
