/**
 * The verdict of one test: its expectations checked against what the run did. Pure: from a TestSpec and a
 * RunResultRan to the failures, each with what was expected, what happened, the rendered values that mattered and
 * what exists instead (a key that is not there: the keys near it). Snapshot files are read and written by the caller
 * (snapshots.ts), which hands their texts in.
 */
import type { JsonPath } from '../diagnostics/types';
import type { AwsCall, RunResultRan, TaskResult } from './protocol';
import { whatExistsInstead } from './changes';
import type { CallExpectation, S3Location, SqlExpectation, TestSpec } from './test-file';
import { SQL_FIELDS } from './test-check';

/** One line of a failure's explanation: a label and an untrusted text (a rendered value, a key, an error). */
export interface Detail {
  readonly label: string;
  readonly text: string;
}

export interface Failure {
  readonly kind: 'task' | 's3-exists' | 's3-absent' | 'sql' | 'snapshot' | 'call' | 'alert';
  /** One line: what did not hold. */
  readonly message: string;
  readonly task?: string;
  /** Where in the test file the expectation is (none for "unlisted tasks must succeed"). */
  readonly path?: JsonPath;
  /** The line and column of `path` in the test file (filled in by the caller, which has the file's positions). */
  readonly at?: { readonly line: number; readonly col: number };
  readonly details: readonly Detail[];
}

/** What the caller knows of a snapshot: its text, or that there is none. */
export type SnapshotText = { readonly state: 'missing' } | { readonly state: 'present'; readonly text: string };

export interface SnapshotUse {
  readonly taskId: string;
  /** The rendered SQL the snapshot is compared with (or written from). */
  readonly sql: string;
  readonly path: JsonPath;
}

/** A rendered value longer than this is cut in a failure's details. */
const MAX_DETAIL = 2000;

const cut = (text: string, max = MAX_DETAIL): string =>
  text.length > max ? `${text.slice(0, max)}... (${text.length - max} more characters)` : text;

function show(value: unknown): string {
  return cut(typeof value === 'string' ? value : JSON.stringify(value));
}

/** The rendered SQL of a task (a list of statements is joined, one per line, each ending in ';'), or undefined. */
export function renderedSql(task: TaskResult | undefined, kind: string): string | undefined {
  const field = SQL_FIELDS.get(kind);
  const value = field && task ? task.rendered[field] : undefined;
  if (typeof value === 'string') return value;
  // A list of statements (a redshift.sql script, a COPY with its upsert) reads as the script: each ends in ';'.
  if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
    return value.map((v) => (v.trimEnd().endsWith(';') ? v.trimEnd() : `${v.trimEnd()};`)).join('\n');
  return undefined;
}

export interface VerdictInput {
  readonly test: TestSpec;
  readonly result: RunResultRan;
  /** Task id -> its step's kind (to find the rendered SQL). */
  readonly kinds: ReadonlyMap<string, string>;
  /** Every task of the pipeline, in order (a task that never got an instance has no result). */
  readonly taskIds: readonly string[];
  /** Snapshot texts by task id, for the `snapshot: true` SQL expectations. */
  readonly snapshots: ReadonlyMap<string, SnapshotText>;
  /** Snapshots are being written: a missing or different one is not a failure. */
  readonly updateSnapshots: boolean;
}

export interface Verdict {
  readonly failures: readonly Failure[];
  /** Snapshots to write (with --update-snapshots: the missing and the different ones). */
  readonly snapshotWrites: readonly SnapshotUse[];
}

