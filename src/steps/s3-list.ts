import { S } from '../base/json-schema';
import { kwargs, lit } from '../base/python-expr';
import { bucketError } from '../base/s3-uri';
import { checkKeysNotUris } from './kind-helpers';
import { s3TakesRegion } from './s3-wait';
import { defineStepKind } from './types';

/** `s3.list` -> S3ListOperator: the keys under a prefix, as the task's XCom return value (a list of strings). */
export const s3List = defineStepKind({
  kind: 's3.list',
  description: 'List the keys under an S3 prefix (S3ListOperator); its output is the list of keys, for `forEach`.',
  notes:
    "The task returns the keys (full keys, not URIs) as its XCom value: a step with `forEach: { items: <this step> }` runs once per key. `delimiter` lists only the keys directly under the prefix (the provider's `list_keys` drops common prefixes). No `suffix`: S3ListOperator has none in any MWAA provider; `applyWildcard` is its `apply_wildcard`.",
  airflowClass: { module: 'airflow.providers.amazon.aws.operators.s3', name: 'S3ListOperator' },
  required: ['bucket'],
  supportsDeferrable: false,
  takesRegion: s3TakesRegion,
  listOutput: { read: 'list', items: 'the keys it listed' },
  properties: {
    bucket: S.nonEmptyString('Bucket name (without s3://).'),
    prefix: S.string('List only keys that start with this (e.g. `landing/{{ ds }}/`); empty: the whole bucket.', { default: '' }),
    delimiter: S.string('Key hierarchy delimiter, e.g. `/`: then only the keys directly under the prefix are listed.', { default: '' }),
    applyWildcard: S.boolean("Read '*' in the prefix as a wildcard (S3ListOperator's apply_wildcard).", { default: false }),
  },
  check(step, ctx) {
    const err = bucketError(step.bucket);
    if (err) ctx.report('DS308', ['bucket'], err);
    if (step.prefix !== undefined) checkKeysNotUris(step.prefix, 'prefix', ctx);
  },
  normalize(step): S3ListFields {
    return { bucket: step.bucket, prefix: step.prefix ?? '', delimiter: step.delimiter ?? '', applyWildcard: step.applyWildcard ?? false };
  },
  emit(f) {
    return kwargs({
      bucket: lit(f.bucket),
      prefix: f.prefix === '' ? undefined : lit(f.prefix),
      delimiter: f.delimiter === '' ? undefined : lit(f.delimiter),
      apply_wildcard: f.applyWildcard ? lit(true) : undefined,
    });
  },
});

export interface S3ListFields {
  readonly bucket: string;
  readonly prefix: string;
  readonly delimiter: string;
  readonly applyWildcard: boolean;
}
