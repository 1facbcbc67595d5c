import { expect } from 'chai';
import { bucketError, parseS3Uri, s3UriError } from '../../src/base/s3-uri';
import { makeRng as random } from '../load/yaml-generator';

/** The regex both functions used to split a URI with (they now split without it). */
const S3_URI = /^s3:\/\/([^/]*)(?:\/(.*))?$/s;

function referenceError(uri: string, opts: { requireKey?: boolean } = {}): string | undefined {
  const m = S3_URI.exec(uri);
  if (!m) return `'${uri}' is not an S3 URI (s3://bucket/key)`;
  const bucket = m[1]!;
  if (bucket === '') return `'${uri}' has no bucket name`;
  const err = bucketError(bucket);
  if (err) return err;
  if (opts.requireKey && !m[2]) return `'${uri}' names a bucket but no object key`;
  return undefined;
}

function referenceParse(uri: string): { bucket: string; key: string } | undefined {
  const m = S3_URI.exec(uri);
  return m && m[1] ? { bucket: m[1], key: m[2] ?? '' } : undefined;
}

const EDGES = [
  '',
  's3:/',
  's3://',
  's3:///',
  's3:///key',
  's3://b',
  's3://bucket',
  's3://bucket/',
  's3://bucket//',
  's3://bucket/key',
  's3://bucket/a/b/c.parquet',
  's3://Bucket/key',
  's3://my..bucket/k',
  's3://{{ var.value.b }}/k',
  's3://bucket/{{ ds }}/',
  's3://buc\nket/key',
  's3://bucket/ke\ny',
  'S3://bucket/key',
  ' s3://bucket/key',
  'https://bucket/key',
  'bucket/key',
  's3://xn--bucket/key',
  's3://192.168.1.1/key',
  's3://bucket-s3alias/',
];

describe('s3UriError and parseS3Uri without the regex', () => {
  const pieces = ['s3://', 's3:/', 's3', ':', '/', '//', 'bucket', 'ab', 'a.b', 'a..b', 'x-', '{{ ds }}', 'KEY', '\n', ' ', 'é', '', '.', '-'];
  const inputs = [...EDGES];
  const rand = random(3);
  for (let i = 0; i < 5000; i++) {
    let s = rand() < 0.8 ? 's3://' : '';
    const n = Math.floor(rand() * 5);
    for (let k = 0; k < n; k++) s += pieces[Math.floor(rand() * pieces.length)];
    inputs.push(s);
  }

  it('gives the messages the regex split gave, with and without requireKey', () => {
    for (const uri of inputs) {
      expect(s3UriError(uri), JSON.stringify(uri)).to.equal(referenceError(uri));
      expect(s3UriError(uri, { requireKey: true }), JSON.stringify(uri)).to.equal(referenceError(uri, { requireKey: true }));
      expect(s3UriError(uri, { requireKey: false }), JSON.stringify(uri)).to.equal(referenceError(uri, { requireKey: false }));
    }
  });

  it('splits as the regex split', () => {
    for (const uri of inputs) expect(parseS3Uri(uri), JSON.stringify(uri)).to.deep.equal(referenceParse(uri));
  });
});
