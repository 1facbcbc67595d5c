/**
 * The format of a `dagsmith test` file, typed: `tests/<name>.test.ts` default-exports `defineTest({...})`, which
 * returns the same plain object a `tests/<name>.test.yaml` file loads to; both go through the same checks.
 *
 * ```ts
 * import { defineTest } from 'dagsmith';
 *
 * export default defineTest({
 *   pipeline: 'customer_features',
 *   date: '2026-03-01',
 *   given: { s3: [{ bucket: 'acme-raw-dev', key: 'events/2026-03-01/_SUCCESS', body: '' }] },
 *   expect: { s3: { exists: ['s3://acme-raw-dev/events/2026-03-01/_SUCCESS'] } },
 * });
 * ```
 *
 * docs/testing.md describes every key. Strings may use the project's `${variables}` as pipelines do.
 */
import { captureCaller, markTest, recordCallSite } from './provenance';

/** A JSON value (a Lambda payload, an object written as JSON, a run's conf). */
export type TestJson = string | number | boolean | null | TestJson[] | { [key: string]: TestJson };

/**
 * An S3 object: `bucket` and `key`, and its content from one of `body` (text), `json` (written as JSON) or `file`
 * (a fixture file, relative to the test file, inside the project). None of them: an empty object. A string
 * `s3://bucket/key` is an empty object too.
 */
export type TestObject =
  | string
  | {
      bucket: string;
      key: string;
      body?: string;
      json?: TestJson;
      /** Path of a fixture file, relative to the test file; it must stay inside the project (at most 5 MiB). */
      file?: string;
    };

/** An AWS API call made against the emulator before the run (a resource of the account the pipeline expects). */
export interface TestSetupCall {
  /** botocore service name: 'stepfunctions', 'glue', 'iam', ... */
  service: string;
  /** API operation: 'CreateStateMachine', 'CreateTable', ... */
  operation: string;
  args?: { [name: string]: TestJson };
}

/** What exists in the emulated account before the run (besides what dagsmith derives from the pipeline). */
export interface TestGiven {
  /** Empty buckets (every bucket the pipeline names exists already). */
  buckets?: string[];
  s3?: TestObject[];
  calls?: TestSetupCall[];
}

type OneOrMore<T> = T | T[];

export interface GlueJobRun {
  /** @default 'succeeded' */
  result?: 'succeeded' | 'failed' | 'timeout' | 'stopped';
  /** The run's ErrorMessage. */
  error?: string;
  /** Objects the run writes. */
  writes?: TestObject[];
}

export interface LambdaInvocation {
  /** What the function returns (JSON). */
  payload?: TestJson;
  /** Makes the invocation a function error ('Unhandled' or 'Handled'); `payload` is then the error document. */
  functionError?: string;
  writes?: TestObject[];
}

export interface RedshiftStatement {
  /** Text the SQL contains (any statement of a batch); left out: every statement. */
  match?: string;
  /** @default 'finished' */
  result?: 'finished' | 'failed' | 'aborted';
  error?: string;
  columns?: string[];
  rows?: (string | number | boolean | null)[][];
  writes?: TestObject[];
}

export interface AthenaQuery {
  /** Text the query contains; left out: every query. */
  match?: string;
  /** @default 'succeeded' */
  result?: 'succeeded' | 'failed' | 'cancelled';
  error?: string;
  columns?: string[];
  rows?: (string | number | null)[][];
  writes?: TestObject[];
}

export interface EmrStep {
  /** The step's name; left out: every step. */
  match?: string;
  /** @default 'completed' */
  result?: 'completed' | 'failed' | 'cancelled';
  error?: string;
}

export interface EmrServerlessRun {
  /** @default 'success' */
  result?: 'success' | 'failed' | 'cancelled';
  error?: string;
  writes?: TestObject[];
}

export interface DataBrewRun {
  /** @default 'succeeded' */
  result?: 'succeeded' | 'failed' | 'timeout' | 'stopped';
  error?: string;
  writes?: TestObject[];
}

export interface FlinkStart {
  /** @default 'running' */
  result?: 'running' | 'failed';
  error?: string;
}

