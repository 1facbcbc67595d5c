import { stepsOfKind } from '../../ir/queries';
import { pipelineRule } from '../types';

interface Options {
  readonly maxWorkers: number;
}

export const glueWorkerCount = pipelineRule<Options>({
  meta: {
    code: 'DS412',
    name: 'glue-worker-count',
    defaultSeverity: 'warning',
    description:
      'A glue.job asks for more workers than the project considers usual (maxWorkers, default 50): a typo or a job that needs auto scaling.',
    options: {
      type: 'object',
      properties: { maxWorkers: { type: 'integer', minimum: 2, description: 'Largest numberOfWorkers accepted without a finding.' } },
      additionalProperties: false,
    },
  },
  defaultOptions: { maxWorkers: 50 },
  check(ctx) {
    for (const { step, fields } of stepsOfKind(ctx.pipeline, 'glue.job')) {
      if (fields.numberOfWorkers === null || fields.numberOfWorkers <= ctx.options.maxWorkers) continue;
      const dpus = fields.numberOfWorkers * dpuPerWorker(fields.workerType);
      ctx.reportStep(
        step,
        ['numberOfWorkers'],
        `${fields.numberOfWorkers} ${fields.workerType ?? ''} workers (${dpus} DPUs) is more than the ${ctx.options.maxWorkers} this project expects`.replace(
          '  ',
          ' ',
        ),
        {
          hint: "enable Glue auto scaling (--enable-auto-scaling) and treat numberOfWorkers as the maximum, or raise DS412's maxWorkers",
        },
      );
    }
  },
});

/** DPUs per worker of each Glue worker type. */
function dpuPerWorker(type: string | null): number {
  // G.025X first: the pattern below would read its '025' as 25.
  if (type === 'G.025X') return 0.25;
  if (type === 'Z.2X') return 2;
  const m = /^[GR]\.(\d+)X$/.exec(type ?? '');
  return m ? Number(m[1]) : 1;
}
