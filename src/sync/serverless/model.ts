/**
 * The request and response shapes of the Amazon MWAA Serverless API (service `airflow-serverless`, API version
 * 2024-07-26), written from the published service model: botocore 1.44.8 `botocore/data/mwaa-serverless/2024-07-26/
 * service-2.json` (the same shapes as aws-sdk-js-v3's `codegen/sdk-codegen/aws-models/mwaa-serverless.json`).
 * Member names, optionality and enums are the model's, so code written against these types compiles against the
 * official `@aws-sdk/client-mwaa-serverless` too (timestamps are `Date`, as there).
 */

/** A JSON value (the model's `Document`). */
export type DocumentType = null | boolean | number | string | DocumentType[] | { [key: string]: DocumentType };

export interface DefinitionS3Location {
  Bucket: string;
  ObjectKey: string;
  /** The object version; the latest when left out. */
  VersionId?: string;
}

export interface S3Location {
  Bucket: string;
  ObjectKey: string;
  VersionId?: string;
}

/** A union: code artifacts (a `.py`, a `.sh` or a `.zip`) that Python/Bash/custom operator tasks run. */
export interface Code {
  S3Location: S3Location;
}

export type EncryptionType = 'AWS_MANAGED_KEY' | 'CUSTOMER_MANAGED_KEY';

export interface EncryptionConfiguration {
  Type: EncryptionType;
  KmsKeyId?: string;
}

export interface LoggingConfiguration {
  LogGroupName: string;
}

export interface NetworkConfiguration {
  SecurityGroupIds?: string[];
  SubnetIds?: string[];
}

export interface Environment {
  Variables?: Record<string, string>;
}

export interface ScheduleConfiguration {
  CronExpression?: string;
}

export type WorkflowStatus = 'READY' | 'DELETING';
export type RunType = 'ON_DEMAND' | 'SCHEDULED';
export type WorkflowRunStatus = 'STARTING' | 'QUEUED' | 'RUNNING' | 'SUCCESS' | 'FAILED' | 'TIMEOUT' | 'STOPPING' | 'STOPPED';
export type TaskInstanceStatus =
  | 'QUEUED'
  | 'FAILED'
  | 'SCHEDULED'
  | 'RUNNING'
  | 'SUCCESS'
  | 'UP_FOR_RESCHEDULE'
  | 'UP_FOR_RETRY'
  | 'UPSTREAM_FAILED'
  | 'REMOVED'
  | 'RESTARTING'
  | 'DEFERRED'
  | 'NONE'
  | 'CANCELLED'
  | 'TIMEOUT';
export type ValidationExceptionReason = 'unknownOperation' | 'cannotParse' | 'fieldValidationFailed' | 'other';

/** Run states after which a run changes no more. */
export const TERMINAL_RUN_STATES: ReadonlySet<WorkflowRunStatus> = new Set(['SUCCESS', 'FAILED', 'TIMEOUT', 'STOPPED']);

export interface ValidationExceptionField {
  /** The field that failed (for a definition the service refuses: where in the YAML). */
  Name: string;
  Message: string;
}

export interface CreateWorkflowRequest {
  /** Unique in the account; `[a-zA-Z0-9]+[a-zA-Z0-9.\-_]*`, at most 255. */
  Name: string;
  /** Idempotency token; the client fills one in when left out (as the AWS SDKs do). */
  ClientToken?: string;
  DefinitionS3Location: DefinitionS3Location;
  Code?: Code;
  RoleArn: string;
  Description?: string;
  EncryptionConfiguration?: EncryptionConfiguration;
  LoggingConfiguration?: LoggingConfiguration;
  EngineVersion?: number;
  NetworkConfiguration?: NetworkConfiguration;
  Environment?: Environment;
  Tags?: Record<string, string>;
  TriggerMode?: string;
}

export interface CreateWorkflowResponse {
  WorkflowArn: string;
  CreatedAt?: Date;
  RevisionId?: string;
  WorkflowStatus?: WorkflowStatus;
  /** 32 characters `[a-z0-9]`. */
  WorkflowVersion?: string;
  IsLatestVersion?: boolean;
  Warnings?: string[];
}

export interface UpdateWorkflowRequest {
  WorkflowArn: string;
  DefinitionS3Location: DefinitionS3Location;
  Code?: Code;
  RoleArn: string;
  Description?: string;
  LoggingConfiguration?: LoggingConfiguration;
  EngineVersion?: number;
  NetworkConfiguration?: NetworkConfiguration;
  /** Replaces all of the workflow's variables; left out, the workflow has none. */
  Environment?: Environment;
  TriggerMode?: string;
}

