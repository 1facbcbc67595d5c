import { S } from '../base/json-schema';
import { dict, kwargs, lit, optLit, type PyExpr } from '../base/python-expr';
import { arnError } from '../base/values';
import { s3UriError } from '../base/s3-uri';
import { checkAwsName } from './kind-helpers';
import { ALWAYS, NEVER, onKill } from './on-kill';
import { defineStepKind } from './types';

const WORKER_TYPES = ['G.025X', 'G.1X', 'G.2X', 'G.4X', 'G.8X', 'G.12X', 'G.16X', 'R.1X', 'R.2X', 'R.4X', 'R.8X', 'Z.2X'] as const;

/** `glue.job` -> GlueJobOperator: start a run of an AWS Glue job (creating the job when it does not exist). */
export const glueJob = defineStepKind({
  kind: 'glue.job',
  description: 'Run an AWS Glue job (GlueJobOperator).',
  notes:
    '`workerType`/`numberOfWorkers`/`securityConfiguration` go to `run_job_kwargs` (they apply to each run of an existing job) and, with `glueVersion`, to `create_job_kwargs` (used only when the operator creates the job); `role` is an ARN (`iam_role_arn`) or a name (`iam_role_name`); the two worker fields come together.',
  airflowClass: { module: 'airflow.providers.amazon.aws.operators.glue', name: 'GlueJobOperator' },
  required: ['job'],
  supportsDeferrable: true,
  onKill: onKill(
    'dagsmith passes `stop_job_run_on_kill=True`: a task killed on a worker stops its job run (BatchStopJobRun). A deferred task cannot: the job run goes on (no provider version stops it from the triggerer).',
    ALWAYS,
    NEVER,
  ),
  properties: {
    job: S.nonEmptyString('Name of the Glue job.'),
    arguments: S.stringMap("Job run arguments, e.g. { '--run_date': '{{ ds }}' }.", { tsType: 'Record<string, string>' }),
    workerType: S.enum('Worker type for this run.', WORKER_TYPES),
    numberOfWorkers: S.integer('Number of workers for this run.', { minimum: 1, maximum: 299999 }),
    scriptLocation: S.string('S3 URI of the job script; used when dagsmith has to create the job.', {
      tsType: 'S3Uri',
    }),
    role: S.nonEmptyString('IAM role (name or ARN) the job runs as; used when the job is created.'),
    glueVersion: S.string("Glue version, e.g. '4.0'; used when the job is created.", { pattern: '^\\d+\\.\\d+$' }),
    securityConfiguration: S.nonEmptyString('Glue security configuration (encryption settings) for this run.'),
    waitForCompletion: S.boolean('Wait for the job run to finish.', { default: true }),
  },
  check(step, ctx) {
    checkAwsName('glueJob', step.job, ['job'], ctx);
    checkAwsName('glueSecurityConfiguration', step.securityConfiguration, ['securityConfiguration'], ctx);
    if (step.scriptLocation !== undefined) {
      const err = s3UriError(step.scriptLocation, { requireKey: true });
      if (err) ctx.report('DS308', ['scriptLocation'], err);
    }
    if (step.role?.startsWith('arn:')) {
      const err = arnError(step.role, 'iam-role');
      if (err) ctx.report('DS309', ['role'], err);
    } else {
      // The operator looks a role name up with IAM's GetRole (iam_role_name).
      checkAwsName('iamRoleName', step.role, ['role'], ctx);
    }
    if ((step.workerType === undefined) !== (step.numberOfWorkers === undefined)) {
      const missing = step.workerType === undefined ? 'workerType' : 'numberOfWorkers';
      ctx.report('DS364', [], `Glue needs workerType and numberOfWorkers together; add '${missing}'`);
    }
  },
  normalize(step): GlueJobFields {
    return {
      job: step.job,
      arguments: step.arguments ?? {},
      workerType: step.workerType ?? null,
      numberOfWorkers: step.numberOfWorkers ?? null,
      scriptLocation: step.scriptLocation ?? null,
      role: step.role ?? null,
      glueVersion: step.glueVersion ?? null,
      securityConfiguration: step.securityConfiguration ?? null,
      waitForCompletion: step.waitForCompletion ?? true,
    };
  },
  emit(job) {
    // Per-run capacity goes in StartJobRun (run_job_kwargs) so it applies to existing jobs too; creation
    // settings go in create_job_kwargs, which the operator only uses when it has to create the job.
    const run: [string, PyExpr][] = [];
    if (job.workerType) run.push(['WorkerType', lit(job.workerType)], ['NumberOfWorkers', lit(job.numberOfWorkers)]);
    if (job.securityConfiguration) run.push(['SecurityConfiguration', lit(job.securityConfiguration)]);
    const create: [string, PyExpr][] = [];
    if (job.glueVersion) create.push(['GlueVersion', lit(job.glueVersion)]);
    if (job.workerType) create.push(['WorkerType', lit(job.workerType)], ['NumberOfWorkers', lit(job.numberOfWorkers)]);
    const roleIsArn = job.role?.startsWith('arn:') ?? false;
    return kwargs({
      job_name: lit(job.job),
      script_args: Object.keys(job.arguments).length > 0 ? lit(job.arguments) : undefined,
      script_location: optLit(job.scriptLocation ?? undefined),
      iam_role_arn: job.role && roleIsArn ? lit(job.role) : undefined,
      iam_role_name: job.role && !roleIsArn ? lit(job.role) : undefined,
      create_job_kwargs: create.length > 0 ? dict(create) : undefined,
      run_job_kwargs: run.length > 0 ? dict(run) : undefined,
      wait_for_completion: lit(job.waitForCompletion),
      // A task killed by executionTimeout would otherwise leave its run going while the retry starts another.
      stop_job_run_on_kill: lit(true),
    });
  },
});

export interface GlueJobFields {
  readonly job: string;
  readonly arguments: Readonly<Record<string, string>>;
  readonly workerType: string | null;
  readonly numberOfWorkers: number | null;
  readonly scriptLocation: string | null;
  readonly role: string | null;
  readonly glueVersion: string | null;
  readonly securityConfiguration: string | null;
  readonly waitForCompletion: boolean;
}