/**
 * How what the emulator cannot run answers. Keyed by the job, function or application name; a list answers the
 * 1st, 2nd ... run in turn (the last one repeats), for retries.
 */
export interface TestOutcomes {
  glueJobs?: { [job: string]: OneOrMore<GlueJobRun> };
  lambda?: { [fn: string]: OneOrMore<LambdaInvocation> };
  redshiftData?: RedshiftStatement[];
  athena?: AthenaQuery[];
  emrSteps?: EmrStep[];
  emrServerless?: { [applicationId: string]: OneOrMore<EmrServerlessRun> };
  databrew?: { [job: string]: OneOrMore<DataBrewRun> };
  flink?: { [application: string]: OneOrMore<FlinkStart> };
}

/** Final states a task can be expected in. */
export type TaskStateName = 'success' | 'failed' | 'upstream_failed' | 'skipped';

export interface SqlExpectation {
  /** Text the rendered SQL contains (each of them). */
  contains?: OneOrMore<string>;
  /** The whole rendered SQL (surrounding white space ignored). */
  equals?: string;
  /** Compare with tests/__snapshots__/<test>/<task>.sql (written by `dagsmith test --update-snapshots`). */
  snapshot?: boolean;
}

export interface CallExpectation {
  /** The task that made the call; left out: any task. */
  task?: string;
  /** botocore service name ('s3', 'glue', ...); left out: any. */
  service?: string;
  /** The API operation: 'StartJobRun', 'CopyObject', ... */
  operation: string;
  /** Arguments the call had (a subset: mappings may have more keys). */
  args?: { [name: string]: TestJson };
  /** How many such calls; left out: at least one. */
  count?: number;
}

export interface TestExpect {
  /** Task id -> its final state. Tasks not listed must succeed. */
  tasks?: { [taskId: string]: TaskStateName };
  s3?: {
    /** s3://bucket/key that exists after the run; a prefix ending in / has at least one object under it. */
    exists?: string[];
    /** s3://bucket/key (or prefix/) that does not exist after the run. */
    absent?: string[];
  };
  /** Task id -> what its rendered SQL must be. */
  sql?: { [taskId: string]: SqlExpectation };
  /** AWS API calls the tasks made. */
  calls?: CallExpectation[];
  /** Tasks whose failure alert must fire (the failure notifier ran and published). */
  alerts?: string[];
}

/** Limits of the run, in seconds (each caps the DAG's own value). */
export interface TestLimits {
  /** A sensor waits at most this long. @default 10 */
  sensorTimeout?: number;
  /** @default 1 */
  pokeInterval?: number;
  /** @default 1 */
  pollInterval?: number;
  /** Every task's execution_timeout. @default 120 */
  taskTimeout?: number;
  /** The whole run. @default 600 */
  runTimeout?: number;
}

/** A `dagsmith test`: one run of one pipeline for one date, what exists before it, and what must be true after it. */
export interface TestInput {
  /** The pipeline id. */
  pipeline: string;
  /** The logical date: `YYYY-MM-DD` (the scheduled run that starts that day) or a date-time with an offset. */
  date: string;
  /** Whose ${variables} apply (an environment of dagsmith.config.yaml); default: `--env`, else the top-level vars. */
  env?: string;
  description?: string;
  /** The run's conf: values of the pipeline's params. */
  conf?: { [param: string]: TestJson };
  /** 'none' (default): no task is retried; 'keep': the pipeline's retries, with short delays. */
  retries?: 'none' | 'keep';
  limits?: TestLimits;
  given?: TestGiven;
  outcomes?: TestOutcomes;
  expect?: TestExpect;
}

/**
 * Defines a test; `export default` it from `tests/<name>.test.ts`. Returns the plain object the same test in YAML
 * loads to; dagsmith checks and runs it exactly as it does a YAML test.
 */
export function defineTest(test: TestInput): TestInput {
  const frames = captureCaller(defineTest);
  // Not copied: the loader copies the export to plain data itself and reports what is not data at its path.
  if (test !== null && typeof test === 'object') {
    recordCallSite(test, frames);
    markTest(test);
  }
  return test;
}
