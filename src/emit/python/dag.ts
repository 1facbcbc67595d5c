import type { PipelineIR } from '../../ir/types';
import type { EmitContext } from '../../steps/types';
import type { AirflowTarget } from '../../targets';
import { GENERATED_MARKER } from '../marker';
import { dagArgsOf, defaultArgsOf } from './dag-args';
import { call, lit, name, type PyExpr, type PyKwarg } from '../../base/python-expr';
import { isPlainExpand } from '../../base/for-each';
import { Imports } from './imports';
import { render } from './layout';
import { pyStr } from './literal';
import { assignVariableNames } from './names';
import { stepTasksOf, type StepTasks, type TaskCall } from './tasks';
import { PyWriter } from './writer';
import { ALIAS_HOOK, writeAliasHook } from './airflow3-features';
import { importListHooks, LIST_FUNCTION_NAMES, listTaskArgs, writeListFunctions } from './fan-out-lists';
import { CHECKED_OPERATOR_NAMES, CHECKED_OPERATORS, writeCheckedOperators } from './checked-operators';
import { importRetryPolicyNames } from './retry-policy';

export { GENERATED_MARKER };

/**
 * The Python DAG file for a pipeline. Pure: the IR and target in, source text out. It finds no problems: what a
 * target cannot do was reported by validation. Throws LiteralError (a bug: validation lets through only what the
 * literal function can write) for unrepresentable values.
 */
export function emitPythonDag(ir: PipelineIR, target: AirflowTarget): string {
  // Imports are collected while the calls are built; their order decides which of two same-named classes gets an
  // alias, so it stays: DAG, default_args, DAG arguments, tasks in step order, timedelta, TaskGroup.
  const imports = new Imports();
  const sdk = target.major === 3;
  const dagClass = imports.from(sdk ? 'airflow.sdk' : 'airflow', 'DAG');
  importRetryPolicyNames(ir, imports);
  const defaultArgs = defaultArgsOf(ir, imports);
  const dagArgs = dagArgsOf(ir, target, imports);
  const ctx = emitContextOf(ir, target);
  importListHooks(ir.steps, imports);
  const tasks = ir.steps.map((step) => stepTasksOf(step, ctx, imports, ir.id, ir.steps));
  if (usesTimedelta([defaultArgs, dagArgs, ...tasks.flatMap(callsOf).map((c) => c.args)])) imports.from('datetime', 'timedelta');
  const taskGroupClass = ir.groups.length > 0 ? imports.from(sdk ? 'airflow.sdk' : 'airflow.utils.task_group', 'TaskGroup') : '';
  const vars = variableNamesOf(tasks, imports);
  const itemFunctions = itemFunctionNamesOf(tasks, vars, imports);

  const w = new PyWriter();
  writeHeader(w, ir, target);
  w.blank();
  for (const line of imports.lines()) w.line(line);
  w.blank();
  writeAliasHook(w, ir, target, imports);
  w.blank();
  w.line(`default_args = ${render(call('dict', [], defaultArgs))}`);
  w.blank();
  writeListFunctions(w, new Set(tasks.flatMap((t) => (t.list?.list ? [t.list.list.read] : []))));
  writeItemFunctions(w, tasks, itemFunctions);
  writeCheckedOperators(w, checkedOperatorsOf(tasks, imports));
  w.block(`with ${render(call(dagClass, [], dagArgs))} as dag:`, () => {
    writeTasks(w, tasks, vars, taskGroupClass, itemFunctions);
    writeDependencies(w, tasks, vars);
  });
  return w.toString();
}

/** The checked subclasses the tasks use (src/emit/python/checked-operators.ts): name -> its base class's local name. */
function checkedOperatorsOf(tasks: readonly StepTasks[], imports: Imports): Map<string, string> {
  const used = new Map<string, string>();
  for (const t of tasks) {
    const c = CHECKED_OPERATORS[t.step.kind];
    // `from` returns the name the base was imported under when the task was built (the same call binds it again).
    if (c && t.own.callee.split('.')[0] === c.name) used.set(c.name, imports.from(c.base.module, c.base.name));
  }
  return used;
}