export function verdict(input: VerdictInput): Verdict {
  const { test, result } = input;
  const failures: Failure[] = [];
  const tasks = new Map((result.tasks ?? []).map((t) => [t.taskId, t]));
  const expected = new Map(test.expect.tasks.map((t) => [t.taskId, t]));
  const taskFailures: Failure[] = [];
  // Tasks the test does not list that did not run because a task before them failed: said once, with that failure.
  const notRun: string[] = [];
  for (const taskId of input.taskIds) {
    const want = expected.get(taskId);
    const state = tasks.get(taskId)?.state ?? mappedState(taskId, tasks) ?? 'none';
    const wanted = want?.state ?? 'success';
    if (state === wanted) continue;
    if (!want && state === 'upstream_failed') notRun.push(taskId);
    else taskFailures.push(taskFailure(taskId, wanted, state, tasks.get(taskId), result, want?.path));
  }
  if (notRun.length > 0 && taskFailures.length > 0) {
    const first = taskFailures[0]!;
    taskFailures[0] = { ...first, details: [...first.details, { label: 'so these did not run', text: notRun.join(', ') }] };
  } else if (notRun.length > 0) {
    taskFailures.push({
      kind: 'task',
      message: `tasks ${notRun.join(', ')} are upstream_failed; tasks the test does not list must succeed`,
      details: [],
    });
  }
  failures.push(...taskFailures);
  for (const loc of test.expect.exists) {
    const f = checkExists(loc, result);
    if (f) failures.push(f);
  }
  for (const loc of test.expect.absent) {
    const f = checkAbsent(loc, result);
    if (f) failures.push(f);
  }
  const snapshotWrites: SnapshotUse[] = [];
  for (const sql of test.expect.sql) {
    failures.push(...checkSql(sql, tasks.get(sql.taskId), input, snapshotWrites));
  }
  for (const call of test.expect.calls) {
    const f = checkCall(call, result.calls);
    if (f) failures.push(f);
  }
  for (const alert of test.expect.alerts) {
    const f = checkAlert(alert.taskId, alert.path, result);
    if (f) failures.push(f);
  }
  return { failures, snapshotWrites };
}

/**
 * The state of a fanned-out task (forEach) as a whole, from its mapped instances `task[0]`, `task[1]`, ...: success
 * when every one succeeded, else the state of the first that did not; undefined when it has none.
 */
export function mappedState(taskId: string, tasks: ReadonlyMap<string, { readonly state: string }>): string | undefined {
  const states: string[] = [];
  for (const [key, t] of tasks) if (key.startsWith(`${taskId}[`) && /^\[\d+\]$/.test(key.slice(taskId.length))) states.push(t.state);
  if (states.length === 0) return undefined;
  return states.find((s) => s !== 'success') ?? 'success';
}

function taskFailure(taskId: string, wanted: string, state: string, task: TaskResult | undefined, result: RunResultRan, path?: JsonPath): Failure {
  const details: Detail[] = [];
  if (task?.error) details.push({ label: 'error', text: cut(`${task.error.type}: ${task.error.message}`) });
  if (task?.timedOut) {
    const limit = result.adjustments.find((a) => a.taskId === taskId && (a.setting === 'timeout' || a.setting === 'execution_timeout'));
    if (limit)
      details.push({
        label: 'timed out',
        text: `after the test's ${String(limit.to)} s (${limit.setting} of the pipeline: ${String(limit.from)} s)`,
      });
  }
  for (const [field, value] of Object.entries(task?.rendered ?? {})) {
    if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    details.push({ label: `rendered ${field}`, text: show(value) });
  }
  if (state === 'failed' || state === 'up_for_retry') details.push(...missingKeys(task, result));
  const message =
    state === 'none'
      ? `task ${taskId} never ran (expected ${wanted})`
      : path
        ? `task ${taskId} is ${state}, expected ${wanted}`
        : `task ${taskId} is ${state}; tasks the test does not list must succeed`;
  return { kind: 'task', message, task: taskId, ...(path ? { path } : {}), details };
}

/** The S3 objects a task's rendered fields name (bucket and key fields, s3:// URIs). */
export function s3ObjectsNamed(rendered: Readonly<Record<string, unknown>>): { bucket: string; key: string }[] {
  const out: { bucket: string; key: string }[] = [];
  const strings = (v: unknown): string[] =>
    typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  const uri = (s: string) => /^s3:\/\/([^/]+)\/(.*)$/s.exec(s);
  for (const [bucketField, keyField] of [
    ['bucket_name', 'bucket_key'],
    ['bucket', 'key'],
    ['bucket', 'keys'],
    ['bucket', 'prefix'],
    ['source_bucket_name', 'source_bucket_key'],
    ['dest_bucket_name', 'dest_bucket_key'],
    ['s3_bucket', 's3_key'],
  ] as const) {
    const bucket = rendered[bucketField];
    for (const key of strings(rendered[keyField])) {
      const m = uri(key);
      if (m) out.push({ bucket: m[1]!, key: m[2]! });
      else if (typeof bucket === 'string' && bucket) out.push({ bucket, key });
    }
  }
  return out;
}

