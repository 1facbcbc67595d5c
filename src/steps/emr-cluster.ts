import { S } from '../base/json-schema';
import { dict, kwargs, list, lit, type PyExpr } from '../base/python-expr';
import type { Duration } from '../base/durations';
import { arnError } from '../base/values';
import { s3UriError } from '../base/s3-uri';
import type { JsonValue } from '../spec/scalars';
import { checkDuration, durationOrNull } from './durations';
import { checkEmrSteps, checkReleaseLabel, EMR_STEPS_SCHEMA, emrStepsExpr, normalizeEmrSteps, type EmrStepIR } from './emr-common';
import { checkInstances, INSTANCES_SCHEMA, instancesEntries, normalizeInstances, type InstancesIR } from './emr-instances';
import { checkAwsName, checkMaxWaitUsed, deferrableArg, maxWaitSchema, waiterAttempts } from './kind-helpers';
import { providerAtLeast, type AirflowTarget } from '../targets';
import { ALWAYS, NEVER, onKill } from './on-kill';
import { defineStepKind } from './types';

const WAIT_FOR = ['none', 'ready', 'terminated'] as const;
type WaitFor = (typeof WAIT_FOR)[number];

/** AutoTerminationPolicy.IdleTimeout: 1 minute to 7 days. */
const IDLE_MIN_S = 60;
const IDLE_MAX_S = 7 * 24 * 3600;

/**
 * `emr.cluster` -> EmrCreateJobFlowOperator: create an EMR on EC2 cluster (RunJobFlow) from the spec alone
 * (`emr_conn_id=None`: the `emr_default` connection's extra would otherwise be merged under the spec), optionally
 * with steps, Spot capacity and idle auto-termination. The job flow id is the task's XCom return value: an
 * `emr.steps` step names this step in `clusterStep` to add steps to the cluster.
 *
 * Provider differences (waitFor): 9.0.0 (Airflow 2.10.3) waits for a ready cluster with
 * `wait_for_completion=True` and cannot wait for termination; from 9.12.0 `wait_for_completion` is deprecated and
 * `wait_policy` chooses between a ready cluster and one that ran its steps and terminated. In 9.0.0 and 9.12.0 a
 * deferrable operator always defers until the cluster is ready (9.12.0's trigger ignores the wait policy); from
 * 9.22.0 it defers only to wait, with the chosen policy. `terminate_job_flow_on_failure` exists from 9.22.0.
 */
