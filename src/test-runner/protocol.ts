/**
 * The protocol between dagsmith and its test runner process (python/dagsmith_runner, documented in its README.md):
 * one JSON request per line on the runner's stdin, one JSON message per line on its stdout. The runner prints
 * `RunnerReady` first, then one `RunResult` per request, in order.
 *
 * Kept in step with the Python side by hand: the runner's results are parsed into these types by `parseMessage`
 * (engine.ts), which checks the fields the CLI relies on; test/test-runner/*.test.ts drive the real runner.
 */

/** Bumped with python/dagsmith_runner/__init__.py PROTOCOL_VERSION on an incompatible change. */
export const PROTOCOL_VERSION = 1;

// ---------------------------------------------------------------------------------------------------------------
// Requests

/** An S3 object that exists before the run (given), or that a declared outcome writes. */
export interface S3ObjectSpec {
  readonly bucket: string;
  readonly key: string;
  /** UTF-8 text; or `base64` for bytes (a fixture file). Neither: an empty object. */
  readonly body?: string;
  readonly base64?: string;
}

/** One AWS API call made against moto before the run (not recorded): the account's resources. */
export interface SetupCall {
  /** botocore service name: 'glue', 'athena', 'iam', 'sns', ... */
  readonly service: string;
  /** API operation name: 'CreateJob', 'CreateWorkGroup', ... */
  readonly operation: string;
  readonly args?: Readonly<Record<string, unknown>>;
  /** A resource that exists already is fine (an *AlreadyExists* / *Conflict* error is ignored). */
  readonly ignoreExisting?: boolean;
}

/** What exists in the emulated account before the run. Every bucket of an object is created. */
export interface Given {
  readonly buckets?: readonly string[];
  readonly s3?: readonly S3ObjectSpec[];
  readonly calls?: readonly SetupCall[];
}

/** A Glue job run (by job name); the Nth start of the job gets the Nth entry for it, the last one repeats. */
export interface GlueJobOutcome {
  readonly job: string;
  /** Default 'succeeded'. */
  readonly result?: 'succeeded' | 'failed' | 'timeout' | 'stopped';
  /** ErrorMessage of the run. */
  readonly error?: string;
  /** Objects the run writes (when it starts). */
  readonly writes?: readonly S3ObjectSpec[];
}

/** A Lambda invocation (by function name); undeclared functions fail with a message asking for an outcome. */
export interface LambdaOutcome {
  readonly function: string;
  /** The JSON the function returns (the Payload). */
  readonly payload?: unknown;
  /** Makes the invocation a function error ('Unhandled', 'Handled'); `payload` is then the error document. */
  readonly functionError?: string;
  readonly writes?: readonly S3ObjectSpec[];
}

/** A Redshift Data statement (or batch); the first entry whose `match` is part of the SQL applies. Default: finished. */
export interface RedshiftDataOutcome {
  readonly match?: string;
  readonly result?: 'finished' | 'failed' | 'aborted';
  readonly error?: string;
  /** Rows GetStatementResult returns. */
  readonly columns?: readonly string[];
  readonly rows?: readonly (readonly (string | number | boolean | null)[])[];
  readonly writes?: readonly S3ObjectSpec[];
}

/** An Athena query; the first entry whose `match` is part of the query applies. Undeclared: moto's (succeeded, no rows). */
export interface AthenaOutcome {
  readonly match?: string;
  readonly result?: 'succeeded' | 'failed' | 'cancelled';
  readonly error?: string;
  readonly columns?: readonly string[];
  readonly rows?: readonly (readonly (string | number | null)[])[];
  readonly writes?: readonly S3ObjectSpec[];
}

/** An EMR step, by its name (`match` equals the name). Default: completed. */
export interface EmrStepOutcome {
  readonly match?: string;
  readonly result?: 'completed' | 'failed' | 'cancelled';
  readonly error?: string;
}

/** A DataBrew job run (by job name), in sequence like Glue. Default: succeeded. */
export interface DataBrewOutcome {
  readonly job: string;
  readonly result?: 'succeeded' | 'failed' | 'timeout' | 'stopped';
  readonly error?: string;
  readonly writes?: readonly S3ObjectSpec[];
}

/** A Managed Flink application start (by application name), in sequence. Default: running. */
export interface FlinkOutcome {
  readonly application: string;
  readonly result?: 'running' | 'failed';
  readonly error?: string;
}

