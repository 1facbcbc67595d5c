// Generated from the step registry's JSON Schema by `npx tsx scripts/gen.ts` (src/gen/spec-types.ts). Do not edit:
// change src/steps/<kind>.ts (or src/schema/pipeline-schema.ts) and regenerate. test/sdk/drift.test.ts fails when stale.
import type { JsonValue, VarRef, Duration, S3Uri, IamRoleArn, SnsTopicArn, SecretArn, AwsRegion, StepRef, ForEach, Schedule, EmrClusterId, EmrServerlessApplicationId, FlinkApplicationName } from "./scalars";

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
  /** DAG tags (Airflow allows at most 100 characters each). */
  tags?: string[];
  /** A 5-field cron expression, a preset ('@daily', ...), null for manual runs, { every: '30m' }, { assets: [uri, ...], orSchedule? }, or partitioned: { cron, partitioned } / { assets, partitioned }. */
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
  /** At most this many tasks of the pipeline run at once, over all its runs (max_active_tasks). */
  maxActiveTasks?: number;
  /** Fail a run that takes longer than this, e.g. '6h'. */
  dagrunTimeout?: Duration;
  /** Airflow Params, available in templates as {{ params.NAME }}. */
  params?: Record<string, Param>;
  /** Settings for every step (default_args); a step may override each of them. */
  defaults?: StepDefaults;
  /** Alerts. */
  notifications?: { onFailure?: { sns?: SnsTopicArn }; onSuccess?: { sns?: SnsTopicArn }; onRetry?: { sns?: SnsTopicArn } };
  /** Alert when a run has not finished this long after it was queued (or after its logical date): Airflow's deadline alert (Airflow 3.1 and later). */
  deadline?: { interval: Duration; reference?: 'queuedAt' | 'logicalDate' | VarRef; sns?: SnsTopicArn };
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
   * Run in deferrable mode (the triggerer waits, freeing the worker slot) for kinds whose operator supports it. Default false: a task killed while deferred (executionTimeout, marked failed) cannot stop the AWS work it started for most kinds (docs/step-kinds.md, "on kill"); lint DS425 names the steps that can defer at no such cost.
   * @default false
   */
  deferrable?: boolean;
  /** Airflow pool the task runs in. */
  pool?: string;
  /** How many slots of its pool the task takes (at least 1). */
  poolSlots?: number;
  /** The task's priority in the executor queue; its effective weight also depends on weightRule. */
  priorityWeight?: number;
  /** How Airflow computes the task's effective priority: 'downstream' (its weight plus its downstream tasks'; Airflow's default), 'upstream', or 'absolute' (its own weight). */
  weightRule?: 'downstream' | 'upstream' | 'absolute' | VarRef;
  /** Executor queue (Celery queue on MWAA) the task is sent to. */
  queue?: string;
  /** Decide on the exception a failed try raised whether to retry it or fail at once (Airflow 3.3's ExceptionRetryPolicy): the first rule whose exception matches decides; `retries` still caps the tries. */
  retryPolicy?: { rules: ({ exception: 'ClientError' | 'BotoCoreError' | 'NoCredentialsError' | 'CredentialRetrievalError' | 'NoRegionError' | 'ParamValidationError' | 'EndpointConnectionError' | 'ConnectTimeoutError' | 'ReadTimeoutError' | 'ConnectionClosedError' | 'AirflowException' | 'TaskDeferralError' | 'AirflowTaskTimeout' | Array<'ClientError' | 'BotoCoreError' | 'NoCredentialsError' | 'CredentialRetrievalError' | 'NoRegionError' | 'ParamValidationError' | 'EndpointConnectionError' | 'ConnectTimeoutError' | 'ReadTimeoutError' | 'ConnectionClosedError' | 'AirflowException' | 'TaskDeferralError' | 'AirflowTaskTimeout'>; action: 'retry' | 'fail' | VarRef; retryDelay?: Duration; reason?: string })[]; default?: 'retry' | 'fail' | VarRef };
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

