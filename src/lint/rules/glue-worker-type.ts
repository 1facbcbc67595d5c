import { compareVersions } from '../../targets';
import { stepsOfKind } from '../../ir/queries';
import { pipelineRule } from '../types';

interface Options {
  /** Oldest Glue version the team accepts. */
  readonly minGlueVersion: string;
}

/** Glue versions at end of life (AWS Glue version support policy): runs cannot start on them after 1 April 2026. */
const END_OF_LIFE = new Set(['0.9', '1.0', '2.0']);

export const glueWorkerType = pipelineRule<Options>({
  meta: {
    code: 'DS411',
    name: 'glue-worker-type',
    defaultSeverity: 'warning',
    description: 'A glue.job uses a worker type meant for something else (G.025X: low-volume streaming) or a Glue version past its support.',
    options: {
      type: 'object',
      properties: { minGlueVersion: { type: 'string', pattern: '^\\d+\\.\\d+$', description: 'Oldest Glue version accepted.' } },
      additionalProperties: false,
    },
  },
  defaultOptions: { minGlueVersion: '4.0' },
  check(ctx) {
    for (const { step, fields } of stepsOfKind(ctx.pipeline, 'glue.job')) {
      if (fields.workerType === 'G.025X') {
        ctx.reportStep(
          step,
          ['workerType'],
          'worker type G.025X is for low-volume streaming jobs; a scheduled batch job gets more for its DPU-hour on G.1X or larger',
          {
            hint: 'use G.1X (or G.2X for memory-hungry transforms)',
          },
        );
      }
      const v = fields.glueVersion;
      if (v === null) continue;
      if (END_OF_LIFE.has(v)) {
        ctx.reportStep(step, ['glueVersion'], `Glue ${v} has reached end of life: AWS Glue no longer starts runs on it`, {
          hint: `move the job to Glue ${ctx.options.minGlueVersion} or later`,
        });
      } else if (compareVersions(v, ctx.options.minGlueVersion) < 0) {
        ctx.reportStep(step, ['glueVersion'], `Glue ${v} is older than ${ctx.options.minGlueVersion}, the oldest version this project accepts`, {
          hint: 'newer Glue versions start faster and run Spark more cheaply',
        });
      }
    }
  },
});