export interface UpdateWorkflowResponse {
  WorkflowArn: string;
  ModifiedAt?: Date;
  WorkflowVersion?: string;
  Warnings?: string[];
}

export interface GetWorkflowRequest {
  WorkflowArn: string;
  WorkflowVersion?: string;
}

export interface GetWorkflowResponse {
  WorkflowArn: string;
  WorkflowVersion?: string;
  Name?: string;
  Description?: string;
  CreatedAt?: Date;
  ModifiedAt?: Date;
  EncryptionConfiguration?: EncryptionConfiguration;
  LoggingConfiguration?: LoggingConfiguration;
  EngineVersion?: number;
  WorkflowStatus?: WorkflowStatus;
  DefinitionS3Location?: DefinitionS3Location;
  Code?: Code;
  CodeSnapshottedAt?: Date;
  ScheduleConfiguration?: ScheduleConfiguration;
  RoleArn?: string;
  NetworkConfiguration?: NetworkConfiguration;
  Environment?: Environment;
  TriggerMode?: string;
  WorkflowDefinition?: string;
}

export interface DeleteWorkflowRequest {
  WorkflowArn: string;
  /** Only this version; all versions when left out. */
  WorkflowVersion?: string;
}

export interface DeleteWorkflowResponse {
  WorkflowArn: string;
  WorkflowVersion?: string;
}

export interface ListWorkflowsRequest {
  MaxResults?: number;
  NextToken?: string;
}

export interface WorkflowSummary {
  WorkflowArn: string;
  WorkflowVersion?: string;
  Name?: string;
  Description?: string;
  CreatedAt?: Date;
  ModifiedAt?: Date;
  WorkflowStatus?: WorkflowStatus;
  TriggerMode?: string;
}

export interface ListWorkflowsResponse {
  Workflows: WorkflowSummary[];
  NextToken?: string;
}

export interface ListWorkflowVersionsRequest {
  WorkflowArn: string;
  MaxResults?: number;
  NextToken?: string;
}

export interface WorkflowVersionSummary {
  WorkflowVersion: string;
  WorkflowArn: string;
  IsLatestVersion?: boolean;
  CreatedAt?: Date;
  ModifiedAt?: Date;
  DefinitionS3Location?: DefinitionS3Location;
  ScheduleConfiguration?: ScheduleConfiguration;
  TriggerMode?: string;
}

export interface ListWorkflowVersionsResponse {
  WorkflowVersions?: WorkflowVersionSummary[];
  NextToken?: string;
}

export interface StartWorkflowRunRequest {
  WorkflowArn: string;
  ClientToken?: string;
  OverrideParameters?: Record<string, DocumentType>;
  /** The latest version when left out. */
  WorkflowVersion?: string;
}

export interface StartWorkflowRunResponse {
  RunId?: string;
  Status?: WorkflowRunStatus;
  StartedAt?: Date;
}

export interface GetWorkflowRunRequest {
  WorkflowArn: string;
  RunId: string;
}

export interface WorkflowRunDetail {
  WorkflowArn?: string;
  WorkflowVersion?: string;
  RunId?: string;
  RunType?: RunType;
  StartedOn?: Date;
  CreatedAt?: Date;
  CompletedOn?: Date;
  ModifiedAt?: Date;
  Duration?: number;
  ErrorMessage?: string;
  /** Ids of the run's task instances (for GetTaskInstance). */
  TaskInstances?: string[];
  RunState?: WorkflowRunStatus;
}

export interface GetWorkflowRunResponse {
  WorkflowArn?: string;
  WorkflowVersion?: string;
  RunId?: string;
  RunType?: RunType;
  OverrideParameters?: Record<string, DocumentType>;
  RunDetail?: WorkflowRunDetail;
}

export interface ListWorkflowRunsRequest {
  WorkflowArn: string;
  WorkflowVersion?: string;
  MaxResults?: number;
  NextToken?: string;
}

export interface RunDetailSummary {
  Status?: WorkflowRunStatus;
  CreatedOn?: Date;
  StartedAt?: Date;
  EndedAt?: Date;
}

export interface WorkflowRunSummary {
  RunId?: string;
  WorkflowArn?: string;
  WorkflowVersion?: string;
  RunType?: RunType;
  RunDetailSummary?: RunDetailSummary;
}

export interface ListWorkflowRunsResponse {
  WorkflowRuns?: WorkflowRunSummary[];
  NextToken?: string;
}

export interface StopWorkflowRunRequest {
  WorkflowArn: string;
  RunId: string;
}

export interface StopWorkflowRunResponse {
  WorkflowArn?: string;
  WorkflowVersion?: string;
  RunId?: string;
  Status?: WorkflowRunStatus;
}