/** Fields every step has, whatever its kind; the settings of `defaults` may be overridden per step. */
export interface StepCommon extends StepDefaults {
  /** Ids of the steps that must finish before this one starts. */
  dependsOn?: Array<string | StepRef>;
  /** Task group the step belongs to; its task id is then prefixed `group.` as Airflow does. */
  group?: string;
  /**
   * When the step runs, given its upstream steps’ states.
   * @default "all_success"
   */
  triggerRule?: 'all_success' | 'all_failed' | 'all_done' | 'all_done_setup_success' | 'all_skipped' | 'one_success' | 'one_failed' | 'one_done' | 'none_failed' | 'none_failed_min_one_success' | 'none_skipped' | 'always' | VarRef;
  /** Asset (dataset) URIs this step updates, e.g. `s3://bucket/prefix/`. */
  produces?: string[];
  /** Assets this step updates through an asset alias: the alias (a task outlet) and the asset URI, rendered with Jinja when the task succeeds, e.g. `s3://bucket/events/dt={{ ds }}/`. Pipelines scheduled on the alias run for the asset it resolves to. */
  producesAlias?: { alias: string; asset: S3Uri }[];
  /** Alerts about this step's task, in place of the pipeline's for the events it names. */
  notifications?: { onFailure?: { sns?: SnsTopicArn }; onSuccess?: { sns?: SnsTopicArn }; onRetry?: { sns?: SnsTopicArn } };
  /** Run this step once per item of a list known only at run time (Airflow dynamic task mapping): the output of an upstream step (`items`) or a list param (`param`), each item filling a field the kind can map (`field`). */
  forEach?: ForEach;
}

/** `glue.job`: Run an AWS Glue job (GlueJobOperator). */
export interface GlueJobStep extends StepCommon {
  /** Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline. */
  id: string;
  /** Step kind. */
  kind: 'glue.job';
  /** Name of the Glue job. */
  job: string;
  /** Job run arguments, e.g. { '--run_date': '{{ ds }}' }. */
  arguments?: Record<string, string>;
  /** Worker type for this run. */
  workerType?: 'G.025X' | 'G.1X' | 'G.2X' | 'G.4X' | 'G.8X' | 'G.12X' | 'G.16X' | 'R.1X' | 'R.2X' | 'R.4X' | 'R.8X' | 'Z.2X' | VarRef;
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
  /** glue.job cannot fan out (no field a forEach may fill). */
  forEach?: never;
}

/** `glue.crawler`: Run an AWS Glue crawler, creating or updating it when role and s3Targets are given (GlueCrawlerOperator). */
export interface GlueCrawlerStep extends StepCommon {
  /** Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline. */
  id: string;
  /** Step kind. */
  kind: 'glue.crawler';
  /** Name of the Glue crawler. */
  crawler: string;
  /** IAM role (name or ARN) the crawler runs as. With s3Targets, the crawler is created when it does not exist and updated when its settings differ. */
  role?: string;
  /** Glue Data Catalog database the crawler writes its tables to. */
  database?: string;
  /** S3 URIs (s3://bucket/prefix/) the crawler crawls. */
  s3Targets?: S3Uri[];
  /**
   * Wait for the crawl to finish.
   * @default true
   */
  waitForCompletion?: boolean;
  /** glue.crawler cannot fan out (no field a forEach may fill). */
  forEach?: never;
}

/** `redshift.sql`: Run SQL on Amazon Redshift through the Redshift Data API (RedshiftDataOperator). */
export interface RedshiftSqlStep extends StepCommon {
  /** Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline. */
  id: string;
  /** Step kind. */
  kind: 'redshift.sql';
  /** The SQL to run, with Airflow Jinja allowed; exactly one of 'sql' and 'sqlFile'. Several statements (separated by ';' or given as a list) run as one transaction. */
  sql?: string | string[];
  /** Path of a file holding the SQL to run, relative to the pipeline file; its text is inlined into the DAG. */
  sqlFile?: string;
  /** Values of named parameters (:name) of a single-statement SQL, sent as Data API parameters. */
  parameters?: Record<string, string>;
  /** Database to run the statements in. */
  database: string;
  /** Identifier of the provisioned Redshift cluster; exactly one of 'cluster' and 'workgroup'. */
  cluster?: string;
  /** Redshift Serverless workgroup name; exactly one of 'cluster' and 'workgroup'. */
  workgroup?: string;
  /** ARN of the Secrets Manager secret holding the database credentials; default: temporary credentials from the IAM identity of the AWS connection. */
  secretArn?: SecretArn;
  /** Database user to get temporary credentials for (provisioned clusters only; not with secretArn). */
  dbUser?: string;
  /**
   * Wait for the statements to finish (and fail the task when they fail).
   * @default true
   */
  waitForCompletion?: boolean;
  /** redshift.sql cannot fan out (no field a forEach may fill). */
  forEach?: never;
}

