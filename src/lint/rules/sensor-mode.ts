import { stepsOfKind } from '../../ir/queries';
import { pipelineRule } from '../types';
import { waitMode } from '../../steps/s3-wait';

export const sensorMode = pipelineRule({
  meta: {
    code: 'DS421',
    name: 'sensor-mode',
    defaultSeverity: 'warning',
    description: "An s3.wait runs in 'poke' mode and holds an MWAA worker slot for its whole wait; MWAA has a triggerer for deferrable sensors.",
  },
  defaultOptions: {},
  check(ctx) {
    for (const { step, fields } of stepsOfKind(ctx.pipeline, 's3.wait')) {
      if (waitMode(fields, step) !== 'poke') continue;
      const field = fields.mode !== null ? 'mode' : 'bucket';
      ctx.reportStep(
        step,
        [field],
        `sensor '${step.id}' waits in poke mode, holding a worker slot until the keys arrive${fields.mode === null ? ' (the default when the step is not deferrable)' : ''}`,
        {
          hint: 'use mode: deferrable (MWAA runs a triggerer) or mode: reschedule',
        },
      );
    }
  },
});