/** What kinds may ask while emitting: the target, and the task id of another step (for XCom references). */
function emitContextOf(ir: PipelineIR, target: AirflowTarget): EmitContext {
  const taskIds = new Map(ir.steps.map((s) => [s.id, s.taskId]));
  return {
    target,
    taskIdOf: (id) => {
      const t = taskIds.get(id);
      if (t === undefined) throw new Error(`internal error: step '${id}' is referenced but not in the pipeline`);
      return t;
    },
  };
}

function callsOf(t: StepTasks): TaskCall[] {
  return [t.list, t.own, t.follower, t.teardown].filter((c): c is TaskCall => c !== undefined);
}

/** Python variable names for every task (step ids, then the ids of the tasks kinds add), clear of imported names. */
function variableNamesOf(tasks: readonly StepTasks[], imports: Imports): Map<string, string> {
  return assignVariableNames(
    tasks.flatMap(callsOf).map((c) => c.id),
    [...imports.names(), 'dag', 'default_args', 'pendulum', 'json', ALIAS_HOOK, ...LIST_FUNCTION_NAMES, ...CHECKED_OPERATOR_NAMES],
  );
}

/** The "generated" marker naming the source and its hash (how output.ts tells our files), the target, a docstring. */
function writeHeader(w: PyWriter, ir: PipelineIR, target: AirflowTarget): void {
  w.line(`${GENERATED_MARKER} from ${pyStr(ir.source.file)}. Do not edit: change the pipeline and recompile.`);
  w.line(`# source sha256: ${ir.source.sha256}`);
  w.line(`# target: Apache Airflow ${target.version}, apache-airflow-providers-amazon ${target.provider}`);
  // The id reaches the docstring without the literal function, so only characters that cannot end it are kept.
  w.line('"""' + `DAG ${ir.id.replace(/[^A-Za-z0-9_.-]/g, '_')}, generated by dagsmith.` + '"""');
}

/** The task assignments in step order; a group's steps together under `with TaskGroup(...)` where its first is. */
function writeTasks(
  w: PyWriter,
  tasks: readonly StepTasks[],
  vars: ReadonlyMap<string, string>,
  taskGroupClass: string,
  itemFunctions: ReadonlyMap<string, string>,
): void {
  const groups = new Map<string, StepTasks[]>();
  for (const t of tasks) {
    if (t.step.group === null) continue;
    const members = groups.get(t.step.group);
    if (members) members.push(t);
    else groups.set(t.step.group, [t]);
  }
  for (const t of tasks) {
    const group = t.step.group;
    if (group === null) {
      writeStepTasks(w, t, vars, itemFunctions);
      continue;
    }
    const members = groups.get(group);
    if (!members) continue; // written with the group's first step
    groups.delete(group);
    w.block(`with ${render(call(taskGroupClass, [], [['group_id', lit(group)]]), w.indent)}:`, () => {
      for (const m of members) writeStepTasks(w, m, vars, itemFunctions);
    });
  }
}

function writeStepTasks(w: PyWriter, t: StepTasks, vars: ReadonlyMap<string, string>, itemFunctions: ReadonlyMap<string, string>): void {
  for (const c of callsOf(t)) {
    const args = c.list ? [...c.args, ...listTaskArgs(c.list, c.list.upstream === null ? null : vars.get(c.list.upstream)!)] : c.args;
    w.line(`${vars.get(c.id)} = ${render(call(c.callee, [], args), w.indent)}${expansionOf(c, vars, itemFunctions)}`);
  }
}

/**
 * What a fanned-out task maps over: `.expand(arg=upstream.output)` when each item is one argument as it is, else
 * `.expand_kwargs(upstream.output.map(function))`, the function turning an item into the task's arguments.
 */
function expansionOf(c: TaskCall, vars: ReadonlyMap<string, string>, itemFunctions: ReadonlyMap<string, string>): string {
  if (!c.expand) return '';
  const output = name(`${vars.get(c.expand.items)!}.output`);
  if (isPlainExpand(c.expand.args)) return `.${render(call('expand', [], [[c.expand.args[0]!.arg, output]]))}`;
  return `.${render(call('expand_kwargs', [call(`${vars.get(c.expand.items)!}.output.map`, [name(itemFunctions.get(c.id)!)])]))}`;
}

