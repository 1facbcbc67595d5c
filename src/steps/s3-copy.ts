import { S } from '../base/json-schema';
import { kwargs, lit } from '../base/python-expr';
import { s3UriError, validS3Uri } from '../base/s3-uri';
import { s3TakesRegion } from './s3-wait';
import { defineStepKind } from './types';

/** `s3.copy` -> S3CopyObjectOperator: copy one object (CopyObject, so up to 5 GB). */
export const s3Copy = defineStepKind({
  kind: 's3.copy',
  description: 'Copy one S3 object (S3CopyObjectOperator).',
  notes:
    "`from`/`to` are split into bucket and key. `kmsKeyId` is refused: neither provider version can pass SSE-KMS settings through this operator; rely on the destination bucket's default encryption.",
  airflowClass: { module: 'airflow.providers.amazon.aws.operators.s3', name: 'S3CopyObjectOperator' },
  required: ['from', 'to'],
  supportsDeferrable: false,
  takesRegion: s3TakesRegion,
  properties: {
    from: S.string('S3 URI of the object to copy (s3://bucket/key).', { tsType: 'S3Uri' }),
    to: S.string('S3 URI of the copy (s3://bucket/key).', { tsType: 'S3Uri' }),
    kmsKeyId: S.nonEmptyString(
      'KMS key for the copy. Not supported by S3CopyObjectOperator in the MWAA provider versions: the destination bucket\u2019s default encryption applies.',
    ),
  },
  check(step, ctx) {
    for (const field of ['from', 'to'] as const) {
      const err = s3UriError(step[field], { requireKey: true });
      if (err) ctx.report('DS308', [field], err);
    }
    if (step.kmsKeyId !== undefined) {
      ctx.report(
        'DS354',
        ['kmsKeyId'],
        "kmsKeyId is not supported by S3CopyObjectOperator in the MWAA provider versions; rely on the destination bucket's default encryption",
      );
    }
  },
  normalize(step): S3CopyFields {
    return { from: validS3Uri(step.from), to: validS3Uri(step.to) };
  },
  emit(f) {
    return kwargs({
      source_bucket_name: lit(f.from.bucket),
      source_bucket_key: lit(f.from.key),
      dest_bucket_name: lit(f.to.bucket),
      dest_bucket_key: lit(f.to.key),
    });
  },
});

export interface S3CopyFields {
  readonly from: { readonly bucket: string; readonly key: string };
  readonly to: { readonly bucket: string; readonly key: string };
}
