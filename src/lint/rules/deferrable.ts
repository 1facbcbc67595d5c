import { stepKind } from '../../steps/index';
import { keepsRunningWhenKilled } from '../../steps/on-kill';
import { bySettingSource, listIds } from '../../ir/queries';
import type { StepIR } from '../../ir/types';
import type { AirflowTarget } from '../../targets';
import { pipelineRule } from '../types';

/**
 * DS425. dagsmith's default is `deferrable: false`: a task killed while deferred (executionTimeout, marked failed)
 * does not run the operator's on_kill, so a Glue job run, an Athena query or an EMR cluster it started goes on
 * while the retry starts another. The rule names the steps that can defer at no such cost on this target: their
 * work is stopped from the triggerer too, or nothing stops it either way (docs/step-kinds.md, "on kill").
 */
export const deferrable = pipelineRule({
  meta: {
    code: 'DS425',
    name: 'deferrable',
    defaultSeverity: 'warning',
    description:
      "A step holds a worker slot while it waits on AWS although deferring it to MWAA's triggerer would cost nothing: its work is stopped on kill as well deferred as not.",
  },
  defaultOptions: {},
  check(ctx) {
    const steps = ctx.pipeline.steps.filter((s) => !s.settings.deferrable && defersForFree(s, ctx.target));
    for (const g of bySettingSource(ctx.has, ctx.pipeline, steps, 'deferrable')) {
      const subject = g.steps.length === 1 ? `step ${listIds(g.steps)} waits` : `steps ${listIds(g.steps)} wait`;
      ctx.report(g.path, `${subject} for AWS in a worker slot, although deferring would lose nothing when the task is killed`, {
        at: g.at,
        hint: g.steps.length === 1 ? 'set deferrable: true on the step' : 'set deferrable: true on these steps',
      });
    }
  },
});

/**
 * Whether the step waits on AWS through an operator that can defer, and deferring keeps what a kill stops. s3.wait
 * has its own rule (DS421: reschedule mode is a fine choice there); an airflow.operator's class is unknown here.
 */
function defersForFree(step: StepIR, target: AirflowTarget): boolean {
  if (step.kind === 's3.wait' || step.kind === 'airflow.operator') return false;
  const kind = stepKind(step.kind);
  if (!kind?.supportsDeferrable || !waits(step)) return false;
  return !keepsRunningWhenKilled(kind.onKill, target, true) || keepsRunningWhenKilled(kind.onKill, target, false);
}

/** Steps that do not wait do not defer (the kinds pass deferrable=False then). */
function waits(step: StepIR): boolean {
  const f: object = step.fields;
  if ('waitFor' in f) return f.waitFor !== 'none';
  if ('waitForCompletion' in f) return f.waitForCompletion !== false;
  return true;
}
