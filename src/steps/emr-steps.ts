import { S } from '../base/json-schema';
import { kwargs, lit, type PyExpr } from '../base/python-expr';
import { arnError, hasJinja } from '../base/values';
import { checkEmrSteps, CLUSTER_ID, EMR_STEPS_SCHEMA, emrStepsExpr, normalizeEmrSteps, type EmrStepIR } from './emr-common';
import { checkExtraTaskId, checkMaxWaitUsed, checkOneOf } from './kind-helpers';
import { checkDuration, durationOrNull } from './durations';
import type { Duration } from '../base/durations';
import { timedeltaExpr } from '../base/python-expr';
import { providerAtLeast } from '../targets';
import { NEVER, onKill } from './on-kill';
import { defineStepKind, type EmitContext, type StepCheckContext } from './types';

/** The task id suffix of the EmrStepSensor that waits for the steps. */
export const EMR_WAIT_SUFFIX = '_wait';

/**
 * `emr.steps` -> EmrAddStepsOperator, + EmrStepSensor when waiting. The sensor is a task of its own
 * (`<id>_wait`, right after the add task; steps downstream depend on it): when it retries it only looks again,
 * where a retry of EmrAddStepsOperator(wait_for_completion=True) would add the steps a second time. It watches the
 * last step added: EMR runs a cluster's steps one after the other (StepConcurrencyLevel 1), and a failed step
 * with CANCEL_AND_WAIT or TERMINATE_CLUSTER cancels the ones after it, which fails the sensor too.
 *
 * The cluster is a job flow id (`cluster`) or an emr.cluster step upstream (`clusterStep`), whose XCom return
 * value is the id of the cluster it created.
 *
 * Provider differences: in 9.0.0 (Airflow 2.10.3) EmrAddStepsOperator and EmrStepSensor extend BaseOperator and
 * BaseSensorOperator and take no region_name; from 9.12.0 they are AWS base operators/sensors. 9.34.0 adds
 * openlineage_inject_parent_job_info (left at its default). The other arguments are the same in all four.
 */
