/**
 * Validation for the MWAA Serverless target: everything the workflow definition cannot say, or says with another
 * effect than the Python target, reported at the spec's line and column before AWS sees the workflow. Runs on a
 * pipeline that passed every other check (it needs its IR): the workflow builder's problems (workflow.ts), and what
 * only the spec as written shows (which settings were set, and where).
 */
import type { Reporter } from '../../diagnostics/reporter';
import type { JsonPath } from '../../diagnostics/types';
import type { PipelineIR } from '../../ir/types';
import type { PipelineSpec } from '../../spec/types.generated';
import { parseDuration } from '../../base/durations';
import { SERVERLESS_TASK_LIMITS } from '../../serverless/dialect';
import type { AirflowTarget } from '../../targets';
import { isRecord } from '../../util/is-record';
import { buildWorkflow, type WorkflowOptions } from './workflow';

export function checkServerless(spec: PipelineSpec, ir: PipelineIR, target: AirflowTarget, reporter: Reporter, opts: WorkflowOptions = {}): void {
  checkIgnoredSettings(spec, reporter);
  checkLimits(spec, reporter);
  checkGroups(spec, reporter);
  checkParams(spec, reporter);
  checkScheduleDates(spec, ir, reporter);
  for (const p of buildWorkflow(ir, target, opts).problems) {
    const path = p.findKey !== undefined ? (findKey(spec, p.path, p.findKey) ?? p.path) : p.path;
    reporter.report(p.code, path, p.message, { at: p.at ?? 'value', ...(p.hint ? { hint: p.hint } : {}) });
  }
}

const noEffect = (what: string, why?: string) =>
  `${what} has no effect on MWAA Serverless${why ? ` (${why})` : ''} and is not written into the workflow definition`;

/** DS540 where the pipeline sets what the service ignores or has nothing to apply to. */
function checkIgnoredSettings(spec: PipelineSpec, r: Reporter): void {
  if (spec.catchup !== undefined) r.report('DS540', ['catchup'], noEffect('catchup'), { at: 'key' });
  if ((spec.tags ?? []).length > 0) r.report('DS540', ['tags'], noEffect('tags'), { at: 'key' });
  if (spec.dagrunTimeout !== undefined) r.report('DS540', ['dagrunTimeout'], noEffect('dagrunTimeout'), { at: 'key' });
  if (spec.notifications?.onFailure?.sns !== undefined) {
    r.report('DS540', ['notifications', 'onFailure', 'sns'], noEffect('a failure notification', 'the dialect has no task callbacks'), {
      at: 'key',
      hint: "alert on the workflow's run events in EventBridge instead",
    });
  }
  for (const event of ['onSuccess', 'onRetry'] as const) {
    if (spec.notifications?.[event]?.sns !== undefined) {
      r.report('DS540', ['notifications', event, 'sns'], noEffect(`an ${event} notification`, 'the dialect has no callbacks'), {
        at: 'key',
        hint: "alert on the workflow's run events in EventBridge instead",
      });
    }
  }
  // Pools and executor queues: the service schedules tasks itself.
  const runSettings = [
    ['pool', 'it has no pools'],
    ['poolSlots', 'it has no pools'],
    ['queue', 'it chooses the workers itself'],
  ] as const;
  for (const [key, why] of runSettings)
    if (spec.defaults?.[key] !== undefined) r.report('DS540', ['defaults', key], noEffect(key, why), { at: 'key' });
  spec.steps.forEach((step, i) => {
    for (const [key, why] of runSettings) if (step[key] !== undefined) r.report('DS540', ['steps', i, key], noEffect(key, why), { at: 'key' });
    for (const event of ['onFailure', 'onSuccess', 'onRetry'] as const) {
      if (step.notifications?.[event]?.sns !== undefined) {
        r.report('DS540', ['steps', i, 'notifications', event, 'sns'], noEffect(`a step's ${event} notification`, 'the dialect has no callbacks'), {
          at: 'key',
        });
      }
    }
    if ((step.produces ?? []).length > 0) {
      r.report('DS540', ['steps', i, 'produces'], noEffect('produces', 'no workflow there is scheduled by assets'), { at: 'key' });
    }
    if ((step.producesAlias ?? []).length > 0) {
      r.report('DS540', ['steps', i, 'producesAlias'], noEffect('producesAlias', 'no workflow there is scheduled by assets'), { at: 'key' });
    }
    if (step.kind === 'glue.databrew' && step.waitForCompletion !== false) {
      r.report(
        'DS551',
        ['steps', i, 'kind'],
        `step '${step.id}' waits for DataBrew job '${step.job}', but on MWAA Serverless its task succeeds even when the run ends FAILED, STOPPED or TIMEOUT (the provider's waiter takes each as the end of the run)`,
      );
    }
  });
}

