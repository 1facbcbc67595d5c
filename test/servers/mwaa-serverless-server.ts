/**
 * A local stand-in for the Amazon MWAA Serverless API, for tests (moto has none). It speaks the service's wire
 * protocol, awsJson 1.0 (`POST /`, `X-Amz-Target: AmazonMWAAServerless.<Op>`, shapes of the published model, see
 * src/sync/serverless/model.ts), on 127.0.0.1, and checks every request's SigV4 signature (serverless-sigv4.ts).
 *
 * What it does as the service does:
 * - CreateWorkflow / UpdateWorkflow read the definition YAML from S3 (the moto server) by Bucket, ObjectKey and
 *   VersionId, snapshot it into a new immutable version (32 characters [a-z0-9]) and answer Warnings;
 *   UpdateWorkflow always makes a new version. Names are unique (ConflictException); ClientToken makes
 *   CreateWorkflow and StartWorkflowRun idempotent.
 * - A definition is validated with AWS's validator schema (schemas/vendor/mwaa-serverless/) run by Yamale in the
 *   mwaa-serverless virtualenv (`validator: 'yamale'`, the default), or against the schema's operator allowlist
 *   alone (`'allowlist'`, no Python). A refusal is a ValidationException, Reason fieldValidationFailed, with one
 *   FieldList entry per problem (Name: the path in the YAML). With a `Code` package, operators outside the
 *   allowlist are accepted (Python, Bash and custom operators run from it).
 * - Runs: StartWorkflowRun, then each GetWorkflowRun moves the run one step (STARTING, QUEUED, RUNNING, then tasks
 *   in dependency order, each RUNNING then SUCCESS, or FAILED for the tasks in `failTasks` with UPSTREAM_FAILED
 *   below them) until SUCCESS or FAILED. ListTaskInstances / GetTaskInstance show the task instances.
 * - Errors: ValidationException (FieldList), ConflictException, ResourceNotFoundException, and on demand
 *   ThrottlingException (`throttle`) and ConflictException (`conflict`) for the next calls of an operation.
 *
 * Not known about the real service, so chosen here: the Warnings texts (one per DAG key the service documents as
 * ignored: `<dag>.<key>: ... has no effect on MWAA Serverless`), that a definition must hold exactly one DAG,
 * and that a run advances per GetWorkflowRun call rather than with time.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { parse as parseYaml } from 'yaml';
import { serverlessValidatorSchema, VALIDATOR_SCHEMA_PATH } from '../../src/serverless/validator-schema';
import { HARNESS, runProcess, venvPython } from '../airflow/harness';
import { checkSigV4 } from './serverless-sigv4';
import { advanceRun, newRun, type Run, type RunTask } from './serverless-runs';

export const TEST_CREDENTIALS = { accessKeyId: 'AKIDSERVERLESSTEST', secretAccessKey: 'serverless-test-secret' } as const;
const ACCOUNT = '123456789012';
const NAME = /^[a-zA-Z0-9]+[a-zA-Z0-9.\-_]*$/;
const ROLE = /^arn:aws(?:-(?:cn|us-gov|iso|iso-b|iso-e|iso-f))?:iam::[0-9]{12}:role(\/[a-zA-Z0-9+=,.@_-]{1,512})*?\/[a-zA-Z0-9+=,.@_-]{1,64}$/;
/**
 * DAG keys the service ignores, as aws/agent-toolkit-for-aws (skills/.../authoring-mwaa-workflow/references/
 * yaml-schema.md, a snapshot of the MWAA Serverless user guide's supported-airflow-parameters page) lists them.
 */
const IGNORED_DAG_KEYS = [
  'description',
  'catchup',
  'dagrun_timeout',
  'tags',
  'access_control',
  'on_failure_callback',
  'on_success_callback',
  'sla_miss_callback',
  'is_paused_upon_creation',
  'max_active_runs',
  'depends_on_past',
  'email_on_failure',
  'email_on_retry',
  'max_consecutive_failed_dag_runs',
];

