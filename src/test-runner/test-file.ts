/**
 * A `dagsmith test` file, checked: the plain data of `tests/<name>.test.yaml` (or of a `defineTest` export) turned
 * into a TestSpec, with every problem reported at its line and column (DS711-DS721; `${variables}` as in pipelines,
 * DS312/DS320). Fixture files are read here, through the caller's `readFixture`. What needs the pipeline (its task
 * ids, params, the names its steps use) is checked against it later (test-check.ts). docs/testing.md is the format.
 */
import type { JsonPath, SourceRange } from '../diagnostics/types';
import type { Reporter } from '../diagnostics/reporter';
import { parseS3Uri } from '../base/s3-uri';
import { isRecord } from '../util/is-record';
import { didYouMean } from '../util/suggest';
import type { DeclaredOutcomes, Given, RunLimits, S3ObjectSpec, SetupCall } from './protocol';

/** Final task states a test can expect. */
export const TASK_STATES = ['success', 'failed', 'upstream_failed', 'skipped'] as const;
export type TaskState = (typeof TASK_STATES)[number];

export interface TaskExpectation {
  readonly taskId: string;
  readonly state: TaskState;
  readonly path: JsonPath;
}

/** `s3://bucket/key`, or a prefix (`prefix: true`) when it ends in '/'. */
export interface S3Location {
  readonly uri: string;
  readonly bucket: string;
  readonly key: string;
  readonly prefix: boolean;
  readonly path: JsonPath;
}

export interface SqlExpectation {
  readonly taskId: string;
  readonly contains: readonly string[];
  readonly equals?: string;
  readonly snapshot: boolean;
  readonly path: JsonPath;
}

export interface CallExpectation {
  readonly task?: string;
  readonly service?: string;
  readonly operation: string;
  readonly args?: Readonly<Record<string, unknown>>;
  /** Exactly this many; undefined: at least one. */
  readonly count?: number;
  readonly path: JsonPath;
}

export interface AlertExpectation {
  readonly taskId: string;
  readonly path: JsonPath;
}

export interface TestExpectations {
  readonly tasks: readonly TaskExpectation[];
  readonly exists: readonly S3Location[];
  readonly absent: readonly S3Location[];
  readonly sql: readonly SqlExpectation[];
  readonly calls: readonly CallExpectation[];
  readonly alerts: readonly AlertExpectation[];
}

/** A resource a declared outcome names (for DS724: an outcome nothing uses). */
export interface OutcomeName {
  readonly key: 'glueJobs' | 'lambda' | 'emrServerless' | 'databrew' | 'flink';
  readonly name: string;
  readonly path: JsonPath;
}

/** A checked test: what to run and what to check afterwards. */
export interface TestSpec {
  /** The file's path under the tests folder without `.test.yaml` / `.test.ts`: `customer_features`, `landing/late_batch`. */
  readonly name: string;
  /** Project-relative path of the file. */
  readonly file: string;
  readonly pipeline: string;
  readonly date: string;
  /** The environment whose variables apply (the file's `env:`, else the caller's default). */
  readonly env: string | undefined;
  readonly description?: string;
  readonly conf?: Readonly<Record<string, unknown>>;
  readonly retries: 'none' | 'keep';
  readonly limits: RunLimits;
  /** What the test gives (fixtures read and encoded); the pipeline's own account is added when it runs. */
  readonly given: Given;
  readonly outcomes: DeclaredOutcomes;
  readonly outcomeNames: readonly OutcomeName[];
  readonly expect: TestExpectations;
  /** Where a JSON path of the file is (for diagnostics and failures). */
  readonly locate: (path: JsonPath, at?: 'key' | 'value') => SourceRange;
}

export interface TestFileContext {
  /** The test's name (from its file name). */
  readonly name: string;
  readonly file: string;
  /** Reads a fixture (`file:`, relative to the test file) as base64, or reports DS717 at `path` and returns undefined. */
  readonly readFixture: (relative: string, path: JsonPath) => string | undefined;
}

const TOP_KEYS = ['pipeline', 'date', 'env', 'description', 'conf', 'retries', 'limits', 'given', 'outcomes', 'expect'] as const;
const GIVEN_KEYS = ['buckets', 's3', 'calls'] as const;
const EXPECT_KEYS = ['tasks', 's3', 'sql', 'calls', 'alerts'] as const;
const LIMIT_KEYS = ['sensorTimeout', 'pokeInterval', 'pollInterval', 'taskTimeout', 'runTimeout'] as const;
const OBJECT_KEYS = ['bucket', 'key', 'body', 'json', 'file'] as const;

