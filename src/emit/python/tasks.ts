import type { SettingName, StepIR } from '../../ir/types';
import { SETTINGS, settingToPython } from '../../base/settings';
import { kindOf } from '../../steps/index';
import { airflowClassOn, type EmitContext, type ExtraTask } from '../../steps/types';
import type { AirflowTarget } from '../../targets';
import { call, list, lit, type PyExpr, type PyKwarg } from '../../base/python-expr';
import type { Imports } from './imports';
import type { ItemArg } from '../../base/for-each';
import { stepCallbackArgs } from './notifications';
import { aliasOutletArgs } from './airflow3-features';
import { listTaskOf, type ListTask } from './fan-out-lists';
import { listTaskId, listTaskClass } from '../../base/for-each';
import { CHECKED_OPERATORS } from './checked-operators';

/** One Airflow task as a Python call, `callee(task_id=..., ...)`; `id` is its task id within its group. */
export interface TaskCall {
  readonly id: string;
  readonly callee: string;
  readonly args: readonly PyKwarg[];
  /** A fanned-out step's task: `callee` is `Class.partial`, and this is what is expanded (forEach). */
  readonly expand?: Expansion;
  /** A fan-out's list task: its function and arguments, written with the upstream task's variable. */
  readonly list?: ListTask;
}

/** `.expand(arg=<upstream>.output)`, or `.expand_kwargs(<upstream>.output.map(<function>))` with a generated function. */
export interface Expansion {
  /** The task (a step's own, or a fan-out's list task) whose output is the list. */
  readonly items: string;
  readonly args: readonly ItemArg[];
}

/**
 * The tasks one step compiles to: its own, those its kind adds after it (a sensor) or as its teardown, and before a
 * fanned-out step the task returning its list (unless it maps over an upstream list as it is).
 */
export interface StepTasks {
  readonly step: StepIR;
  readonly list: TaskCall | undefined;
  readonly own: TaskCall;
  readonly follower: TaskCall | undefined;
  readonly teardown: TaskCall | undefined;
}

/** The step's tasks. Imports their classes (and Asset/Dataset for outlets) in the order the file has always used. */
export function stepTasksOf(step: StepIR, ctx: EmitContext, imports: Imports, dagId: string, steps: readonly StepIR[]): StepTasks {
  const kind = kindOf(step.kind);
  const listTask = listTaskOf(step, steps, imports);
  const list: TaskCall | undefined = listTask && {
    id: listTaskId(step.id),
    callee: imports.from(listTaskClass(ctx.target).module, listTaskClass(ctx.target).name),
    args: [['task_id', lit(listTaskId(step.id))]],
    list: listTask,
  };
  const extras = kind.extraTasks?.(step.fields, step, ctx) ?? [];
  // With a task after it, the step's work is done (and its assets updated) when that task succeeds.
  const own = ownTaskCall(step, !extras.some((t) => t.placement === 'after'), ctx, imports, dagId, list?.id);
  let follower: TaskCall | undefined;
  let teardown: TaskCall | undefined;
  for (const extra of extras) {
    if (extra.placement === 'after') follower = extraTaskCall(step, extra, ctx.target, imports, dagId);
    else teardown = extraTaskCall(step, extra, ctx.target, imports, dagId);
  }
  return { step, list, own, follower, teardown };
}

/** The step's own task: the kind's class and arguments, then the settings the step overrides, trigger rule, outlets. */
function ownTaskCall(step: StepIR, withOutlets: boolean, ctx: EmitContext, imports: Imports, dagId: string, listTask?: string): TaskCall {
  const kind = kindOf(step.kind);
  const cls = airflowClassOn(kind, step.fields, ctx.target);
  const imported = imports.from(cls.module, cls.name);
  // An operator whose task must check what it waited for: the file's fixed subclass of it (dag.ts writes it).
  const checked = CHECKED_OPERATORS[step.kind];
  const callee =
    checked && checked.base.module === cls.module && checked.base.name === cls.name && checked.applies(step.fields as never)
      ? checked.name
      : imported;
  const fanOut = step.forEach;
  // A fanned-out step's per-item arguments replace what its kind passes for them (partial takes the rest).
  const perItem = new Set(fanOut?.args.map((a) => a.arg));
  const own = kind.emit(step.fields, step, ctx).filter(([k]) => !perItem.has(k));
  const args: PyKwarg[] = [['task_id', lit(step.id)], ...own, ...overrideArgs(step, own, ctx.target)];
  if (step.triggerRule !== 'all_success') args.push(['trigger_rule', lit(step.triggerRule)]);
  if (withOutlets) args.push(...outletArgs(step, ctx.target, imports));
  args.push(...stepCallbackArgs(dagId, step, withOutlets, imports));
  if (!fanOut) return { id: step.id, callee, args };
  if (fanOut.maxParallel !== null) args.push(['max_active_tis_per_dagrun', lit(fanOut.maxParallel)]);
  return { id: step.id, callee: `${callee}.partial`, args, expand: { items: listTask ?? fanOut.items!, args: fanOut.args } };
}

/** A task a kind adds to a step's own: with the step's settings; the one after it with the step's outlets. */
function extraTaskCall(step: StepIR, extra: ExtraTask, target: AirflowTarget, imports: Imports, dagId: string): TaskCall {
  const id = `${step.id}${extra.suffix}`;
  const args: PyKwarg[] = [['task_id', lit(id)], ...extra.kwargs, ...overrideArgs(step, extra.kwargs, target)];
  if (extra.placement === 'after') args.push(...outletArgs(step, target, imports));
  // The step's alerts: failure and retry on each of its tasks, success on the one that completes it.
  args.push(...stepCallbackArgs(dagId, step, extra.placement === 'after', imports));
  return { id, callee: imports.from(extra.airflowClass.module, extra.airflowClass.name), args };
}

/** The settings the step overrides, as arguments of one of its tasks (`own`: what the kind passes that task). */
function overrideArgs(step: StepIR, own: readonly PyKwarg[], target: AirflowTarget): PyKwarg[] {
  const kind = kindOf(step.kind);
  const args: PyKwarg[] = [];
  for (const s of step.overrides) {
    // `deferrable: true` on such a kind was refused by validation; `false` is simply what it does anyway.
    if (s === 'deferrable' && !kind.supportsDeferrable) continue;
    // A region on an operator that takes none on this target was refused by validation; in defaults it stays in
    // default_args, which Airflow passes only to operators that take it.
    if (s === 'region' && kind.takesRegion && !kind.takesRegion(target)) continue;
    // An argument the kind passes itself for this task is deliberate (an add-steps task that leaves waiting to its
    // sensor passes deferrable=False): the step's setting then applies to the kind's other task.
    if (own.some(([k]) => k === SETTINGS[s].pythonArg)) continue;
    args.push([SETTINGS[s].pythonArg, overrideExpr(step, s)]);
  }
  return args;
}

function overrideExpr(step: StepIR, s: SettingName): PyExpr {
  return settingToPython(s, step.settings[s]);
}

function outletArgs(step: StepIR, target: AirflowTarget, imports: Imports): PyKwarg[] {
  if (step.produces.length === 0 && step.producesAlias.length === 0) return [];
  const assets =
    step.produces.length === 0
      ? []
      : step.produces.map((u) =>
          call(target.major === 3 ? imports.from('airflow.sdk', 'Asset') : imports.from('airflow.datasets', 'Dataset'), [lit(u)]),
        );
  const aliases = aliasOutletArgs(step, target, imports);
  return [['outlets', list([...assets, ...aliases.outlets])], ...aliases.args];
}
