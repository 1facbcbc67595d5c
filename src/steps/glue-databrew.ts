import { S } from '../base/json-schema';
import { kwargs, lit } from '../base/python-expr';
import { checkDuration, durationOrNull } from './durations';
import { checkAwsName, checkMaxWaitUsed, deferrableArg, maxWaitSchema, waiterAttempts } from './kind-helpers';
import type { Duration } from '../base/durations';
import { NEVER, onKill } from './on-kill';
import { defineStepKind } from './types';

/**
 * `glue.databrew` -> GlueDataBrewStartJobOperator: start a run of an existing DataBrew recipe or profile job.
 * The operator is the same in amazon provider 9.0.0, 9.12.0, 9.22.0 and 9.34.0 (job_name, wait_for_completion,
 * waiter_delay, waiter_max_attempts, deferrable; region_name from the AWS base operator). It defers whenever
 * `deferrable` is set, even with wait_for_completion=False, so a run that is not waited for is not deferrable.
 */
export const glueDatabrew = defineStepKind({
  kind: 'glue.databrew',
  description: 'Run an AWS Glue DataBrew job (GlueDataBrewStartJobOperator).',
  notes:
    "Starts a run of an existing recipe or profile job. A run that is not waited for is not deferrable (the operator defers whenever `deferrable` is set). `maxWait` (default: the step's `executionTimeout`) replaces the operator's 30-minute limit. The provider's waiter takes FAILED, STOPPED and TIMEOUT as the end of a run as well as SUCCEEDED (amazon provider 9.0.0 to 9.34.0), so a task that waits is an instance of a fixed subclass of the operator, written into the DAG file, that fails the task unless the run ended SUCCEEDED. A workflow of the MWAA Serverless target names the provider's class and cannot: there a failed run does not fail the task.",
  airflowClass: { module: 'airflow.providers.amazon.aws.operators.glue_databrew', name: 'GlueDataBrewStartJobOperator' },
  required: ['job'],
  supportsDeferrable: true,
  onKill: onKill('Nothing stops the job run: GlueDataBrewStartJobOperator has no on_kill in any provider version.', NEVER, NEVER),
  properties: {
    job: S.nonEmptyString('Name of the DataBrew job (recipe or profile job).', { maxLength: 240 }),
    waitForCompletion: S.boolean('Wait for the job run to end, failing the task unless it ended SUCCEEDED (on the Python targets).', {
      default: true,
    }),
    maxWait: maxWaitSchema('30 minutes: 60 polls 30 seconds apart'),
  },
  check(step, ctx) {
    checkAwsName('databrewJob', step.job, ['job'], ctx);
    checkDuration(step.maxWait, 'maxWait', ctx);
    checkMaxWaitUsed(step, step.waitForCompletion ?? true, ctx);
    if (step.deferrable === true && step.waitForCompletion === false) {
      ctx.report(
        'DS357',
        ['waitForCompletion'],
        'a deferrable DataBrew run always waits for the job to finish; set deferrable: false to start it and move on',
      );
    }
  },
  normalize(step): GlueDatabrewFields {
    return { job: step.job, waitForCompletion: step.waitForCompletion ?? true, maxWait: durationOrNull(step.maxWait) };
  },
  emit(f, step) {
    return kwargs({
      job_name: lit(f.job),
      wait_for_completion: lit(f.waitForCompletion),
      waiter_max_attempts: f.waitForCompletion ? waiterAttempts(f.maxWait, step, DATABREW_POLL_SECONDS) : undefined,
      // A deferrable inherited from defaults would make the operator wait anyway: turn it off for this task.
      deferrable: !f.waitForCompletion && step.settings.deferrable ? deferrableArg(step, false) : undefined,
    });
  },
});

export interface GlueDatabrewFields {
  readonly job: string;
  readonly waitForCompletion: boolean;
  readonly maxWait: Duration | null;
}

/** GlueDataBrewStartJobOperator's waiter_delay (all four provider versions). */
export const DATABREW_POLL_SECONDS = 30;
