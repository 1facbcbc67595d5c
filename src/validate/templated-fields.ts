/**
 * DS345: Jinja in a value that reaches an operator argument Airflow does not render. Airflow renders only a class's
 * template_fields (read per target from the provider: src/base/airflow-templates.generated.ts); a template anywhere
 * else reaches AWS as written. Each step's arguments are what its kind emits, so the check follows every value
 * through the kind: a value found (whole) only in arguments that are not templated is reported at the value.
 * Classes the table does not know (airflow.operator's, a kind's extra tasks) are not judged.
 */
import { templateTable, type AirflowTemplateTable } from '../base/airflow-templates';
import type { PyExpr, PyKwarg } from '../base/python-expr';
import type { Reporter } from '../diagnostics/reporter';
import type { JsonPath } from '../diagnostics/types';
import type { PipelineIR } from '../ir/types';
import { kindOf } from '../steps/index';
import { airflowClassOn, type AirflowClass, type EmitContext } from '../steps/types';
import type { AirflowTarget } from '../targets';
import { isRecord } from '../util/is-record';
import { forEachTemplateString, looksLikeTemplate, type StepTemplates } from './templates';

/**
 * `found` is what checkTemplates walked in the same data (its result): a step's texts are taken from it when it holds
 * them for that step object and kind, else found here by the same walk.
 */
export function checkTemplatedFields(
  ir: PipelineIR,
  data: unknown,
  target: AirflowTarget,
  reporter: Reporter,
  found: readonly (StepTemplates | undefined)[] = [],
): void {
  const steps = isRecord(data) && Array.isArray(data.steps) ? data.steps : [];
  const table = templateTable(target.version);
  // The task ids are looked up by few kinds (those naming another task): the map is made on the first lookup.
  let taskIds: Map<string, string> | undefined;
  const ctx: EmitContext = { target, taskIdOf: (id) => (taskIds ??= new Map(ir.steps.map((s) => [s.id, s.taskId]))).get(id) ?? id };
  ir.steps.forEach((step, index) => {
    if (step.kind === 'airflow.operator') return;
    const kind = kindOf(step.kind);
    const cls = airflowClassOn(kind, step.fields as never, target);
    const fields = templatedArgsOf(table, cls);
    if (!fields) return;
    const fileFields: readonly string[] = kind.fileFields ?? [];
    // The texts first; a value's path is looked up again only when it is reported (rarely).
    const known = found[index];
    const values = known && known.step === steps[index] && known.kind === kind ? known.texts : templateValues(steps[index], index, fileFields);
    if (values.length === 0) return;
    const pathOf = (k: number): JsonPath => templateValuePaths(steps[index], index, fileFields)[k]!;
    // A fanned-out step's per-item arguments come from its list when it runs, already resolved: Airflow renders
    // no templates in them, so a prefix dagsmith puts before each item is written as it is.
    const perItem = step.forEach?.args ?? NO_ITEM_ARGS;
    const prefixes = perItem.length > 0 ? perItem.filter((a) => looksLikeTemplate(a.prefix)) : perItem;
    const emitted = kind.emit(step.fields, step, ctx);
    // A value is reported only when an argument Airflow does not render holds it, so holds a template too: a step
    // whose other arguments hold none (most) has nothing to report, found in one pass over those arguments.
    if (perItem.length === 0 && !templateOutside(emitted, fields)) return;
    values.forEach((text, k) => {
      // The prefix is part of the value as written (the rest of the URI is the bucket, given once).
      const inPrefix = prefixes.length > 0 ? prefixes.filter((a) => text.includes(a.prefix)).map((a) => a.arg) : NO_ARGS;
      if (inPrefix.length > 0) {
        reporter.report(
          'DS345',
          pathOf(k),
          `the fanned-out ${cls.name} gets ${inPrefix.map((a) => `'${a}'`).join(', ')} per item, which Airflow does not render: this Jinja reaches AWS as written`,
          { hint: 'list the objects under a prefix without Jinja, or name the copies after their source key alone' },
        );
        return;
      }
      // The value reaches Airflow unrendered when no templated argument holds it and some other argument does.
      let args: string[] | undefined;
      for (let e = 0; e < emitted.length; e++) {
        const arg = emitted[e]![0];
        if (perItem.length > 0 && perItem.some((a) => a.arg === arg)) continue;
        if (fields.includes(arg)) {
          if (holdsTextIn(emitted[e]![1], text)) return;
        } else if (!args?.includes(arg) && holdsTextIn(emitted[e]![1], text)) (args ??= []).push(arg);
      }
      if (!args) return;
      reporter.report(
        'DS345',
        pathOf(k),
        `${cls.name} does not render templates in ${args.map((a) => `'${a}'`).join(', ')} (Airflow ${target.version}): this Jinja reaches AWS as written`,
        { hint: `${cls.name} renders ${fields.join(', ')}` },
      );
    });
  });
}