/** An EMR Serverless job run (by application id), in sequence. Default: success. */
export interface EmrServerlessOutcome {
  readonly application: string;
  readonly result?: 'success' | 'failed' | 'cancelled';
  readonly error?: string;
  readonly writes?: readonly S3ObjectSpec[];
}

/** Outcomes for what moto cannot run; each key is optional. */
export interface DeclaredOutcomes {
  readonly glueJobs?: readonly GlueJobOutcome[];
  readonly lambda?: readonly LambdaOutcome[];
  readonly redshiftData?: readonly RedshiftDataOutcome[];
  readonly athena?: readonly AthenaOutcome[];
  readonly emrSteps?: readonly EmrStepOutcome[];
  readonly emrServerless?: readonly EmrServerlessOutcome[];
  readonly databrew?: readonly DataBrewOutcome[];
  readonly flink?: readonly FlinkOutcome[];
}

/** Seconds; each caps the DAG's own value (a shorter one of the DAG stays). */
export interface RunLimits {
  /** A sensor's timeout (default 10). */
  readonly sensorTimeout?: number;
  /** A sensor's poke interval (default 1). */
  readonly pokeInterval?: number;
  /** An operator's status polls and waiter delays (default 1). */
  readonly pollInterval?: number;
  /** Every task's execution_timeout (default 120). */
  readonly taskTimeout?: number;
  /** The whole run (default 600); past it the runner reports `timeout` and exits. */
  readonly runTimeout?: number;
}

export interface RunRequest {
  readonly type?: 'run';
  /** Echoed in the result. */
  readonly id: string;
  /** Absolute path of the generated DAG file (the runner copies it into a folder of its own). */
  readonly dagFile: string;
  readonly dagId: string;
  /**
   * `YYYY-MM-DD`: the scheduled run that starts on that day, in the DAG's time zone (data interval as the scheduler
   * gives it); or an ISO 8601 date-time with offset, which must be a schedule point. Unscheduled DAGs: a manual run.
   */
  readonly logicalDate: string;
  /** The moto server (http, loopback, port): what the recording proxy forwards to and the setup writes to. */
  readonly moto: string;
  /** Default us-east-1. */
  readonly region?: string;
  /** Dotted paths of the operator, sensor and notifier classes that may run (EmptyOperator always may). */
  readonly allowedClasses: readonly string[];
  readonly given?: Given;
  readonly outcomes?: DeclaredOutcomes;
  readonly limits?: RunLimits;
  /** 'none' (default): retries set to 0; 'keep': the DAG's retries, with short delays. */
  readonly retries?: 'none' | 'keep';
  /** The run's conf (sets params). */
  readonly conf?: Readonly<Record<string, unknown>>;
}

/**
 * `warmup` runs a one-task DAG (EmptyOperator, no AWS) through dag.test(): what Airflow builds on first use (on 3.x
 * the Execution API's task routes, 5-15 s on two cores) is then paid while the caller compiles and starts moto,
 * not by its first test. Answered by `RunnerWarmed`.
 */
export type RunnerRequest =
  RunRequest | { readonly type: 'warmup'; readonly id: string } | { readonly type: 'ping'; readonly id: string } | { readonly type: 'shutdown' };

// ---------------------------------------------------------------------------------------------------------------
// Messages

export interface RunnerReady {
  readonly type: 'ready';
  readonly protocol: number;
  readonly airflowVersion: string;
  readonly providerVersion: string | null;
  readonly python: string;
  readonly pid: number;
  /** Names of the variables removed from the runner's environment (AWS_*, AIRFLOW_*, ...), never their values. */
  readonly scrubbedEnvironment: readonly string[];
  readonly seconds: { readonly import: number; readonly total: number };
}

/** The runner could not start (Airflow does not import, the metadata DB cannot be created). */
export interface RunnerFatal {
  readonly type: 'fatal';
  readonly problems: readonly string[];
  readonly log?: string;
}

/**
 * Codes of what a run refuses (the runner's side of dagsmith's DS7xx range; texts in the catalog, src/diagnostics/codes/test.ts).
 * DS700 operator class not allowed, DS701 import not allowed, DS702 moto endpoint not loopback, DS703 AWS settings
 * not the runner's, DS704 templates outside the sandbox, DS705 callback not allowed, DS706 DAG file does not parse,
 * DS707 no such DAG id, DS710 the date is not a scheduled run.
 */
