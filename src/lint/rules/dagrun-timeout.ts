import { pipelineRule } from '../types';

export const dagrunTimeout = pipelineRule({
  meta: {
    code: 'DS424',
    name: 'dagrun-timeout',
    defaultSeverity: 'warning',
    description: 'A scheduled pipeline has no dagrunTimeout: a stuck run blocks the next ones (maxActiveRuns) without failing or alerting.',
  },
  defaultOptions: {},
  check(ctx) {
    const p = ctx.pipeline;
    if (p.dagrunTimeout !== null || p.schedule.type === 'none') return;
    ctx.report(['id'], `pipeline '${p.id}' has no dagrunTimeout: a stuck run never fails, never alerts, and holds back the runs after it`, {
      at: 'key',
      hint: 'set dagrunTimeout a little below the schedule interval, e.g. 6h for a daily pipeline',
    });
  },
});