/** Each outcome key: whether it is keyed by name (a mapping) or a list matched by text, its fields and results. */
const OUTCOMES: ReadonlyMap<
  keyof DeclaredOutcomes,
  { readonly byName?: 'job' | 'function' | 'application'; readonly results?: readonly string[]; readonly fields: readonly string[] }
> = new Map<
  keyof DeclaredOutcomes,
  { readonly byName?: 'job' | 'function' | 'application'; readonly results?: readonly string[]; readonly fields: readonly string[] }
>([
  ['glueJobs', { byName: 'job', results: ['succeeded', 'failed', 'timeout', 'stopped'], fields: ['result', 'error', 'writes'] }],
  ['lambda', { byName: 'function', fields: ['payload', 'functionError', 'writes'] }],
  ['redshiftData', { results: ['finished', 'failed', 'aborted'], fields: ['match', 'result', 'error', 'columns', 'rows', 'writes'] }],
  ['athena', { results: ['succeeded', 'failed', 'cancelled'], fields: ['match', 'result', 'error', 'columns', 'rows', 'writes'] }],
  ['emrSteps', { results: ['completed', 'failed', 'cancelled'], fields: ['match', 'result', 'error'] }],
  ['emrServerless', { byName: 'application', results: ['success', 'failed', 'cancelled'], fields: ['result', 'error', 'writes'] }],
  ['databrew', { byName: 'job', results: ['succeeded', 'failed', 'timeout', 'stopped'], fields: ['result', 'error', 'writes'] }],
  ['flink', { byName: 'application', results: ['running', 'failed'], fields: ['result', 'error'] }],
]);

/** `YYYY-MM-DD`, or a date-time with seconds and an offset. */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Whether `text` is a calendar date or a date-time with an offset that exists (no February 30th, no hour 24). */
export function isTestDate(text: string): boolean {
  const m = DATE.exec(text) ?? DATE_TIME.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return false;
  if (m[4] === undefined) return true;
  const offset = m[7]!;
  return (
    Number(m[4]) < 24 &&
    Number(m[5]) < 60 &&
    Number(m[6] ?? 0) < 60 &&
    (offset === 'Z' || (Number(offset.slice(1, 3)) < 24 && Number(offset.slice(4)) < 60))
  );
}

/** The test name of a test file under `testsDir`: its path there without the `.test.<ext>` ending. */
export function testNameOf(testsDir: string, file: string): string {
  const under = testsDir === '.' ? file : file.slice(testsDir.length + 1);
  return under.replace(/\.test\.(ya?ml|ts)$/, '');
}

/** Checks one test file's data (variables already resolved); undefined when it has errors (all reported). */
export function readTestData(data: unknown, ctx: TestFileContext, reporter: Reporter, defaultEnv: string | undefined): TestSpec | undefined {
  const c = new Checker(reporter);
  const root = c.mapping(data, [], 'a test file', 'a mapping with pipeline, date, given and expect');
  if (!root) return undefined;
  c.keys(root, [], TOP_KEYS, 'a test file');
  const pipeline = has(root, 'pipeline')
    ? c.string(root.pipeline, ['pipeline'], 'the pipeline id')
    : c.missing([], 'pipeline', 'the id of the pipeline to run');
  let date: string | undefined;
  if (!has(root, 'date')) c.missing([], 'date', 'the logical date of the run, e.g. 2026-03-01');
  else {
    date = c.string(root.date, ['date'], 'the logical date');
    if (date !== undefined && !isTestDate(date)) {
      reporter.report(
        'DS715',
        ['date'],
        `'${date}' is not a date: write YYYY-MM-DD, or a date-time with an offset such as 2026-03-02T07:00:00+00:00`,
      );
      date = undefined;
    }
  }
  const env = has(root, 'env') ? c.string(root.env, ['env'], 'an environment name') : defaultEnv;
  const description = has(root, 'description') ? c.string(root.description, ['description'], 'a text', { empty: true }) : undefined;
  const conf = has(root, 'conf') ? c.mapping(root.conf, ['conf'], 'conf', 'a mapping of param name to value') : undefined;
  let retries: 'none' | 'keep' = 'none';
  if (has(root, 'retries')) retries = (c.oneOf(root.retries, ['retries'], 'retries', ['none', 'keep']) as 'none' | 'keep' | undefined) ?? 'none';
  const limits: Record<string, number> = {};
  if (has(root, 'limits')) {
    const l = c.mapping(root.limits, ['limits'], 'limits', 'a mapping of limit name to seconds');
    if (l) {
      c.keys(l, ['limits'], LIMIT_KEYS, 'limits');
      for (const key of LIMIT_KEYS) {
        if (!has(l, key)) continue;
        const v = l[key];
        if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || v > 86_400)
          reporter.report('DS713', ['limits', key], `limits.${key} is seconds: a number more than 0 and at most 86400`);
        else limits[key] = v;
      }
    }
  }
  const given = readGiven(c, root, ctx);
  const { outcomes, names } = readOutcomes(c, root, ctx);
  const expect = readExpect(c, root);
  if (reporter.hasErrors || pipeline === undefined || date === undefined) return undefined;
  return {
    name: ctx.name,
    file: ctx.file,
    pipeline,
    date,
    env,
    ...(description !== undefined ? { description } : {}),
    ...(conf ? { conf } : {}),
    retries,
    limits,
    given,
    outcomes,
    outcomeNames: names,
    expect,
    locate: (path, at) => reporter.locate(path, at),
  };
}

