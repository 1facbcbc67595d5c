import { S } from '../base/json-schema';
import { dict, kwargs, lit, type PyExpr } from '../base/python-expr';
import { arnError, hasJinja } from '../base/values';
import { s3UriError } from '../base/s3-uri';
import type { JsonValue } from '../spec/scalars';
import { providerAtLeast, type AirflowTarget } from '../targets';
import { ALWAYS, onKill } from './on-kill';
import { defineStepKind } from './types';
import type { Duration } from '../base/durations';
import { checkDuration, durationOrNull } from './durations';
import { checkAwsName, maxWaitSchema, waiterAttempts } from './kind-helpers';

/**
 * `emr.serverless` -> EmrServerlessStartJobOperator: a Spark job run on an existing EMR Serverless application
 * (StartJobRun with a sparkSubmit job driver), started first when the application is stopped.
 *
 * Provider differences: in 9.0.0 (Airflow 2.10.3) the operator extends BaseOperator, so it takes no region_name
 * (the connection's region applies); from 9.12.0 it is an AwsBaseOperator. `cancel_on_kill` (cancel the job run
 * when the task is killed or times out) exists from 9.22.0 (Airflow 2.11.2 and 3.3.1), not in 9.0.0 or 9.12.0.
 */
export const emrServerless = defineStepKind({
  kind: 'emr.serverless',
  description: 'Run a Spark job on an EMR Serverless application (EmrServerlessStartJobOperator).',
  notes:
    "A Spark job run (`jobDriver.sparkSubmit`: `entryPoint`, `arguments`, `sparkSubmitParameters`) on an existing application, started first if it is stopped. `configurationOverrides` is StartJobRun's (camelCase, as AWS writes it). `maxWait` (default: the step's `executionTimeout`) replaces the operator's 25-minute limit. No `region` on Airflow 2.10.3 (the 9.0.0 operator takes none); `cancelOnKill` needs amazon provider 9.22.0 (DS373 before).",
  airflowClass: { module: 'airflow.providers.amazon.aws.operators.emr', name: 'EmrServerlessStartJobOperator' },
  required: ['application', 'executionRole', 'entryPoint'],
  supportsDeferrable: true,
  onKill: onKill(
    "The operator's on_kill cancels the job run (CancelJobRun) when the task is killed on a worker. From amazon provider 9.22.0 (Airflow 2.11.2, 3.3.1) dagsmith passes `cancel_on_kill=True` (unless `cancelOnKill: false`), and the trigger cancels a deferred run too; before, a deferred run goes on.",
    ALWAYS,
    (t) => takesCancelOnKill(t),
  ),
  takesRegion: (target) => providerAtLeast(target, '9.12.0'),
  properties: {
    application: S.nonEmptyString('Id of the EMR Serverless application (e.g. 00fabcdefg123456).', { tsType: 'EmrServerlessApplicationId' }),
    executionRole: S.string('ARN of the IAM role the job run assumes.', { tsType: 'IamRoleArn' }),
    entryPoint: S.nonEmptyString('The Spark program: S3 URI (or local:// path) of the script or JAR.'),
    arguments: S.stringList('Arguments passed to the program (entryPointArguments); Jinja such as {{ ds }} is rendered by Airflow.'),
    sparkSubmitParameters: S.nonEmptyString("spark-submit options, e.g. '--conf spark.executor.cores=4 --conf spark.executor.memory=16g'."),
    configurationOverrides: {
      type: 'object',
      additionalProperties: false,
      description: 'StartJobRun configurationOverrides: Spark/Hive configuration classifications and where logs go.',
      tsType: '{ applicationConfiguration?: JsonValue[]; monitoringConfiguration?: Record<string, JsonValue> }',
      properties: {
        applicationConfiguration: {
          type: 'array',
          description:
            "Configuration classifications, e.g. [{ classification: 'spark-defaults', properties: { 'spark.dynamicAllocation.enabled': 'false' } }].",
          items: { type: 'object' },
        },
        monitoringConfiguration: {
          type: 'object',
          description: "Where logs go, e.g. { s3MonitoringConfiguration: { logUri: 's3://bucket/emr-serverless-logs/' } }.",
        },
      },
    },
    name: S.nonEmptyString("Name of the job run (default: the operator's emr_serverless_job_airflow_<uuid>).", { maxLength: 256 }),
    waitForCompletion: S.boolean('Wait for the job run to finish, failing the task when it fails.', { default: true }),
    maxWait: maxWaitSchema('25 minutes: 25 polls a minute apart'),
    cancelOnKill: S.boolean(
      'Cancel the job run when the task is killed or times out, also while deferred (amazon provider 9.22.0+: Airflow 2.11.2 and 3.3.1). Default there: true.',
    ),
  },
  check(step, ctx) {
    checkDuration(step.maxWait, 'maxWait', ctx);
    checkAwsName('emrServerlessApplicationId', step.application, ['application'], ctx);
    checkAwsName('emrServerlessJobRunName', step.name, ['name'], ctx);
    const roleErr = arnError(step.executionRole, 'iam-role');
    if (roleErr) ctx.report('DS309', ['executionRole'], roleErr);
    if (step.entryPoint.startsWith('s3://')) {
      const err = s3UriError(step.entryPoint, { requireKey: true });
      if (err) ctx.report('DS308', ['entryPoint'], err);
    } else if (!step.entryPoint.startsWith('local://') && !hasJinja(step.entryPoint)) {
      ctx.report('DS308', ['entryPoint'], `'${step.entryPoint}' is neither an S3 URI (s3://bucket/key) nor a local:// path on the Spark image`);
    }
    const s3Logs = step.configurationOverrides?.monitoringConfiguration?.s3MonitoringConfiguration;
    if (s3Logs && typeof s3Logs === 'object' && !Array.isArray(s3Logs) && Object.hasOwn(s3Logs, 'logUri')) {
      const uri = (s3Logs as Record<string, JsonValue>).logUri;
      const err = typeof uri === 'string' ? s3UriError(uri) : `logUri must be an S3 URI`;
      if (err) ctx.report('DS308', ['configurationOverrides', 'monitoringConfiguration', 's3MonitoringConfiguration', 'logUri'], err);
    }
    const target = ctx.target;
    if (step.cancelOnKill !== undefined && !takesCancelOnKill(target)) {
      ctx.report(
        'DS373',
        ['cancelOnKill'],
        `EmrServerlessStartJobOperator takes cancel_on_kill from amazon provider 9.22.0; Airflow ${target.version} on MWAA has ${target.provider}`,
        { hint: 'remove cancelOnKill for this target, or compile for Airflow 2.11.2 or 3.3.1' },
      );
    }
  },
  normalize(step): EmrServerlessFields {
    return {
      application: step.application,
      executionRole: step.executionRole,
      entryPoint: step.entryPoint,
      arguments: step.arguments ?? [],
      sparkSubmitParameters: step.sparkSubmitParameters ?? null,
      configurationOverrides: (step.configurationOverrides as Readonly<Record<string, JsonValue>> | undefined) ?? null,
      name: step.name ?? null,
      waitForCompletion: step.waitForCompletion ?? true,
      cancelOnKill: step.cancelOnKill ?? null,
      maxWait: durationOrNull(step.maxWait),
    };
  },
  emit(f, step, ctx) {
    const spark: [string, PyExpr][] = [['entryPoint', lit(f.entryPoint)]];
    if (f.arguments.length > 0) spark.push(['entryPointArguments', lit(f.arguments)]);
    if (f.sparkSubmitParameters !== null) spark.push(['sparkSubmitParameters', lit(f.sparkSubmitParameters)]);
    return kwargs({
      application_id: lit(f.application),
      execution_role_arn: lit(f.executionRole),
      job_driver: dict([['sparkSubmit', dict(spark)]]),
      configuration_overrides: f.configurationOverrides !== null ? lit(f.configurationOverrides) : undefined,
      name: f.name !== null ? lit(f.name) : undefined,
      wait_for_completion: lit(f.waitForCompletion),
      // Also bounds the wait for a stopped application to start.
      waiter_max_attempts: waiterAttempts(f.maxWait, step, EMR_SERVERLESS_POLL_SECONDS),
      // Written where the operator takes it (the check refused a cancelOnKill elsewhere): on unless turned off.
      cancel_on_kill: takesCancelOnKill(ctx.target) ? lit(f.cancelOnKill ?? true) : undefined,
    });
  },
});

export function takesCancelOnKill(target: AirflowTarget): boolean {
  return providerAtLeast(target, '9.22.0');
}

export interface EmrServerlessFields {
  readonly application: string;
  readonly executionRole: string;
  readonly entryPoint: string;
  readonly arguments: readonly string[];
  readonly sparkSubmitParameters: string | null;
  readonly configurationOverrides: Readonly<Record<string, JsonValue>> | null;
  readonly name: string | null;
  readonly waitForCompletion: boolean;
  readonly cancelOnKill: boolean | null;
  readonly maxWait: Duration | null;
}

/** EmrServerlessStartJobOperator's waiter_delay (all four provider versions). */
export const EMR_SERVERLESS_POLL_SECONDS = 60;
