import { stepsOfKind } from '../../ir/queries';
import { pipelineRule } from '../types';

export const athenaWorkgroup = pipelineRule({
  meta: {
    code: 'DS413',
    name: 'athena-workgroup',
    defaultSeverity: 'warning',
    description: "An athena.query runs in the 'primary' workgroup, which has no per-query data-scanned limit and no enforced result encryption.",
  },
  defaultOptions: {},
  check(ctx) {
    for (const { step, fields } of stepsOfKind(ctx.pipeline, 'athena.query')) {
      if (fields.workgroup !== 'primary') continue;
      const field = ctx.has(ctx.pipeline, [...step.origin.path, 'workgroup']) ? 'workgroup' : 'database';
      ctx.reportStep(
        step,
        [field],
        "the query runs in Athena's 'primary' workgroup: no per-query data-scanned limit, no enforced result location or encryption",
        {
          hint: "set 'workgroup' to a workgroup with a per-query data usage control and enforced settings",
        },
      );
    }
  },
});