function readGiven(c: Checker, root: Record<string, unknown>, ctx: TestFileContext): Given {
  if (!has(root, 'given')) return {};
  const g = c.mapping(root.given, ['given'], 'given', 'a mapping with s3, buckets or calls');
  if (!g) return {};
  c.keys(g, ['given'], GIVEN_KEYS, 'given');
  const buckets: string[] = [];
  if (has(g, 'buckets')) {
    c.list(g.buckets, ['given', 'buckets'], 'given.buckets', 'a list of bucket names')?.forEach((b, i) => {
      const name = c.string(b, ['given', 'buckets', i], 'a bucket name');
      if (name !== undefined) buckets.push(name);
    });
  }
  const s3 = has(g, 's3') ? readObjects(c, g.s3, ['given', 's3'], 'given.s3', ctx) : [];
  const calls: SetupCall[] = [];
  if (has(g, 'calls')) {
    c.list(g.calls, ['given', 'calls'], 'given.calls', 'a list of {service, operation, args}')?.forEach((item, i) => {
      const path = ['given', 'calls', i];
      const call = c.mapping(item, path, 'a call', '{service, operation, args}');
      if (!call) return;
      c.keys(call, path, ['service', 'operation', 'args'], 'a call');
      const service = has(call, 'service')
        ? c.string(call.service, [...path, 'service'], 'a botocore service name')
        : c.missing(path, 'service', "a botocore service name such as 'stepfunctions'");
      const operation = has(call, 'operation')
        ? c.string(call.operation, [...path, 'operation'], 'an API operation')
        : c.missing(path, 'operation', "an API operation such as 'CreateStateMachine'");
      const args = has(call, 'args') ? c.mapping(call.args, [...path, 'args'], 'args', 'a mapping of the operation\u2019s parameters') : {};
      if (service !== undefined && operation !== undefined && args) calls.push({ service, operation, args });
    });
  }
  return { ...(buckets.length ? { buckets } : {}), ...(s3.length ? { s3 } : {}), ...(calls.length ? { calls } : {}) };
}

/** A list of S3 objects: `s3://bucket/key` strings, or `{bucket, key, body | json | file}`. */
function readObjects(c: Checker, value: unknown, path: JsonPath, what: string, ctx: TestFileContext): S3ObjectSpec[] {
  const out: S3ObjectSpec[] = [];
  c.list(value, path, what, 'a list of {bucket, key, body | json | file}')?.forEach((item, i) => {
    const at = [...path, i];
    if (typeof item === 'string') {
      const loc = c.s3Location(item, at);
      if (loc && !loc.prefix) out.push({ bucket: loc.bucket, key: loc.key, body: '' });
      else if (loc)
        c.reporter.report('DS720', at, `'${item}' ends in '/': an object needs a key (a folder marker is {bucket, key: "dir/", body: ""})`);
      return;
    }
    const o = c.mapping(item, at, 'an S3 object', '{bucket, key, body | json | file} or s3://bucket/key');
    if (!o) return;
    c.keys(o, at, OBJECT_KEYS, 'an S3 object');
    const bucket = has(o, 'bucket') ? c.string(o.bucket, [...at, 'bucket'], 'a bucket name') : c.missing(at, 'bucket', 'the bucket name');
    const key = has(o, 'key') ? c.string(o.key, [...at, 'key'], 'an object key') : c.missing(at, 'key', 'the object key');
    const bodies = (['body', 'json', 'file'] as const).filter((k) => has(o, k));
    if (bodies.length > 1) {
      c.reporter.report('DS721', [...at, bodies[1]!], `an object has one of body, json and file; this one has ${bodies.join(' and ')}`, {
        at: 'key',
      });
      return;
    }
    let content: { body: string } | { base64: string } | undefined = { body: '' };
    if (has(o, 'body')) {
      const body = c.string(o.body, [...at, 'body'], 'the object\u2019s text', { empty: true });
      content = body === undefined ? undefined : { body };
    } else if (has(o, 'json')) {
      content = { body: JSON.stringify(o.json) };
    } else if (has(o, 'file')) {
      const file = c.string(o.file, [...at, 'file'], 'a fixture path');
      const base64 = file === undefined ? undefined : ctx.readFixture(file, [...at, 'file']);
      content = base64 === undefined ? undefined : { base64 };
    }
    if (bucket !== undefined && key !== undefined && content) out.push({ bucket, key, ...content });
  });
  return out;
}

