/**
 * The checks of `forEach` (runtime fan-out, Airflow's dynamic task mapping) that need more than its own schema: the
 * list it names (an upstream step whose kind gives a list, or a list param), the fields it fills (those the step's
 * kind declares mappable), and whether the target can run it. DS220-DS227, DS229-DS233 (DS228 is retired).
 */
import { pathStartsWith } from '../util/json-path';
import { listTaskId } from '../base/for-each';
import type { Reporter } from '../diagnostics/reporter';
import type { JsonPath } from '../diagnostics/types';
import { stepKind, STEP_KINDS } from '../steps/index';
import type { AirflowTarget } from '../targets';
import { isRecord } from '../util/is-record';
import { didYouMean } from '../util/suggest';

export interface ForEachCheckContext {
  readonly reporter: Reporter;
  readonly target: AirflowTarget;
  /** Paths already reported: a step holding one is not checked again. */
  readonly skip: readonly JsonPath[];
}

const isStr = (v: unknown): v is string => typeof v === 'string';

/** Checks every step's `forEach` of a pipeline document (variables resolved). */
export function checkForEach(data: unknown, ctx: ForEachCheckContext): void {
  if (!isRecord(data) || !Array.isArray(data.steps)) return;
  const steps: unknown[] = data.steps;
  const byId = new Map<string, Record<string, unknown>>();
  for (const s of steps) if (isRecord(s) && isStr(s.id) && !byId.has(s.id)) byId.set(s.id, s);
  const reportedParams = new Set<string>();
  const params = new Map<string, unknown>(isRecord(data.params) ? Object.entries(data.params) : []);
  steps.forEach((step, index) => {
    const base: JsonPath = ['steps', index];
    if (!isRecord(step) || !isRecord(step.forEach) || ctx.skip.some((p) => pathStartsWith(p, base))) return;
    checkStepForEach(step, step.forEach, base, {
      ...ctx,
      byId,
      params,
      steps,
      reportedParams,
      defaults: isRecord(data.defaults) ? data.defaults : {},
    });
  });
}

interface StepsContext extends ForEachCheckContext {
  readonly byId: ReadonlyMap<string, Record<string, unknown>>;
  readonly params: ReadonlyMap<string, unknown>;
  readonly steps: readonly unknown[];
  /** The pipeline's `defaults` (the connection and region a step without its own uses). */
  readonly defaults: Record<string, unknown>;
  /** Params whose default was reported (DS232): once, however many steps fan out over them. */
  readonly reportedParams: Set<string>;
}

function checkStepForEach(step: Record<string, unknown>, fe: Record<string, unknown>, base: JsonPath, ctx: StepsContext): void {
  const r = ctx.reporter;
  const at = (...path: (string | number)[]): JsonPath => [...base, 'forEach', ...path];
  const kind = isStr(step.kind) ? stepKind(step.kind) : undefined;
  if (ctx.target.platform === 'mwaa-serverless') {
    r.report(
      'DS229',
      at(),
      'MWAA Serverless cannot run a fan-out: its workflow definition (the service\u2019s validator schema) has no expand or partial task key',
      {
        at: 'key',
        hint: 'compile this pipeline for MWAA (an Airflow version) instead, or write one step per item in a TypeScript loop',
      },
    );
  }
  if (fe.items !== undefined && fe.param !== undefined) {
    r.report('DS220', at('param'), "forEach takes its list from 'items' (an upstream step) or 'param', not both", { at: 'key' });
  } else if (fe.items === undefined && fe.param === undefined) {
    r.report('DS220', at(), "forEach needs the list to fan out over: 'items' (the id of an upstream step whose output is a list) or 'param'", {
      at: 'key',
    });
  }
  if (fe.field === undefined) {
    r.report('DS221', at(), "forEach needs the field each item fills: 'field', one of the fields the step's kind can map", { at: 'key' });
  }
  if (kind && !kind.fanOut) {
    const can = STEP_KINDS.filter((k) => k.fanOut).map((k) => k.kind);
    r.report('DS225', at(), `${kind.kind} cannot fan out: it declares no field a forEach may fill`, {
      at: 'key',
      hint: `kinds that can: ${can.join(', ')}; for a list known when the pipeline is written, write one step per item (a TypeScript loop)`,
    });
  } else if (kind?.fanOut) {
    const mappable = Object.keys(kind.fanOut.fields);
    const checkField = (name: string, path: JsonPath) => {
      if (Object.hasOwn(kind.fanOut!.fields, name)) return;
      r.report('DS226', path, `${kind.kind} cannot fill '${name}' per item; it maps ${mappable.map((m) => `'${m}'`).join(', ')}`, {
        hint: didYouMean(name, mappable) ?? `mappable fields of ${kind.kind}: ${mappable.join(', ')}`,
      });
    };
    if (isStr(fe.field)) checkField(fe.field, at('field'));
  }
  if (isStr(fe.items)) checkItems(step, fe.items, at('items'), ctx);
  if (isStr(fe.param)) checkParam(fe.param, at('param'), ctx);
  checkListTaskArgs(fe, at(isStr(fe.param) ? 'param' : 'items'), ctx);
  if (isStr(fe.items) || isStr(fe.param)) checkListTaskId(step, isStr(fe.items) ? fe.items : null, at(), ctx);
}

