import { S } from '../base/json-schema';
import { kwargs, lit } from '../base/python-expr';
import { s3UriError, validS3Uri } from '../base/s3-uri';
import { s3TakesRegion } from './s3-wait';
import type { ItemArg } from '../base/for-each';
import { defineStepKind } from './types';

/** `s3.copy` -> S3CopyObjectOperator: copy one object (CopyObject, so up to 5 GB). */
export const s3Copy = defineStepKind({
  kind: 's3.copy',
  description: 'Copy one S3 object (S3CopyObjectOperator).',
  notes:
    "`from`/`to` are split into bucket and key. With `forEach` filling `sourceKey` (e.g. the keys of an `s3.list` step), `from` is `s3://bucket/` and each copy is `to` (a bucket or prefix ending in `/`) + the source key. `kmsKeyId` is refused: neither provider version can pass SSE-KMS settings through this operator; rely on the destination bucket's default encryption.",
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
  fanOut: {
    fields: {
      sourceKey:
        'the key of the object to copy, in the bucket `from` names (then `s3://bucket/`); the copy is `to` (a bucket or prefix ending in `/`) + this key',
      destKey: 'the key of the copy, in the bucket `to` names (then `s3://bucket/`)',
    },
    itemArgs(f: S3CopyFields, filled: ReadonlyMap<string, string | null>) {
      const args: ItemArg[] = [];
      const source = filled.get('sourceKey');
      const dest = filled.get('destKey');
      if (source !== undefined) args.push({ arg: 'source_bucket_key', prop: source, prefix: '' });
      if (dest !== undefined) args.push({ arg: 'dest_bucket_key', prop: dest, prefix: '' });
      else if (source !== undefined) args.push({ arg: 'dest_bucket_key', prop: source, prefix: f.to.key });
      return args;
    },
  },
  check(step, ctx) {
    // The key field a fan-out fills, if one of these (one field at most: no set of them per step).
    const fill = step.forEach?.field;
    const filled = fill === 'sourceKey' || fill === 'destKey' ? fill : undefined;
    for (const [field, mapped] of URI_FIELDS) {
      if (filled === mapped) {
        const err = s3UriError(step[field]) ?? (validS3Uri(step[field]).key === '' ? undefined : `'${step[field]}' names a key`);
        if (err) ctx.report('DS308', [field], `${err}; with forEach filling ${mapped}, '${field}' names only the bucket (s3://bucket/)`);
      } else if (field === 'to' && filled === 'sourceKey') {
        // Each copy is named `to`'s prefix + its source key: a prefix (or nothing) ending in '/'.
        const err = s3UriError(step.to) ?? (/^s3:\/\/[^/]+(\/(.*\/)?)?$/.test(step.to) ? undefined : `'${step.to}' does not end in '/'`);
        if (err)
          ctx.report(
            'DS308',
            ['to'],
            `${err}; with forEach filling sourceKey, 'to' is a bucket or prefix ending in '/' that each copy's key is appended to`,
          );
      } else {
        // Under a fan-out whose field is not one of these (reported with the fan-out), the keys are not judged.
        const err = s3UriError(step[field], step.forEach === undefined || filled !== undefined ? REQUIRE_KEY : undefined);
        if (err) ctx.report('DS308', [field], err);
      }
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

/** The URI fields and the key field a fan-out can fill in each. */
const URI_FIELDS = [
  ['from', 'sourceKey'],
  ['to', 'destKey'],
] as const;
const REQUIRE_KEY = { requireKey: true } as const;

export interface S3CopyFields {
  readonly from: { readonly bucket: string; readonly key: string };
  readonly to: { readonly bucket: string; readonly key: string };
}