function readOutcomes(c: Checker, root: Record<string, unknown>, ctx: TestFileContext): { outcomes: DeclaredOutcomes; names: OutcomeName[] } {
  const outcomes: Record<string, Record<string, unknown>[]> = {};
  const names: OutcomeName[] = [];
  if (!has(root, 'outcomes')) return { outcomes, names };
  const o = c.mapping(root.outcomes, ['outcomes'], 'outcomes', 'a mapping such as glueJobs: { job-name: { result: failed } }');
  if (!o) return { outcomes, names };
  c.keys(o, ['outcomes'], [...OUTCOMES.keys()], 'outcomes');
  for (const [key, spec] of OUTCOMES) {
    if (!has(o, key)) continue;
    const path = ['outcomes', key];
    const entries: Record<string, unknown>[] = [];
    const entry = (value: unknown, at: JsonPath, name?: string): void => {
      const e = c.mapping(value, at, `an outcome of ${key}`, `a mapping of ${spec.fields.join(', ')}`);
      if (!e) return;
      c.keys(e, at, spec.fields, `an outcome of ${key}`);
      const out: Record<string, unknown> = spec.byName ? { [spec.byName]: name } : {};
      for (const field of spec.fields) {
        if (!has(e, field)) continue;
        const v = e[field];
        const fp = [...at, field];
        if (field === 'result') {
          const r = c.oneOf(v, fp, 'result', spec.results ?? []);
          if (r !== undefined) out.result = r;
        } else if (field === 'writes') out.writes = readObjects(c, v, fp, `${key} writes`, ctx);
        else if (field === 'match' || field === 'error' || field === 'functionError') {
          const s = c.string(v, fp, field === 'match' ? 'text the SQL, query or step name contains' : 'a text');
          if (s !== undefined) out[field] = s;
        } else if (field === 'columns') {
          const cols = c.list(v, fp, 'columns', 'a list of column names');
          if (cols && cols.every((x) => typeof x === 'string')) out.columns = cols;
          else if (cols) c.reporter.report('DS713', fp, 'columns is a list of column names (strings)');
        } else if (field === 'rows') {
          const rows = c.list(v, fp, 'rows', 'a list of rows, each a list of values');
          const cell = (x: unknown) => x === null || ['string', 'number', 'boolean'].includes(typeof x);
          if (rows && rows.every((r) => Array.isArray(r) && r.every(cell))) out.rows = rows;
          else if (rows) c.reporter.report('DS713', fp, 'rows is a list of rows, each a list of strings, numbers, booleans or nulls');
        } else out[field] = v; // payload: any JSON
      }
      entries.push(out);
    };
    if (spec.byName) {
      const byName = c.mapping(
        o[key],
        path,
        `outcomes.${key}`,
        `a mapping of ${spec.byName} name to its outcome (or a list of outcomes, one per run)`,
      );
      for (const [name, value] of Object.entries(byName ?? {})) {
        names.push({ key: key as OutcomeName['key'], name, path: [...path, name] });
        if (Array.isArray(value)) {
          if (value.length === 0) c.reporter.report('DS713', [...path, name], `give at least one outcome for ${spec.byName} '${name}'`);
          value.forEach((v, i) => entry(v, [...path, name, i], name));
        } else entry(value, [...path, name], name);
      }
    } else {
      c.list(o[key], path, `outcomes.${key}`, 'a list of outcomes, each with the text it matches')?.forEach((v, i) => entry(v, [...path, i]));
    }
    outcomes[key] = entries;
  }
  return { outcomes, names };
}

