import { S, type JsonSchema } from './json-schema';

/**
 * `forEach`: a step that runs once per item of a list known only at run time (Airflow's dynamic task mapping,
 * `.partial(...).expand(...)`). Lists known when the pipeline is written are a TypeScript loop instead.
 */
export const FOR_EACH_SCHEMA: JsonSchema = {
  type: 'object',
  description:
    'Run this step once per item of a list known only at run time (Airflow dynamic task mapping): the output of an upstream step (`items`), each item filling a field the kind can map (`field`).',
  properties: {
    items: S.nonEmptyString('Id of an upstream step (also in dependsOn) whose output is a list, e.g. an `s3.list` step: one task per item.', {
      tsType: 'string | StepRef',
    }),
    param: S.nonEmptyString(
      "Name of a list param to fan out over. Refused on every target (DS228): Airflow's expand() takes no templates and no params.",
    ),
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

/** The IR of `forEach`: the upstream step whose output is the list, and the arguments each item gives its task. */
export interface ForEachIR {
  readonly items: string;
  readonly args: readonly ItemArg[];
  readonly maxParallel: number | null;
}

/** The arguments a fan-out passes per item, as Airflow takes them: one plain `expand(arg=...)`, or a mapping. */
export function isPlainExpand(args: readonly ItemArg[]): boolean {
  return args.length === 1 && args[0]!.prop === null && args[0]!.prefix === '';
}
