import { globMatch, stepsOfKind } from '../../ir/queries';
import { parseS3Uri } from '../../base/s3-uri';
import { pipelineRule } from '../types';

interface Options {
  /** Buckets that receive data from customers or partners (globs). */
  readonly externalBuckets: readonly string[];
  /** Buckets whose default encryption is known to be SSE-KMS (globs); `lint --remote` checks it. */
  readonly kmsBuckets: readonly string[];
}

const TEXT_FORMATS = new Set([null, 'CSV', 'JSON']);

export const copyExternalEncryption = pipelineRule<Options>({
  meta: {
    code: 'DS404',
    name: 'copy-external-encryption',
    defaultSeverity: 'warning',
    description:
      'A redshift.copy loads text files from an external (customer or partner) bucket not known to be SSE-KMS encrypted, or asks for client-side decryption (ENCRYPTED), which COPY no longer supports.',
    options: {
      type: 'object',
      properties: {
        externalBuckets: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          description: 'Globs of buckets that hold data from outside the team.',
        },
        kmsBuckets: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Globs of buckets whose default encryption is SSE-KMS.' },
      },
      additionalProperties: false,
    },
  },
  defaultOptions: { externalBuckets: ['*customer*', '*partner*', '*external*', '*vendor*', '*inbound*'], kmsBuckets: [] },
  check(ctx) {
    for (const { step, fields } of stepsOfKind(ctx.pipeline, 'redshift.copy')) {
      const encryptedAt = fields.options.findIndex((o) => /^\s*ENCRYPTED\b/i.test(o));
      if (encryptedAt >= 0) {
        ctx.reportStep(
          step,
          ['options', encryptedAt],
          'COPY ... ENCRYPTED reads client-side encrypted files, which Amazon Redshift no longer supports for COPY (since 30 April 2026)',
          { hint: 'have the files written with SSE-KMS; COPY decrypts them without options' },
        );
        continue;
      }
      if (!TEXT_FORMATS.has(fields.format)) continue;
      const bucket = parseS3Uri(fields.from)?.bucket;
      if (bucket === undefined) continue;
      const external = ctx.options.externalBuckets.some((g) => globMatch(g, bucket));
      if (!external || ctx.options.kmsBuckets.some((g) => globMatch(g, bucket))) continue;
      ctx.reportStep(
        step,
        ['from'],
        `COPY loads ${fields.format ?? 'delimited text'} files from external bucket '${bucket}', which is not known to encrypt them with SSE-KMS`,
        { hint: "agree SSE-KMS with the sender, then list the bucket in DS404's kmsBuckets (lint --remote checks the bucket's default encryption)" },
      );
    }
  },
});
