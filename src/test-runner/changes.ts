/**
 * The change report of a run, as data: what changed in S3 (created, copied, modified, deleted, each with the task
 * that did it) and what the tasks started in AWS with which arguments (jobs, crawlers, queries, statements, steps,
 * invocations, events, alerts), each with whether the emulator or a declared outcome answered. Pure: from a
 * RunResultRan to plain data the CLI formats; plus "what exists instead" for a key that was not found.
 */
import type { AwsCall, OutcomeUse, RunResultRan, S3Change } from './protocol';

export interface S3Effect {
  readonly bucket: string;
  readonly key: string;
  readonly task: string | null;
  readonly size?: number;
  /** `s3://bucket/key` of a copy's source. */
  readonly from?: string;
  /** The declared outcome that wrote it (`glue.job clean-events`). */
  readonly outcome?: string;
}

export interface S3Report {
  readonly created: readonly S3Effect[];
  readonly copied: readonly S3Effect[];
  readonly modified: readonly S3Effect[];
  readonly deleted: readonly S3Effect[];
  readonly bucketsCreated: readonly string[];
  readonly bucketsDeleted: readonly string[];
}

/** Something a task started or sent in AWS. */
export interface Started {
  /** e.g. 'Glue job run', 'Athena query', 'Redshift Data statements'. */
  readonly what: string;
  /** The job, crawler, workgroup, function, cluster, topic ... */
  readonly name: string;
  readonly task: string | null;
  /** 'task' or the callback that made the call ('on_failure'). */
  readonly phase: string;
  /** The arguments that matter, under the API's names. */
  readonly args: Readonly<Record<string, unknown>>;
  readonly call: number;
  readonly status: number;
  readonly error?: string;
  /** Who answered: the emulator (moto), a declared outcome, or dagsmith's default for what moto cannot run. */
  readonly answeredBy: 'emulator' | 'declared outcome' | 'default outcome';
  /** The outcome's result (succeeded, failed, finished, returned ...) when an outcome answered. */
  readonly result?: string;
}

export interface ChangeReport {
  readonly s3: S3Report;
  readonly started: readonly Started[];
}

type PickArgs = (args: Readonly<Record<string, unknown>>) => { name: unknown; args: Record<string, unknown> };

const keep = (args: Readonly<Record<string, unknown>>, names: readonly string[]): Record<string, unknown> =>
  Object.fromEntries(names.filter((n) => Object.hasOwn(args, n)).map((n) => [n, args[n]]));

/** The calls that start or send something, per (service, operation): what it is and which arguments matter. */
const STARTS: ReadonlyMap<string, { readonly what: string; readonly pick: PickArgs }> = new Map([
  [
    'glue StartJobRun',
    {
      what: 'Glue job run',
      pick: (a) => ({ name: a.JobName, args: keep(a, ['Arguments', 'WorkerType', 'NumberOfWorkers', 'SecurityConfiguration']) }),
    },
  ],
  ['glue StartCrawler', { what: 'Glue crawler run', pick: (a) => ({ name: a.Name, args: {} }) }],
  ['glue CreateCrawler', { what: 'Glue crawler created', pick: (a) => ({ name: a.Name, args: keep(a, ['Role', 'DatabaseName', 'Targets']) }) }],
  ['glue UpdateCrawler', { what: 'Glue crawler updated', pick: (a) => ({ name: a.Name, args: keep(a, ['Role', 'DatabaseName', 'Targets']) }) }],
  [
    'glue CreateJob',
    { what: 'Glue job created', pick: (a) => ({ name: a.Name, args: keep(a, ['Role', 'Command', 'GlueVersion', 'WorkerType', 'NumberOfWorkers']) }) },
  ],
  ['glue UpdateJob', { what: 'Glue job updated', pick: (a) => ({ name: a.JobName, args: keep(a, ['JobUpdate']) }) }],
  [
    'athena StartQueryExecution',
    {
      what: 'Athena query',
      pick: (a) => ({ name: a.WorkGroup ?? 'primary', args: keep(a, ['QueryString', 'QueryExecutionContext', 'ResultConfiguration']) }),
    },
  ],
  [
    'redshift-data ExecuteStatement',
    {
      what: 'Redshift Data statement',
      pick: (a) => ({ name: a.WorkgroupName ?? a.ClusterIdentifier, args: keep(a, ['Database', 'Sql', 'DbUser', 'Parameters']) }),
    },
  ],
  [
    'redshift-data BatchExecuteStatement',
    {
      what: 'Redshift Data statements',
      pick: (a) => ({ name: a.WorkgroupName ?? a.ClusterIdentifier, args: keep(a, ['Database', 'Sqls', 'DbUser']) }),
    },
  ],
  [
    'emr RunJobFlow',
    { what: 'EMR cluster', pick: (a) => ({ name: a.Name, args: keep(a, ['ReleaseLabel', 'Instances', 'Steps', 'AutoTerminationPolicy']) }) },
  ],
  ['emr AddJobFlowSteps', { what: 'EMR steps', pick: (a) => ({ name: a.JobFlowId, args: keep(a, ['Steps', 'ExecutionRoleArn']) }) }],
  [
    'emr-serverless StartJobRun',
    {
      what: 'EMR Serverless job run',
      pick: (a) => ({ name: a.applicationId, args: keep(a, ['name', 'jobDriver', 'executionRoleArn', 'configurationOverrides']) }),
    },
  ],
  [
    'lambda Invoke',
    { what: 'Lambda invocation', pick: (a) => ({ name: a.FunctionName, args: keep(a, ['Payload', 'InvocationType', 'Qualifier']) }) },
  ],
  [
    'stepfunctions StartExecution',
    { what: 'Step Functions execution', pick: (a) => ({ name: a.stateMachineArn, args: keep(a, ['name', 'input']) }) },
  ],
  ['events PutEvents', { what: 'EventBridge events', pick: (a) => ({ name: 'events', args: keep(a, ['Entries']) }) }],
  [
    'sns Publish',
    { what: 'SNS message', pick: (a) => ({ name: a.TopicArn ?? a.TargetArn, args: keep(a, ['Subject', 'Message', 'MessageStructure']) }) },
  ],
  ['databrew StartJobRun', { what: 'DataBrew job run', pick: (a) => ({ name: a.Name, args: {} }) }],
  [
    'kinesisanalyticsv2 StartApplication',
    { what: 'Flink application start', pick: (a) => ({ name: a.ApplicationName, args: keep(a, ['RunConfiguration']) }) },
  ],
  ['kinesisanalyticsv2 StopApplication', { what: 'Flink application stop', pick: (a) => ({ name: a.ApplicationName, args: keep(a, ['Force']) }) }],
]);

