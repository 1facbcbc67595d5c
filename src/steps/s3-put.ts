import { S } from '../base/json-schema';
import { kwargs, lit } from '../base/python-expr';
import { bucketError } from '../base/s3-uri';
import { checkKeysNotUris } from './kind-helpers';
import { checkJinjaInJson, jsonText } from './json-field';
import { s3TakesRegion } from './s3-wait';
import { defineStepKind } from './types';

/** `s3.put` -> S3CreateObjectOperator: write a small object (a marker, a manifest) from the pipeline. */
export const s3Put = defineStepKind({
  kind: 's3.put',
  description: 'Write an S3 object whose content is in the pipeline (S3CreateObjectOperator).',
  notes:
    '`data` given as a map or list is written as JSON (compact, keys as written); text is written as is. ' +
    '`replace` defaults to false as in the operator: a rerun fails when the object exists unless `replace: true`.',
  airflowClass: { module: 'airflow.providers.amazon.aws.operators.s3', name: 'S3CreateObjectOperator' },
  required: ['bucket', 'key', 'data'],
  supportsDeferrable: false,
  takesRegion: s3TakesRegion,
  properties: {
    bucket: S.nonEmptyString('Bucket name (without s3://).'),
    key: S.nonEmptyString("Object key inside the bucket, e.g. 'features/dt={{ ds }}/_SUCCESS'."),
    data: {
      type: ['string', 'object', 'array'],
      description: 'Object content: text as written, or a map or list written as JSON. Jinja is rendered by Airflow.',
      tsType: 'string | JsonValue[] | { [key: string]: JsonValue }',
    },
    replace: S.boolean('Overwrite the object when it exists; when false an existing object fails the task.', { default: false }),
    encrypt: S.boolean('Encrypt the object with S3-managed keys (SSE-S3).', { default: false }),
    compression: S.enum('Compress the content before writing it.', ['gzip']),
  },
  check(step, ctx) {
    const err = bucketError(step.bucket);
    if (err) ctx.report('DS308', ['bucket'], err);
    checkKeysNotUris(step.key, 'key', ctx);
    if (typeof step.data !== 'string') checkJinjaInJson(step.data, 'data', ctx);
  },
  normalize(step) {
    return {
      bucket: step.bucket,
      key: step.key,
      data: typeof step.data === 'string' ? step.data : jsonText(step.data),
      replace: step.replace ?? false,
      encrypt: step.encrypt ?? false,
      compression: step.compression ?? null,
    } satisfies S3PutFields;
  },
  emit(f) {
    return kwargs({
      s3_bucket: lit(f.bucket),
      s3_key: lit(f.key),
      data: lit(f.data),
      replace: lit(f.replace),
      encrypt: lit(f.encrypt),
      compression: f.compression === null ? undefined : lit(f.compression),
    });
  },
});

export interface S3PutFields {
  readonly bucket: string;
  readonly key: string;
  /** The object's text (a JSON `data` already encoded). */
  readonly data: string;
  readonly replace: boolean;
  readonly encrypt: boolean;
  readonly compression: 'gzip' | null;
}
