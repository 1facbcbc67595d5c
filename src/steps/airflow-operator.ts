import { S } from '../base/json-schema';
import { lit, type PyKwarg } from '../base/python-expr';
import type { JsonValue } from '../spec/scalars';
import { SETTINGS } from '../base/settings';
import { PYTHON_KEYWORDS, PYTHON_STDLIB_MODULES } from './python-names';
import { defineStepKind, type AirflowClass, type StepCheckContext } from './types';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A class, by Python convention: CapWords. */
const CLASS_NAME = /^[A-Z][A-Za-z0-9_]*$/;

/**
 * Keyword arguments the DAG emitter writes itself, or that Airflow passes from the DAG and task group context:
 * as `arguments` they would be written twice (a SyntaxError) or fight the pipeline. Each names the field to use.
 */
const RESERVED_ARGUMENTS: ReadonlyMap<string, string> = new Map([
  ['task_id', "the step's 'id'"],
  ['dag', 'the pipeline'],
  ['task_group', "the step's 'group'"],
  ['default_args', "the pipeline's 'defaults'"],
  ['trigger_rule', "the step's 'triggerRule'"],
  ['outlets', "the step's 'produces'"],
  ['post_execute', "the step's 'producesAlias' (its hook records the alias events)"],
  ...Object.entries(SETTINGS).map(([field, def]): [string, string] => [def.pythonArg, `the step's '${field}'`]),
]);

/** `airflow.operator` -> the named class: the escape hatch for operators and sensors without a typed kind. */
export const airflowOperator = defineStepKind({
  kind: 'airflow.operator',
  description: 'Any Airflow operator or sensor class, by dotted path, with keyword arguments (the escape hatch).',
  notes:
    '`arguments` become keyword arguments, each value a Python literal (Jinja such as XCom pulls passes through as text). ' +
    'The path is checked in form; that the class imports and takes the arguments is proven on each target by loading the DAG in Airflow. ' +
    'A class with a typed kind gets a warning (DS385); a class outside `airflow.*` a warning (DS386); the standard library is refused (DS387).',
  // Each step names its class; there is no list of them.
  airflowClass: { all: [], choose: (fields: AirflowOperatorFields): AirflowClass => fields.operator },
  required: ['operator'],
  supportsDeferrable: true,
  properties: {
    operator: S.nonEmptyString("Dotted path of the operator or sensor class, e.g. 'airflow.providers.amazon.aws.sensors.glue.GlueJobSensor'."),
    arguments: S.anyMap("The class's constructor arguments (keyword arguments), e.g. { job_name: clean-events }."),
  },
  check(step, ctx) {
    const parsed = checkOperatorPath(step.operator, ctx);
    for (const name of Object.keys(step.arguments ?? {})) checkArgumentName(name, ctx);
    const typed = parsed && typedKindFor(parsed);
    if (parsed && typed !== undefined) {
      ctx.report('DS385', ['operator'], `${parsed.name} has a typed step kind, '${typed}': use it for its checks, defaults and per-version mapping`);
    }
  },
  normalize(step) {
    const operator = parsePath(step.operator);
    if (!operator) throw new Error(`internal error: operator path '${step.operator}' passed validation but does not parse`);
    return { operator, arguments: Object.entries(step.arguments ?? {}) } satisfies AirflowOperatorFields;
  },
  emit(f): readonly PyKwarg[] {
    return f.arguments.map(([k, v]) => [k, lit(v)] as const);
  },
});

function parsePath(path: string): AirflowClass | undefined {
  const parts = path.split('.');
  if (parts.length < 2 || !parts.every((p) => IDENTIFIER.test(p) && !PYTHON_KEYWORDS.has(p))) return undefined;
  const name = parts.pop()!;
  return CLASS_NAME.test(name) ? { module: parts.join('.'), name } : undefined;
}

/** DS383/DS386/DS387 for the path; the class when the path has a class's form. */
function checkOperatorPath(path: string, ctx: StepCheckContext): AirflowClass | undefined {
  const parsed = parsePath(path);
  if (!parsed) {
    ctx.report(
      'DS383',
      ['operator'],
      `'${path}' is not the dotted path of a class (module.path.ClassName: Python identifiers joined by dots, the class in CapWords)`,
      {
        hint: "e.g. 'airflow.providers.amazon.aws.sensors.glue.GlueJobSensor'",
      },
    );
    return undefined;
  }
  const root = parsed.module.split('.')[0]!;
  if (PYTHON_STDLIB_MODULES.has(root)) {
    ctx.report(
      'DS387',
      ['operator'],
      `'${path}' is from Python's standard library ('${root}'), not an Airflow operator; it would run when the DAG file is parsed`,
    );
  } else if (root !== 'airflow') {
    ctx.report(
      'DS386',
      ['operator'],
      `'${path}' is outside Airflow and its providers: it must be installed on the environment (requirements or plugins), and dagsmith cannot check it`,
    );
  }
  return parsed;
}

function checkArgumentName(name: string, ctx: StepCheckContext): void {
  const reserved = RESERVED_ARGUMENTS.get(name);
  if (reserved !== undefined) {
    ctx.report('DS384', ['arguments', name], `argument '${name}' is set by dagsmith from ${reserved}; set it there`, { at: 'key' });
  } else if (!IDENTIFIER.test(name) || PYTHON_KEYWORDS.has(name) || /^__.*__$/.test(name)) {
    ctx.report(
      'DS384',
      ['arguments', name],
      `argument '${name}' is not a Python keyword argument name (letters, digits and '_'; not a reserved word or a __dunder__ name)`,
      { at: 'key' },
    );
  }
}

/** The registered kind that emits this class on the target, if any (loaded lazily: the registry imports this file). */
function typedKindFor(cls: AirflowClass): string | undefined {
  const { kindEmittingClass } = require('./index') as typeof import('./index');
  return kindEmittingClass(cls);
}

export interface AirflowOperatorFields {
  readonly operator: AirflowClass;
  /** Keyword arguments in the order written. */
  readonly arguments: readonly (readonly [string, JsonValue])[];
}
