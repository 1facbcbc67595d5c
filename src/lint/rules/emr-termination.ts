import { stepsOfKind } from '../../ir/queries';
import { pipelineRule } from '../types';

/** An Airflow operator that terminates an EMR cluster (the escape hatch's way to end one). */
const TERMINATE = /^EmrTerminateJobFlowOperator$/;

/**
 * A cluster kept alive without an idle timeout and without a step that terminates it runs, and bills, until someone
 * notices (EMR Management Guide, "Using an auto-termination policy").
 */
export const emrTermination = pipelineRule({
  meta: {
    code: 'DS449',
    name: 'emr-termination',
    defaultSeverity: 'warning',
    category: 'cost',
    description: 'An emr.cluster is kept alive (keepAlive, or no steps) with no terminateAfter and no step that terminates it.',
  },
  defaultOptions: {},
  check(ctx) {
    const p = ctx.pipeline;
    const terminates = p.steps.some((s) => s.kind === 'airflow.operator' && TERMINATE.test(s.fields.operator.name));
    if (terminates) return;
    for (const { step, fields } of stepsOfKind(p, 'emr.cluster')) {
      if (!fields.keepAlive || fields.idleTimeout !== null) continue;
      const field = ctx.has(p, [...step.origin.path, 'keepAlive']) ? ['keepAlive'] : ['name'];
      ctx.reportStep(
        step,
        field,
        `cluster '${fields.name}' is kept alive with no terminateAfter and nothing terminates it: it runs and bills until someone ends it`,
        {
          hint: 'set terminateAfter (idle auto-termination, e.g. 30m), or add the work as steps so the cluster ends after them',
        },
      );
    }
  },
});
