import { S, type JsonSchema } from './json-schema';
import type { AirflowTarget } from '../targets';

/**
 * `forEach`: a step that runs once per item of a list known only at run time (Airflow's dynamic task mapping,
 * `.partial(...).expand(...)`). Lists known when the pipeline is written are a TypeScript loop instead.
 */
export const FOR_EACH_SCHEMA: JsonSchema = {
  type: 'object',
  description:
    'Run this step once per item of a list known only at run time (Airflow dynamic task mapping): the output of an upstream step (`items`) or a list param (`param`), each item filling a field the kind can map (`field`).',
  properties: {
    items: S.nonEmptyString(
      'Id of an upstream step (also in dependsOn) whose output is a list: the keys of an `s3.list` step, the JSON list a `lambda.invoke` returns, the first column of an `athena.query`: one task per item.',
      {
        tsType: 'string | StepRef',
      },
    ),
    param: S.nonEmptyString('Name of a list param (`type: array`) to fan out over: one task per string of its value in the run.'),
    field: S.nonEmptyString('The field each item fills (the item is its value), one of the fields the kind can map.'),
    maxParallel: S.integer('At most this many of the tasks run at once in one DAG run (max_active_tis_per_dagrun).', { minimum: 1 }),
  },
  additionalProperties: false,
  tsType: 'ForEach',
};

/** The operator argument one item gives a fanned-out task: `prefix + item` (`prop` null) or `prefix + item[prop]`. */
export interface ItemArg {
  readonly arg: string;
  readonly prop: string | null;
  readonly prefix: string;
}

/**
 * How a fan-out gets its list from where it comes: an upstream task's output as it is (`list`: already a list of
 * strings), that output parsed as a JSON list of strings (`json`: a Lambda's payload), the first column of the rows of
 * the Athena query whose execution id that output is (`athena-rows`), or the value of a param in the run (`param`).
 * Every source but `list` goes through a small fixed task that returns the list (Airflow maps only over a task's
 * list output; expand() renders no templates, so a param cannot be expanded as it is).
 */
export type ListRead = 'list' | 'json' | 'athena-rows' | 'param';

/** The IR of `forEach`: where the list comes from, and the arguments each item gives its task. */
export interface ForEachIR {
  /** The upstream step whose output is the list (or gives it); null for a param. */
  readonly items: string | null;
  /** The param whose value is the list; null for an upstream step. */
  readonly param: string | null;
  readonly read: ListRead;
  readonly args: readonly ItemArg[];
  readonly maxParallel: number | null;
}

/** The arguments a fan-out passes per item, as Airflow takes them: one plain `expand(arg=...)`, or a mapping. */
export function isPlainExpand(args: readonly ItemArg[]): boolean {
  return args.length === 1 && args[0]!.prop === null && args[0]!.prefix === '';
}

/** The task id (within the step's group) of a fanned-out step's list task (every ListRead but `list`). */
export function listTaskId(stepId: string): string {
  return `${stepId}_items`;
}

/** The class of a list task: PythonOperator, Airflow's own on 2.x, the standard provider's on 3.x. */
export function listTaskClass(target: AirflowTarget): { readonly module: string; readonly name: string } {
  return { module: target.major === 3 ? 'airflow.providers.standard.operators.python' : 'airflow.operators.python', name: 'PythonOperator' };
}

/** The class the list function of an Athena fan-out reads the query's rows with. */
export const LIST_TASK_ATHENA_HOOK = { module: 'airflow.providers.amazon.aws.hooks.athena', name: 'AthenaHook' } as const;