type Json = Record<string, unknown>;

export interface WorkflowVersion {
  readonly version: string;
  readonly definition: string;
  readonly location: { Bucket: string; ObjectKey: string; VersionId?: string };
  readonly code?: Json;
  readonly createdAt: Date;
  readonly schedule: string | null;
  readonly tasks: readonly RunTask[];
  readonly request: Json;
}

export interface Workflow {
  readonly name: string;
  readonly arn: string;
  readonly createdAt: Date;
  modifiedAt: Date;
  readonly versions: WorkflowVersion[];
  readonly runs: Map<string, Run>;
}

export interface ServerlessCall {
  readonly operation: string;
  input: Json;
  /** The error code answered, if any. */
  error?: string;
}

export interface MwaaServerlessServerOptions {
  readonly s3Endpoint: string;
  readonly region?: string;
  readonly validator?: 'yamale' | 'allowlist';
  /** Task ids whose task instances fail in every run. */
  readonly failTasks?: readonly string[];
}

export interface MwaaServerlessServer {
  readonly endpoint: string;
  readonly region: string;
  readonly calls: ServerlessCall[];
  readonly workflows: ReadonlyMap<string, Workflow>;
  /** The next `times` calls of `operation` answer ThrottlingException (with RetryAfterSeconds when given). */
  throttle(operation: string, times: number, retryAfterSeconds?: number): void;
  /** The next `times` calls of `operation` answer ConflictException. */
  conflict(operation: string, times: number): void;
  /**
   * The next call of `operation` answers ValidationException with these fields: what the real service refuses for
   * reasons this server does not model (a start date in the past, an account limit).
   */
  refuse(operation: string, fields: readonly { Name: string; Message: string }[]): void;
  /** Task ids whose task instances fail in the runs started from now on (replaces `failTasks`). */
  setFailTasks(taskIds: readonly string[]): void;
  stop(): Promise<void>;
}

class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly members: Json = {},
  ) {
    super(message);
  }
}

const validation = (message: string, fields: { Name: string; Message: string }[], reason = 'fieldValidationFailed') =>
  new ApiError('ValidationException', 400, message, { Reason: reason, FieldList: fields });
const notFound = (id: string, type: string) =>
  new ApiError('ResourceNotFoundException', 404, `${type} ${id} not found`, { ResourceId: id, ResourceType: type });

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (data += c));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: Json, errorType?: string): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/x-amz-json-1.0',
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': randomUUID(),
    ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
  });
  res.end(text);
}

const iso = (d: Date | undefined) => d?.toISOString();
const strip = (o: Json): Json => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

function requireString(input: Json, key: string, pattern?: RegExp): string {
  const v = input[key];
  if (typeof v !== 'string' || v.length === 0) throw validation(`${key} is required`, [{ Name: key, Message: 'required' }]);
  if (pattern && !pattern.test(v)) throw validation(`${key} is malformed`, [{ Name: key, Message: `must match ${pattern.source}` }]);
  return v;
}

function page<T>(items: readonly T[], input: Json): { items: T[]; next?: string } {
  const max = typeof input.MaxResults === 'number' ? input.MaxResults : 100;
  const start = typeof input.NextToken === 'string' ? Number(input.NextToken) : 0;
  if (!Number.isInteger(start) || start < 0) throw validation('NextToken is invalid', [{ Name: 'NextToken', Message: 'invalid' }]);
  const end = start + max;
  return { items: items.slice(start, end), ...(end < items.length ? { next: String(end) } : {}) };
}

