import { parseDuration } from '../../base/durations';
import { shortestGapSeconds, timeSchedule } from '../schedule';
import { intervalOption, pipelineRule } from '../types';
import { human } from './crawler-frequency';

interface Options {
  readonly minInterval: string;
}

export const scheduleFrequency = pipelineRule<Options>({
  meta: {
    code: 'DS430',
    name: 'schedule-frequency',
    defaultSeverity: 'warning',
    description:
      'A pipeline is scheduled more often than every minInterval (default 5m): near-real-time ingestion belongs to Kinesis, Firehose or Flink, not to Airflow runs.',
    options: {
      type: 'object',
      properties: { minInterval: intervalOption("Shortest interval between runs, e.g. '5m'.") },
      additionalProperties: false,
    },
  },
  defaultOptions: { minInterval: '5m' },
  check(ctx) {
    const ts = timeSchedule(ctx.pipeline.schedule);
    if (!ts) return;
    const gap = shortestGapSeconds(ts, ctx.pipeline.timezone);
    const min = parseDuration(ctx.options.minInterval)?.seconds ?? 300;
    if (gap === undefined || gap >= min) return;
    ctx.report(['schedule'], `runs start as often as every ${human(gap)}; each run pays Airflow's scheduling overhead and MWAA worker time`, {
      hint: `batch ingestion refreshes every ${ctx.options.minInterval} or less often; stream with Kinesis Data Streams, Firehose or Managed Flink instead`,
    });
  },
});
