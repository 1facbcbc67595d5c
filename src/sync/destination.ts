import { UsageError } from '../diagnostics/types';
import type { SyncDestination } from './types';

// S3 bucket naming rules (general purpose buckets): 3-63 characters, lowercase letters, digits, dots, hyphens.
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** Parses `--bucket s3://BUCKET/PREFIX`; the prefix is normalized to '' or 'a/b/'. */
export function parseBucketUrl(url: string, extra: { region?: string; kmsKeyId?: string } = {}): SyncDestination {
  const m = /^s3:\/\/([^/]+)(?:\/(.*))?$/.exec(url);
  if (!m) throw new UsageError(`--bucket takes s3://BUCKET/PREFIX, not '${url}'`);
  const bucket = m[1]!;
  if (!BUCKET_NAME.test(bucket) || bucket.includes('..')) throw new UsageError(`'${bucket}' is not a valid S3 bucket name`);
  const parts = (m[2] ?? '').split('/').filter((p) => p !== '');
  if (parts.some((p) => p === '.' || p === '..')) throw new UsageError(`the prefix of '${url}' has '.' or '..' segments`);
  const prefix = parts.length ? `${parts.join('/')}/` : '';
  return { bucket, prefix, label: `s3://${bucket}/${prefix}`, ...extra };
}