/** For a failed task: each object it names that does not exist, and the keys that exist near it. */
function missingKeys(task: TaskResult | undefined, result: RunResultRan): Detail[] {
  if (!task) return [];
  const out: Detail[] = [];
  const seen = new Set<string>();
  for (const { bucket, key } of s3ObjectsNamed(task.rendered)) {
    const id = `${bucket}/${key}`;
    if (seen.has(id) || key === '') continue;
    seen.add(id);
    if (
      !/[*?[]/.test(key) &&
      result.s3.objectsAfter.some((o) => o.bucket === bucket && (o.key === key || (key.endsWith('/') && o.key.startsWith(key))))
    )
      continue;
    out.push(instead(bucket, key, result, `no key ${key} in ${bucket}`));
  }
  return out;
}

function instead(bucket: string, key: string, result: RunResultRan, headline: string): Detail {
  const near = whatExistsInstead(result.s3.objectsAfter, bucket, key);
  const where = near.prefix === '' ? `in ${bucket}` : `under ${near.prefix}`;
  const list = near.keys.length === 0 ? `${bucket} is empty` : `keys ${where}: ${near.keys.join(', ')}${near.more ? ` (and ${near.more} more)` : ''}`;
  return { label: 'what exists', text: cut(`${headline}; ${list}`) };
}

function checkExists(loc: S3Location, result: RunResultRan): Failure | undefined {
  const found = result.s3.objectsAfter.some((o) => o.bucket === loc.bucket && (loc.prefix ? o.key.startsWith(loc.key) : o.key === loc.key));
  if (found) return undefined;
  return {
    kind: 's3-exists',
    message: `${loc.uri} does not exist after the run`,
    path: loc.path,
    details: [instead(loc.bucket, loc.key, result, loc.prefix ? `no key under ${loc.key} in ${loc.bucket}` : `no key ${loc.key} in ${loc.bucket}`)],
  };
}

function checkAbsent(loc: S3Location, result: RunResultRan): Failure | undefined {
  const found = result.s3.objectsAfter.filter((o) => o.bucket === loc.bucket && (loc.prefix ? o.key.startsWith(loc.key) : o.key === loc.key));
  if (found.length === 0) return undefined;
  const details = found.slice(0, 20).map((o): Detail => {
    const change = [...result.s3.changes].reverse().find((c) => c.bucket === o.bucket && c.key === o.key && c.change !== 'deleted');
    const by = change?.by?.task
      ? `, ${change.change} by task ${change.by.task}${change.by.outcome ? ` (${change.by.outcome})` : ''}`
      : ', there before the run';
    return { label: 'exists', text: cut(`s3://${o.bucket}/${o.key} (${o.size} bytes${by})`) };
  });
  if (found.length > 20) details.push({ label: 'exists', text: `and ${found.length - 20} more` });
  return { kind: 's3-absent', message: `${loc.uri} exists after the run; the test expects it absent`, path: loc.path, details };
}

function checkSql(sql: SqlExpectation, task: TaskResult | undefined, input: VerdictInput, writes: SnapshotUse[]): Failure[] {
  const kind = input.kinds.get(sql.taskId) ?? '';
  const text = renderedSql(task, kind);
  if (text === undefined) {
    return [
      {
        kind: 'sql',
        message: `task ${sql.taskId} rendered no SQL (it is ${task?.state ?? 'not run'})`,
        task: sql.taskId,
        path: sql.path,
        details: [],
      },
    ];
  }
  const out: Failure[] = [];
  const rendered: Detail = { label: 'rendered SQL', text: cut(text, 4000) };
  const missing = sql.contains.filter((part) => !text.includes(part));
  if (missing.length > 0) {
    out.push({
      kind: 'sql',
      message: `the SQL of task ${sql.taskId} does not contain ${missing.map((m) => JSON.stringify(m)).join(', ')}`,
      task: sql.taskId,
      path: sql.path,
      details: [rendered],
    });
  }
  if (sql.equals !== undefined && normalizeSql(sql.equals) !== normalizeSql(text)) {
    out.push({
      kind: 'sql',
      message: `the SQL of task ${sql.taskId} is not the expected text`,
      task: sql.taskId,
      path: sql.path,
      details: [...firstDifference(sql.equals, text), rendered],
    });
  }
  if (sql.snapshot) {
    const snap = input.snapshots.get(sql.taskId) ?? { state: 'missing' };
    const use = { taskId: sql.taskId, sql: text, path: sql.path };
    if (snap.state === 'missing') {
      if (input.updateSnapshots) writes.push(use);
      else
        out.push({
          kind: 'snapshot',
          message: `task ${sql.taskId} has no SQL snapshot yet: run 'dagsmith test --update-snapshots' and review the file it writes`,
          task: sql.taskId,
          path: sql.path,
          details: [rendered],
        });
    } else if (normalizeSql(snap.text) !== normalizeSql(text)) {
      if (input.updateSnapshots) writes.push(use);
      else
        out.push({
          kind: 'snapshot',
          message: `the SQL of task ${sql.taskId} differs from its snapshot (if the change is meant: 'dagsmith test --update-snapshots')`,
          task: sql.taskId,
          path: sql.path,
          details: firstDifference(snap.text, text),
        });
    }
  }
  return out;
}

/** SQL compared without the white space at its ends and at line ends. */
export function normalizeSql(text: string): string {
  return text
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .trim();
}

function firstDifference(expected: string, actual: string): Detail[] {
  const a = normalizeSql(expected).split('\n');
  const b = normalizeSql(actual).split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    return [
      { label: `expected line ${i + 1}`, text: cut(a[i] ?? '(no line)') },
      { label: `actual line ${i + 1}`, text: cut(b[i] ?? '(no line)') },
    ];
  }
  return [];
}