export const emrCluster = defineStepKind({
  kind: 'emr.cluster',
  description: 'Create an EMR cluster, with Spot capacity, steps and auto-termination (EmrCreateJobFlowOperator).',
  notes:
    "The RunJobFlow request is built from the spec alone (`emr_conn_id=None`: nothing from the `emr_default` connection is merged in). `instances` has `master`, `core`, `task`, each an instance group `{type, count}` or an instance fleet `{types, capacity}` (one form per cluster). `spot` lists the roles on Spot (`core`, `task`; never `master`, DS371): `Market: SPOT` for groups, `TargetSpotCapacity` for fleets. `terminateAfter` is the idle auto-termination (`AutoTerminationPolicy`, 1m-7d, EMR 5.30.0+/6.1.0+, DS372). `keepAlive` defaults to true without steps, false with steps. `waitFor`: `ready` (default), `none`, `terminated` (amazon provider 9.12.0+, DS373 on 2.10.3). The job flow id is the task's XCom return value, for `emr.steps` `clusterStep`.",
  airflowClass: { module: 'airflow.providers.amazon.aws.operators.emr', name: 'EmrCreateJobFlowOperator' },
  required: ['name', 'releaseLabel', 'instances'],
  supportsDeferrable: true,
  onKill: onKill(
    "The operator's on_kill terminates the cluster (unless termination protection is on) when the task is killed on a worker while it waits; a deferred wait leaves the cluster running.",
    ALWAYS,
    NEVER,
  ),
  properties: {
    name: S.nonEmptyString('Name of the cluster.', { maxLength: 256 }),
    releaseLabel: S.nonEmptyString("EMR release, e.g. 'emr-7.2.0'."),
    instances: INSTANCES_SCHEMA,
    spot: {
      type: 'array',
      items: { type: 'string', enum: ['master', 'core', 'task'] },
      uniqueItems: true,
      description: "Node roles whose capacity runs on Spot instances: 'task' (and 'core' if HDFS loss is acceptable); never the primary node.",
    },
    steps: EMR_STEPS_SCHEMA('Steps the cluster runs as soon as it is up, in order.'),
    terminateAfter: S.string(
      "Terminate the cluster after it has been idle this long (AutoTerminationPolicy, 1m to 7d; EMR 5.30.0+ or 6.1.0+), e.g. '30m'.",
      { tsType: 'Duration' },
    ),
    keepAlive: S.boolean(
      'Keep the cluster when it has no steps left (KeepJobFlowAliveWhenNoSteps). Default: true without steps (later emr.steps add them), false with steps (the cluster ends after them).',
    ),
    applications: S.stringList("Applications to install, e.g. ['Spark', 'Hadoop'].", { default: ['Spark'], minItems: 1, uniqueItems: true }),
    logUri: S.string('S3 URI where EMR writes the cluster logs.', { tsType: 'S3Uri' }),
    serviceRole: S.nonEmptyString('IAM role (name or ARN) of the EMR service.', { default: 'EMR_DefaultRole' }),
    jobFlowRole: S.nonEmptyString('EC2 instance profile of the nodes.', { default: 'EMR_EC2_DefaultRole' }),
    securityConfiguration: S.nonEmptyString('EMR security configuration (encryption, Kerberos) of the cluster.'),
    configurations: {
      type: 'array',
      items: { type: 'object' },
      tsType: 'Array<Record<string, JsonValue>>',
      description:
        "Configuration classifications as RunJobFlow takes them, e.g. [{ Classification: 'spark-defaults', Properties: { 'spark.dynamicAllocation.enabled': 'true' } }].",
    },
    stepConcurrencyLevel: S.integer('How many steps may run at once.', { minimum: 1, maximum: 256, default: 1 }),
    tags: S.stringMap('Tags of the cluster (and its instances).', { tsType: 'Record<string, string>' }),
    waitFor: S.enum(
      'What the task waits for: nothing (none), a cluster ready for steps (ready), or a cluster that ran its steps and terminated (terminated; amazon provider 9.12.0+, not on Airflow 2.10.3).',
      WAIT_FOR,
      { default: 'ready' },
    ),
    maxWait: maxWaitSchema('1 hour: 60 polls a minute apart'),
  },
  check(step, ctx) {
    const release = checkReleaseLabel(step.releaseLabel, 'releaseLabel', ctx);
    checkInstances(step.instances, step.spot, ctx);
    checkEmrSteps(step.steps, 'steps', ctx);
    checkDuration(step.terminateAfter, 'terminateAfter', ctx);
    checkDuration(step.maxWait, 'maxWait', ctx);
    checkMaxWaitUsed(step, step.waitFor !== 'none', ctx);
    const idle = step.terminateAfter !== undefined ? durationOrNullSafe(step.terminateAfter) : null;
    if (idle && (idle.seconds < IDLE_MIN_S || idle.seconds > IDLE_MAX_S)) {
      ctx.report('DS372', ['terminateAfter'], `terminateAfter: EMR's idle timeout is between 1m and 7d, not ${idle.text}`);
    } else if (idle && release && !supportsAutoTermination(release)) {
      ctx.report('DS372', ['terminateAfter'], `${step.releaseLabel} has no idle auto-termination; it needs EMR 5.30.0+ or 6.1.0+`);
    }
    if (step.logUri !== undefined) {
      const err = s3UriError(step.logUri);
      if (err) ctx.report('DS308', ['logUri'], err);
    }
    if (step.serviceRole?.startsWith('arn:')) {
      const err = arnError(step.serviceRole, 'iam-role');
      if (err) ctx.report('DS309', ['serviceRole'], err);
    } else {
      checkAwsName('iamRoleName', step.serviceRole, ['serviceRole'], ctx);
    }
    // EC2 instances get their role through an instance profile, which JobFlowRole names.
    if (!step.jobFlowRole?.startsWith('arn:')) checkAwsName('iamInstanceProfileName', step.jobFlowRole, ['jobFlowRole'], ctx);
    checkAwsName('emrClusterName', step.name, ['name'], ctx);
    checkAwsName('emrSecurityConfiguration', step.securityConfiguration, ['securityConfiguration'], ctx);
    const steps = step.steps?.length ?? 0;
    if (step.keepAlive === false && steps === 0 && step.terminateAfter === undefined) {
      ctx.report('DS377', ['keepAlive'], 'a cluster without steps and without keepAlive terminates as soon as it is up; add steps or keep it alive');
    }
    if (step.waitFor === 'terminated' && (step.keepAlive === true || steps === 0) && step.terminateAfter === undefined) {
      ctx.report(
        'DS377',
        ['waitFor'],
        'this cluster does not terminate by itself (it is kept alive without an idle timeout), so waiting for termination never ends',
      );
    }
    if (step.deferrable === true && step.waitFor === 'none') {
      ctx.report('DS357', ['waitFor'], 'a deferrable create waits for the cluster; set deferrable: false to create it and move on');
    }
    const target = ctx.target;
    if (step.waitFor === 'terminated' && !hasWaitPolicy(target)) {
      ctx.report(
        'DS373',
        ['waitFor'],
        `EmrCreateJobFlowOperator of amazon provider ${target.provider} (Airflow ${target.version}) cannot wait for the cluster to terminate (wait_policy comes in 9.12.0)`,
        {
          hint: 'use waitFor: ready, and emr.steps with waitForCompletion to wait for the work',
        },
      );
    } else if (step.waitFor === 'terminated' && target.provider === '9.12.0' && step.deferrable === true) {
      ctx.report(
        'DS373',
        ['waitFor'],
        'in amazon provider 9.12.0 (Airflow 3.0.6) a deferrable EmrCreateJobFlowOperator only waits for the cluster to be ready; set deferrable: false to wait for termination',
      );
    }
  },
  normalize(step): EmrClusterFields {
    const steps = normalizeEmrSteps(step.steps);
    return {
      name: step.name,
      releaseLabel: step.releaseLabel,
      instances: normalizeInstances(step.instances, step.spot ?? []),
      steps,
      idleTimeout: durationOrNull(step.terminateAfter),
      keepAlive: step.keepAlive ?? steps.length === 0,
      applications: step.applications ?? ['Spark'],
      logUri: step.logUri ?? null,
      serviceRole: step.serviceRole ?? 'EMR_DefaultRole',
      jobFlowRole: step.jobFlowRole ?? 'EMR_EC2_DefaultRole',
      securityConfiguration: step.securityConfiguration ?? null,
      configurations: step.configurations ?? [],
      stepConcurrencyLevel: step.stepConcurrencyLevel ?? 1,
      tags: step.tags ?? {},
      waitFor: step.waitFor ?? 'ready',
      maxWait: durationOrNull(step.maxWait),
    };
  },
  emit(f, step, ctx) {
    return kwargs({
      job_flow_overrides: jobFlowOverrides(f),
      // The spec is the whole cluster: nothing from the emr_default connection's extra is merged under it.
      emr_conn_id: lit(null),
      ...waitArgs(f.waitFor, ctx.target),
      waiter_max_attempts: f.waitFor !== 'none' ? waiterAttempts(f.maxWait, step, EMR_CLUSTER_POLL_SECONDS) : undefined,
      // 9.0.0 and 9.12.0 defer whenever deferrable is set: a create that does not wait must not be deferrable.
      deferrable: f.waitFor === 'none' && step.settings.deferrable ? deferrableArg(step, false) : undefined,
    });
  },
});

