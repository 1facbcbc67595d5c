import type { PipelineIR, StepIR } from '../../ir/types';
import type { NotificationEvent } from '../../base/notifications';
import { call, lit, type PyExpr, type PyKwarg } from '../../base/python-expr';
import type { Imports } from './imports';

/** The callback argument of each event, on a task and on a DAG. */
const CALLBACK_ARG: Readonly<Record<NotificationEvent, string>> = {
  onFailure: 'on_failure_callback',
  onSuccess: 'on_success_callback',
  onRetry: 'on_retry_callback',
};

/**
 * The subject and message of each alert. The message is Jinja that the notifier renders with the callback's context:
 * a task's context has `ti`; a DAG run's has `dag`, `run_id` and `reason` on every target (Airflow 2's
 * DAG.fetch_callback and Airflow 3's DAG processor), but not always a task instance.
 */
function alertText(dagId: string, event: NotificationEvent, of: 'task' | 'dag'): [string, string] {
  if (of === 'dag') {
    return event === 'onSuccess'
      ? [`Airflow DAG run succeeded: ${dagId}`, 'DAG {{ dag.dag_id }}: run {{ run_id }} succeeded.']
      : [`Airflow DAG run failed: ${dagId}`, 'DAG {{ dag.dag_id }}: run {{ run_id }} failed ({{ reason }}).'];
  }
  switch (event) {
    case 'onFailure':
      return [
        `Airflow task failed in ${dagId}`,
        'Task {{ ti.task_id }} of DAG {{ dag.dag_id }} failed in run {{ run_id }} (try {{ ti.try_number }}).',
      ];
    case 'onSuccess':
      return [`Airflow task succeeded in ${dagId}`, 'Task {{ ti.task_id }} of DAG {{ dag.dag_id }} succeeded in run {{ run_id }}.'];
    case 'onRetry':
      return [
        `Airflow task up for retry in ${dagId}`,
        'Task {{ ti.task_id }} of DAG {{ dag.dag_id }} failed in run {{ run_id }} (try {{ ti.try_number }}) and will be retried.',
      ];
  }
}

/** `SnsNotifier(...)` publishing the alert of `event` to `arn` (the amazon provider has it on every MWAA target). */
function snsAlert(dagId: string, arn: string, event: NotificationEvent, of: 'task' | 'dag', awsConnId: string, imports: Imports): PyExpr {
  const notifier = imports.from('airflow.providers.amazon.aws.notifications.sns', 'SnsNotifier');
  const [subject, message] = alertText(dagId, event, of);
  return call(notifier, [], snsNotifierKwargs(arn, subject, message, awsConnId));
}

/** The arguments of an `SnsNotifier` publishing `message` to `arn` (also a deadline alert's callback kwargs). */
export function snsNotifierKwargs(arn: string, subject: string, message: string, awsConnId: string): PyKwarg[] {
  return [
    ['target_arn', lit(arn)],
    // SNS subjects must be shorter than 100 characters.
    ['subject', lit(subject.slice(0, 99))],
    ['message', lit(message)],
    ['aws_conn_id', lit(awsConnId)],
    ['region_name', lit(arn.split(':')[3] ?? null)],
  ];
}

/**
 * The pipeline's alerts in default_args (so every task has them): a task that fails for good, a task up for retry.
 * `onSuccess` is the run's (dagCallbackArgs), not every task's.
 */
export function defaultArgsCallbacks(ir: PipelineIR, imports: Imports): PyKwarg[] {
  const args: PyKwarg[] = [];
  for (const event of ['onFailure', 'onRetry'] as const) {
    const arn = ir.notifications[event].sns;
    if (arn) args.push([CALLBACK_ARG[event], snsAlert(ir.id, arn, event, 'task', ir.defaults.awsConnId, imports)]);
  }
  return args;
}

/**
 * The run's alerts, on `DAG(...)`: a failed run (also written for a run that fails without a failed task, e.g. on
 * dagrunTimeout, which only the DAG's callback hears of) and a successful one.
 */
export function dagCallbackArgs(ir: PipelineIR, imports: Imports): { on_failure_callback?: PyExpr; on_success_callback?: PyExpr } {
  const alert = (event: 'onFailure' | 'onSuccess') => {
    const arn = ir.notifications[event].sns;
    return arn ? snsAlert(ir.id, arn, event, 'dag', ir.defaults.awsConnId, imports) : undefined;
  };
  return { on_failure_callback: alert('onFailure'), on_success_callback: alert('onSuccess') };
}

/**
 * A step's own alerts, as arguments of one of its tasks (they replace default_args' for that task). `completes`: the
 * task whose success is the step's (the last of its tasks); a step's success is announced once.
 */
export function stepCallbackArgs(dagId: string, step: StepIR, completes: boolean, imports: Imports): PyKwarg[] {
  const args: PyKwarg[] = [];
  for (const event of ['onFailure', 'onSuccess', 'onRetry'] as const) {
    const arn = step.notifications[event].sns;
    if (!arn || (event === 'onSuccess' && !completes)) continue;
    args.push([CALLBACK_ARG[event], snsAlert(dagId, arn, event, 'task', step.settings.awsConnId, imports)]);
  }
  return args;
}