/** `redshift.copy`: Load S3 data into a Redshift table with COPY, authenticated by an IAM role (RedshiftDataOperator). */
export interface RedshiftCopyStep extends StepCommon {
  /** Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline. */
  id: string;
  /** Step kind. */
  kind: 'redshift.copy';
  /** S3 URI of the data: a prefix, an object, or a manifest (with options: [MANIFEST]). */
  from: S3Uri;
  /** Schema of the target table. */
  schema: string;
  /** Target table. */
  table: string;
  /** Target columns in the order of the fields in the data; default: all columns, in table order. */
  columns?: string[];
  /** ARN of the IAM role Redshift assumes to read the data (COPY ... IAM_ROLE). */
  iamRole: IamRoleArn;
  /** Data format; omitted: Redshift's default, pipe-delimited text. JSON and AVRO map fields by name ('auto'). */
  format?: 'CSV' | 'JSON' | 'PARQUET' | 'AVRO' | 'ORC' | VarRef;
  /**
   * Compression of the files; not allowed with PARQUET or ORC (Redshift reads their own compression).
   * @default "NONE"
   */
  compression?: 'GZIP' | 'BZIP2' | 'ZSTD' | 'LZOP' | 'NONE' | VarRef;
  /** More COPY parameters, appended verbatim, e.g. 'IGNOREHEADER 1' or "TIMEFORMAT 'auto'". */
  options?: string[];
  /**
   * append: add the rows; replace: delete all rows first (or only those of replaceWhere); upsert: replace the rows whose upsertKeys match, add the rest. Always one transaction.
   * @default "append"
   */
  method?: 'append' | 'replace' | 'upsert' | VarRef;
  /** For method 'replace': a SQL condition on the target table, e.g. "dt = '{{ ds }}'"; only the rows it matches are deleted before the COPY, in the same transaction. Jinja is rendered by Airflow. */
  replaceWhere?: string;
  /** Columns that identify a row, for method 'upsert'. */
  upsertKeys?: string[];
  /** Database to run the statements in. */
  database: string;
  /** Identifier of the provisioned Redshift cluster; exactly one of 'cluster' and 'workgroup'. */
  cluster?: string;
  /** Redshift Serverless workgroup name; exactly one of 'cluster' and 'workgroup'. */
  workgroup?: string;
  /** ARN of the Secrets Manager secret holding the database credentials; default: temporary credentials from the IAM identity of the AWS connection. */
  secretArn?: SecretArn;
  /** Database user to get temporary credentials for (provisioned clusters only; not with secretArn). */
  dbUser?: string;
  /**
   * Wait for the statements to finish (and fail the task when they fail).
   * @default true
   */
  waitForCompletion?: boolean;
  /** redshift.copy cannot fan out (no field a forEach may fill). */
  forEach?: never;
}

/** `s3.wait`: Wait for one or more S3 keys to exist (S3KeySensor). */
export interface S3WaitStep extends StepCommon {
  /** Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline. */
  id: string;
  /** Step kind. */
  kind: 's3.wait';
  /** Bucket name (without s3://). */
  bucket: string;
  /** Key, or list of keys, that must all exist; Unix wildcards when wildcard is true. */
  key: string | string[];
  /**
   * Read the keys as Unix wildcard patterns ('*', '?', '[...]').
   * @default false
   */
  wildcard?: boolean;
  /** Fail when the keys do not exist after this long, e.g. '6h'; default: Airflow's sensors.default_timeout (7 days). */
  timeout?: Duration;
  /** Time between checks, e.g. '5m'; default: Airflow's, 60 seconds. */
  pokeInterval?: Duration;
  /** poke: hold a worker slot between checks; reschedule: free it between checks; deferrable: wait in the triggerer. Default: deferrable when the step is deferrable, else poke. */
  mode?: 'poke' | 'reschedule' | 'deferrable' | VarRef;
  /** s3.wait cannot fan out (no field a forEach may fill). */
  forEach?: never;
}

/** `s3.copy`: Copy one S3 object (S3CopyObjectOperator). */
export interface S3CopyStep extends StepCommon {
  /** Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline. */
  id: string;
  /** Step kind. */
  kind: 's3.copy';
  /** S3 URI of the object to copy (s3://bucket/key). */
  from: S3Uri;
  /** S3 URI of the copy (s3://bucket/key). */
  to: S3Uri;
  /** KMS key for the copy. Not supported by S3CopyObjectOperator in the MWAA provider versions: the destination bucket’s default encryption applies. */
  kmsKeyId?: string;
  /** Run this step once per item of an upstream step's output or a list param, each item filling one of: sourceKey, destKey. */
  forEach?: ForEach<'sourceKey' | 'destKey', ListOutputKindName>;
}

/** `s3.delete`: Delete S3 objects by key or by prefix (S3DeleteObjectsOperator). */
export interface S3DeleteStep extends StepCommon {
  /** Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline. */
  id: string;
  /** Step kind. */
  kind: 's3.delete';
  /** Bucket name (without s3://). */
  bucket: string;
  /** Key, or list of keys, to delete; exactly one of 'keys' and 'prefix'. */
  keys?: string | string[];
  /** Delete every object whose key starts with this; exactly one of 'keys' and 'prefix'. */
  prefix?: string;
  /** s3.delete cannot fan out (no field a forEach may fill). */
  forEach?: never;
}

