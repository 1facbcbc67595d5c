import { catchupRuns } from '../schedule';
import { pipelineRule } from '../types';

interface Options {
  readonly maxRuns: number;
  readonly errorRuns: number;
}

export const catchupBackfill = pipelineRule<Options>({
  meta: {
    code: 'DS423',
    name: 'catchup-backfill',
    defaultSeverity: 'warning',
    category: 'reliability',
    description:
      'catchup: true with a startDate so far back that the first deploy creates more than maxRuns (default 30) runs at once; an error from errorRuns (default 365).',
    options: {
      type: 'object',
      properties: {
        maxRuns: { type: 'integer', minimum: 1, description: 'Most catch-up runs accepted without a finding.' },
        errorRuns: {
          type: 'integer',
          minimum: 1,
          description: 'From this many catch-up runs the finding is an error (unless the config sets the severity).',
        },
      },
      additionalProperties: false,
    },
  },
  defaultOptions: { maxRuns: 30, errorRuns: 365 },
  check(ctx) {
    const p = ctx.pipeline;
    if (!p.catchup) return;
    const counted = catchupRuns(p, ctx.now.getTime());
    if (counted === undefined || counted.runs <= ctx.options.maxRuns) return;
    const count = `${counted.exact ? '' : 'about '}${counted.runs.toLocaleString('en-US')}`;
    ctx.report(['startDate'], `catchup: true from this startDate creates ${count} runs when the pipeline is first deployed`, {
      hint: 'move startDate close to today, or set catchup: false and backfill deliberately (airflow dags backfill)',
      // The finding grows worse with the runs: a year of runs at once is an outage, not a nuisance.
      ...(counted.runs >= ctx.options.errorRuns ? { severity: 'error' as const } : {}),
    });
  },
});
