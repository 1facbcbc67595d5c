import { catchupRuns } from '../schedule';
import { pipelineRule } from '../types';

interface Options {
  readonly maxRuns: number;
}

export const catchupBackfill = pipelineRule<Options>({
  meta: {
    code: 'DS423',
    name: 'catchup-backfill',
    defaultSeverity: 'warning',
    description: 'catchup: true with a startDate so far back that the first deploy creates more than maxRuns (default 30) runs at once.',
    options: {
      type: 'object',
      properties: { maxRuns: { type: 'integer', minimum: 1, description: 'Most catch-up runs accepted without a finding.' } },
      additionalProperties: false,
    },
  },
  defaultOptions: { maxRuns: 30 },
  check(ctx) {
    const p = ctx.pipeline;
    if (!p.catchup) return;
    const counted = catchupRuns(p, ctx.now.getTime());
    if (counted === undefined || counted.runs <= ctx.options.maxRuns) return;
    const count = `${counted.exact ? '' : 'about '}${counted.runs.toLocaleString('en-US')}`;
    ctx.report(['startDate'], `catchup: true from this startDate creates ${count} runs when the pipeline is first deployed`, {
      hint: 'move startDate close to today, or set catchup: false and backfill deliberately (airflow dags backfill)',
    });
  },
});
