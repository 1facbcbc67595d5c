/**
 * The checks of `forEach` (runtime fan-out, Airflow's dynamic task mapping) that need more than its own schema: the
 * list it names (an upstream step whose kind returns a list), the fields it fills (those the step's kind declares
 * mappable), and whether the target can run it. DS220-DS229.
 */
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
  const params = isRecord(data.params) ? Object.keys(data.params) : [];
  steps.forEach((step, index) => {
    const base: JsonPath = ['steps', index];
    if (!isRecord(step) || !isRecord(step.forEach) || ctx.skip.some((p) => startsWith(p, base))) return;
    checkStepForEach(step, step.forEach, base, { ...ctx, byId, params });
  });
}

interface StepsContext extends ForEachCheckContext {
  readonly byId: ReadonlyMap<string, Record<string, unknown>>;
  readonly params: readonly string[];
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
    r.report('DS220', at(), "forEach needs the list to fan out over: 'items' (the id of an upstream step whose output is a list)", { at: 'key' });
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
  if (isStr(fe.param)) {
    if (!ctx.params.includes(fe.param)) {
      r.report('DS227', at('param'), `forEach.param '${fe.param}' names no param of the pipeline`, {
        hint: didYouMean(fe.param, ctx.params) ?? (ctx.params.length ? `params: ${ctx.params.join(', ')}` : 'the pipeline declares no params'),
      });
    } else {
      r.report(
        'DS228',
        at('param'),
        'a fan-out over a param has no form in Airflow: expand() takes literal lists and task outputs, not templates or params, on every MWAA version',
        {
          hint: 'fan out over the output of an upstream step (forEach.items), or, for a list known when the pipeline is written, write one step per item (a TypeScript loop)',
        },
      );
    }
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
      hint: `kinds whose output is a list: ${lists.join(', ')}`,
    });
  }
}

function startsWith(path: JsonPath, prefix: JsonPath): boolean {
  return prefix.length <= path.length && prefix.every((p, i) => path[i] === p);
}
