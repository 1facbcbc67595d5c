/**
 * DS345: Jinja in a value that reaches an operator argument Airflow does not render. Airflow renders only a class's
 * template_fields (read per target from the provider: src/base/airflow-templates.generated.ts); a template anywhere
 * else reaches AWS as written. Each step's arguments are what its kind emits, so the check follows every value
 * through the kind: a value found (whole) only in arguments that are not templated is reported at the value.
 * Classes the table does not know (airflow.operator's, a kind's extra tasks) are not judged.
 */
import { templateTable } from '../base/airflow-templates';
import type { PyExpr } from '../base/python-expr';
import type { Reporter } from '../diagnostics/reporter';
import type { JsonPath } from '../diagnostics/types';
import type { PipelineIR } from '../ir/types';
import { kindOf } from '../steps/index';
import { airflowClassOn, type EmitContext } from '../steps/types';
import type { AirflowTarget } from '../targets';
import { isRecord } from '../util/is-record';
import { forEachTemplateString, looksLikeTemplate } from './templates';

export function checkTemplatedFields(ir: PipelineIR, data: unknown, target: AirflowTarget, reporter: Reporter): void {
  const steps = isRecord(data) && Array.isArray(data.steps) ? data.steps : [];
  const table = templateTable(target.version);
  const taskIds = new Map(ir.steps.map((s) => [s.id, s.taskId]));
  const ctx: EmitContext = { target, taskIdOf: (id) => taskIds.get(id) ?? id };
  ir.steps.forEach((step, index) => {
    if (step.kind === 'airflow.operator') return;
    const kind = kindOf(step.kind);
    const cls = airflowClassOn(kind, step.fields as never, target);
    const fields = Object.hasOwn(table.templatedArgs, `${cls.module}.${cls.name}`) ? table.templatedArgs[`${cls.module}.${cls.name}`] : undefined;
    if (!fields) return;
    const values: { text: string; path: JsonPath }[] = [];
    const fileFields = new Set<string>(kind.fileFields ?? []);
    forEachTemplateString(steps[index], ['steps', index], (text, path) => {
      if (!fileFields.has(String(path[2]))) values.push({ text, path });
    });
    if (values.length === 0) return;
    const templated: string[] = [];
    const plain: { arg: string; text: string }[] = [];
    // A fanned-out step's per-item arguments come from its list when it runs, already resolved: Airflow renders
    // no templates in them, so a prefix dagsmith puts before each item is written as it is.
    const perItem = step.forEach?.args ?? [];
    const prefixes = perItem.filter((a) => looksLikeTemplate(a.prefix));
    for (const [arg, expr] of kind.emit(step.fields, step, ctx)) {
      if (perItem.some((a) => a.arg === arg)) continue;
      for (const text of stringsOf(expr)) {
        if (fields.includes(arg)) templated.push(text);
        else plain.push({ arg, text });
      }
    }
    for (const v of values) {
      // The prefix is part of the value as written (the rest of the URI is the bucket, given once).
      const inPrefix = prefixes.filter((a) => v.text.includes(a.prefix)).map((a) => a.arg);
      if (inPrefix.length > 0) {
        reporter.report(
          'DS345',
          v.path,
          `the fanned-out ${cls.name} gets ${inPrefix.map((a) => `'${a}'`).join(', ')} per item, which Airflow does not render: this Jinja reaches AWS as written`,
          { hint: 'list the objects under a prefix without Jinja, or name the copies after their source key alone' },
        );
        continue;
      }
      if (templated.some((t) => t.includes(v.text))) continue;
      const args = [...new Set(plain.filter((p) => p.text.includes(v.text)).map((p) => p.arg))];
      if (args.length === 0) continue;
      reporter.report(
        'DS345',
        v.path,
        `${cls.name} does not render templates in ${args.map((a) => `'${a}'`).join(', ')} (Airflow ${target.version}): this Jinja reaches AWS as written`,
        { hint: `${cls.name} renders ${fields.join(', ')}` },
      );
    }
  });
}

/** Every string inside a Python expression of the emitter (literals, nested lists and mappings included). */
function stringsOf(expr: PyExpr): string[] {
  const out: string[] = [];
  const fromValue = (v: unknown, depth: number): void => {
    if (depth > 200) return;
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach((x) => fromValue(x, depth + 1));
    else if (isRecord(v)) for (const x of Object.values(v)) fromValue(x, depth + 1);
  };
  const stack: PyExpr[] = [expr];
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (e.t === 'lit') fromValue(e.value, 0);
    else if (e.t === 'call') stack.push(...e.args, ...e.kwargs.map(([, v]) => v));
    else if (e.t === 'list') stack.push(...e.items);
    else if (e.t === 'dict') stack.push(...e.entries.map(([, v]) => v));
  }
  return out;
}
