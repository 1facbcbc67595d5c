import { stepKind } from '../../steps/index';
import { bySettingSource, listIds } from '../../ir/queries';
import { pipelineRule } from '../types';

export const deferrable = pipelineRule({
  meta: {
    code: 'DS425',
    name: 'deferrable',
    defaultSeverity: 'warning',
    description: "A step whose operator can defer to MWAA's triggerer runs with deferrable: false, holding a worker slot while it waits on AWS.",
  },
  defaultOptions: {},
  check(ctx) {
    // s3.wait has its own rule (DS421): reschedule mode is a fine choice there.
    const steps = ctx.pipeline.steps.filter((s) => s.kind !== 's3.wait' && stepKind(s.kind)?.supportsDeferrable && !s.settings.deferrable);
    for (const g of bySettingSource(ctx.has, ctx.pipeline, steps, 'deferrable')) {
      const subject = g.steps.length === 1 ? `step ${listIds(g.steps)} waits` : `steps ${listIds(g.steps)} wait`;
      ctx.report(g.path, `${subject} for AWS in a worker slot although the operator can defer to the triggerer`, {
        at: g.at,
        hint: 'set defaults.deferrable: true',
      });
    }
  },
});
