import type { Origin } from '../diagnostics/types';
import type { Duration } from './durations';
import type { AssetExpr } from './asset-condition';
import type { Settings, SettingName } from './settings';
import type { NotificationsIR } from './notifications';
import type { AliasOutletIR } from './airflow3-features';
import type { ForEachIR } from './for-each';
import type { AssetPartitionIR, CronPartitionIR } from './partitioned-schedule';

/**
 * The IR types every step kind stands on (src/ir/types.ts adds the per-kind step union and the pipeline).
 */

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
  | {
      readonly type: 'cron';
      readonly expression: string;
      /** `schedule: { cron, partitioned }`: one partition per run (CronPartitionTimetable, a trigger timetable). */
      readonly partition?: CronPartitionIR;
    }
  | { readonly type: 'preset'; readonly preset: SchedulePreset }
  | { readonly type: 'interval'; readonly every: Duration }
  | {
      readonly type: 'assets';
      /** What the runs wait for. */
      readonly condition: AssetExpr;
      /** Every URI of the condition, each once. */
      readonly uris: readonly string[];
      /** The cron expression (presets expanded) of `orSchedule`, or null. */
      readonly orCron: string | null;
      /** `partitioned`: one run per partition key of the events (PartitionedAssetTimetable); orCron is then null. */
      readonly partition?: AssetPartitionIR;
    };

/** A wall-clock date-time in the pipeline's timezone. */
export interface LocalDateTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
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
  /** Assets updated through an alias (task outlets that are aliases, with the asset each resolves to this run). */
  readonly producesAlias: readonly AliasOutletIR[];
  /** Effective settings: defaults merged with this step's overrides. */
  readonly settings: Settings;
  /** The settings this step sets itself (emitted as operator arguments; the rest come from default_args). */
  readonly overrides: readonly SettingName[];
  /** The step's own alerts (null where the pipeline's apply). */
  readonly notifications: NotificationsIR;
  /** Runtime fan-out: one task per item of an upstream step's output (null: one task). */
  readonly forEach: ForEachIR | null;
  readonly origin: Origin;
}