/** Whether `actual` has everything `expected` has: mappings may have more keys, lists and scalars are equal. */
export function argsMatch(expected: unknown, actual: unknown): boolean {
  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    return Object.entries(expected).every(([k, v]) => Object.hasOwn(actual, k) && argsMatch(v, (actual as Record<string, unknown>)[k]));
  }
  if (Array.isArray(expected)) return Array.isArray(actual) && actual.length === expected.length && expected.every((v, i) => argsMatch(v, actual[i]));
  return Object.is(expected, actual);
}

function checkCall(call: CallExpectation, calls: readonly AwsCall[]): Failure | undefined {
  const sameOperation = calls.filter(
    (c) =>
      c.operation === call.operation &&
      (call.service === undefined || c.service === call.service) &&
      (call.task === undefined || c.task === call.task),
  );
  const matching = sameOperation.filter((c) => call.args === undefined || argsMatch(call.args, c.args));
  const ok = call.count === undefined ? matching.length > 0 : matching.length === call.count;
  if (ok) return undefined;
  const what = `${call.service ? `${call.service} ` : ''}${call.operation}${call.task ? ` by task ${call.task}` : ''}`;
  const wanted = call.count === undefined ? 'at least one' : String(call.count);
  const details: Detail[] = [];
  if (call.args) details.push({ label: 'expected args', text: show(call.args) });
  for (const c of sameOperation.slice(0, 5)) details.push({ label: `call ${c.seq} by ${c.task ?? 'the DAG'}`, text: show(c.args) });
  if (sameOperation.length > 5) details.push({ label: 'calls', text: `and ${sameOperation.length - 5} more` });
  if (sameOperation.length === 0) {
    const by = [...new Set(calls.filter((c) => call.task === undefined || c.task === call.task).map((c) => `${c.service} ${c.operation}`))];
    details.push({ label: 'calls made', text: by.length ? cut(by.join(', ')) : 'none' });
  }
  return {
    kind: 'call',
    message: `expected ${wanted} call${wanted === '1' || wanted === 'at least one' ? '' : 's'} ${what}${call.args ? ' with these arguments' : ''}, found ${matching.length}`,
    ...(call.task ? { task: call.task } : {}),
    path: call.path,
    details,
  };
}

function checkAlert(taskId: string, path: JsonPath, result: RunResultRan): Failure | undefined {
  const fired = result.callbacks.filter((c) => c.kind === 'on_failure' && c.taskId === taskId);
  const publish = result.calls.filter((c) => c.task === taskId && c.phase === 'on_failure' && c.operation === 'Publish');
  if (fired.length > 0 && fired.every((c) => !c.error) && publish.some((c) => c.status === 200)) return undefined;
  const details: Detail[] = [];
  for (const c of fired) if (c.error) details.push({ label: 'alert error', text: cut(`${c.error.type}: ${c.error.message}`) });
  for (const c of publish)
    if (c.status !== 200) details.push({ label: 'publish', text: cut(`HTTP ${c.status}${c.error ? ` ${c.error.code}: ${c.error.message}` : ''}`) });
  const others = [...new Set(result.callbacks.filter((c) => c.kind === 'on_failure').map((c) => c.taskId ?? 'the DAG'))];
  if (fired.length === 0) details.push({ label: 'alerts fired', text: others.length ? `for ${others.join(', ')}` : 'none' });
  return {
    kind: 'alert',
    message:
      fired.length === 0 ? `the failure alert of task ${taskId} did not fire` : `the failure alert of task ${taskId} fired but did not publish`,
    task: taskId,
    path,
    details,
  };
}
