import { stepsOfKind } from '../../ir/queries';
import { pipelineRule } from '../types';

export const glueSecurityConfiguration = pipelineRule({
  meta: {
    code: 'DS402',
    name: 'glue-security-configuration',
    defaultSeverity: 'warning',
    description: 'A glue.job runs without a securityConfiguration, so its S3 output, logs and bookmarks are not KMS-encrypted by Glue.',
  },
  defaultOptions: {},
  check(ctx) {
    for (const { step, fields } of stepsOfKind(ctx.pipeline, 'glue.job')) {
      if (fields.securityConfiguration !== null) continue;
      ctx.reportStep(
        step,
        ['job'],
        `Glue job '${fields.job}' runs without a securityConfiguration: its S3 output, CloudWatch logs and job bookmarks are not encrypted with KMS by Glue`,
        { hint: "set 'securityConfiguration' to a Glue security configuration with SSE-KMS" },
      );
    }
  },
});