export interface ListTaskInstancesRequest {
  WorkflowArn: string;
  RunId: string;
  MaxResults?: number;
  NextToken?: string;
}

export interface TaskInstanceSummary {
  WorkflowArn?: string;
  WorkflowVersion?: string;
  RunId?: string;
  TaskInstanceId?: string;
  Status?: TaskInstanceStatus;
  DurationInSeconds?: number;
  OperatorName?: string;
}

export interface ListTaskInstancesResponse {
  TaskInstances?: TaskInstanceSummary[];
  NextToken?: string;
}

export interface GetTaskInstanceRequest {
  WorkflowArn: string;
  TaskInstanceId: string;
  RunId: string;
}

export interface GetTaskInstanceResponse {
  WorkflowArn: string;
  RunId: string;
  TaskInstanceId: string;
  WorkflowVersion?: string;
  Status?: TaskInstanceStatus;
  DurationInSeconds?: number;
  OperatorName?: string;
  ModifiedAt?: Date;
  EndedAt?: Date;
  StartedAt?: Date;
  AttemptNumber?: number;
  ErrorMessage?: string;
  /** The task's id in the workflow definition. */
  TaskId?: string;
  LogStream?: string;
  Xcom?: Record<string, string>;
}

export interface CreateAirflowUiUrlRequest {
  ExpiresInSeconds?: number;
  SessionDurationInSeconds?: number;
}

export interface CreateAirflowUiUrlResponse {
  AuthorizedUrl: string;
  SessionId: string;
  UrlExpiresAt: Date;
  SessionExpiresAt: Date;
}

export interface TagResourceRequest {
  ResourceArn: string;
  Tags: Record<string, string>;
}

export interface UntagResourceRequest {
  ResourceArn: string;
  TagKeys: string[];
}

export interface ListTagsForResourceRequest {
  ResourceArn: string;
}

export interface ListTagsForResourceResponse {
  Tags?: Record<string, string>;
}

/** Every operation of the service: its input and output shape. */
export interface Operations {
  CreateAirflowUiUrl: { input: CreateAirflowUiUrlRequest; output: CreateAirflowUiUrlResponse };
  CreateWorkflow: { input: CreateWorkflowRequest; output: CreateWorkflowResponse };
  DeleteWorkflow: { input: DeleteWorkflowRequest; output: DeleteWorkflowResponse };
  GetTaskInstance: { input: GetTaskInstanceRequest; output: GetTaskInstanceResponse };
  GetWorkflow: { input: GetWorkflowRequest; output: GetWorkflowResponse };
  GetWorkflowRun: { input: GetWorkflowRunRequest; output: GetWorkflowRunResponse };
  ListTagsForResource: { input: ListTagsForResourceRequest; output: ListTagsForResourceResponse };
  ListTaskInstances: { input: ListTaskInstancesRequest; output: ListTaskInstancesResponse };
  ListWorkflowRuns: { input: ListWorkflowRunsRequest; output: ListWorkflowRunsResponse };
  ListWorkflowVersions: { input: ListWorkflowVersionsRequest; output: ListWorkflowVersionsResponse };
  ListWorkflows: { input: ListWorkflowsRequest; output: ListWorkflowsResponse };
  StartWorkflowRun: { input: StartWorkflowRunRequest; output: StartWorkflowRunResponse };
  StopWorkflowRun: { input: StopWorkflowRunRequest; output: StopWorkflowRunResponse };
  TagResource: { input: TagResourceRequest; output: Record<string, never> };
  UntagResource: { input: UntagResourceRequest; output: Record<string, never> };
  UpdateWorkflow: { input: UpdateWorkflowRequest; output: UpdateWorkflowResponse };
}

export type OperationName = keyof Operations;

/** Operations whose `ClientToken` member is an idempotency token (filled in when left out). */
export const IDEMPOTENCY_TOKEN_OPERATIONS: ReadonlySet<OperationName> = new Set(['CreateWorkflow', 'StartWorkflowRun']);

/** Members of type TimestampValue (ISO 8601 on the wire, `Date` here), wherever they occur in an output. */
export const TIMESTAMP_MEMBERS: ReadonlySet<string> = new Set([
  'CreatedAt',
  'ModifiedAt',
  'StartedAt',
  'EndedAt',
  'StartedOn',
  'CompletedOn',
  'CreatedOn',
  'CodeSnapshottedAt',
  'UrlExpiresAt',
  'SessionExpiresAt',
]);

/** Output members that hold user data (maps and documents): never searched for timestamps. */
export const OPAQUE_MEMBERS: ReadonlySet<string> = new Set(['OverrideParameters', 'Xcom', 'Tags', 'Variables']);
