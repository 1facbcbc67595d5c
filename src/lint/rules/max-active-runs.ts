import { pipelineRule } from '../types';

export const maxActiveRuns = pipelineRule({
  meta: {
    code: 'DS429',
    name: 'max-active-runs',
    defaultSeverity: 'warning',
    description:
      "A scheduled pipeline has no maxActiveRuns: a slow run overlaps the next, and both write the same partitions (Airflow's default allows 16).",
  },
  defaultOptions: {},
  check(ctx) {
    const p = ctx.pipeline;
    if (p.schedule.type === 'none' || p.maxActiveRuns !== null) return;
    ctx.report(['schedule'], `runs of '${p.id}' may overlap: without maxActiveRuns Airflow starts the next run while one is still writing`, {
      hint: 'set maxActiveRuns: 1 unless the runs are independent',
    });
  },
});
