import { expect } from 'chai';
import { UsageError } from '../../src/diagnostics/types';
import { parseBucketUrl } from '../../src/sync/destination';

describe('sync --bucket s3://BUCKET/PREFIX', () => {
  it('normalizes the prefix to "" or a folder ending in "/"', () => {
    expect(parseBucketUrl('s3://acme-dags')).to.include({ bucket: 'acme-dags', prefix: '', label: 's3://acme-dags/' });
    expect(parseBucketUrl('s3://acme-dags/')).to.include({ prefix: '' });
    expect(parseBucketUrl('s3://acme-dags/dags')).to.include({ prefix: 'dags/', label: 's3://acme-dags/dags/' });
    expect(parseBucketUrl('s3://acme.dags/team//dags/')).to.include({ bucket: 'acme.dags', prefix: 'team/dags/' });
  });

  it('refuses what is not an S3 URL of a valid bucket', () => {
    for (const bad of [
      'acme-dags/dags',
      'https://acme-dags/dags',
      's3://',
      's3://Acme/dags',
      's3://ab/x',
      's3://a..b/x',
      's3://acme/../x',
      's3://acme/./x',
    ]) {
      expect(() => parseBucketUrl(bad), bad).to.throw(UsageError);
    }
  });
});