function effect(c: S3Change): S3Effect {
  return {
    bucket: c.bucket,
    key: c.key ?? '',
    task: c.by?.task ?? null,
    ...(c.size !== undefined ? { size: c.size } : {}),
    ...(c.by?.source ? { from: c.by.source } : {}),
    ...(c.by?.outcome ? { outcome: c.by.outcome } : {}),
  };
}

function answeredBy(call: AwsCall, use: OutcomeUse | undefined): Started['answeredBy'] {
  if (use) return use.declared ? 'declared outcome' : 'default outcome';
  return call.answeredBy === 'dagsmith' ? 'default outcome' : 'emulator';
}

export function changeReport(result: RunResultRan): ChangeReport {
  const changes = result.s3.changes;
  const s3: S3Report = {
    created: changes.filter((c) => c.change === 'created' && !c.by?.source).map(effect),
    copied: changes.filter((c) => (c.change === 'created' || c.change === 'modified') && c.by?.source).map(effect),
    modified: changes.filter((c) => c.change === 'modified' && !c.by?.source).map(effect),
    deleted: changes.filter((c) => c.change === 'deleted').map(effect),
    bucketsCreated: changes.filter((c) => c.change === 'bucket-created').map((c) => c.bucket),
    bucketsDeleted: changes.filter((c) => c.change === 'bucket-deleted').map((c) => c.bucket),
  };
  const uses = new Map(result.outcomes.map((u) => [u.call, u]));
  const started: Started[] = [];
  for (const call of result.calls) {
    const start = STARTS.get(`${call.service} ${call.operation}`);
    if (!start) continue;
    const { name, args } = start.pick(call.args);
    const use = uses.get(call.seq);
    started.push({
      what: start.what,
      name: typeof name === 'string' ? name : name === undefined || name === null ? '' : JSON.stringify(name),
      task: call.task,
      phase: call.phase,
      args,
      call: call.seq,
      status: call.status,
      ...(call.error ? { error: `${call.error.code}: ${call.error.message}` } : {}),
      answeredBy: answeredBy(call, use),
      ...(use ? { result: use.result } : {}),
    });
  }
  return { s3, started };
}

/**
 * What exists near a key that was not found: the keys of `bucket` under the deepest folder of `key` (or of a
 * wildcard pattern's fixed start) that has any, at most `limit`. E.g. for `events/2026-3-1/_SUCCESS` with
 * `events/2026-03-01/_SUCCESS` present: `{prefix: 'events/', keys: ['events/2026-03-01/_SUCCESS']}`.
 */
export function whatExistsInstead(
  objects: RunResultRan['s3']['objectsAfter'],
  bucket: string,
  key: string,
  limit = 20,
): { readonly prefix: string; readonly keys: readonly string[]; readonly more: number } {
  const inBucket = objects
    .filter((o) => o.bucket === bucket)
    .map((o) => o.key)
    .sort();
  const fixed = key.split(/[*?[]/, 1)[0]!;
  let prefix = fixed.slice(0, fixed.lastIndexOf('/') + 1);
  for (;;) {
    const under = inBucket.filter((k) => k.startsWith(prefix));
    if (under.length > 0 || prefix === '') return { prefix, keys: under.slice(0, limit), more: Math.max(0, under.length - limit) };
    const parent = prefix.slice(0, -1);
    prefix = parent.slice(0, parent.lastIndexOf('/') + 1);
  }
}