function durationOrNullSafe(text: string): Duration | null {
  try {
    return durationOrNull(text);
  } catch {
    return null; // reported as DS306 by checkDuration
  }
}

/** Idle auto-termination: EMR 5.30.0+ in the 5.x line, 6.1.0+ after. */
function supportsAutoTermination([major, minor]: [number, number, number]): boolean {
  if (major === 5) return minor >= 30;
  if (major === 6) return minor >= 1;
  return major > 6;
}

function hasWaitPolicy(target: AirflowTarget): boolean {
  return providerAtLeast(target, '9.12.0');
}

/** How the operator of this target waits (WaitPolicy is a str enum: its values pass as plain strings). */
function waitArgs(waitFor: WaitFor, target: AirflowTarget): Record<string, PyExpr | undefined> {
  if (waitFor === 'none') return {};
  if (!hasWaitPolicy(target)) return { wait_for_completion: lit(true) };
  return { wait_policy: lit(waitFor === 'ready' ? 'wait_for_completion' : 'wait_for_steps_completion') };
}

/** The RunJobFlow request. */
export function jobFlowOverrides(f: EmrClusterFields): PyExpr {
  const entries: [string, PyExpr][] = [
    ['Name', lit(f.name)],
    ['ReleaseLabel', lit(f.releaseLabel)],
    ['Applications', list(f.applications.map((a) => dict([['Name', lit(a)]])))],
    ['Instances', dict([...instancesEntries(f.instances), ['KeepJobFlowAliveWhenNoSteps', lit(f.keepAlive)]])],
  ];
  if (f.steps.length > 0) entries.push(['Steps', emrStepsExpr(f.steps)]);
  if (f.idleTimeout !== null) entries.push(['AutoTerminationPolicy', dict([['IdleTimeout', lit(f.idleTimeout.seconds)]])]);
  if (f.logUri !== null) entries.push(['LogUri', lit(f.logUri)]);
  entries.push(['ServiceRole', lit(f.serviceRole)], ['JobFlowRole', lit(f.jobFlowRole)]);
  if (f.securityConfiguration !== null) entries.push(['SecurityConfiguration', lit(f.securityConfiguration)]);
  if (f.configurations.length > 0) entries.push(['Configurations', lit(f.configurations)]);
  entries.push(['StepConcurrencyLevel', lit(f.stepConcurrencyLevel)]);
  const tags = Object.entries(f.tags);
  if (tags.length > 0)
    entries.push([
      'Tags',
      list(
        tags.map(([k, v]) =>
          dict([
            ['Key', lit(k)],
            ['Value', lit(v)],
          ]),
        ),
      ),
    ]);
  return dict(entries);
}

export interface EmrClusterFields {
  readonly name: string;
  readonly releaseLabel: string;
  readonly instances: InstancesIR;
  readonly steps: readonly EmrStepIR[];
  readonly idleTimeout: Duration | null;
  readonly keepAlive: boolean;
  readonly applications: readonly string[];
  readonly logUri: string | null;
  readonly serviceRole: string;
  readonly jobFlowRole: string;
  readonly securityConfiguration: string | null;
  readonly configurations: readonly Readonly<Record<string, JsonValue>>[];
  readonly stepConcurrencyLevel: number;
  readonly tags: Readonly<Record<string, string>>;
  readonly waitFor: WaitFor;
  readonly maxWait: Duration | null;
}

/** EmrCreateJobFlowOperator's waiter_delay default (all four provider versions). */
export const EMR_CLUSTER_POLL_SECONDS = 60;