/** Names of the functions that turn an item into a fanned-out task's arguments, clear of every other name. */
function itemFunctionNamesOf(tasks: readonly StepTasks[], vars: ReadonlyMap<string, string>, imports: Imports): Map<string, string> {
  const mapped = tasks.filter((t) => t.own.expand && !isPlainExpand(t.own.expand.args)).map((t) => t.own.id);
  const names = assignVariableNames(
    mapped.map((id) => `${vars.get(id)!}_item_args`),
    [...vars.values(), ...imports.names(), 'dag', 'default_args', 'pendulum', 'item'],
  );
  return new Map(mapped.map((id) => [id, names.get(`${vars.get(id)!}_item_args`)!]));
}

/**
 * One fixed function per fanned-out task that needs one: `{argument: prefix + item}` or `{argument: prefix +
 * item[property]}` for each of its per-item arguments. Spec text (prefixes, properties) enters through pyStr only.
 */
function writeItemFunctions(w: PyWriter, tasks: readonly StepTasks[], itemFunctions: ReadonlyMap<string, string>): void {
  for (const t of tasks) {
    const fn = itemFunctions.get(t.own.id);
    if (fn === undefined || !t.own.expand) continue;
    w.block(`def ${fn}(item):`, () => {
      const entries = t.own.expand!.args.map((a) => {
        const value = a.prop === null ? 'item' : `item[${pyStr(a.prop)}]`;
        return `${pyStr(a.arg)}: ${a.prefix === '' ? value : `${pyStr(a.prefix)} + ${value}`}`;
      });
      w.line(`return {${entries.join(', ')}}`);
    });
    w.blank();
  }
}

/**
 * `upstream >> downstream` for every dependency, each step's own task before the task its kind adds after it,
 * and each teardown after every leaf (a step no other step waits for), so after all of them.
 */
function writeDependencies(w: PyWriter, tasks: readonly StepTasks[], vars: ReadonlyMap<string, string>): void {
  const byStep = new Map(tasks.map((t) => [t.step.id, t]));
  // A step's downstream steps depend on its last task: the one a kind added after it, if any.
  const last = (stepId: string): string => {
    const t = byStep.get(stepId)!;
    return vars.get((t.follower ?? t.own).id)!;
  };
  const edges = tasks.filter((t) => t.step.dependsOn.length > 0 || t.follower);
  const teardowns = tasks.filter((t) => t.teardown);
  if (edges.length === 0 && teardowns.length === 0) return;
  w.blank();
  for (const t of edges) {
    if (t.step.dependsOn.length > 0) w.line(`${oneOrList(t.step.dependsOn.map(last))} >> ${vars.get(t.own.id)}`);
    if (t.follower) w.line(`${vars.get(t.own.id)} >> ${vars.get(t.follower.id)}`);
  }
  const upstreamOfSome = new Set(tasks.flatMap((t) => t.step.dependsOn));
  const leaves = oneOrList(tasks.filter((t) => !upstreamOfSome.has(t.step.id)).map((t) => last(t.step.id)));
  for (const t of teardowns) w.line(`${leaves} >> ${vars.get(t.teardown!.id)}.as_teardown(setups=${vars.get(t.own.id)})`);
}

function oneOrList(names: readonly string[]): string {
  return names.length === 1 ? names[0]! : `[${names.join(', ')}]`;
}

/** Whether any argument calls `timedelta` (durations are written with it), so that it is imported. */
function usesTimedelta(argLists: readonly (readonly PyKwarg[])[]): boolean {
  const uses = (e: PyExpr): boolean => {
    switch (e.t) {
      case 'call':
        return e.callee === 'timedelta' || e.args.some(uses) || e.kwargs.some(([, v]) => uses(v));
      case 'list':
        return e.items.some(uses);
      case 'dict':
        return e.entries.some(([, v]) => uses(v));
      default:
        return false;
    }
  };
  return argLists.some((args) => args.some(([, e]) => uses(e)));
}