/** `athena.query`: Run an Amazon Athena query (AthenaOperator). */
export interface AthenaQueryStep extends StepCommon {
  /** Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline. */
  id: string;
  /** Step kind. */
  kind: 'athena.query';
  /** The query (one SQL statement), with Airflow Jinja allowed; exactly one of 'query' and 'queryFile'. */
  query?: string;
  /** Path of a file holding the query (one SQL statement), relative to the pipeline file; its text is inlined into the DAG. */
  queryFile?: string;
  /** Database the query runs in. */
  database: string;
  /** S3 URI where Athena writes the query results, e.g. s3://bucket/athena-results/. */
  outputLocation: S3Uri;
  /**
   * Athena workgroup.
   * @default "primary"
   */
  workgroup?: string;
  /**
   * Data catalog.
   * @default "AwsDataCatalog"
   */
  catalog?: string;
  /** athena.query cannot fan out (no field a forEach may fill). */
  forEach?: never;
}

/** `glue.databrew`: Run an AWS Glue DataBrew job (GlueDataBrewStartJobOperator). */
export interface GlueDatabrewStep extends StepCommon {
  /** Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline. */
  id: string;
  /** Step kind. */
  kind: 'glue.databrew';
  /** Name of the DataBrew job (recipe or profile job). */
  job: string;
  /**
   * Wait for the job run to end, failing the task unless it ended SUCCEEDED (on the Python targets).
   * @default true
   */
  waitForCompletion?: boolean;
  /** How long the task waits before it fails, e.g. '6h'. Default: the step's executionTimeout when set, else the operator's own limit (30 minutes: 60 polls 30 seconds apart). */
  maxWait?: Duration;
  /** glue.databrew cannot fan out (no field a forEach may fill). */
  forEach?: never;
}

/** `emr.cluster`: Create an EMR cluster, with Spot capacity, steps and auto-termination (EmrCreateJobFlowOperator). */
export interface EmrClusterStep extends StepCommon {
  /** Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline. */
  id: string;
  /** Step kind. */
  kind: 'emr.cluster';
  /** Name of the cluster. */
  name: string;
  /** EMR release, e.g. 'emr-7.2.0'. */
  releaseLabel: string;
  /** The nodes: master (the primary node), core and task, each an instance group { type, count } or an instance fleet { types, capacity } (one form for the whole cluster). */
  instances: { master: { type?: string; count?: number; types?: string[]; capacity?: number; ebsSizeGb?: number }; core?: { type?: string; count?: number; types?: string[]; capacity?: number; ebsSizeGb?: number }; task?: { type?: string; count?: number; types?: string[]; capacity?: number; ebsSizeGb?: number }; subnets?: string[]; keyName?: string; terminationProtected?: boolean };
  /** Node roles whose capacity runs on Spot instances: 'task' (and 'core' if HDFS loss is acceptable); never the primary node. */
  spot?: ('master' | 'core' | 'task' | VarRef)[];
  /** Steps the cluster runs as soon as it is up, in order. */
  steps?: ({ name: string; jar?: string; mainClass?: string; args: string[]; actionOnFailure?: 'CANCEL_AND_WAIT' | 'CONTINUE' | 'TERMINATE_CLUSTER' | VarRef })[];
  /** Terminate the cluster after it has been idle this long (AutoTerminationPolicy, 1m to 7d; EMR 5.30.0+ or 6.1.0+), e.g. '30m'. */
  terminateAfter?: Duration;
  /** Keep the cluster when it has no steps left (KeepJobFlowAliveWhenNoSteps). Default: true without steps (later emr.steps add them), false with steps (the cluster ends after them). */
  keepAlive?: boolean;
  /**
   * Applications to install, e.g. ['Spark', 'Hadoop'].
   * @default ["Spark"]
   */
  applications?: string[];
  /** S3 URI where EMR writes the cluster logs. */
  logUri?: S3Uri;
  /**
   * IAM role (name or ARN) of the EMR service.
   * @default "EMR_DefaultRole"
   */
  serviceRole?: string;
  /**
   * EC2 instance profile of the nodes.
   * @default "EMR_EC2_DefaultRole"
   */
  jobFlowRole?: string;
  /** EMR security configuration (encryption, Kerberos) of the cluster. */
  securityConfiguration?: string;
  /** Configuration classifications as RunJobFlow takes them, e.g. [{ Classification: 'spark-defaults', Properties: { 'spark.dynamicAllocation.enabled': 'true' } }]. */
  configurations?: Array<Record<string, JsonValue>>;
  /**
   * How many steps may run at once.
   * @default 1
   */
  stepConcurrencyLevel?: number;
  /** Tags of the cluster (and its instances). */
  tags?: Record<string, string>;
  /**
   * What the task waits for: nothing (none), a cluster ready for steps (ready), or a cluster that ran its steps and terminated (terminated; amazon provider 9.12.0+, not on Airflow 2.10.3).
   * @default "ready"
   */
  waitFor?: 'none' | 'ready' | 'terminated' | VarRef;
  /** How long the task waits before it fails, e.g. '6h'. Default: the step's executionTimeout when set, else the operator's own limit (1 hour: 60 polls a minute apart). */
  maxWait?: Duration;
  /** emr.cluster cannot fan out (no field a forEach may fill). */
  forEach?: never;
}

