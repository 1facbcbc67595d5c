import { bySettingSource, listIds } from '../../ir/queries';
import { pipelineRule } from '../types';

export const stepRetries = pipelineRule({
  meta: {
    code: 'DS420',
    name: 'step-retries',
    defaultSeverity: 'warning',
    description: 'A step runs with retries: 0, so one throttled AWS call or a lost worker fails the whole run.',
  },
  defaultOptions: {},
  check(ctx) {
    // Sensors wait rather than act: their timeout, not retries, bounds them.
    const steps = ctx.pipeline.steps.filter((s) => s.kind !== 's3.wait' && s.settings.retries === 0);
    for (const g of bySettingSource(ctx.has, ctx.pipeline, steps, 'retries')) {
      const subject = g.steps.length === 1 ? `step ${listIds(g.steps)} runs` : `steps ${listIds(g.steps)} run`;
      ctx.report(g.path, `${subject} without retries: a throttled AWS call or a lost worker fails the run`, {
        at: g.at,
        hint: 'set defaults.retries (2-3) with retryExponentialBackoff: true',
      });
    }
  },
});