/** DS542-DS544: the task limits of MWAA Serverless, where each setting is written. */
function checkLimits(spec: PipelineSpec, r: Reporter): void {
  const L = SERVERLESS_TASK_LIMITS;
  const check = (values: { retries?: number; retryDelay?: string; executionTimeout?: string } | undefined, base: JsonPath): void => {
    if (!values) return;
    if (values.retries !== undefined && values.retries > L.maxRetries) {
      r.report('DS543', [...base, 'retries'], `${values.retries} retries: MWAA Serverless retries a task at most ${L.maxRetries} times`);
    }
    const delay = values.retryDelay === undefined ? undefined : parseDuration(values.retryDelay);
    if (delay && delay.seconds > L.maxRetryDelaySeconds) {
      r.report(
        'DS544',
        [...base, 'retryDelay'],
        `retryDelay ${values.retryDelay} is ${delay.seconds} seconds; MWAA Serverless waits at most ${L.maxRetryDelaySeconds} seconds between tries`,
      );
    }
    const timeout = values.executionTimeout === undefined ? undefined : parseDuration(values.executionTimeout);
    if (timeout && timeout.seconds > L.maxExecutionTimeoutSeconds) {
      r.report(
        'DS542',
        [...base, 'executionTimeout'],
        `executionTimeout ${values.executionTimeout} is beyond MWAA Serverless's task limit of ${L.maxExecutionTimeoutSeconds / 60} minutes; a task cannot run that long there`,
      );
    }
  };
  check(spec.defaults, ['defaults']);
  spec.steps.forEach((step, i) => check(step, ['steps', i]));
}

/** DS541 once per group, at its first step. */
function checkGroups(spec: PipelineSpec, r: Reporter): void {
  const seen = new Set<string>();
  spec.steps.forEach((step, i) => {
    const g = step.group;
    if (g === undefined || seen.has(g)) return;
    seen.add(g);
    const members = spec.steps.filter((s) => s.group === g).map((s) => `'${g}.${s.id}'`);
    r.report(
      'DS541',
      ['steps', i, 'group'],
      `the MWAA Serverless dialect has no task groups: the steps of group '${g}' are written as tasks ${members.slice(0, 3).join(', ')}${members.length > 3 ? ', ...' : ''}, the ids Airflow gives them in the group, without the grouping in the UI`,
    );
  });
}

/** DS549 for params whose schema says more than "a string": that part is not carried over. */
function checkParams(spec: PipelineSpec, r: Reporter): void {
  for (const [name, p] of Object.entries(spec.params ?? {})) {
    if (!isRecord(p) || typeof p.default !== 'string') continue; // DS548 from the workflow builder
    const extra = Object.keys(p).filter((k) => k !== 'default' && k !== 'description' && !(k === 'type' && p.type === 'string'));
    if (extra.length > 0) {
      r.report(
        'DS549',
        ['params', name],
        `param '${name}': ${extra.join(', ')} ${extra.length === 1 ? 'is' : 'are'} not checked on MWAA Serverless, where params are plain strings`,
        {
          at: 'key',
        },
      );
    }
  }
}

/** Template variables whose value is the run's logical date or data interval. */
const DATE_VARIABLES = new Set([
  'ds',
  'ds_nodash',
  'ts',
  'ts_nodash',
  'ts_nodash_with_tz',
  'logical_date',
  'data_interval_start',
  'data_interval_end',
]);
const JINJA_BLOCK = /\{\{([\s\S]*?)\}\}|\{%([\s\S]*?)%\}/g;

/** DS539 once, at the schedule, when a scheduled pipeline's templates use the run's date. */
function checkScheduleDates(spec: PipelineSpec, ir: PipelineIR, r: Reporter): void {
  if (ir.schedule.type !== 'cron' && ir.schedule.type !== 'preset') return;
  const found = firstDateTemplate(spec);
  if (!found) return;
  r.report(
    'DS539',
    ['schedule'],
    `on MWAA Serverless this schedule is a trigger timetable: a run's logical date is when it runs, so '{{ ${found.name} }}' (${found.path.join('.')}) is one schedule interval later than on the Python target`,
    { hint: "on a daily schedule, '{{ macros.ds_add(ds, -1) }}' is the day before the run" },
  );
}

function firstDateTemplate(data: unknown): { name: string; path: (string | number)[] } | undefined {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: data, path: [] }];
  let found: { name: string; path: (string | number)[] } | undefined;
  while (stack.length > 0 && !found) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      const name = dateVariableIn(value);
      if (name) found = { name, path };
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
    } else if (isRecord(value)) {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) stack.push({ value: entries[i]![1], path: [...path, entries[i]![0]] });
    }
  }
  return found;
}

function dateVariableIn(text: string): string | undefined {
  if (!text.includes('{')) return undefined;
  for (const block of text.matchAll(JINJA_BLOCK)) {
    for (const m of (block[1] ?? block[2] ?? '').matchAll(/(?<![\w.])([a-z_]+)\b/g)) if (DATE_VARIABLES.has(m[1]!)) return m[1];
  }
  return undefined;
}

/** The path of the first mapping key `key` under `base` in the spec (depth-first, in written order). */
function findKey(spec: unknown, base: JsonPath, key: string): JsonPath | undefined {
  let node: unknown = spec;
  for (const p of base) node = isRecord(node) || Array.isArray(node) ? (node as Record<string | number, unknown>)[p] : undefined;
  const stack: { value: unknown; path: JsonPath }[] = [{ value: node, path: [...base] }];
  while (stack.length > 0) {
    const { value, path } = stack.shift()!;
    if (Array.isArray(value)) value.forEach((v, i) => stack.push({ value: v, path: [...path, i] }));
    else if (isRecord(value)) {
      for (const [k, v] of Object.entries(value)) {
        if (k === key) return [...path, k];
        stack.push({ value: v, path: [...path, k] });
      }
    }
  }
  return undefined;
}