/** Jinja's delimiters: Airflow renders the list task's op_kwargs, a templated field, with them. */
const JINJA = /\{\{|\{%|\{#/;

/**
 * DS234 when a value the list task passes in its op_kwargs (a templated field: Airflow renders it) holds Jinja: the
 * param's name, or the connection and region of the Athena step whose rows it reads (which that step uses as they are).
 */
function checkListTaskArgs(fe: Record<string, unknown>, path: JsonPath, ctx: StepsContext): void {
  const values: [string, unknown][] = [];
  if (isStr(fe.param)) values.push(['the param name', fe.param]);
  const upstream = isStr(fe.items) ? ctx.byId.get(fe.items) : undefined;
  if (upstream && upstream.kind === 'athena.query') {
    values.push([`the awsConnId of '${String(upstream.id)}'`, upstream.awsConnId ?? ctx.defaults.awsConnId]);
    values.push([`the region of '${String(upstream.id)}'`, upstream.region ?? ctx.defaults.region]);
  }
  for (const [what, value] of values) {
    if (isStr(value) && JINJA.test(value)) {
      ctx.reporter.report('DS234', path, `${what} ('${value}') holds Jinja, which the fan-out's list task would render as a template`, {
        hint: 'use a plain name here: the list task passes it as it is written only when it holds no {{, {% or {#',
      });
    }
  }
}

/** DS227 for an unknown param, DS231 for one that is not `type: array`, DS232 for a default that is not a list of strings. */
function checkParam(name: string, path: JsonPath, ctx: StepsContext): void {
  const r = ctx.reporter;
  const names = [...ctx.params.keys()];
  if (!ctx.params.has(name)) {
    r.report('DS227', path, `forEach.param '${name}' names no param of the pipeline`, {
      hint: didYouMean(name, names) ?? (names.length ? `params: ${names.join(', ')}` : 'the pipeline declares no params'),
    });
    return;
  }
  const param = ctx.params.get(name);
  const type = isRecord(param) ? param.type : undefined;
  const types = Array.isArray(type) ? type : [type];
  if (types.length !== 1 || types[0] !== 'array') {
    r.report('DS231', path, `forEach.param '${name}' is not a list param: declare it with type: array`, {
      hint: `params: { ${name}: { type: array, default: [] } }`,
    });
    return;
  }
  if (isRecord(param) && Object.hasOwn(param, 'default') && !ctx.reportedParams.has(name)) {
    ctx.reportedParams.add(name);
    const def = param.default;
    if (!Array.isArray(def) || !def.every(isStr)) {
      r.report('DS232', ['params', name, 'default'], `the default of '${name}' is not a list of strings, so a run that keeps it fails its fan-out`, {
        hint: "e.g. default: ['a', 'b'], or [] to run no task",
      });
    }
  }
}

/**
 * DS233 when the task a fan-out adds to return its list (`<step>_items`, in the step's group; every source but an
 * upstream list as it is) has the id of another step, in any group.
 */
function checkListTaskId(step: Record<string, unknown>, items: string | null, path: JsonPath, ctx: StepsContext): void {
  if (!isStr(step.id)) return;
  if (items !== null) {
    const upstream = ctx.byId.get(items);
    const upKind = upstream && isStr(upstream.kind) ? stepKind(upstream.kind) : undefined;
    if (!upKind?.listOutput || upKind.listOutput.read === 'list') return;
  }
  const id = listTaskId(step.id);
  // Whatever the groups: the DAG file's variable of a task is named after its id within its group.
  const clash = ctx.steps.find((s) => isRecord(s) && s.id === id);
  if (clash) {
    ctx.reporter.report('DS233', path, `this fan-out adds a task '${id}' that returns its list, and a step already has that id`, {
      at: 'key',
      hint: `rename step '${id}' or '${step.id}'`,
    });
  }
}

function checkItems(step: Record<string, unknown>, items: string, path: JsonPath, ctx: StepsContext): void {
  const r = ctx.reporter;
  const upstream = ctx.byId.get(items);
  if (items === step.id || !upstream) {
    const others = [...ctx.byId.keys()].filter((id) => id !== step.id);
    r.report(
      'DS222',
      path,
      items === step.id ? `forEach.items names the step itself ('${items}')` : `forEach.items names no step of the pipeline: '${items}'`,
      {
        hint: didYouMean(items, others) ?? 'name an upstream step whose output is a list, e.g. an s3.list step',
      },
    );
    return;
  }
  const deps = Array.isArray(step.dependsOn) ? step.dependsOn : [];
  if (!deps.includes(items)) {
    r.report('DS223', path, `forEach.items '${items}' is not in this step's dependsOn: the step runs on the list of a step it waits for`, {
      hint: `add '${items}' to dependsOn`,
    });
  }
  const upKind = isStr(upstream.kind) ? stepKind(upstream.kind) : undefined;
  if (!upKind) return;
  if (!upKind.listOutput) {
    const lists = STEP_KINDS.filter((k) => k.listOutput).map((k) => k.kind);
    r.report('DS224', path, `the output of '${items}' (${upKind.kind}) is not a list, so there is nothing to fan out over`, {
      hint: `kinds whose output gives a list: ${lists.join(', ')}; or fan out over a list param (forEach.param)`,
    });
    return;
  }
  const why = upKind.listOutput.noList?.(upstream);
  if (why !== undefined) r.report('DS230', path, `'${items}' gives no list to fan out over: ${why}`);
}