export type RefusalCode = 'DS700' | 'DS701' | 'DS702' | 'DS703' | 'DS704' | 'DS705' | 'DS706' | 'DS707' | 'DS710';

export interface Refusal {
  readonly code: RefusalCode;
  readonly message: string;
  readonly taskId?: string;
}

/** A test-only change the runner made to the DAG (shorter waits, no retries, poke mode). */
export interface Adjustment {
  readonly taskId?: string;
  readonly setting: string;
  readonly from?: unknown;
  readonly to?: unknown;
  readonly why: string;
}

export interface ErrorInfo {
  /** The exception class, e.g. 'AirflowSensorTimeout', 'ClientError'. */
  readonly type: string;
  readonly message: string;
}

export interface TaskAttempt {
  readonly try: number | null;
  /** Seconds since the run started. */
  readonly started: number;
  readonly ended?: number;
  readonly error?: ErrorInfo;
}

export interface TaskResult {
  /** `task_id`, or `task_id[map_index]` for a mapped task. */
  readonly taskId: string;
  /** Dotted class path of the operator. */
  readonly operator: string | null;
  /** Airflow's state: success, failed, upstream_failed, skipped, up_for_retry, ... */
  readonly state: string;
  readonly tryNumber: number;
  readonly startedAt: string | null;
  /** Seconds. */
  readonly duration: number | null;
  /** The task's rendered template fields as Airflow stored them (bucket, key, sql, script_args ...). */
  readonly rendered: Readonly<Record<string, unknown>>;
  /** The XCom return value (what execute() returned), JSON. */
  readonly returnValue?: unknown;
  readonly attempts: readonly TaskAttempt[];
  /** The exception of the last failed attempt. */
  readonly error?: ErrorInfo;
  /** The failure was a timeout (AirflowSensorTimeout, AirflowTaskTimeout): see `adjustments` for the limit. */
  readonly timedOut?: boolean;
}

/** One AWS API call a task (or a callback) made, as the recording proxy saw it. */
export interface AwsCall {
  readonly seq: number;
  /** Seconds since the run started. */
  readonly at: number;
  /** The task that made it; null for calls outside a task (DAG callbacks). */
  readonly task: string | null;
  readonly try: number | null;
  /** 'task', 'on_failure', 'on_retry', 'on_success' (a callback), or 'run'. */
  readonly phase: string;
  /** botocore service name ('s3', 'glue', 'redshift-data', ...); null when the request was not signed. */
  readonly service: string | null;
  /** API operation ('CopyObject', 'StartJobRun', ...); null when it could not be decoded (see decodeProblem). */
  readonly operation: string | null;
  /**
   * The arguments under the API's own member names. Blobs (object bodies, Lambda payloads) are their text when
   * UTF-8 and at most 64 KiB, else `{bytes, sha256}`.
   */
  readonly args: Readonly<Record<string, unknown>>;
  readonly status: number;
  /** 'moto', 'dagsmith' (a declared outcome answered), 'moto+dagsmith' (moto answered, the outcome changed it). */
  readonly answeredBy: 'moto' | 'dagsmith' | 'moto+dagsmith' | 'recorder-error';
  readonly ms: number;
  readonly error?: { readonly code: string; readonly message: string };
  readonly decodeProblem?: string;
  readonly request?: string;
}

/** One use of a declared (or defaulted) outcome. */
export interface OutcomeUse {
  /** 'glue.job', 'lambda.invoke', 'redshift.statement', 'athena.query', 'emr.step', 'emr-serverless.job', 'databrew.job', 'flink.application'. */
  readonly kind: string;
  /** The job, function or application name; the SQL or query (first 200 characters); the step name. */
  readonly resource: string;
  readonly task: string | null;
  /** The call it answered. */
  readonly call: number;
  /** False: no outcome was declared and the default applied. */
  readonly declared: boolean;
  readonly result: string;
  readonly error?: string;
  readonly wrote: readonly { readonly bucket: string; readonly key: string }[];
  readonly [extra: string]: unknown;
}

