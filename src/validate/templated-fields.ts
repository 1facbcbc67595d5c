/**
 * DS345: Jinja in a value that reaches an operator argument Airflow does not render. Airflow renders only a class's
 * template_fields (read per target from the provider: src/base/airflow-templates.generated.ts); a template anywhere
 * else reaches AWS as written. Each step's arguments are what its kind emits, so the check follows every value
 * through the kind: a value found (whole) only in arguments that are not templated is reported at the value.
 * Classes the table does not know (airflow.operator's, a kind's extra tasks) are not judged.
 */
import { templateTable, type AirflowTemplateTable } from '../base/airflow-templates';
import type { PyExpr } from '../base/python-expr';
import type { Reporter } from '../diagnostics/reporter';
import type { JsonPath } from '../diagnostics/types';
import type { PipelineIR } from '../ir/types';
import { kindOf } from '../steps/index';
import { airflowClassOn, type AirflowClass, type EmitContext } from '../steps/types';
import type { AirflowTarget } from '../targets';
import { isRecord } from '../util/is-record';
import { forEachTemplateString, looksLikeTemplate } from './templates';

export function checkTemplatedFields(ir: PipelineIR, data: unknown, target: AirflowTarget, reporter: Reporter): void {
  const steps = isRecord(data) && Array.isArray(data.steps) ? data.steps : [];
  const table = templateTable(target.version);
  let ctx: EmitContext | undefined;
  const emitContext = (): EmitContext => {
    if (!ctx) {
      const taskIds = new Map(ir.steps.map((s) => [s.id, s.taskId]));
      ctx = { target, taskIdOf: (id) => taskIds.get(id) ?? id };
    }
    return ctx;
  };
  ir.steps.forEach((step, index) => {
    if (step.kind === 'airflow.operator') return;
    const kind = kindOf(step.kind);
    const cls = airflowClassOn(kind, step.fields as never, target);
    const fields = templatedArgsOf(table, cls);
    if (!fields) return;
    const fileFields: readonly string[] = kind.fileFields ?? [];
    // The texts first; a value's path is looked up again only when it is reported (rarely).
    const values = templateValues(steps[index], index, fileFields);
    if (values.length === 0) return;
    const pathOf = (k: number): JsonPath => templateValuePaths(steps[index], index, fileFields)[k]!;
    const templated: string[] = [];
    const plainArgs: string[] = [];
    const plainTexts: string[] = [];
    // A fanned-out step's per-item arguments come from its list when it runs, already resolved: Airflow renders
    // no templates in them, so a prefix dagsmith puts before each item is written as it is.
    const perItem = step.forEach?.args ?? [];
    const prefixes = perItem.length > 0 ? perItem.filter((a) => looksLikeTemplate(a.prefix)) : perItem;
    const emitted = kind.emit(step.fields, step, emitContext());
    for (let e = 0; e < emitted.length; e++) {
      const arg = emitted[e]![0];
      if (perItem.length > 0 && perItem.some((a) => a.arg === arg)) continue;
      if (fields.includes(arg)) stringsOf(emitted[e]![1], templated);
      else {
        const from = plainTexts.length;
        stringsOf(emitted[e]![1], plainTexts);
        for (let t = from; t < plainTexts.length; t++) plainArgs.push(arg);
      }
    }
    values.forEach((text, k) => {
      // The prefix is part of the value as written (the rest of the URI is the bucket, given once).
      const inPrefix = prefixes.filter((a) => text.includes(a.prefix)).map((a) => a.arg);
      if (inPrefix.length > 0) {
        reporter.report(
          'DS345',
          pathOf(k),
          `the fanned-out ${cls.name} gets ${inPrefix.map((a) => `'${a}'`).join(', ')} per item, which Airflow does not render: this Jinja reaches AWS as written`,
          { hint: 'list the objects under a prefix without Jinja, or name the copies after their source key alone' },
        );
        return;
      }
      if (templated.some((t) => t.includes(text))) return;
      const args = [...new Set(plainArgs.filter((_, t) => plainTexts[t]!.includes(text)))];
      if (args.length === 0) return;
      reporter.report(
        'DS345',
        pathOf(k),
        `${cls.name} does not render templates in ${args.map((a) => `'${a}'`).join(', ')} (Airflow ${target.version}): this Jinja reaches AWS as written`,
        { hint: `${cls.name} renders ${fields.join(', ')}` },
      );
    });
  });
}

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

/** Adds every string inside a Python expression of the emitter (literals, nested lists and mappings included) to `out`, in order. */
function stringsOf(expr: PyExpr, out: string[]): void {
  const stack: PyExpr[] = [expr];
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (e.t === 'lit') stringsOfValue(e.value, 0, out);
    else if (e.t === 'call') {
      for (const a of e.args) stack.push(a);
      for (const kw of e.kwargs) stack.push(kw[1]);
    } else if (e.t === 'list') for (const x of e.items) stack.push(x);
    else if (e.t === 'dict') for (const entry of e.entries) stack.push(entry[1]);
  }
}

function stringsOfValue(v: unknown, depth: number, out: string[]): void {
  if (depth > 200) return;
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) stringsOfValue(x, depth + 1, out);
  else if (isRecord(v)) for (const x of Object.values(v)) stringsOfValue(x, depth + 1, out);
}