function readExpect(c: Checker, root: Record<string, unknown>): TestExpectations {
  const out = {
    tasks: [] as TaskExpectation[],
    exists: [] as S3Location[],
    absent: [] as S3Location[],
    sql: [] as SqlExpectation[],
    calls: [] as CallExpectation[],
    alerts: [] as AlertExpectation[],
  };
  if (!has(root, 'expect')) return out;
  const e = c.mapping(root.expect, ['expect'], 'expect', 'a mapping with tasks, s3, sql, calls or alerts');
  if (!e) return out;
  c.keys(e, ['expect'], EXPECT_KEYS, 'expect');
  if (has(e, 'tasks')) {
    const tasks = c.mapping(e.tasks, ['expect', 'tasks'], 'expect.tasks', 'a mapping of task id to state');
    for (const [taskId, state] of Object.entries(tasks ?? {})) {
      const path = ['expect', 'tasks', taskId];
      if (typeof state !== 'string' || !(TASK_STATES as readonly string[]).includes(state)) {
        const hint = typeof state === 'string' ? didYouMean(state, TASK_STATES) : undefined;
        c.reporter.report(
          'DS719',
          path,
          `${JSON.stringify(state)} is not a state a task ends in: use ${TASK_STATES.join(', ')}`,
          hint ? { hint } : {},
        );
        continue;
      }
      out.tasks.push({ taskId, state: state as TaskState, path });
    }
  }
  if (has(e, 's3')) {
    const s3 = c.mapping(e.s3, ['expect', 's3'], 'expect.s3', 'a mapping with exists and absent');
    if (s3) {
      c.keys(s3, ['expect', 's3'], ['exists', 'absent'], 'expect.s3');
      for (const which of ['exists', 'absent'] as const) {
        if (!has(s3, which)) continue;
        c.list(s3[which], ['expect', 's3', which], `expect.s3.${which}`, 'a list of s3://bucket/key (a prefix ends in /)')?.forEach((u, i) => {
          const path = ['expect', 's3', which, i];
          const uri = c.string(u, path, 'an s3:// URI');
          const loc = uri === undefined ? undefined : c.s3Location(uri, path);
          if (loc) out[which].push(loc);
        });
      }
    }
  }
  if (has(e, 'sql')) {
    const sql = c.mapping(e.sql, ['expect', 'sql'], 'expect.sql', 'a mapping of task id to {contains, equals, snapshot}');
    for (const [taskId, value] of Object.entries(sql ?? {})) {
      const path = ['expect', 'sql', taskId];
      const m = c.mapping(value, path, 'an SQL expectation', '{contains, equals, snapshot}');
      if (!m) continue;
      c.keys(m, path, ['contains', 'equals', 'snapshot'], 'an SQL expectation');
      const contains: string[] = [];
      if (has(m, 'contains')) {
        const list = Array.isArray(m.contains) ? m.contains : [m.contains];
        list.forEach((t, i) => {
          const s = c.string(t, Array.isArray(m.contains) ? [...path, 'contains', i] : [...path, 'contains'], 'a text the SQL contains');
          if (s !== undefined) contains.push(s);
        });
      }
      const equals = has(m, 'equals') ? c.string(m.equals, [...path, 'equals'], 'the whole SQL', { empty: true }) : undefined;
      let snapshot = false;
      if (has(m, 'snapshot')) {
        if (typeof m.snapshot !== 'boolean') c.reporter.report('DS713', [...path, 'snapshot'], 'snapshot is true or false');
        else snapshot = m.snapshot;
      }
      if (contains.length === 0 && equals === undefined && !snapshot)
        c.reporter.report('DS713', path, `say what the SQL of '${taskId}' must be: contains, equals or snapshot: true`);
      out.sql.push({ taskId, contains, ...(equals !== undefined ? { equals } : {}), snapshot, path });
    }
  }
  if (has(e, 'calls')) {
    c.list(e.calls, ['expect', 'calls'], 'expect.calls', 'a list of {task, service, operation, args, count}')?.forEach((item, i) => {
      const path = ['expect', 'calls', i];
      const m = c.mapping(item, path, 'a call expectation', '{task, service, operation, args, count}');
      if (!m) return;
      c.keys(m, path, ['task', 'service', 'operation', 'args', 'count'], 'a call expectation');
      const task = has(m, 'task') ? c.string(m.task, [...path, 'task'], 'a task id') : undefined;
      const service = has(m, 'service') ? c.string(m.service, [...path, 'service'], 'a botocore service name') : undefined;
      const operation = has(m, 'operation')
        ? c.string(m.operation, [...path, 'operation'], 'an API operation')
        : c.missing(path, 'operation', "the API operation, e.g. 'StartJobRun'");
      const args = has(m, 'args') ? c.mapping(m.args, [...path, 'args'], 'args', 'a mapping of the call\u2019s arguments') : undefined;
      let count: number | undefined;
      if (has(m, 'count')) {
        if (typeof m.count !== 'number' || !Number.isInteger(m.count) || m.count < 0 || m.count > 100_000)
          c.reporter.report('DS713', [...path, 'count'], 'count is a whole number, 0 or more');
        else count = m.count;
      }
      if (operation !== undefined)
        out.calls.push({
          ...(task !== undefined ? { task } : {}),
          ...(service !== undefined ? { service } : {}),
          operation,
          ...(args ? { args } : {}),
          ...(count !== undefined ? { count } : {}),
          path,
        });
    });
  }
  if (has(e, 'alerts')) {
    c.list(e.alerts, ['expect', 'alerts'], 'expect.alerts', 'a list of task ids whose failure alert fires')?.forEach((t, i) => {
      const taskId = c.string(t, ['expect', 'alerts', i], 'a task id');
      if (taskId !== undefined) out.alerts.push({ taskId, path: ['expect', 'alerts', i] });
    });
  }
  return out;
}