export interface CallbackFired {
  /** 'task' or 'dag'. */
  readonly scope: 'task' | 'dag';
  readonly kind: 'on_failure' | 'on_retry' | 'on_success';
  readonly taskId: string | null;
  /** Dotted class path of the callback (a notifier). */
  readonly callback: string;
  readonly at?: number;
  /** The exception the callback was given. */
  readonly exception?: ErrorInfo;
  /** The callback itself failed. */
  readonly error?: ErrorInfo;
  /** A notifier's template fields after rendering (subject, message, target_arn ...). */
  readonly rendered?: Readonly<Record<string, unknown>>;
}

export interface S3Change {
  readonly change: 'created' | 'modified' | 'deleted' | 'bucket-created' | 'bucket-deleted';
  readonly bucket: string;
  readonly key?: string;
  readonly size?: number;
  readonly etag?: string;
  readonly previousSize?: number;
  /** Text of a created or modified object of at most 4 KiB that is UTF-8. */
  readonly text?: string;
  /** Who did it: the task and call, a copy's source, or the declared outcome that wrote it. */
  readonly by?: {
    readonly task: string | null;
    readonly call?: number;
    readonly operation?: string;
    readonly source?: string;
    readonly outcome?: string;
  };
}

export interface S3Report {
  readonly changes: readonly S3Change[];
  /** Every object after the run (bucket, key, size); for "what exists instead" when a key was not found. */
  readonly objectsAfter: readonly { readonly bucket: string; readonly key: string; readonly size: number }[];
  /** More than 20,000 objects: the state was cut. */
  readonly truncated: boolean;
}

interface ResultBase {
  readonly type: 'result';
  readonly id: string | null;
  readonly airflowVersion?: string;
  readonly providerVersion?: string | null;
  readonly dagId?: string;
  /** The tail of the run's log (Airflow's and the tasks' output), ANSI codes removed; untrusted text. */
  readonly log?: string;
  readonly seconds?: Readonly<Record<string, number>>;
}

/** An asset event a task recorded: the asset's URI as Airflow stored it, and the aliases it was recorded through. */
export interface AssetEventRecorded {
  readonly taskId: string | null;
  readonly uri: string;
  readonly aliases: readonly string[];
  readonly extra: Readonly<Record<string, unknown>>;
  /** Airflow 3.2+: the event's partition key (a partitioned run's), null when it has none; absent before 3.2. */
  readonly partitionKey?: string | null;
}

/** The run happened (`crashed`: dag.test() itself raised; what could be collected is there). */
export interface RunResultRan extends ResultBase {
  readonly status: 'ran' | 'crashed';
  readonly crash?: ErrorInfo;
  readonly runId?: string;
  readonly logicalDate?: string | null;
  readonly dataInterval?: { readonly start: string | null; readonly end: string | null };
  readonly dagRunState?: string;
  readonly tasks?: readonly TaskResult[];
  readonly tasksWithoutInstance?: readonly string[];
  /** The asset (dataset) events the run's tasks recorded, in order; `aliases`: the aliases an event came through. */
  readonly assetEvents?: readonly AssetEventRecorded[];
  readonly adjustments: readonly Adjustment[];
  readonly given: { readonly buckets: number; readonly objects: number; readonly calls: number };
  readonly calls: readonly AwsCall[];
  readonly outcomes: readonly OutcomeUse[];
  readonly callbacks: readonly CallbackFired[];
  readonly s3: S3Report;
  /** Connections or name lookups outside the machine that the runner blocked. */
  readonly blockedNetwork: readonly string[];
}

export interface RunResultRefused extends ResultBase {
  readonly status: 'refused';
  readonly refusals: readonly Refusal[];
}

export interface RunResultImportError extends ResultBase {
  readonly status: 'import-error';
  readonly importErrors: Readonly<Record<string, string>>;
}

/** The request was malformed, `given` could not be applied, the run timed out, or the runner failed. */
export interface RunResultProblem extends ResultBase {
  readonly status: 'bad-request' | 'setup-error' | 'timeout' | 'error';
  readonly problems: readonly string[];
}

export type RunResult = RunResultRan | RunResultRefused | RunResultImportError | RunResultProblem;

export interface RunnerWarmed {
  readonly type: 'warmed';
  readonly id: string;
  readonly dagRunState?: string;
  readonly seconds?: number;
  /** The warm-up failed (not fatal: the first run pays for it instead). */
  readonly problems?: readonly string[];
  readonly log?: string;
}

export type RunnerMessage = RunnerReady | RunnerFatal | RunResult | RunnerWarmed | { readonly type: 'pong'; readonly id: string };
