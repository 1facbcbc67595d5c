import { bucketError, parseS3Uri } from '../base/s3-uri';
import { hasJinja } from '../base/values';
import { UsageError } from '../diagnostics/types';
import type { SyncDestination } from './types';

/** Parses `--bucket s3://BUCKET/PREFIX`; the prefix is normalized to '' or 'a/b/'. */
export function parseBucketUrl(url: string, extra: { region?: string; kmsKeyId?: string } = {}): SyncDestination {
  const uri = parseS3Uri(url);
  if (!uri) throw new UsageError(`--bucket takes s3://BUCKET/PREFIX, not '${url}'`);
  const { bucket, key } = uri;
  if (hasJinja(bucket) || bucketError(bucket)) throw new UsageError(`'${bucket}' is not a valid S3 bucket name`);
  const parts = key.split('/').filter((p) => p !== '');
  if (parts.some((p) => p === '.' || p === '..')) throw new UsageError(`the prefix of '${url}' has '.' or '..' segments`);
  const prefix = parts.length ? `${parts.join('/')}/` : '';
  return { bucket, prefix, label: `s3://${bucket}/${prefix}`, ...extra };
}