const NO_ARGS: readonly string[] = [];
const NO_ITEM_ARGS: NonNullable<PipelineIR['steps'][number]['forEach']>['args'] = [];

/** The templates of a step's values, in order, but those in fields naming a file (whose text the kind inlines). */
function templateValues(step: unknown, index: number, fileFields: readonly string[]): string[] {
  const texts: string[] = [];
  forEachTemplateString(step, ['steps', index], (text, path) => {
    if (!fileFields.includes(String(path[2]))) texts.push(text);
  });
  return texts;
}

/** The paths of templateValues' texts, in the same order. */
function templateValuePaths(step: unknown, index: number, fileFields: readonly string[]): JsonPath[] {
  const paths: JsonPath[] = [];
  forEachTemplateString(step, ['steps', index], (_, path) => {
    if (!fileFields.includes(String(path[2]))) paths.push([...path]);
  });
  return paths;
}

/**
 * The arguments a class renders on the table's Airflow, undefined when the table does not know the class; found once
 * per class object (a kind's class is one object), not by building its `module.Class` key for each step.
 */
function templatedArgsOf(table: AirflowTemplateTable, cls: AirflowClass): readonly string[] | undefined {
  let byClass = templatedArgsByTable.get(table);
  if (!byClass) templatedArgsByTable.set(table, (byClass = new WeakMap<AirflowClass, readonly string[] | null>()));
  let fields = byClass.get(cls);
  if (fields === undefined) {
    const key = `${cls.module}.${cls.name}`;
    fields = (Object.hasOwn(table.templatedArgs, key) ? table.templatedArgs[key] : undefined) ?? null;
    byClass.set(cls, fields);
  }
  return fields ?? undefined;
}
const templatedArgsByTable = new WeakMap<AirflowTemplateTable, WeakMap<AirflowClass, readonly string[] | null>>();

/**
 * Whether a string inside a Python expression of the emitter (literals, nested lists and mappings included) holds
 * `text`. The expression's shape is the kind's (a few levels); a literal's value is the spec's, walked to a bound.
 */
function holdsTextIn(expr: PyExpr, text: string): boolean {
  return holdsStringIn(expr, (s) => s.includes(text));
}

/** Whether an argument not in `fields` holds a string that looks like a template (see looksLikeTemplate). */
function templateOutside(emitted: readonly PyKwarg[], fields: readonly string[]): boolean {
  for (let e = 0; e < emitted.length; e++) {
    if (!fields.includes(emitted[e]![0]) && holdsStringIn(emitted[e]![1], looksLikeTemplate)) return true;
  }
  return false;
}

/** Whether a string for which `test` holds is in `expr`: its shape is the kind's (a few levels), a literal's value walked to a bound. */
function holdsStringIn(expr: PyExpr, test: (s: string) => boolean): boolean {
  switch (expr.t) {
    case 'lit':
      return valueHolds(expr.value, test, 0);
    case 'call':
      return expr.args.some((a) => holdsStringIn(a, test)) || expr.kwargs.some((kw) => holdsStringIn(kw[1], test));
    case 'list':
      return expr.items.some((x) => holdsStringIn(x, test));
    case 'dict':
      return expr.entries.some((entry) => holdsStringIn(entry[1], test));
    default:
      return false;
  }
}

function valueHolds(v: unknown, test: (s: string) => boolean, depth: number): boolean {
  if (depth > 200) return false;
  if (typeof v === 'string') return test(v);
  if (Array.isArray(v)) return v.some((x) => valueHolds(x, test, depth + 1));
  if (isRecord(v)) return Object.values(v).some((x) => valueHolds(x, test, depth + 1));
  return false;
}
