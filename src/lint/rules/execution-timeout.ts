import { bySettingSource, listIds } from '../../ir/queries';
import { pipelineRule } from '../types';

export const executionTimeout = pipelineRule({
  meta: {
    code: 'DS427',
    name: 'execution-timeout',
    defaultSeverity: 'warning',
    description: 'A step has no executionTimeout: a hung Glue job, query or COPY runs (and bills) until the whole run times out, or forever.',
  },
  defaultOptions: {},
  check(ctx) {
    const steps = ctx.pipeline.steps.filter((s) => s.kind !== 's3.wait' && s.settings.executionTimeout === null);
    for (const g of bySettingSource(ctx.has, ctx.pipeline, steps, 'executionTimeout')) {
      const subject = g.steps.length === 1 ? `step ${listIds(g.steps)} has` : `steps ${listIds(g.steps)} have`;
      ctx.report(g.path, `${subject} no executionTimeout: a hung job or query runs until someone notices`, {
        at: g.at,
        hint: 'set defaults.executionTimeout (a few times the usual run time), and override it per step where needed',
      });
    }
  },
});