/** `emr.steps`: Add steps to an EMR cluster and wait for them (EmrAddStepsOperator + EmrStepSensor). */
export interface EmrStepsStep extends StepCommon {
  /** Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline. */
  id: string;
  /** Step kind. */
  kind: 'emr.steps';
  /** Id of the running cluster (job flow), e.g. 'j-2AXXXXXXGAPLF', or Jinja that renders to one. */
  cluster?: EmrClusterId;
  /** Id of the emr.cluster step (upstream of this one) whose cluster runs the steps. */
  clusterStep?: string;
  /** Steps to add, run in order. */
  steps: ({ name: string; jar?: string; mainClass?: string; args: string[]; actionOnFailure?: 'CANCEL_AND_WAIT' | 'CONTINUE' | 'TERMINATE_CLUSTER' | VarRef })[];
  /** IAM role ARN the steps run as (EMR runtime roles; the cluster needs a security configuration that allows them). */
  executionRole?: IamRoleArn;
  /**
   * Wait until the last step has finished (EmrStepSensor task `<id>_wait`), failing when a step fails.
   * @default true
   */
  waitForCompletion?: boolean;
  /** How long the sensor waits for the steps before it fails, e.g. '6h'. Default: Airflow's sensor timeout (7 days). */
  maxWait?: Duration;
  /** emr.steps cannot fan out (no field a forEach may fill). */
  forEach?: never;
}

/** `emr.serverless`: Run a Spark job on an EMR Serverless application (EmrServerlessStartJobOperator). */
export interface EmrServerlessStep extends StepCommon {
  /** Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline. */
  id: string;
  /** Step kind. */
  kind: 'emr.serverless';
  /** Id of the EMR Serverless application (e.g. 00fabcdefg123456). */
  application: EmrServerlessApplicationId;
  /** ARN of the IAM role the job run assumes. */
  executionRole: IamRoleArn;
  /** The Spark program: S3 URI (or local:// path) of the script or JAR. */
  entryPoint: string;
  /** Arguments passed to the program (entryPointArguments); Jinja such as {{ ds }} is rendered by Airflow. */
  arguments?: string[];
  /** spark-submit options, e.g. '--conf spark.executor.cores=4 --conf spark.executor.memory=16g'. */
  sparkSubmitParameters?: string;
  /** StartJobRun configurationOverrides: Spark/Hive configuration classifications and where logs go. */
  configurationOverrides?: { applicationConfiguration?: JsonValue[]; monitoringConfiguration?: Record<string, JsonValue> };
  /** Name of the job run (default: the operator's emr_serverless_job_airflow_<uuid>). */
  name?: string;
  /**
   * Wait for the job run to finish, failing the task when it fails.
   * @default true
   */
  waitForCompletion?: boolean;
  /** How long the task waits before it fails, e.g. '6h'. Default: the step's executionTimeout when set, else the operator's own limit (25 minutes: 25 polls a minute apart). */
  maxWait?: Duration;
  /** Cancel the job run when the task is killed or times out, also while deferred (amazon provider 9.22.0+: Airflow 2.11.2 and 3.3.1). Default there: true. */
  cancelOnKill?: boolean;
  /** emr.serverless cannot fan out (no field a forEach may fill). */
  forEach?: never;
}

