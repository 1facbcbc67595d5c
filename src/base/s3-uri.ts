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

/** Splits `s3://bucket/key` and checks the bucket; Jinja in the key is fine, in the bucket it is trusted. */
export function s3UriError(uri: string, opts?: { requireKey?: boolean }): string | undefined {
  // What S3_URI matches, found without it (checks call this for every URI field of every step): `s3://`, the
  // bucket up to the first `/`, then the key, which may be empty. test/base/s3-uri.test.ts holds it to the regex.
  if (!uri.startsWith('s3://')) return `'${uri}' is not an S3 URI (s3://bucket/key)`;
  const slash = uri.indexOf('/', 5);
  const bucket = slash < 0 ? uri.slice(5) : uri.slice(5, slash);
  if (bucket === '') return `'${uri}' has no bucket name`;
  const err = bucketError(bucket);
  if (err) return err;
  // No key: no `/` after the bucket, or nothing after it.
  if (opts?.requireKey && (slash < 0 || slash === uri.length - 1)) return `'${uri}' names a bucket but no object key`;
  return undefined;
}

/**
 * THE S3 URI parser: `s3://bucket/key` -> its bucket and key ('' when absent); undefined for anything else or a
 * missing bucket. It splits, it does not judge the bucket name (that is `bucketError`).
 */
export function parseS3Uri(uri: string): { bucket: string; key: string } | undefined {
  // As S3_URI splits it (see s3UriError), without the regex: normalize splits every URI of every step.
  if (!uri.startsWith('s3://')) return undefined;
  const slash = uri.indexOf('/', 5);
  const bucket = slash < 0 ? uri.slice(5) : uri.slice(5, slash);
  return bucket === '' ? undefined : { bucket, key: slash < 0 ? '' : uri.slice(slash + 1) };
}

/** The parts of an S3 URI that passed validation (normalize and emit take only those). */
export function validS3Uri(uri: string): { bucket: string; key: string } {
  const parts = parseS3Uri(uri);
  if (!parts) throw new Error(`internal error: '${uri}' passed validation but is not an S3 URI`);
  return parts;
}
