/**
 * Which classes a test may run for a pipeline: the operator (and sensor, teardown) classes its typed step kinds
 * compile to on the target, the SnsNotifier of its failure alerts, the Amazon provider's sensors, and nothing else
 * of an `airflow.operator` step unless the caller allows that class. The runner adds Airflow's EmptyOperator itself
 * and refuses every other class (DS700).
 *
 * Why the Amazon provider's sensors run by default: a sensor of `airflow.providers.amazon.aws.sensors` only reads
 * AWS state through its hook (Describe*, Get*, List*, HeadObject), which in a test reaches nothing but the emulator
 * (the runner's process can connect to loopback only and has dummy credentials); none of them runs a command or
 * reads a local file (checked in provider 9.0.0 and 9.34.0: no subprocess, open() or exec); an `airflow.operator`
 * step can give it only literal arguments (the runner refuses any other DAG code, DS701), so its one callable
 * argument (S3KeySensor's check_fn) cannot be set. Operators are another matter (S3FileTransformOperator runs a
 * local script, GlueJobOperator uploads a local file): they run only when named.
 */
import { LIST_TASK_ATHENA_HOOK, listTaskClass, listTaskId } from '../base/for-each';
import { RETRY_EXCEPTIONS, retryPolicyExceptions } from '../base/retry-policy';
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

/** The Amazon provider's sensors: read-only pokes of AWS state, allowed by default (see the comment above). */
const AMAZON_SENSOR = /^airflow\.providers\.amazon\.aws\.sensors\.[a-z_]+\.[A-Za-z]+Sensor$/;

/** Airflow's no-op operator (2.x path, and the standard provider's on 3.x): the runner always runs it. */
const NOOP_OPERATORS = new Set(['airflow.operators.empty.EmptyOperator', 'airflow.providers.standard.operators.empty.EmptyOperator']);

/** Whether `cls` runs in a test without being named by the project's config or --allow-operator. */
export function allowedByDefault(cls: string): boolean {
  return AMAZON_SENSOR.test(cls) || NOOP_OPERATORS.has(cls);
}

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
    if (step.forEach && step.forEach.read !== 'list') {
      // A fan-out's list task runs one of dagsmith's fixed functions (the runner refuses any other callable).
      out.push({ taskId: listTaskId(step.taskId), stepId: step.id, cls: dotted(listTaskClass(target)), typed: true });
    }
    out.push({ taskId: step.taskId, stepId: step.id, cls: dotted(airflowClassOn(kind, step.fields, target)), typed });
    for (const extra of kind.extraTasks?.(step.fields, step, ctx) ?? []) {
      out.push({ taskId: `${step.taskId}${extra.suffix}`, stepId: step.id, cls: dotted(extra.airflowClass), typed });
    }
  }
  return out;
}

/**
 * The classes a test of `ir` may run: those of its typed steps, its SNS notifier (any alert), the Amazon provider's
 * sensors its `airflow.operator` steps use, and of `allow` (classes the project's config or --allow-operator names)
 * those its `airflow.operator` steps use.
 */
export function allowedClassesFor(ir: PipelineIR, target: AirflowTarget, allow: readonly string[] = []): string[] {
  const allowed = new Set<string>();
  const extra = new Set(allow);
  for (const t of taskClassesOf(ir, target)) if (t.typed || extra.has(t.cls) || allowedByDefault(t.cls)) allowed.add(t.cls);
  if (hasNotifications(ir.notifications) || ir.steps.some((s) => hasNotifications(s.notifications))) allowed.add(SNS_NOTIFIER);
  // The hook an Athena fan-out's list function reads the rows with (imported by the DAG file, never a task).
  if (ir.steps.some((s) => s.forEach?.read === 'athena-rows')) allowed.add(dotted(LIST_TASK_ATHENA_HOOK));
  // The exception classes a retry policy names (its allow-list): imported by the DAG file, never run.
  for (const policy of [ir.defaults.retryPolicy, ...ir.steps.map((s) => s.settings.retryPolicy)]) {
    for (const e of policy ? retryPolicyExceptions(policy) : []) allowed.add(`${RETRY_EXCEPTIONS[e].module}.${e}`);
  }
  return [...allowed].sort();
}

/** The `airflow.operator` tasks a test would refuse (their class is not in `allow`), for a diagnostic before any run. */
export function refusedTasks(ir: PipelineIR, target: AirflowTarget, allow: readonly string[] = []): TaskClass[] {
  const extra = new Set(allow);
  return taskClassesOf(ir, target).filter((t) => !t.typed && !extra.has(t.cls) && !allowedByDefault(t.cls));
}
