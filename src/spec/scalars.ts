/** Hand-written scalar types that the generated spec types refer to (see `tsType` in the schemas). */

/**
 * A string with a deploy-time variable reference, `${name}`, resolved at compile time from dagsmith.config.yaml
 * (as in YAML). Typed fields (ARNs, S3 URIs, durations, enums) accept one wherever YAML does: the value is checked
 * against the field's rule once the variable is resolved.
 */
export type VarRef = `${string}\${${string}}${string}`;

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

type DurationUnit = 's' | 'm' | 'h' | 'd';
/** A duration: `30s`, `5m`, `2h`, `1d`, or units combined in descending order (`1h30m`). */
export type Duration = `${number}${DurationUnit}` | `${number}${DurationUnit}${number}${DurationUnit}${string}` | VarRef;

/** `s3://bucket/key`. */
export type S3Uri = `s3://${string}` | VarRef;

/** `arn:aws:iam::123456789012:role/NAME`. */
export type IamRoleArn = `arn:${string}:iam::${string}:role/${string}` | VarRef;

/** `arn:aws:sns:REGION:123456789012:TOPIC`. */
export type SnsTopicArn = `arn:${string}:sns:${string}:${string}:${string}` | VarRef;

/** `arn:aws:secretsmanager:REGION:123456789012:secret:NAME`. */
export type SecretArn = `arn:${string}:secretsmanager:${string}:${string}:secret:${string}` | VarRef;

/** An AWS region name such as `us-east-1`. */
export type AwsRegion = `${string}-${string}-${number}` | (string & {});

/** An EMR cluster (job flow) id, `j-` and up to 13 capital letters and digits (or Jinja that renders to one). */
export type EmrClusterId = string;

/** An EMR Serverless application id: lower-case letters and digits, e.g. `00fabcdefg123456`. */
export type EmrServerlessApplicationId = string;

/** A Managed Service for Apache Flink application name: 1-128 letters, digits, `_`, `.` and `-`. */
export type FlinkApplicationName = string;

/** A reference to a step built with the SDK: anything with the step's `id`. */
export interface StepRef {
  readonly id: string;
}

/** A step built with the SDK, as the list of a fan-out: its `id`, and its kind (one whose output gives a list). */
export interface ListStepRef<K extends string = string> {
  readonly id: string;
  readonly kind: K;
}

/**
 * Runtime fan-out of a step: one task per item of an upstream step's output (`items`, a reference or an id) or of a
 * list param (`param`), each item filling `field` (the fields a kind can map type `F`; the kinds whose output gives
 * a list type `K`). See docs/step-kinds.md, "Runtime fan-out".
 */
export interface ForEach<F extends string = string, K extends string = string> {
  /** The upstream step (also in dependsOn) whose output is the list: an `s3.list`, `lambda.invoke` or `athena.query` step. */
  items?: string | ListStepRef<K>;
  /** A list param (`type: array`) whose value in the run is the list. */
  param?: string;
  /** The field each item fills. */
  field?: F;
  /** At most this many of the step's tasks run at once in a DAG run (max_active_tis_per_dagrun). */
  maxParallel?: number;
}

/**
 * An asset (its URI), an asset alias (`{ alias: name }`, Airflow 3), or a combination: all of them (Airflow's `&`) or
 * any of them (`|`), nested as needed.
 */
export type AssetRef = string | { alias: string } | { allOf: AssetRef[] } | { anyOf: AssetRef[] };

/** The assets a data-aware schedule waits for: a list means all of them. */
export type AssetCondition = AssetRef[] | { alias: string } | { allOf: AssetRef[] } | { anyOf: AssetRef[] };

/** When a pipeline runs. */
export type Schedule =
  | string
  | null
  | { /** Fixed interval, e.g. '30m'. */ every: Duration }
  | {
      /** Run when these assets are updated: a list (all of them), { allOf: [...] } or { anyOf: [...] }, nested. */
      assets: AssetCondition;
      /** Also run on this cron expression or preset (Airflow's DatasetOrTimeSchedule / AssetOrTimeSchedule). */
      orSchedule?: string;
    }
  | {
      /** Run once per partition key of the assets' events (PartitionedAssetTimetable; Airflow 3.3.1). */
      assets: AssetCondition;
      partitioned: AssetPartitioning;
    }
  | {
      /** Run on this cron expression or preset, one partition per run (CronPartitionTimetable; Airflow 3.3.1). */
      cron: string;
      partitioned: CronPartitioning;
    };

/** How a partitioned producer keys its runs: `{{ partition_key }}` in its tasks, and on its asset events. */
export interface CronPartitioning {
  /** strftime format of the key, e.g. '%Y-%m-%d' (default '%Y-%m-%dT%H:%M:%S'). */
  keyFormat?: string;
  /** Key each run by the partition this many cron intervals away (-1: the previous one). */
  runOffset?: number;
}

/** How a partitioned consumer maps the keys of its assets' events to its own runs. */
export interface AssetPartitioning {
  /** identity (default) or a temporal mapper: startOfHour, startOfDay, startOfWeek, startOfMonth, startOfQuarter, startOfYear. */
  mapper?: 'identity' | 'startOfHour' | 'startOfDay' | 'startOfWeek' | 'startOfMonth' | 'startOfQuarter' | 'startOfYear';
  /** Temporal mappers: strptime format of the producers' keys (default '%Y-%m-%dT%H:%M:%S'). */
  inputFormat?: string;
  /** Temporal mappers: strftime format of this pipeline's keys (default: the mapper's own). */
  outputFormat?: string;
}

/**
 * A spec value as the checks, kinds and IR see it, after `${name}` references are resolved: VarRef gone from every
 * union (a typed field then holds its own type only).
 */
export type Resolved<T> = T extends VarRef
  ? never
  : T extends string | number | boolean | null
    ? T
    : T extends readonly (infer U)[]
      ? Resolved<U>[]
      : T extends object
        ? { [K in keyof T]: Resolved<Exclude<T[K], undefined>> }
        : T;
