import type { JsonValue, Duration, S3Uri, IamRoleArn, SnsTopicArn, SecretArn, AwsRegion, StepRef, Schedule } from "./scalars";

// Generated from the step registry's JSON Schema by `npm run gen` (src/schema/typegen.ts). Do not edit.
/** One ingestion pipeline, compiled by dagsmith to an Apache Airflow DAG for Amazon MWAA. */
export interface PipelineSpec {
  /** Spec version; always 1. */
  version: 1;
  /** DAG id: letters, digits, `_`, `.` and `-`, unique across the project. */
  id: string;
  /** DAG description, shown in the Airflow UI. */
  description?: string;
  /**
   * Owner shown in the Airflow UI (default_args.owner).
   * @default "airflow"
   */
  owner?: string;
  /** DAG tags. */
  tags?: string[];
  /** A 5-field cron expression, a preset ('@daily', ...), null for manual runs, { every: '30m' } or { assets: [uri, ...] }. */
  schedule?: Schedule;
  /** First logical date: YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS, in `timezone`. */
  startDate?: string;
  /**
   * IANA timezone of startDate and the schedule, e.g. 'Europe/Berlin'.
   * @default "UTC"
   */
  timezone?: string;
  /**
   * Run the intervals between startDate and now.
   * @default false
   */
  catchup?: boolean;
  /** At most this many runs at once. */
  maxActiveRuns?: number;
  /** Fail a run that takes longer than this, e.g. '6h'. */
  dagrunTimeout?: Duration;
  /** Airflow Params, available in templates as {{ params.NAME }}. */
  params?: Record<string, Param>;
  /** Settings for every step (default_args); a step may override each of them. */
  defaults?: StepDefaults;
  /** Alerts. */
  notifications?: { onFailure?: { sns?: SnsTopicArn } };
  /** The tasks of the pipeline. */
  steps: Step[];
}

/** Settings for every step; a step may override each of them. */
export interface StepDefaults {
  /**
   * How many times Airflow retries a failed task.
   * @default 0
   */
  retries?: number;
  /**
   * Wait between retries, e.g. '5m'.
   * @default "5m"
   */
  retryDelay?: Duration;
  /**
   * Double the retry delay after each failed try.
   * @default false
   */
  retryExponentialBackoff?: boolean;
  /** Fail the task when one try runs longer than this, e.g. '2h'. */
  executionTimeout?: Duration;
  /**
   * Airflow connection id used for AWS calls.
   * @default "aws_default"
   */
  awsConnId?: string;
  /** AWS region for the operator's calls; default: the connection's region. */
  region?: AwsRegion;
  /**
   * Run in deferrable mode (frees the worker slot while waiting) for kinds whose operator supports it.
   * @default false
   */
  deferrable?: boolean;
  /** Airflow pool the task runs in. */
  pool?: string;
}

/** An Airflow Param: a default and JSON Schema keywords that Airflow checks on trigger. */
export interface Param {
  /** Default value. */
  default?: JsonValue;
  /** JSON type(s) of the value. */
  type?: ParamType | ParamType[];
  /** Shown in the trigger form. */
  description?: string;
  /** Label in the trigger form. */
  title?: string;
  /** Allowed values. */
  enum?: JsonValue[];
  /** Smallest allowed number. */
  minimum?: number;
  /** Largest allowed number. */
  maximum?: number;
  /** Shortest allowed string. */
  minLength?: number;
  /** Longest allowed string. */
  maxLength?: number;
  /** Regular expression a string value must match. */
  pattern?: string;
  /** JSON Schema format, e.g. 'date'. */
  format?: string;
}

export type ParamType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

/** `glue.job`: Run an AWS Glue job (GlueJobOperator). */
export interface GlueJobStep {
  /** Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline. */
  id: string;
  /** Step kind. */
  kind: 'glue.job';
  /** Name of the Glue job. */
  job: string;
  /** Job run arguments, e.g. { '--run_date': '{{ ds }}' }. */
  arguments?: Record<string, string>;
  /** Worker type for this run. */
  workerType?: 'G.025X' | 'G.1X' | 'G.2X' | 'G.4X' | 'G.8X' | 'G.12X' | 'G.16X' | 'R.1X' | 'R.2X' | 'R.4X' | 'R.8X' | 'Z.2X';
  /** Number of workers for this run. */
  numberOfWorkers?: number;
  /** S3 URI of the job script; used when dagsmith has to create the job. */
  scriptLocation?: S3Uri;
  /** IAM role (name or ARN) the job runs as; used when the job is created. */
  role?: string;
  /** Glue version, e.g. '4.0'; used when the job is created. */
  glueVersion?: string;
  /** Glue security configuration (encryption settings) for this run. */
  securityConfiguration?: string;
  /**
   * Wait for the job run to finish.
   * @default true
   */
  waitForCompletion?: boolean;
  /** Ids of the steps that must finish before this one starts. */
  dependsOn?: Array<string | StepRef>;
  /** Task group the step belongs to; its task id is then prefixed `group.` as Airflow does. */
  group?: string;
  /**
   * When the step runs, given its upstream steps’ states.
   * @default "all_success"
   */
  triggerRule?: 'all_success' | 'all_failed' | 'all_done' | 'all_done_setup_success' | 'all_skipped' | 'one_success' | 'one_failed' | 'one_done' | 'none_failed' | 'none_failed_min_one_success' | 'none_skipped' | 'always';
  /** Asset (dataset) URIs this step updates, e.g. `s3://bucket/prefix/`. */
  produces?: string[];
  /**
   * How many times Airflow retries a failed task.
   * @default 0
   */
  retries?: number;
  /**
   * Wait between retries, e.g. '5m'.
   * @default "5m"
   */
  retryDelay?: Duration;
  /**
   * Double the retry delay after each failed try.
   * @default false
   */
  retryExponentialBackoff?: boolean;
  /** Fail the task when one try runs longer than this, e.g. '2h'. */
  executionTimeout?: Duration;
  /**
   * Airflow connection id used for AWS calls.
   * @default "aws_default"
   */
  awsConnId?: string;
  /** AWS region for the operator's calls; default: the connection's region. */
  region?: AwsRegion;
  /**
   * Run in deferrable mode (frees the worker slot while waiting) for kinds whose operator supports it.
   * @default false
   */
  deferrable?: boolean;
  /** Airflow pool the task runs in. */
  pool?: string;
}

export type Step = GlueJobStep;
export type StepKindName = 'glue.job';
