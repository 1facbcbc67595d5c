import type { JsonPath } from '../diagnostics/types';
import type { JsonValue } from '../spec/scalars';
import type { StepCheckContext } from './types';

/** `{{ ... }}` and `{% ... %}` spans of a string (Jinja's default delimiters). */
const JINJA_SPAN = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;

/**
 * Fields that the API wants as a JSON string (a Lambda payload, an EventBridge detail, a Step Functions input) are
 * encoded at compile time. JSON escapes `"` and `\` as `\"` and `\\`, so inside a Jinja expression they would reach
 * Jinja escaped and break the template when Airflow renders it. Reports DS381 at each string that has such Jinja.
 * Iterative: a deep value cannot exhaust the stack.
 */
export function checkJinjaInJson(value: unknown, field: string, ctx: StepCheckContext): void {
  const stack: [unknown, JsonPath][] = [[value, [field]]];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      const bad = (v.match(JINJA_SPAN) ?? []).find((span) => span.includes('"') || span.includes('\\'));
      if (bad !== undefined) {
        ctx.report('DS381', path, `Jinja ${bad} has a double quote or backslash, which ${field}'s JSON encoding escapes and Jinja then cannot read`, {
          hint: "inside Jinja use single quotes, e.g. {{ ti.xcom_pull(task_ids='extract') }}",
        });
      }
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], [...path, i]]);
    } else if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) stack.push([entries[i]![1], [...path, entries[i]![0]]]);
    }
  }
}

/** The JSON text a field is sent as: compact, keys in the order written (deterministic output). */
export function jsonText(value: JsonValue | Readonly<Record<string, JsonValue>>): string {
  return JSON.stringify(value);
}
