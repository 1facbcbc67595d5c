import { boundedMemo } from '../util/bounded-memo';
import { hasJinja } from './values';

const BUCKET = /^(?!xn--)(?!sthree-)(?!.*-s3alias$)(?!.*--ol-s3$)(?!\d+\.\d+\.\d+\.\d+$)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

export function bucketError(bucket: string): string | undefined {
  // A project names a handful of buckets in thousands of fields: each is judged once.
  return bucketErrors(bucket);
}

const bucketErrors = boundedMemo(10_000, bucketErrorOf);

function bucketErrorOf(bucket: string): string | undefined {
  if (hasJinja(bucket)) return undefined;
  // A bucket field takes the name alone: say so rather than judge the URI as a name.
  const uri = S3_URI.exec(bucket);
  if (uri && !BUCKET.test(bucket)) {
    const name = uri[1]!;
    const rest = uri[2] ? ` and give '${uri[2]}' in the key` : '';
    const nameErr = name === '' || hasJinja(name) ? undefined : bucketError(name);
    return `'${bucket}' is an S3 URI, but this field takes a bucket name: drop the s3:// prefix${rest}${nameErr ? ` (${nameErr})` : ` ('${name}')`}`;
  }
  if (!BUCKET.test(bucket) || bucket.includes('..') || bucket.includes('.-') || bucket.includes('-.')) {
    return `'${bucket}' is not a valid S3 bucket name (3-63 lowercase letters, digits, dots and hyphens)`;
  }
  return undefined;
}

/** `s3://bucket/key`: the bucket, and the key (possibly empty or absent). */
const S3_URI = /^s3:\/\/([^/]*)(?:\/(.*))?$/s;

/**
 * What S3_URI matches, found without it (checks and normalize split every URI field of every step): `s3://`, the
 * bucket up to the first `/` (possibly empty), and the key after it (undefined without that `/`). test/base/s3-uri.test.ts
 * holds it to the regex.
 */
function splitS3Uri(uri: string): { bucket: string; key: string | undefined } | undefined {
  if (!uri.startsWith('s3://')) return undefined;
  const slash = uri.indexOf('/', 5);
  return slash < 0 ? { bucket: uri.slice(5), key: undefined } : { bucket: uri.slice(5, slash), key: uri.slice(slash + 1) };
}

/** Splits `s3://bucket/key` and checks the bucket; Jinja in the key is fine, in the bucket it is trusted. */
export function s3UriError(uri: string, opts?: { requireKey?: boolean }): string | undefined {
  const parts = splitS3Uri(uri);
  if (!parts) return `'${uri}' is not an S3 URI (s3://bucket/key)`;
  if (parts.bucket === '') return `'${uri}' has no bucket name`;
  const err = bucketError(parts.bucket);
  if (err) return err;
  if (opts?.requireKey && !parts.key) return `'${uri}' names a bucket but no object key`;
  return undefined;
}

/**
 * THE S3 URI parser: `s3://bucket/key` -> its bucket and key ('' when absent); undefined for anything else or a
 * missing bucket. It splits, it does not judge the bucket name (that is `bucketError`).
 */
export function parseS3Uri(uri: string): { bucket: string; key: string } | undefined {
  const parts = splitS3Uri(uri);
  return parts && parts.bucket !== '' ? { bucket: parts.bucket, key: parts.key ?? '' } : undefined;
}

/** The parts of an S3 URI that passed validation (normalize and emit take only those). */
export function validS3Uri(uri: string): { bucket: string; key: string } {
  const parts = parseS3Uri(uri);
  if (!parts) throw new Error(`internal error: '${uri}' passed validation but is not an S3 URI`);
  return parts;
}
