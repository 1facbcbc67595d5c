import type { Origin } from '../diagnostics/types';
import type { FieldsOf, KindName } from '../steps/index';

export type { Settings, SettingName } from '../base/settings';
export type { Duration } from '../base/durations';
export { PRESET_CRON, type LocalDateTime, type Schedule, type SchedulePreset, type StepIRBase } from '../base/ir-base';
import type { Duration } from '../base/durations';
import type { LocalDateTime, Schedule, StepIRBase } from '../base/ir-base';
import type { Settings } from '../base/settings';
import type { NotificationsIR } from '../base/notifications';
import type { DeadlineIR } from '../base/airflow3-features';

export interface ParamIR {
  readonly name: string;
  readonly default: unknown;
  readonly hasDefault: boolean;
  /** JSON Schema keywords of the Param besides `default` (type, description, enum, ...), in spec order. */
  readonly schema: Readonly<Record<string, unknown>>;
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
  readonly maxActiveTasks: number | null;
  readonly notifications: NotificationsIR;
  /** The run's deadline alert (Airflow 3.1 and later), or null. */
  readonly deadline: DeadlineIR | null;
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
