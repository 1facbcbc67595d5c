import { stepsOfKind } from '../../ir/queries';
import type { JsonPath } from '../../diagnostics/types';
import type { StepIR } from '../../ir/types';
import { pipelineRule } from '../types';
import { escapeHatchDeletes } from '../s3-deletes';

/**
 * S3 prefixes are string prefixes, not folders: deleting `scratch/churn_v2` also deletes `scratch/churn_v2_backup/`
 * (S3 User Guide, "Organizing objects using prefixes"; DeleteObjects lists by prefix).
 */
export const s3DeletePrefixSlash = pipelineRule({
  meta: {
    code: 'DS459',
    name: 's3-delete-prefix-slash',
    defaultSeverity: 'warning',
    category: 'reliability',
    description:
      "An S3 delete by prefix (s3.delete, or S3DeleteObjectsOperator through airflow.operator) has a prefix that does not end in '/': it also deletes every key that merely starts with it.",
  },
  defaultOptions: {},
  check(ctx) {
    const found: { step: StepIR; field: JsonPath; bucket: string; prefix: string }[] = [];
    for (const { step, fields } of stepsOfKind(ctx.pipeline, 's3.delete')) {
      if (fields.prefix !== null) found.push({ step, field: ['prefix'], bucket: fields.bucket, prefix: fields.prefix });
    }
    found.push(
      ...escapeHatchDeletes(ctx.pipeline)
        .filter((d) => d.prefix !== null)
        .map((d) => ({ ...d, prefix: d.prefix! })),
    );
    for (const { step, field, bucket, prefix } of found) {
      if (prefix === '' || prefix.endsWith('/')) continue;
      ctx.reportStep(
        step,
        field,
        `prefix '${prefix}' has no trailing '/': this also deletes s3://${bucket}/${prefix}_backup/, s3://${bucket}/${prefix}2/ and any key starting with it`,
        {
          hint: `end the prefix with '/': '${prefix}/'`,
        },
      );
    }
  },
});
