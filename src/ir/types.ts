import type { Origin } from '../diagnostics/types';

/** A parsed duration (`1h30m`): the units as written, and the total in seconds. */
export interface Duration {
  readonly text: string;
  readonly seconds: number;
  readonly parts: Readonly<Partial<Record<'days' | 'hours' | 'minutes' | 'seconds', number>>>;
}

export type SchedulePreset = '@hourly' | '@daily' | '@weekly' | '@monthly' | '@yearly' | '@once';

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

/** The settings every step has, from `defaults` and per-step overrides, fully resolved. */
export interface Settings {
  readonly retries: number;
  readonly retryDelay: Duration;
  readonly retryExponentialBackoff: boolean;
  readonly executionTimeout: Duration | null;
  readonly awsConnId: string;
  readonly region: string | null;
  readonly deferrable: boolean;
  readonly pool: string | null;
}

export type SettingName = keyof Settings;

export interface ParamIR {
  readonly name: string;
  readonly default: unknown;
  readonly hasDefault: boolean;
  /** JSON Schema keywords of the Param besides `default` (type, description, enum, ...), in spec order. */
  readonly schema: Readonly<Record<string, unknown>>;
  readonly origin: Origin;
}

export interface StepIR {
  readonly id: string;
  /** The Airflow task id: `group.id` inside a task group, as Airflow prefixes it. */
  readonly taskId: string;
  readonly kind: string;
  readonly group: string | null;
  /** Step ids (not task ids) of upstream steps, in the order written. */
  readonly dependsOn: readonly string[];
  readonly triggerRule: string;
  readonly produces: readonly string[];
  /** Effective settings: defaults merged with this step's overrides. */
  readonly settings: Settings;
  /** The settings this step sets itself (emitted as operator arguments; the rest come from default_args). */
  readonly overrides: readonly SettingName[];
  /** Kind-specific fields, normalized by the kind (defaults resolved, files inlined). */
  readonly fields: Readonly<Record<string, unknown>>;
  readonly origin: Origin;
}

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

export const BUILTIN_DEFAULTS: Settings = {
  retries: 0,
  retryDelay: { text: '5m', seconds: 300, parts: { minutes: 5 } },
  retryExponentialBackoff: false,
  executionTimeout: null,
  awsConnId: 'aws_default',
  region: null,
  deferrable: false,
  pool: null,
};