/** `flink.start`: Start a Managed Service for Apache Flink application (KinesisAnalyticsV2StartApplicationOperator). */
export interface FlinkStartStep extends StepCommon {
  /** Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline. */
  id: string;
  /** Step kind. */
  kind: 'flink.start';
  /** Name of the Managed Service for Apache Flink application. */
  application: FlinkApplicationName;
  /** How the application starts: from which snapshot it restores its state (StartApplication RunConfiguration). */
  runConfiguration?: { applicationRestoreType?: 'SKIP_RESTORE_FROM_SNAPSHOT' | 'RESTORE_FROM_LATEST_SNAPSHOT' | 'RESTORE_FROM_CUSTOM_SNAPSHOT' | VarRef; snapshotName?: string; allowNonRestoredState?: boolean };
  /**
   * Wait until the application is RUNNING.
   * @default true
   */
  waitForCompletion?: boolean;
  /** How long the task waits before it fails, e.g. '6h'. Default: the step's executionTimeout when set, else the operator's own limit (20 minutes: 20 polls a minute apart). */
  maxWait?: Duration;
  /**
   * Stop the application when the rest of the DAG run is done, failed or not (a KinesisAnalyticsV2StopApplicationOperator teardown task `<id>_stop`; the start becomes its setup).
   * @default false
   */
  stopAtEnd?: boolean;
  /** flink.start cannot fan out (no field a forEach may fill). */
  forEach?: never;
}

/** `lambda.invoke`: Invoke an AWS Lambda function with a JSON payload (LambdaInvokeFunctionOperator). */
export interface LambdaInvokeStep extends StepCommon {
  /** Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline. */
  id: string;
  /** Step kind. */
  kind: 'lambda.invoke';
  /** Function name, partial ARN or ARN; may end in :VERSION or :ALIAS. */
  function: string;
  /** Event passed to the function, sent as JSON. Jinja in its strings is rendered by Airflow. */
  payload?: Record<string, JsonValue>;
  /**
   * RequestResponse: wait for the result (a function error fails the task); Event: queue the event and return; DryRun: only check permissions.
   * @default "RequestResponse"
   */
  invocationType?: 'RequestResponse' | 'Event' | 'DryRun' | VarRef;
  /** Version or alias to invoke (instead of a :QUALIFIER suffix on function). */
  qualifier?: string;
  /**
   * Copy the last 4 KB of the function's log into the task log (RequestResponse only).
   * @default false
   */
  tailLogs?: boolean;
  /** lambda.invoke cannot fan out (no field a forEach may fill). */
  forEach?: never;
}

/** `stepfunctions.start`: Start an AWS Step Functions execution and wait for it (StepFunctionStartExecutionOperator). */
export interface StepfunctionsStartStep extends StepCommon {
  /** Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline. */
  id: string;
  /** Step kind. */
  kind: 'stepfunctions.start';
  /** State machine ARN (arn:aws:states:REGION:ACCOUNT:stateMachine:NAME). */
  stateMachine: string;
  /** Execution input (a JSON object). Jinja in its strings is rendered by Airflow. */
  input?: Record<string, JsonValue>;
  /** Execution name, unique per state machine for 90 days, e.g. 'export-{{ ds_nodash }}'; default: generated. */
  name?: string;
  /**
   * Wait until the execution succeeds; a failed, timed-out or aborted execution fails the task.
   * @default true
   */
  waitForCompletion?: boolean;
  /**
   * Time between status checks while waiting, e.g. '30s'.
   * @default "60s"
   */
  pollInterval?: Duration;
  /**
   * Fail the task when the execution has not finished after this long, e.g. '4h'.
   * @default "7d"
   */
  timeout?: Duration;
  /** stepfunctions.start cannot fan out (no field a forEach may fill). */
  forEach?: never;
}

/** `eventbridge.put`: Send custom events to Amazon EventBridge (EventBridgePutEventsOperator). */
export interface EventbridgePutStep extends StepCommon {
  /** Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline. */
  id: string;
  /** Step kind. */
  kind: 'eventbridge.put';
  /** The events to send (1 to 10, one PutEvents call). */
  entries: { source: string; detailType: string; detail: Record<string, JsonValue>; eventBusName?: string; resources?: string[] }[];
  /** Global endpoint id (multi-Region failover), e.g. abcde.veo. */
  endpointId?: string;
  /** eventbridge.put cannot fan out (no field a forEach may fill). */
  forEach?: never;
}

/** `s3.put`: Write an S3 object whose content is in the pipeline (S3CreateObjectOperator). */
export interface S3PutStep extends StepCommon {
  /** Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline. */
  id: string;
  /** Step kind. */
  kind: 's3.put';
  /** Bucket name (without s3://). */
  bucket: string;
  /** Object key inside the bucket, e.g. 'features/dt={{ ds }}/_SUCCESS'. */
  key: string;
  /** Object content: text as written, or a map or list written as JSON. Jinja is rendered by Airflow. */
  data: string | JsonValue[] | { [key: string]: JsonValue };
  /**
   * Overwrite the object when it exists; when false an existing object fails the task.
   * @default false
   */
  replace?: boolean;
  /**
   * Encrypt the object with S3-managed keys (SSE-S3).
   * @default false
   */
  encrypt?: boolean;
  /** Compress the content before writing it. */
  compression?: 'gzip' | VarRef;
  /** s3.put cannot fan out (no field a forEach may fill). */
  forEach?: never;
}