export async function startMwaaServerlessServer(opts: MwaaServerlessServerOptions): Promise<MwaaServerlessServer> {
  const region = opts.region ?? 'us-east-1';
  const workflows = new Map<string, Workflow>();
  const tokens = new Map<string, Json>();
  const calls: ServerlessCall[] = [];
  const faults = new Map<string, { code: 'ThrottlingException' | 'ConflictException'; left: number; retryAfter?: number }[]>();
  const refusals = new Map<string, { Name: string; Message: string }[]>();
  const s3 = new S3Client({
    region,
    endpoint: opts.s3Endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
  });
  let failTasks = new Set(opts.failTasks ?? []);

  function workflow(arn: string): Workflow {
    const wf = workflows.get(arn);
    if (!wf) throw notFound(arn, 'Workflow');
    return wf;
  }

  function version(wf: Workflow, id: unknown): WorkflowVersion {
    if (id === undefined) return wf.versions[wf.versions.length - 1]!;
    const v = wf.versions.find((x) => x.version === id);
    if (!v) throw notFound(typeof id === 'string' ? id : JSON.stringify(id), 'WorkflowVersion');
    return v;
  }

  async function readObject(location: Json, member: string): Promise<string> {
    const bucket = requireString(location, 'Bucket');
    const key = requireString(location, 'ObjectKey');
    const versionId = typeof location.VersionId === 'string' ? location.VersionId : undefined;
    try {
      const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, ...(versionId ? { VersionId: versionId } : {}) }));
      return await out.Body!.transformToString('utf8');
    } catch (err) {
      throw validation(
        `cannot read s3://${bucket}/${key}${versionId ? ` version ${versionId}` : ''}: ${(err as Error).name}`,
        [{ Name: member, Message: 'the S3 object cannot be read' }],
        'other',
      );
    }
  }

  /** Problems of a definition as FieldList entries, by the configured validator. */
  async function validate(definition: string, withCode: boolean): Promise<{ Name: string; Message: string }[]> {
    let problems: { path: string; message: string }[];
    if ((opts.validator ?? 'yamale') === 'yamale') {
      const res = await runProcess(venvPython('mwaa-serverless'), [join(HARNESS, 'serverless_validator.py'), 'validate', VALIDATOR_SCHEMA_PATH], {
        timeoutMs: 60_000,
        input: definition,
      });
      if (res.code !== 0) throw new Error(`serverless_validator.py failed:\n${res.stderr}`);
      problems = (JSON.parse(res.stdout) as { errors: { path: string; message: string }[] }).errors;
    } else {
      problems = [];
      const allowed = serverlessValidatorSchema().operators;
      for (const [dagId, dag] of Object.entries(parseDefinition(definition))) {
        for (const [taskId, task] of Object.entries(tasksOf(dag))) {
          const op = (task as Json | null)?.operator;
          if (typeof op !== 'string' || !allowed.has(op))
            problems.push({ path: `${dagId}.tasks.${taskId}.operator`, message: `'${String(op)}' is not a supported operator` });
        }
      }
    }
    if (withCode) problems = problems.filter((p) => !p.path.endsWith('.operator'));
    return problems.map((p) => ({ Name: p.path, Message: p.message }));
  }

  async function snapshot(input: Json, member: 'CreateWorkflow' | 'UpdateWorkflow'): Promise<{ version: WorkflowVersion; warnings: string[] }> {
    const location = input.DefinitionS3Location;
    if (!location || typeof location !== 'object')
      throw validation('DefinitionS3Location is required', [{ Name: 'DefinitionS3Location', Message: 'required' }]);
    requireString(input, 'RoleArn', ROLE);
    const code = input.Code && typeof input.Code === 'object' ? (input.Code as Json) : undefined;
    if (code) await readObject((code.S3Location ?? {}) as Json, 'Code.S3Location');
    const definition = await readObject(location as Json, 'DefinitionS3Location');
    const problems = await validate(definition, code !== undefined);
    if (problems.length > 0) throw validation(`${member}: the workflow definition is not valid for MWAA Serverless`, problems);
    const dags = Object.entries(parseDefinition(definition));
    if (dags.length !== 1)
      throw validation(`the workflow definition holds ${dags.length} DAGs; a workflow is one DAG`, [
        { Name: 'DefinitionS3Location', Message: 'expected exactly one DAG' },
      ]);
    const [dagId, dag] = dags[0]!;
    const warnings = IGNORED_DAG_KEYS.filter((k) => Object.hasOwn(dag, k)).map((k) => `${dagId}.${k}: '${k}' has no effect on MWAA Serverless`);
    const tasks = Object.entries(tasksOf(dag)).map(([taskId, t]) => {
      const task = (t ?? {}) as Json;
      const deps = Array.isArray(task.dependencies) ? task.dependencies.filter((d): d is string => typeof d === 'string') : [];
      return { taskId, operator: typeof task.operator === 'string' ? task.operator : '', upstream: deps };
    });
    const schedule = typeof dag.schedule === 'string' ? dag.schedule : null;
    return {
      version: {
        version: randomBytes(16).toString('hex'),
        definition,
        location: location as WorkflowVersion['location'],
        ...(code ? { code } : {}),
        createdAt: new Date(),
        schedule,
        tasks,
        request: input,
      },
      warnings,
    };
  }

  function describeVersion(wf: Workflow, v: WorkflowVersion): Json {
    return strip({
      WorkflowArn: wf.arn,
      WorkflowVersion: v.version,
      Name: wf.name,
      Description: v.request.Description,
      CreatedAt: iso(wf.createdAt),
      ModifiedAt: iso(v.createdAt),
      WorkflowStatus: 'READY',
      DefinitionS3Location: v.location,
      Code: v.code,
      ScheduleConfiguration: v.schedule ? { CronExpression: v.schedule } : undefined,
      RoleArn: v.request.RoleArn,
      EncryptionConfiguration: v.request.EncryptionConfiguration,
      LoggingConfiguration: v.request.LoggingConfiguration,
      NetworkConfiguration: v.request.NetworkConfiguration,
      EngineVersion: v.request.EngineVersion,
      TriggerMode: v.request.TriggerMode,
      WorkflowDefinition: v.definition,
    });
  }

  function runOf(input: Json): { wf: Workflow; run: Run } {
    const wf = workflow(requireString(input, 'WorkflowArn'));
    const runId = requireString(input, 'RunId');
    const run = wf.runs.get(runId);
    if (!run) throw notFound(runId, 'WorkflowRun');
    return { wf, run };
  }

  const operations: Record<string, (input: Json) => Promise<Json> | Json> = {
    async CreateWorkflow(input) {
      const name = requireString(input, 'Name', NAME);
      const token = typeof input.ClientToken === 'string' ? `CreateWorkflow/${input.ClientToken}` : undefined;
      if (token && tokens.has(token)) return tokens.get(token)!;
      if ([...workflows.values()].some((w) => w.name === name)) {
        throw new ApiError('ConflictException', 409, `A workflow named ${name} already exists`, { ResourceId: name, ResourceType: 'Workflow' });
      }
      const { version: v, warnings } = await snapshot(input, 'CreateWorkflow');
      const arn = `arn:aws:airflow-serverless:${region}:${ACCOUNT}:workflow/${name}-${randomBytes(5).toString('hex')}`;
      workflows.set(arn, { name, arn, createdAt: v.createdAt, modifiedAt: v.createdAt, versions: [v], runs: new Map() });
      const out = {
        WorkflowArn: arn,
        CreatedAt: iso(v.createdAt),
        RevisionId: randomUUID(),
        WorkflowStatus: 'READY',
        WorkflowVersion: v.version,
        IsLatestVersion: true,
        Warnings: warnings,
      };
      if (token) tokens.set(token, out);
      return out;
    },
    async UpdateWorkflow(input) {
      const wf = workflow(requireString(input, 'WorkflowArn'));
      const { version: v, warnings } = await snapshot(input, 'UpdateWorkflow');
      wf.versions.push(v);
      wf.modifiedAt = v.createdAt;
      return { WorkflowArn: wf.arn, ModifiedAt: iso(v.createdAt), WorkflowVersion: v.version, Warnings: warnings };
    },
    GetWorkflow(input) {
      const wf = workflow(requireString(input, 'WorkflowArn'));
      return describeVersion(wf, version(wf, input.WorkflowVersion));
    },
    ListWorkflows(input) {
      const { items, next } = page([...workflows.values()], input);
      const latest = (wf: Workflow) => wf.versions[wf.versions.length - 1]!;
      return strip({
        Workflows: items.map((wf) =>
          strip({
            WorkflowArn: wf.arn,
            WorkflowVersion: latest(wf).version,
            Name: wf.name,
            CreatedAt: iso(wf.createdAt),
            ModifiedAt: iso(wf.modifiedAt),
            WorkflowStatus: 'READY',
          }),
        ),
        NextToken: next,
      });
    },
    ListWorkflowVersions(input) {
      const wf = workflow(requireString(input, 'WorkflowArn'));
      const { items, next } = page(wf.versions, input);
      const last = wf.versions[wf.versions.length - 1];
      return strip({
        WorkflowVersions: items.map((v) =>
          strip({
            WorkflowVersion: v.version,
            WorkflowArn: wf.arn,
            IsLatestVersion: v === last,
            CreatedAt: iso(v.createdAt),
            DefinitionS3Location: v.location,
            ScheduleConfiguration: v.schedule ? { CronExpression: v.schedule } : undefined,
          }),
        ),
        NextToken: next,
      });
    },
    DeleteWorkflow(input) {
      const wf = workflow(requireString(input, 'WorkflowArn'));
      workflows.delete(wf.arn);
      return { WorkflowArn: wf.arn };
    },
    StartWorkflowRun(input) {
      const wf = workflow(requireString(input, 'WorkflowArn'));
      const v = version(wf, input.WorkflowVersion);
      const token = typeof input.ClientToken === 'string' ? `StartWorkflowRun/${wf.arn}/${input.ClientToken}` : undefined;
      if (token && tokens.has(token)) return tokens.get(token)!;
      const run = newRun(v.version, v.tasks, failTasks, input.OverrideParameters);
      wf.runs.set(run.runId, run);
      const out = { RunId: run.runId, Status: run.state, StartedAt: iso(run.createdAt) };
      if (token) tokens.set(token, out);
      return out;
    },
    GetWorkflowRun(input) {
      const { wf, run } = runOf(input);
      advanceRun(run);
      return strip({
        WorkflowArn: wf.arn,
        WorkflowVersion: run.version,
        RunId: run.runId,
        RunType: 'ON_DEMAND',
        OverrideParameters: run.overrides,
        RunDetail: strip({
          WorkflowArn: wf.arn,
          WorkflowVersion: run.version,
          RunId: run.runId,
          RunType: 'ON_DEMAND',
          CreatedAt: iso(run.createdAt),
          StartedOn: iso(run.startedAt),
          CompletedOn: iso(run.endedAt),
          ModifiedAt: iso(run.modifiedAt),
          Duration: run.endedAt && run.startedAt ? Math.round((run.endedAt.getTime() - run.startedAt.getTime()) / 1000) : undefined,
          ErrorMessage:
            run.state === 'FAILED'
              ? `tasks failed: ${run.tasks
                  .filter((t) => t.state === 'FAILED')
                  .map((t) => t.taskId)
                  .join(', ')}`
              : undefined,
          TaskInstances: run.tasks.map((t) => t.instanceId),
          RunState: run.state,
        }),
      });
    },
    ListWorkflowRuns(input) {
      const wf = workflow(requireString(input, 'WorkflowArn'));
      const runs = [...wf.runs.values()].filter((r) => input.WorkflowVersion === undefined || r.version === input.WorkflowVersion);
      const { items, next } = page(runs, input);
      return strip({
        WorkflowRuns: items.map((r) => ({
          RunId: r.runId,
          WorkflowArn: wf.arn,
          WorkflowVersion: r.version,
          RunType: 'ON_DEMAND',
          RunDetailSummary: strip({ Status: r.state, CreatedOn: iso(r.createdAt), StartedAt: iso(r.startedAt), EndedAt: iso(r.endedAt) }),
        })),
        NextToken: next,
      });
    },
    StopWorkflowRun(input) {
      const { wf, run } = runOf(input);
      if (!['SUCCESS', 'FAILED', 'TIMEOUT', 'STOPPED'].includes(run.state)) {
        run.state = 'STOPPED';
        run.endedAt = run.modifiedAt = new Date();
      }
      return { WorkflowArn: wf.arn, WorkflowVersion: run.version, RunId: run.runId, Status: run.state };
    },
    ListTaskInstances(input) {
      const { wf, run } = runOf(input);
      const { items, next } = page(run.tasks, input);
      return strip({
        TaskInstances: items.map((t) =>
          strip({
            WorkflowArn: wf.arn,
            WorkflowVersion: run.version,
            RunId: run.runId,
            TaskInstanceId: t.instanceId,
            Status: t.state,
            DurationInSeconds: t.duration,
            OperatorName: t.operatorName,
          }),
        ),
        NextToken: next,
      });
    },
    GetTaskInstance(input) {
      const { wf, run } = runOf(input);
      const id = requireString(input, 'TaskInstanceId');
      const t = run.tasks.find((x) => x.instanceId === id);
      if (!t) throw notFound(id, 'TaskInstance');
      return strip({
        WorkflowArn: wf.arn,
        RunId: run.runId,
        TaskInstanceId: t.instanceId,
        WorkflowVersion: run.version,
        Status: t.state,
        DurationInSeconds: t.duration,
        OperatorName: t.operatorName,
        TaskId: t.taskId,
        AttemptNumber: t.state === 'NONE' ? 0 : 1,
        StartedAt: iso(t.startedAt),
        EndedAt: iso(t.endedAt),
        ModifiedAt: iso(t.modifiedAt),
        ErrorMessage: t.state === 'FAILED' ? `${t.taskId} failed` : undefined,
        LogStream: `${wf.name}/${run.runId}/${t.taskId}`,
      });
    },
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const target = String(req.headers['x-amz-target'] ?? '');
    const operation = target.startsWith('AmazonMWAAServerless.') ? target.slice('AmazonMWAAServerless.'.length) : '';
    const call: ServerlessCall = { operation: operation || `(${target || 'no target'})`, input: {} };
    calls.push(call);
    const fail = (status: number, code: string, message: string, members: Json = {}) => {
      call.error = code;
      send(res, status, { __type: `com.amazonaws.mwaaserverless#${code}`, Message: message, ...members }, code);
    };
    const auth = await checkSigV4(
      { method: req.method ?? '', path: req.url ?? '/', headers: req.headers, body },
      { region, service: 'airflow-serverless', ...TEST_CREDENTIALS },
    );
    if (auth) return fail(auth.code === 'MissingAuthenticationTokenException' ? 403 : 400, auth.code, auth.message);
    if (req.method !== 'POST' || (req.url ?? '/') !== '/') return fail(404, 'UnknownOperationException', `no route for ${req.method} ${req.url}`);
    if (req.headers['content-type'] !== 'application/x-amz-json-1.0')
      return fail(400, 'SerializationException', `content-type ${String(req.headers['content-type'])}`);
    const op = Object.hasOwn(operations, operation) ? operations[operation] : undefined;
    if (!op) return fail(400, 'UnknownOperationException', `unknown operation ${target}`);
    let input: unknown;
    try {
      input = body ? JSON.parse(body) : {};
    } catch {
      return fail(400, 'SerializationException', 'the body is not JSON');
    }
    if (input === null || typeof input !== 'object' || Array.isArray(input))
      return fail(400, 'SerializationException', 'the body is not a JSON object');
    call.input = input as Json;
    const refusal = refusals.get(operation);
    if (refusal) {
      refusals.delete(operation);
      return fail(400, 'ValidationException', `${operation}: the workflow definition is not valid for MWAA Serverless`, {
        Reason: 'fieldValidationFailed',
        FieldList: refusal,
      });
    }
    const queue = faults.get(operation);
    const fault = queue?.[0];
    if (fault) {
      if (--fault.left <= 0) queue.shift();
      if (fault.code === 'ThrottlingException') {
        return fail(429, 'ThrottlingException', 'Rate exceeded', {
          ServiceCode: 'airflow-serverless',
          QuotaCode: `${operation}-rate`,
          ...(fault.retryAfter !== undefined ? { RetryAfterSeconds: fault.retryAfter } : {}),
        });
      }
      return fail(409, 'ConflictException', `${operation} conflicts with a change in progress`, {
        ResourceId: [(input as Json).WorkflowArn, (input as Json).Name].find((v): v is string => typeof v === 'string') ?? '',
        ResourceType: 'Workflow',
      });
    }
    try {
      send(res, 200, await op(input as Json));
    } catch (err) {
      if (err instanceof ApiError) return fail(err.status, err.code, err.message, err.members);
      throw err;
    }
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: Error) =>
      send(res, 500, { __type: 'InternalServerException', Message: err.stack ?? err.message }, 'InternalServerException'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const addr = server.address();
  if (!addr || typeof addr !== 'object') throw new Error('MWAA Serverless test server has no address');

  const addFault = (operation: string, code: 'ThrottlingException' | 'ConflictException', times: number, retryAfter?: number) => {
    const queue = faults.get(operation) ?? [];
    queue.push({ code, left: times, ...(retryAfter !== undefined ? { retryAfter } : {}) });
    faults.set(operation, queue);
  };
  return {
    endpoint: `http://127.0.0.1:${addr.port}`,
    region,
    calls,
    workflows,
    throttle: (operation, times, retryAfterSeconds) => addFault(operation, 'ThrottlingException', times, retryAfterSeconds),
    conflict: (operation, times) => addFault(operation, 'ConflictException', times),
    refuse: (operation, fields) => void refusals.set(operation, [...fields]),
    setFailTasks: (taskIds) => void (failTasks = new Set(taskIds)),
    async stop() {
      s3.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The DAGs of a definition (top-level mappings, dag-factory's `default` excluded); a parse error is a refusal. */
function parseDefinition(text: string): Record<string, Json> {
  let doc: unknown;
  try {
    doc = parseYaml(text, { maxAliasCount: 100 });
  } catch (err) {
    throw validation(
      `the workflow definition is not YAML: ${(err as Error).message.split('\n')[0]}`,
      [{ Name: 'DefinitionS3Location', Message: 'not YAML' }],
      'cannotParse',
    );
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc))
    throw validation('the workflow definition is not a mapping of DAGs', [{ Name: 'DefinitionS3Location', Message: 'not a mapping' }], 'cannotParse');
  return Object.fromEntries(
    Object.entries(doc as Json).filter(([k, v]) => k !== 'default' && v !== null && typeof v === 'object' && !Array.isArray(v)),
  ) as Record<string, Json>;
}

/** A DAG's tasks by id: the dialect's mapping, or dag-factory's list form (each with task_id). */
function tasksOf(dag: Json): Json {
  const tasks = dag.tasks;
  if (Array.isArray(tasks))
    return Object.fromEntries(tasks.filter((t): t is Json => t !== null && typeof t === 'object').map((t) => [String(t.task_id), t]));
  return tasks !== null && typeof tasks === 'object' ? (tasks as Json) : {};
}
