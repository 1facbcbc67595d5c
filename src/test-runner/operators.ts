/**
 * Which classes a test may run for a pipeline: the operator (and sensor, teardown) classes its typed step kinds
 * compile to on the target, the SnsNotifier of its failure alerts, and nothing of an `airflow.operator` step unless
 * the caller allows that class. The runner adds Airflow's EmptyOperator itself and refuses every other class (DS700).
 */
import { hasNotifications } from '../base/notifications';
import type { PipelineIR } from '../ir/types';
import { kindOf } from '../steps/index';
import { airflowClassOn, type AirflowClass, type EmitContext } from '../steps/types';
import type { AirflowTarget } from '../targets';

export const SNS_NOTIFIER = 'airflow.providers.amazon.aws.notifications.sns.SnsNotifier';

/** One task of a compiled pipeline and the class it instantiates. */
export interface TaskClass {
  readonly taskId: string;
  readonly stepId: string;
  /** Dotted path: module.Class. */
  readonly cls: string;
  /** From a typed step kind (true) or an `airflow.operator` step (false). */
  readonly typed: boolean;
}

const dotted = (c: AirflowClass): string => `${c.module}.${c.name}`;

function emitContext(ir: PipelineIR, target: AirflowTarget): EmitContext {
  const taskIds = new Map(ir.steps.map((s) => [s.id, s.taskId]));
  return { target, taskIdOf: (id) => taskIds.get(id) ?? id };
}

/** Every task the pipeline compiles to on `target`, with its class (a step's own task, its sensor, its teardown). */
export function taskClassesOf(ir: PipelineIR, target: AirflowTarget): TaskClass[] {
  const ctx = emitContext(ir, target);
  const out: TaskClass[] = [];
  for (const step of ir.steps) {
    const kind = kindOf(step.kind);
    const typed = step.kind !== 'airflow.operator';
    out.push({ taskId: step.taskId, stepId: step.id, cls: dotted(airflowClassOn(kind, step.fields, target)), typed });
    for (const extra of kind.extraTasks?.(step.fields, step, ctx) ?? []) {
      out.push({ taskId: `${step.taskId}${extra.suffix}`, stepId: step.id, cls: dotted(extra.airflowClass), typed });
    }
  }
  return out;
}

/**
 * The classes a test of `ir` may run: those of its typed steps, its SNS notifier (any alert), and of `allow` (classes the
 * project's config or --allow-operator names) those its `airflow.operator` steps use.
 */
export function allowedClassesFor(ir: PipelineIR, target: AirflowTarget, allow: readonly string[] = []): string[] {
  const allowed = new Set<string>();
  const extra = new Set(allow);
  for (const t of taskClassesOf(ir, target)) if (t.typed || extra.has(t.cls)) allowed.add(t.cls);
  if (hasNotifications(ir.notifications) || ir.steps.some((s) => hasNotifications(s.notifications))) allowed.add(SNS_NOTIFIER);
  return [...allowed].sort();
}

/** The `airflow.operator` tasks a test would refuse (their class is not in `allow`), for a diagnostic before any run. */
export function refusedTasks(ir: PipelineIR, target: AirflowTarget, allow: readonly string[] = []): TaskClass[] {
  const extra = new Set(allow);
  return taskClassesOf(ir, target).filter((t) => !t.typed && !extra.has(t.cls));
}
