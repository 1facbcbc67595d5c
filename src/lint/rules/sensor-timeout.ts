import { stepsOfKind } from '../../ir/queries';
import { pipelineRule } from '../types';

export const sensorTimeout = pipelineRule({
  meta: {
    code: 'DS422',
    name: 'sensor-timeout',
    defaultSeverity: 'warning',
    description: "An s3.wait has no timeout, so a file that never arrives keeps the run waiting for Airflow's default of 7 days.",
  },
  defaultOptions: {},
  check(ctx) {
    for (const { step, fields } of stepsOfKind(ctx.pipeline, 's3.wait')) {
      if (fields.timeout !== null) continue;
      ctx.reportStep(
        step,
        ['key'],
        `sensor '${step.id}' has no timeout: a file that never arrives keeps the run waiting for 7 days (Airflow's default)`,
        {
          hint: "set 'timeout' to how late the data may be, e.g. 6h",
        },
      );
    }
  },
});
