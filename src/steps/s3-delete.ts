import { S } from '../base/json-schema';
import { kwargs, lit, optLit } from '../base/python-expr';
import { bucketError } from '../base/s3-uri';
import { checkKeysNotUris, checkOneOf, stringOrList } from './kind-helpers';
import { s3TakesRegion } from './s3-wait';
import { defineStepKind } from './types';

/** `s3.delete` -> S3DeleteObjectsOperator: delete the listed keys, or every object under a prefix. */
export const s3Delete = defineStepKind({
  kind: 's3.delete',
  description: 'Delete S3 objects by key or by prefix (S3DeleteObjectsOperator).',
  notes: 'Exactly one of `keys` and `prefix`; an empty prefix is refused (it would empty the bucket).',
  airflowClass: { module: 'airflow.providers.amazon.aws.operators.s3', name: 'S3DeleteObjectsOperator' },
  required: ['bucket'],
  supportsDeferrable: false,
  takesRegion: s3TakesRegion,
  properties: {
    bucket: S.nonEmptyString('Bucket name (without s3://).'),
    keys: stringOrList("Key, or list of keys, to delete; exactly one of 'keys' and 'prefix'."),
    prefix: S.nonEmptyString("Delete every object whose key starts with this; exactly one of 'keys' and 'prefix'."),
  },
  check(step, ctx) {
    const err = bucketError(step.bucket);
    if (err) ctx.report('DS308', ['bucket'], err);
    checkOneOf('keys', step.keys !== undefined, 'prefix', step.prefix !== undefined, ctx, { required: true });
    if (step.keys !== undefined) checkKeysNotUris(step.keys, 'keys', ctx);
    if (step.prefix !== undefined) checkKeysNotUris(step.prefix, 'prefix', ctx);
  },
  normalize(step): S3DeleteFields {
    return { bucket: step.bucket, keys: step.keys ?? null, prefix: step.prefix ?? null };
  },
  emit(f) {
    return kwargs({
      bucket: lit(f.bucket),
      keys: optLit(f.keys ?? undefined),
      prefix: optLit(f.prefix ?? undefined),
    });
  },
});

export interface S3DeleteFields {
  readonly bucket: string;
  readonly keys: string | readonly string[] | null;
  readonly prefix: string | null;
}
