/**
 * The list task of a fan-out whose list is not a task's list output as it is (src/base/for-each.ts, ListRead): a
 * PythonOperator running one of three fixed functions that returns the list, checked, for `.expand(...)` to map over.
 * Airflow maps only over a task's list output (a Lambda's payload is a string, an Athena query's output its id) and
 * expand() renders no templates (a param has no value outside a running task), on every MWAA version.
 *
 * The functions are fixed text: what differs per step (the upstream task, the param's name, the connection) is an
 * argument of the task (`op_kwargs`), written through the literal function. `dagsmith test` accepts a function of
 * these names only when its syntax tree is exactly this text (python/dagsmith_runner/checks.py keeps a copy).
 */
import { LIST_TASK_ATHENA_HOOK, type ListRead } from '../../base/for-each';
import { dict, lit, name, type PyExpr, type PyKwarg } from '../../base/python-expr';
import type { StepIR } from '../../ir/types';
import type { Imports } from './imports';
import type { PyWriter } from './writer';

type ListTaskRead = Exclude<ListRead, 'list'>;

/** The fixed function of each source: its name and source text (top level, four-space indents). */
export const LIST_FUNCTIONS: Readonly<Record<ListTaskRead, { readonly name: string; readonly source: string }>> = {
  json: {
    name: '_dagsmith_items_from_json',
    source: `def _dagsmith_items_from_json(payload):
    """The list a fan-out maps over: the upstream task's output, a JSON list of strings."""
    try:
        items = json.loads(payload)
    except (TypeError, ValueError):
        items = None
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        raise ValueError(f"fan-out: the upstream task returned {str(payload)[:200]!r}, not a JSON list of strings")
    return items
`,
  },
  'athena-rows': {
    name: '_dagsmith_items_from_athena',
    source: `def _dagsmith_items_from_athena(query_execution_id, aws_conn_id, region_name):
    """The list a fan-out maps over: the first column of the rows of an Athena query (after its header row)."""
    pages = AthenaHook(aws_conn_id=aws_conn_id, region_name=region_name).get_query_results_paginator(query_execution_id)
    if pages is None:
        raise ValueError(f"fan-out: the results of Athena query {query_execution_id!r} cannot be read")
    rows = [row.get("Data") or [{}] for page in pages for row in page["ResultSet"]["Rows"]]
    items = [row[0].get("VarCharValue") for row in rows[1:]]
    if not all(isinstance(item, str) for item in items):
        raise ValueError("fan-out: a row of the Athena query has no value in its first column")
    return items
`,
  },
  param: {
    name: '_dagsmith_items_from_param',
    source: `def _dagsmith_items_from_param(name, params):
    """The list a fan-out maps over: the value of a list param in this run."""
    items = params[name]
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        raise ValueError(f"fan-out: param {name!r} is {str(items)[:200]!r} in this run, not a list of strings")
    return items
`,
  },
};

/** The names the fixed functions take in a DAG file (kept clear of task variables). */
export const LIST_FUNCTION_NAMES: readonly string[] = Object.values(LIST_FUNCTIONS).map((f) => f.name);

/** What a list task needs that is known only when the DAG file is written: the variable of the upstream task. */
export interface ListTask {
  readonly read: ListTaskRead;
  /** The upstream step whose output the function reads; null for a param. */
  readonly upstream: string | null;
  /** The function's arguments other than the upstream output. */
  readonly args: readonly PyKwarg[];
}

/**
 * The list task of a fanned-out step, or undefined when it maps over an upstream list as it is. Imports what its
 * function uses (`json`; AthenaHook was imported before any task class, so that it keeps its own name).
 */
export function listTaskOf(step: StepIR, steps: readonly StepIR[], imports: Imports): ListTask | undefined {
  const fe = step.forEach;
  if (!fe || fe.read === 'list') return undefined;
  if (fe.read === 'json') imports.module('json');
  if (fe.read === 'param') return { read: 'param', upstream: null, args: [['name', lit(fe.param)]] };
  const upstream = steps.find((s) => s.id === fe.items)!;
  const args: PyKwarg[] =
    fe.read === 'athena-rows'
      ? [
          ['aws_conn_id', lit(upstream.settings.awsConnId)],
          ['region_name', lit(upstream.settings.region)],
        ]
      : [];
  return { read: fe.read, upstream: upstream.id, args };
}

/** Imports AthenaHook when a fan-out reads an Athena query's rows (first, so that its name stays AthenaHook). */
export function importListHooks(steps: readonly StepIR[], imports: Imports): void {
  if (steps.some((s) => s.forEach?.read === 'athena-rows')) imports.from(LIST_TASK_ATHENA_HOOK.module, LIST_TASK_ATHENA_HOOK.name);
}

/** `python_callable=<function>, op_kwargs={...}` of a list task, the upstream output by its variable. */
export function listTaskArgs(task: ListTask, upstreamVar: string | null): PyKwarg[] {
  const first: [string, PyExpr][] =
    task.upstream === null ? [] : [[task.read === 'json' ? 'payload' : 'query_execution_id', name(`${upstreamVar!}.output`)]];
  return [
    ['python_callable', name(LIST_FUNCTIONS[task.read].name)],
    ['op_kwargs', dict([...first, ...task.args])],
  ];
}

/** Writes the fixed functions the file's list tasks use, once each, in a fixed order. */
export function writeListFunctions(w: PyWriter, reads: ReadonlySet<ListTaskRead>): void {
  for (const read of ['json', 'athena-rows', 'param'] as const) {
    if (!reads.has(read)) continue;
    for (const line of LIST_FUNCTIONS[read].source.trimEnd().split('\n')) w.line(line);
    w.blank();
  }
}