/** `s3.list`: List the keys under an S3 prefix (S3ListOperator); its output is the list of keys, for `forEach`. */
export interface S3ListStep extends StepCommon {
  /** Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline. */
  id: string;
  /** Step kind. */
  kind: 's3.list';
  /** Bucket name (without s3://). */
  bucket: string;
  /**
   * List only keys that start with this (e.g. `landing/{{ ds }}/`); empty: the whole bucket.
   * @default ""
   */
  prefix?: string;
  /**
   * Key hierarchy delimiter, e.g. `/`: then only the keys directly under the prefix are listed.
   * @default ""
   */
  delimiter?: string;
  /**
   * Read '*' in the prefix as a wildcard (S3ListOperator's apply_wildcard).
   * @default false
   */
  applyWildcard?: boolean;
  /** s3.list cannot fan out (no field a forEach may fill). */
  forEach?: never;
}

/** `airflow.operator`: Any Airflow operator or sensor class, by dotted path, with keyword arguments (the escape hatch). */
export interface AirflowOperatorStep extends StepCommon {
  /** Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline. */
  id: string;
  /** Step kind. */
  kind: 'airflow.operator';
  /** Dotted path of the operator or sensor class, e.g. 'airflow.providers.amazon.aws.sensors.glue.GlueJobSensor'. */
  operator: string;
  /** The class's constructor arguments (keyword arguments), e.g. { job_name: clean-events }. */
  arguments?: Record<string, JsonValue>;
  /** airflow.operator cannot fan out (no field a forEach may fill). */
  forEach?: never;
}

export type Step = GlueJobStep | GlueCrawlerStep | RedshiftSqlStep | RedshiftCopyStep | S3WaitStep | S3CopyStep | S3DeleteStep | AthenaQueryStep | GlueDatabrewStep | EmrClusterStep | EmrStepsStep | EmrServerlessStep | FlinkStartStep | LambdaInvokeStep | StepfunctionsStartStep | EventbridgePutStep | S3PutStep | S3ListStep | AirflowOperatorStep;

/** Every registered step kind and the type of its step: the SDK derives its step builders from this map. */
export interface StepKindMap {
  /** `glue.job`: Run an AWS Glue job (GlueJobOperator). */
  'glue.job': GlueJobStep;
  /** `glue.crawler`: Run an AWS Glue crawler, creating or updating it when role and s3Targets are given (GlueCrawlerOperator). */
  'glue.crawler': GlueCrawlerStep;
  /** `redshift.sql`: Run SQL on Amazon Redshift through the Redshift Data API (RedshiftDataOperator). */
  'redshift.sql': RedshiftSqlStep;
  /** `redshift.copy`: Load S3 data into a Redshift table with COPY, authenticated by an IAM role (RedshiftDataOperator). */
  'redshift.copy': RedshiftCopyStep;
  /** `s3.wait`: Wait for one or more S3 keys to exist (S3KeySensor). */
  's3.wait': S3WaitStep;
  /** `s3.copy`: Copy one S3 object (S3CopyObjectOperator). */
  's3.copy': S3CopyStep;
  /** `s3.delete`: Delete S3 objects by key or by prefix (S3DeleteObjectsOperator). */
  's3.delete': S3DeleteStep;
  /** `athena.query`: Run an Amazon Athena query (AthenaOperator). */
  'athena.query': AthenaQueryStep;
  /** `glue.databrew`: Run an AWS Glue DataBrew job (GlueDataBrewStartJobOperator). */
  'glue.databrew': GlueDatabrewStep;
  /** `emr.cluster`: Create an EMR cluster, with Spot capacity, steps and auto-termination (EmrCreateJobFlowOperator). */
  'emr.cluster': EmrClusterStep;
  /** `emr.steps`: Add steps to an EMR cluster and wait for them (EmrAddStepsOperator + EmrStepSensor). */
  'emr.steps': EmrStepsStep;
  /** `emr.serverless`: Run a Spark job on an EMR Serverless application (EmrServerlessStartJobOperator). */
  'emr.serverless': EmrServerlessStep;
  /** `flink.start`: Start a Managed Service for Apache Flink application (KinesisAnalyticsV2StartApplicationOperator). */
  'flink.start': FlinkStartStep;
  /** `lambda.invoke`: Invoke an AWS Lambda function with a JSON payload (LambdaInvokeFunctionOperator). */
  'lambda.invoke': LambdaInvokeStep;
  /** `stepfunctions.start`: Start an AWS Step Functions execution and wait for it (StepFunctionStartExecutionOperator). */
  'stepfunctions.start': StepfunctionsStartStep;
  /** `eventbridge.put`: Send custom events to Amazon EventBridge (EventBridgePutEventsOperator). */
  'eventbridge.put': EventbridgePutStep;
  /** `s3.put`: Write an S3 object whose content is in the pipeline (S3CreateObjectOperator). */
  's3.put': S3PutStep;
  /** `s3.list`: List the keys under an S3 prefix (S3ListOperator); its output is the list of keys, for `forEach`. */
  's3.list': S3ListStep;
  /** `airflow.operator`: Any Airflow operator or sensor class, by dotted path, with keyword arguments (the escape hatch). */
  'airflow.operator': AirflowOperatorStep;
}

