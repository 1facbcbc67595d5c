import { pathStartsWith } from '../util/json-path';
import { isRecord } from '../util/is-record';
import type { JsonPath } from '../diagnostics/types';
import type { Reporter } from '../diagnostics/reporter';
import { isCheckedStep, kindOf } from '../steps/index';
import { airflowClassesOf } from '../steps/types';
import type { AirflowTarget } from '../targets';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Strings that UTF-8 cannot hold and numbers Python has no literal for: caught here, where the path is known. */
export function checkRepresentable(data: unknown, r: Reporter): void {
  const lone = (text: string, path: JsonPath, at: 'key' | 'value'): void => {
    const m = LONE_SURROGATE.exec(text);
    if (m) {
      const cp = m[0].charCodeAt(0).toString(16).toUpperCase();
      r.report('DS324', path, `the ${at === 'key' ? 'key' : 'string'} holds a lone surrogate (U+${cp}), which is not valid Unicode text`, { at });
    }
  };
  // isWellFormed first: it is cheap, and almost every string is.
  walk(data, (value, path) => {
    if (typeof value === 'string') {
      if (!value.isWellFormed()) lone(value, [...path], 'value');
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const key of Object.keys(value)) if (!key.isWellFormed()) lone(key, [...path, key], 'key');
    } else if (typeof value === 'number' && Number.isNaN(value)) {
      r.report('DS325', [...path], 'NaN (.nan) has no place in a pipeline: use a number');
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
  prev_ds: '{{ macros.ds_add(ds, -1) }} on a daily schedule, or {{ prev_data_interval_start_success | ds }}',
  prev_ds_nodash: "{{ macros.ds_format(macros.ds_add(ds, -1), '%Y-%m-%d', '%Y%m%d') }} on a daily schedule",
  conf: 'an Airflow Variable or a pipeline param (the configuration object is no longer in the context)',
  tomorrow_ds: '{{ macros.ds_add(ds, 1) }}',
  tomorrow_ds_nodash: "{{ macros.ds_format(macros.ds_add(ds, 1), '%Y-%m-%d', '%Y%m%d') }}",
  yesterday_ds: '{{ macros.ds_add(ds, -1) }}',
  yesterday_ds_nodash: "{{ macros.ds_format(macros.ds_add(ds, -1), '%Y-%m-%d', '%Y%m%d') }}",
};

/** A part of every name in REMOVED_IN_AIRFLOW_3: most strings hold none, and are done with at once. */
export const REMOVED_NAME_PARTS: readonly string[] = ['_ds', 'conf', 'execution_date'];

const JINJA_BLOCK = /\{\{([\s\S]*?)\}\}|\{%([\s\S]*?)%\}/g;

export interface TargetCheckContext {
  readonly reporter: Reporter;
  /** JSON paths already reported by the schema or variables: the steps holding them are not checked here. */
  readonly skip: readonly JsonPath[];
  readSibling(relPath: string): string | undefined;
}

/**
 * What is valid spec but wrong for the chosen Airflow, so that `validate` finds everything `compile` would:
 * context variables Airflow 3 removed (in spec strings and in the files that kinds inline, which are templates
 * too), and settings the target's operator does not take. (Each kind's own checks see the target too.)
 */
export function checkTargetCompatibility(data: unknown, target: AirflowTarget, ctx: TargetCheckContext): void {
  const r = ctx.reporter;
  const removed = (text: string, path: readonly (string | number)[], where: string): void => {
    if (target.major < 3) return;
    for (const name of removedContextVariables(text)) {
      r.report('DS326', [...path], `'${name}' is not in the template context on Airflow ${target.version}${where}`, {
        hint: `use ${REMOVED_IN_AIRFLOW_3[name]}`,
      });
    }
  };
  if (target.major >= 3) {
    walk(data, (value, path) => {
      // The walk's path is copied only when something is reported (almost no string holds a removed name).
      if (typeof value === 'string') removed(value, path, '');
    });
  }
  const steps = isRecord(data) && Array.isArray(data.steps) ? data.steps : [];
  steps.forEach((raw: unknown, index: number) => {
    const base: JsonPath = ['steps', index];
    // Only steps that passed the schema of their kind (no reported path lies inside them).
    if (!isCheckedStep(raw) || ctx.skip.some((p) => pathStartsWith(p, base))) return;
    const step = raw;
    const kind = kindOf(step.kind);
    for (const field of kind.fileFields ?? []) {
      const rel: unknown = Object.getOwnPropertyDescriptor(step, field)?.value;
      const text = typeof rel === 'string' ? ctx.readSibling(rel) : undefined;
      if (text !== undefined) removed(text, [...base, field], ` (in ${String(rel)})`);
    }
    if (step.region !== undefined && kind.takesRegion && !kind.takesRegion(target)) {
      r.report(
        'DS327',
        [...base, 'region'],
        `${airflowClassesOf(kind)
          .map((c) => c.name)
          .join(
            ' / ',
          )} takes no region on Airflow ${target.version} (amazon provider ${target.provider}); set the region on the AWS connection instead`,
      );
    }
  });
}

/** Names of removed context variables used inside `{{ }}` or `{% %}` blocks, in order, each once. */
export function removedContextVariables(text: string): string[] {
  // Every removed name holds one of these (test/validate/portability.test.ts): a text with none has none of the names.
  if (!text.includes('{') || !REMOVED_NAME_PARTS.some((part) => text.includes(part))) return [];
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

/**
 * Visits every value with its path. The path is one array that changes as the walk goes on: a visitor that keeps
 * it (in a report) copies it.
 */
function walk(data: unknown, visit: (v: unknown, path: readonly (string | number)[]) => void): void {
  const path: (string | number)[] = [];
  const go = (value: unknown): void => {
    visit(value, path);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        go(value[i]);
        path.pop();
      }
    } else if (value && typeof value === 'object') {
      const obj = value as Record<string, unknown>;
      for (const k of Object.keys(obj)) {
        path.push(k);
        go(obj[k]);
        path.pop();
      }
    }
  };
  go(data);
}