export const emrSteps = defineStepKind({
  kind: 'emr.steps',
  description: 'Add steps to an EMR cluster and wait for them (EmrAddStepsOperator + EmrStepSensor).',
  notes:
    '`cluster` (a job flow id) or `clusterStep` (an upstream `emr.cluster` step: `job_flow_id` is its XCom, DS374 when it is not upstream). Steps default to `command-runner.jar` and `CANCEL_AND_WAIT`. With `waitForCompletion` (default) an `EmrStepSensor` task `<id>_wait` watches the last step added; downstream steps depend on it. The sensor retries without adding the steps again; it is deferrable when the step is, else it runs in `reschedule` mode; `maxWait` is its timeout. No `region` on Airflow 2.10.3 (the 9.0.0 operator and sensor take none).',
  airflowClass: { module: 'airflow.providers.amazon.aws.operators.emr', name: 'EmrAddStepsOperator' },
  required: ['steps'],
  supportsDeferrable: true,
  onKill: onKill(
    'Nothing cancels the steps: neither EmrAddStepsOperator nor EmrStepSensor has an on_kill (CancelSteps is not called); they run to their end on the cluster.',
    NEVER,
    NEVER,
  ),
  takesRegion: (target) => providerAtLeast(target, '9.12.0'),
  properties: {
    cluster: S.nonEmptyString("Id of the running cluster (job flow), e.g. 'j-2AXXXXXXGAPLF', or Jinja that renders to one.", {
      tsType: 'EmrClusterId',
    }),
    clusterStep: S.nonEmptyString('Id of the emr.cluster step (upstream of this one) whose cluster runs the steps.'),
    steps: EMR_STEPS_SCHEMA('Steps to add, run in order.'),
    executionRole: S.string('IAM role ARN the steps run as (EMR runtime roles; the cluster needs a security configuration that allows them).', {
      tsType: 'IamRoleArn',
    }),
    waitForCompletion: S.boolean('Wait until the last step has finished (EmrStepSensor task `<id>_wait`), failing when a step fails.', {
      default: true,
    }),
    maxWait: S.string("How long the sensor waits for the steps before it fails, e.g. '6h'. Default: Airflow's sensor timeout (7 days).", {
      tsType: 'Duration',
    }),
  },
  check(step, ctx) {
    checkOneOf('cluster', step.cluster !== undefined, 'clusterStep', step.clusterStep !== undefined, ctx, { required: true });
    if (step.cluster !== undefined && !hasJinja(step.cluster) && !CLUSTER_ID.test(step.cluster)) {
      ctx.report('DS375', ['cluster'], `'${step.cluster}' is not an EMR cluster id (j- and up to 13 capital letters and digits)`);
    }
    if (step.clusterStep !== undefined) checkClusterStep(step.id, step.clusterStep, ctx);
    checkEmrSteps(step.steps, 'steps', ctx);
    checkDuration(step.maxWait, 'maxWait', ctx);
    checkMaxWaitUsed(step, step.waitForCompletion ?? true, ctx);
    if (step.executionRole !== undefined) {
      const err = arnError(step.executionRole, 'iam-role');
      if (err) ctx.report('DS309', ['executionRole'], err);
    }
    if (step.deferrable === true && step.waitForCompletion === false) {
      ctx.report('DS357', ['waitForCompletion'], 'only the EmrStepSensor of a step that waits is deferrable; set deferrable: false, or wait');
    }
    if (step.waitForCompletion ?? true) checkExtraTaskId(step, EMR_WAIT_SUFFIX, 'EmrStepSensor task', ctx);
  },
  normalize(step): EmrStepsFields {
    return {
      cluster: step.cluster ?? null,
      clusterStep: step.clusterStep ?? null,
      steps: normalizeEmrSteps(step.steps),
      executionRole: step.executionRole ?? null,
      waitForCompletion: step.waitForCompletion ?? true,
      maxWait: durationOrNull(step.maxWait),
    };
  },
  emit(f, _step, ctx) {
    return kwargs({
      job_flow_id: jobFlowIdExpr(f, ctx),
      steps: emrStepsExpr(f.steps),
      execution_role_arn: f.executionRole !== null ? lit(f.executionRole) : undefined,
      wait_for_completion: lit(false),
      // Waiting is the sensor's job: a deferrable add task would wait for every step itself.
      deferrable: lit(false),
    });
  },
  extraTasks(f, step, ctx) {
    if (!f.waitForCompletion) return [];
    return [
      {
        suffix: EMR_WAIT_SUFFIX,
        placement: 'after',
        airflowClass: { module: 'airflow.providers.amazon.aws.sensors.emr', name: 'EmrStepSensor' },
        kwargs: kwargs({
          job_flow_id: jobFlowIdExpr(f, ctx),
          // The add task returns the ids of the steps it added, in order.
          step_id: lit(`{{ task_instance.xcom_pull(task_ids='${step.taskId}')[-1] }}`),
          // Free the worker slot between checks (deferrable: the triggerer checks).
          mode: step.settings.deferrable ? undefined : lit('reschedule'),
          timeout: f.maxWait ? timedeltaExpr(f.maxWait) : undefined,
        }),
      },
    ];
  },
});

/** The job flow id: the literal id, or the XCom return value of the emr.cluster task that created the cluster. */
function jobFlowIdExpr(f: EmrStepsFields, ctx: EmitContext): PyExpr {
  if (f.cluster !== null) return lit(f.cluster);
  return lit(`{{ task_instance.xcom_pull(task_ids='${ctx.taskIdOf(f.clusterStep!)}') }}`);
}

/** DS374 unless `ref` is an emr.cluster step that this step depends on, directly or through other steps. */
function checkClusterStep(self: string, ref: string, ctx: StepCheckContext): void {
  const steps = ctx.steps();
  const byId = new Map(steps.map((s) => [s.id, s]));
  const target = byId.get(ref);
  if (!target) {
    ctx.report('DS374', ['clusterStep'], `there is no step '${ref}' in this pipeline`);
    return;
  }
  if (target.kind !== 'emr.cluster') {
    ctx.report('DS374', ['clusterStep'], `'${ref}' is a step of kind ${target.kind}; clusterStep names an emr.cluster step`);
    return;
  }
  // Iterative walk up the dependencies (a long chain is a normal input).
  const seen = new Set<string>();
  const todo = [...(byId.get(self)?.dependsOn ?? [])];
  while (todo.length > 0) {
    const id = todo.pop()!;
    if (id === ref) return;
    if (seen.has(id)) continue;
    seen.add(id);
    todo.push(...(byId.get(id)?.dependsOn ?? []));
  }
  ctx.report('DS374', ['clusterStep'], `'${ref}' must run before this step: add it to dependsOn (directly or through other steps)`);
}

export interface EmrStepsFields {
  readonly cluster: string | null;
  readonly clusterStep: string | null;
  readonly steps: readonly EmrStepIR[];
  readonly executionRole: string | null;
  readonly waitForCompletion: boolean;
  readonly maxWait: Duration | null;
}
