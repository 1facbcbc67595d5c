import { globMatch, stepsOfKind } from '../../ir/queries';
import { pipelineRule } from '../types';

interface Options {
  /** Buckets whose default encryption is known to be SSE-KMS (globs); `lint --remote` checks it. */
  readonly kmsBuckets: readonly string[];
}

export const s3CopyDefaultEncryption = pipelineRule<Options>({
  meta: {
    code: 'DS405',
    name: 's3-copy-default-encryption',
    defaultSeverity: 'warning',
    description:
      "An s3.copy cannot ask for SSE-KMS (S3CopyObjectOperator has no parameter for it), so the copy gets the destination bucket's default encryption.",
    options: {
      type: 'object',
      properties: {
        kmsBuckets: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Globs of buckets whose default encryption is SSE-KMS.' },
      },
      additionalProperties: false,
    },
  },
  defaultOptions: { kmsBuckets: [] },
  check(ctx) {
    for (const { step, fields } of stepsOfKind(ctx.pipeline, 's3.copy')) {
      const bucket = fields.to.bucket;
      if (ctx.options.kmsBuckets.some((g) => globMatch(g, bucket))) continue;
      ctx.reportStep(
        step,
        ['to'],
        `the copy in '${bucket}' is encrypted however that bucket's default encryption says, which may be SSE-S3 rather than SSE-KMS`,
        {
          hint: "make SSE-KMS the bucket's default and list it in DS405's kmsBuckets (lint --remote checks it)",
        },
      );
    }
  },
});
