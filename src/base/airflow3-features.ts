/**
 * Airflow 3 scheduling features that dagsmith compiles per target: asset aliases (a step producing through an alias,
 * a pipeline scheduled on one) and deadline alerts. What each MWAA target has was checked in the installed packages
 * (docs/airflow3-features.md):
 *
 * - alias outlets: `airflow.datasets.DatasetAlias` on 2.10.3 and 2.11.2, `airflow.sdk.AssetAlias` on 3.0.6 and 3.3.1;
 *   a task records the event for the asset it resolves to at run time (`outlet_events[alias].add(asset)`).
 * - scheduling on an alias: Airflow 3 only. Airflow 2.10/2.11 expand an alias in a schedule to the datasets it
 *   resolved to with a metadata-database query while the DAG file is parsed (airflow/datasets/__init__.py,
 *   `_DatasetAliasCondition` -> `expand_alias_to_datasets`), so the file does not import without the database and
 *   a new resolution takes effect only at the next parse.
 * - deadline alerts: `DAG(deadline=DeadlineAlert(...))`, airflow.sdk from 3.1 (3.3.1 here); 3.0.6 has neither
 *   deadlines nor SLA callbacks (its `sla_miss_callback` is accepted and ignored). Airflow 2's SLAs are not an
 *   equivalent: they are per task, measured from the end of the data interval, and checked only for intervals the
 *   timetable projects (never for manual or asset-triggered runs).
 */
import { S, type JsonSchema } from './json-schema';
import { duration, type Duration } from './durations';
import { compareVersions, TARGET_VERSIONS, type AirflowTarget } from '../targets';

/** The Airflow versions each feature needs (the first MWAA target that has it, from the list of targets). */
const FEATURE_SINCE = {
  aliasSchedule: '3.0.0',
  deadline: '3.1.0',
  // AIP-105, Airflow 3.3.0: BaseOperator(retry_policy=...) (src/base/retry-policy.ts).
  retryPolicy: '3.3.0',
  /** CronPartitionTimetable, PartitionedAssetTimetable and partition keys (src/base/partitioned-schedule.ts). */
  partitionedSchedule: '3.2.0',
} as const;
export type Airflow3Feature = keyof typeof FEATURE_SINCE;

/** Whether the target's Airflow has the feature. */
export function targetHas(target: AirflowTarget, feature: Airflow3Feature): boolean {
  return compareVersions(target.version, FEATURE_SINCE[feature]) >= 0;
}

/** The oldest MWAA target dagsmith compiles for that has the feature (named in a refusal). */
export function firstTargetWith(feature: Airflow3Feature): string {
  return TARGET_VERSIONS.find((v) => compareVersions(v, FEATURE_SINCE[feature]) >= 0) ?? FEATURE_SINCE[feature];
}

/** A step's `producesAlias` entry: the alias and the asset (a URI, Jinja allowed) it records an event for. */
export interface AliasOutletIR {
  readonly alias: string;
  readonly asset: string;
}

export const PRODUCES_ALIAS_SCHEMA: JsonSchema = {
  type: 'array',
  description:
    'Assets this step updates through an asset alias: the alias (a task outlet) and the asset URI, rendered with Jinja when the task succeeds, e.g. `s3://bucket/events/dt={{ ds }}/`. Pipelines scheduled on the alias run for the asset it resolves to.',
  items: {
    type: 'object',
    properties: {
      alias: S.string('Asset alias name (DatasetAlias on Airflow 2, AssetAlias on Airflow 3).'),
      asset: S.string('The asset URI the alias resolves to for this run; Jinja such as `{{ ds }}` is rendered when the task succeeds.', {
        tsType: 'S3Uri',
      }),
    },
    required: ['alias', 'asset'],
    additionalProperties: false,
  },
};

/** What a deadline is measured from: the time the run was queued, or its logical date. */
export const DEADLINE_REFERENCES = ['queuedAt', 'logicalDate'] as const;
export type DeadlineReference = (typeof DEADLINE_REFERENCES)[number];

/** Airflow's DeadlineReference member for each. */
export const DEADLINE_REFERENCE_MEMBER: Readonly<Record<DeadlineReference, string>> = {
  queuedAt: 'DAGRUN_QUEUED_AT',
  logicalDate: 'DAGRUN_LOGICAL_DATE',
};

export interface DeadlineIR {
  readonly reference: DeadlineReference;
  readonly interval: Duration;
  /** The topic alerted when a run misses the deadline: the deadline's own, else the pipeline's onFailure topic. */
  readonly sns: string;
}

export const DEADLINE_SCHEMA: JsonSchema = {
  type: 'object',
  description:
    "Alert when a run has not finished this long after it was queued (or after its logical date): Airflow's deadline alert (Airflow 3.1 and later).",
  properties: {
    interval: S.string("How long a run may take, measured from the reference, e.g. '2h'.", { tsType: 'Duration' }),
    reference: S.enum("What the interval is measured from: 'queuedAt' (when the run was queued) or 'logicalDate'.", DEADLINE_REFERENCES, {
      default: 'queuedAt',
    }),
    sns: S.string("SNS topic ARN to alert; default: the pipeline's onFailure topic.", { tsType: 'SnsTopicArn' }),
  },
  required: ['interval'],
  additionalProperties: false,
};

/** The IR of a validated, resolved `deadline` (validation made sure there is a topic: DS176). */
export function normalizeDeadline(
  spec: { readonly interval: string; readonly reference?: DeadlineReference; readonly sns?: string } | undefined,
  onFailureSns: string | null,
): DeadlineIR | null {
  if (!spec) return null;
  return { reference: spec.reference ?? 'queuedAt', interval: duration(spec.interval), sns: spec.sns ?? onFailureSns ?? '' };
}

/** A URI written with Jinja as Airflow would see it after rendering, for the checks that need a plain URI. */
export function withoutJinja(text: string): string {
  return text.replace(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|\{#[\s\S]*?#\}/g, 'x');
}