export type StepKindName = keyof StepKindMap;
/** The step kinds whose output gives a list a `forEach.items` may name. */
export type ListOutputKindName = 'athena.query' | 'lambda.invoke' | 's3.list';

/** The step kinds by namespace (`glue.job` is `job` in `glue`): the shape of the SDK's step builders. */
export interface StepNamespaces {
  glue: {
    /** `glue.job`: Run an AWS Glue job (GlueJobOperator). */
    job: GlueJobStep;
    /** `glue.crawler`: Run an AWS Glue crawler, creating or updating it when role and s3Targets are given (GlueCrawlerOperator). */
    crawler: GlueCrawlerStep;
    /** `glue.databrew`: Run an AWS Glue DataBrew job (GlueDataBrewStartJobOperator). */
    databrew: GlueDatabrewStep;
  };
  redshift: {
    /** `redshift.sql`: Run SQL on Amazon Redshift through the Redshift Data API (RedshiftDataOperator). */
    sql: RedshiftSqlStep;
    /** `redshift.copy`: Load S3 data into a Redshift table with COPY, authenticated by an IAM role (RedshiftDataOperator). */
    copy: RedshiftCopyStep;
  };
  s3: {
    /** `s3.wait`: Wait for one or more S3 keys to exist (S3KeySensor). */
    wait: S3WaitStep;
    /** `s3.copy`: Copy one S3 object (S3CopyObjectOperator). */
    copy: S3CopyStep;
    /** `s3.delete`: Delete S3 objects by key or by prefix (S3DeleteObjectsOperator). */
    delete: S3DeleteStep;
    /** `s3.put`: Write an S3 object whose content is in the pipeline (S3CreateObjectOperator). */
    put: S3PutStep;
    /** `s3.list`: List the keys under an S3 prefix (S3ListOperator); its output is the list of keys, for `forEach`. */
    list: S3ListStep;
  };
  athena: {
    /** `athena.query`: Run an Amazon Athena query (AthenaOperator). */
    query: AthenaQueryStep;
  };
  emr: {
    /** `emr.cluster`: Create an EMR cluster, with Spot capacity, steps and auto-termination (EmrCreateJobFlowOperator). */
    cluster: EmrClusterStep;
    /** `emr.steps`: Add steps to an EMR cluster and wait for them (EmrAddStepsOperator + EmrStepSensor). */
    steps: EmrStepsStep;
    /** `emr.serverless`: Run a Spark job on an EMR Serverless application (EmrServerlessStartJobOperator). */
    serverless: EmrServerlessStep;
  };
  flink: {
    /** `flink.start`: Start a Managed Service for Apache Flink application (KinesisAnalyticsV2StartApplicationOperator). */
    start: FlinkStartStep;
  };
  lambda: {
    /** `lambda.invoke`: Invoke an AWS Lambda function with a JSON payload (LambdaInvokeFunctionOperator). */
    invoke: LambdaInvokeStep;
  };
  stepfunctions: {
    /** `stepfunctions.start`: Start an AWS Step Functions execution and wait for it (StepFunctionStartExecutionOperator). */
    start: StepfunctionsStartStep;
  };
  eventbridge: {
    /** `eventbridge.put`: Send custom events to Amazon EventBridge (EventBridgePutEventsOperator). */
    put: EventbridgePutStep;
  };
  airflow: {
    /** `airflow.operator`: Any Airflow operator or sensor class, by dotted path, with keyword arguments (the escape hatch). */
    operator: AirflowOperatorStep;
  };
}

/** The registered step kinds, in registry order (the SDK builds its step builders from this list at run time). */
export const STEP_KIND_NAMES: readonly StepKindName[] = [
  'glue.job',
  'glue.crawler',
  'redshift.sql',
  'redshift.copy',
  's3.wait',
  's3.copy',
  's3.delete',
  'athena.query',
  'glue.databrew',
  'emr.cluster',
  'emr.steps',
  'emr.serverless',
  'flink.start',
  'lambda.invoke',
  'stepfunctions.start',
  'eventbridge.put',
  's3.put',
  's3.list',
  'airflow.operator',
];
