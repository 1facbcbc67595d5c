import { parseDuration } from '../../base/durations';
import { stepsOfKind } from '../../ir/queries';
import { shortestGapSeconds, timeSchedule } from '../schedule';
import { intervalOption, pipelineRule } from '../types';

interface Options {
  /** Shortest time between crawler runs accepted, as a duration. */
  readonly minInterval: string;
}

export const crawlerFrequency = pipelineRule<Options>({
  meta: {
    code: 'DS414',
    name: 'crawler-frequency',
    defaultSeverity: 'warning',
    description:
      'A glue.crawler runs on every run of a pipeline scheduled more often than minInterval (default 1h): each crawl is billed, and new partitions can be added without one.',
    options: {
      type: 'object',
      properties: { minInterval: intervalOption("Shortest interval between crawls, e.g. '1h'.") },
      additionalProperties: false,
    },
  },
  defaultOptions: { minInterval: '1h' },
  check(ctx) {
    const crawlers = stepsOfKind(ctx.pipeline, 'glue.crawler');
    const ts = timeSchedule(ctx.pipeline.schedule);
    if (crawlers.length === 0 || !ts) return;
    const gap = shortestGapSeconds(ts, ctx.pipeline.timezone);
    const min = parseDuration(ctx.options.minInterval)?.seconds ?? 3600;
    if (gap === undefined || gap >= min) return;
    for (const { step, fields } of crawlers) {
      ctx.reportStep(
        step,
        ['crawler'],
        `crawler '${fields.crawler}' runs every time the pipeline does, as often as every ${human(gap)}; crawls are billed per DPU-hour and rarely needed that often`,
        {
          hint: 'add partitions from the job (enableUpdateCatalog), use partition projection, or crawl in a slower pipeline',
        },
      );
    }
  },
});

export function human(seconds: number): string {
  if (seconds % 86400 === 0) return `${seconds / 86400}d`;
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}