/** Own property (user keys are data: `constructor` is not a key of every mapping). */
function has(obj: Record<string, unknown>, key: string): boolean {
  return Object.hasOwn(obj, key);
}

/** Type checks that report DS711/DS712/DS713/DS720 at their path. */
class Checker {
  constructor(readonly reporter: Reporter) {}

  mapping(value: unknown, path: JsonPath, what: string, form: string): Record<string, unknown> | undefined {
    if (isRecord(value)) return value;
    this.reporter.report('DS713', path, `${what} is ${form}, not ${describe(value)}`);
    return undefined;
  }

  list(value: unknown, path: JsonPath, what: string, form: string): unknown[] | undefined {
    if (Array.isArray(value)) return value as unknown[];
    this.reporter.report('DS713', path, `${what} is ${form}, not ${describe(value)}`);
    return undefined;
  }

  string(value: unknown, path: JsonPath, what: string, opts: { readonly empty?: boolean } = {}): string | undefined {
    if (typeof value === 'string' && (opts.empty || value !== '')) return value;
    this.reporter.report('DS713', path, `expected ${what} (a ${opts.empty ? '' : 'non-empty '}string), not ${describe(value)}`);
    return undefined;
  }

  oneOf(value: unknown, path: JsonPath, what: string, allowed: readonly string[]): string | undefined {
    if (typeof value === 'string' && allowed.includes(value)) return value;
    const hint = typeof value === 'string' ? didYouMean(value, allowed) : undefined;
    this.reporter.report('DS713', path, `${what} is one of ${allowed.join(', ')}, not ${describe(value)}`, hint ? { hint } : {});
    return undefined;
  }

  missing(path: JsonPath, key: string, what: string): undefined {
    this.reporter.report('DS712', path, `'${key}' is missing: ${what}`, { at: path.length === 0 ? 'value' : 'key' });
    return undefined;
  }

  keys(obj: Record<string, unknown>, path: JsonPath, allowed: readonly string[], what: string): void {
    for (const key of Object.keys(obj)) {
      if (allowed.includes(key)) continue;
      const hint = didYouMean(key, allowed);
      this.reporter.report('DS711', [...path, key], `unknown key '${key}' in ${what}${hint ? '' : ` (keys here: ${allowed.join(', ')})`}`, {
        at: 'key',
        ...(hint ? { hint } : {}),
      });
    }
  }

  s3Location(uri: string, path: JsonPath): S3Location | undefined {
    const parts = parseS3Uri(uri);
    if (!parts || parts.key === '' || /[\s]/.test(parts.bucket)) {
      this.reporter.report('DS720', path, `'${uri}' is not s3://bucket/key (a prefix ends in /, e.g. s3://acme-features-dev/customer_features/)`);
      return undefined;
    }
    return { uri, bucket: parts.bucket, key: parts.key, prefix: parts.key.endsWith('/'), path };
  }
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return value === '' ? 'an empty string' : `'${value.length > 60 ? `${value.slice(0, 60)}...` : value}'`;
  return `${typeof value} ${JSON.stringify(value) ?? ''}`;
}
