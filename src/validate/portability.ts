import type { JsonPath } from '../diagnostics/types';
import type { Reporter } from '../load/source';
import type { AirflowTarget } from '../steps/types';

/** Strings that UTF-8 cannot hold and numbers Python has no literal for: caught here, where the path is known. */
export function checkRepresentable(data: unknown, r: Reporter): void {
  const lone = (text: string, path: JsonPath, at: 'key' | 'value'): void => {
    const m = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.exec(text);
    if (m) {
      const cp = m[0].charCodeAt(0).toString(16).toUpperCase();
      r.report('DS501', path, `the ${at === 'key' ? 'key' : 'string'} holds a lone surrogate (U+${cp}), which is not valid Unicode text`, { at });
    }
  };
  walk(data, [], (value, path) => {
    if (typeof value === 'string') {
      lone(value, path, 'value');
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const key of Object.keys(value)) lone(key, [...path, key], 'key');
    } else if (typeof value === 'number' && Number.isNaN(value)) {
      r.report('DS502', path, 'NaN (.nan) has no place in a pipeline: use a number');
    }
  });
}

/** Template variables Airflow 3 removed from the task context, with what to use instead. */
export const REMOVED_IN_AIRFLOW_3: Record<string, string> = {
  execution_date: 'logical_date',
  next_execution_date: 'data_interval_end',
  prev_execution_date: 'prev_data_interval_start_success',
  prev_execution_date_success: 'prev_data_interval_start_success',
  next_ds: '{{ data_interval_end | ds }}',
  next_ds_nodash: '{{ data_interval_end | ds_nodash }}',
  prev_ds: "{{ macros.ds_add(ds, -1) }} on a daily schedule, or {{ prev_data_interval_start_success | ds }}",
  prev_ds_nodash: "{{ macros.ds_format(macros.ds_add(ds, -1), '%Y-%m-%d', '%Y%m%d') }} on a daily schedule",
  conf: 'an Airflow Variable or a pipeline param (the configuration object is no longer in the context)',
  tomorrow_ds: "{{ macros.ds_add(ds, 1) }}",
  tomorrow_ds_nodash: "{{ macros.ds_format(macros.ds_add(ds, 1), '%Y-%m-%d', '%Y%m%d') }}",
  yesterday_ds: "{{ macros.ds_add(ds, -1) }}",
  yesterday_ds_nodash: "{{ macros.ds_format(macros.ds_add(ds, -1), '%Y-%m-%d', '%Y%m%d') }}",
};

const JINJA_BLOCK = /\{\{([\s\S]*?)\}\}|\{%([\s\S]*?)%\}/g;

/**
 * What is valid spec but wrong for the chosen Airflow: context variables Airflow 3 removed, in spec strings and in
 * the SQL files they name (those are inlined into the DAG, so they are templates too).
 */
export function checkTargetCompatibility(
  data: unknown,
  target: AirflowTarget,
  r: Reporter,
  readSibling: (rel: string) => string | undefined,
): void {
  if (target.major < 3) return;
  const report = (text: string, path: JsonPath, where: string): void => {
    for (const name of removedContextVariables(text)) {
      r.report('DS503', path, `'${name}' is not in the template context on Airflow ${target.version}${where}`, {
        hint: `use ${REMOVED_IN_AIRFLOW_3[name]}`,
      });
    }
  };
  walk(data, [], (value, path) => {
    if (typeof value !== 'string') return;
    report(value, path, '');
    const key = path[path.length - 1];
    if (key === 'sqlFile' || key === 'queryFile') {
      const text = readSibling(value);
      if (text !== undefined) report(text, path, ` (in ${value})`);
    }
  });
}

/** Names of removed context variables used inside `{{ }}` or `{% %}` blocks, in order, each once. */
export function removedContextVariables(text: string): string[] {
  if (!text.includes('{')) return [];
  const found: string[] = [];
  for (const block of text.matchAll(JINJA_BLOCK)) {
    const body = block[1] ?? block[2] ?? '';
    for (const m of body.matchAll(/(?<![\w.])([a-z_]+)\b/g)) {
      const name = m[1]!;
      if (Object.hasOwn(REMOVED_IN_AIRFLOW_3, name) && !found.includes(name)) found.push(name);
    }
  }
  return found;
}

function walk(value: unknown, path: (string | number)[], visit: (v: unknown, p: JsonPath) => void): void {
  visit(value, path);
  if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i], visit));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) walk(v, [...path, k], visit);
  }
}
