// Twin of pipelines/landing_archive_fanout.yaml: one copy per object an upstream step lists at run time (forEach).
// A list known when the pipeline is written would be a loop here instead (see pipelines/partner_feeds.ts).
import { definePipeline, s3 } from 'dagsmith';

const listLanded = s3.list({ id: 'list_landed', bucket: '${rawBucket}', prefix: 'landing/orders/dt={{ ds }}/' });

export default definePipeline({
  id: 'landing_archive_fanout',
  description: 'Copy every object a day landed into the archive bucket, one task per object',
  owner: 'data-platform',
  tags: ['landing', 'archive', 'fan-out'],
  schedule: '@daily',
  startDate: '2026-01-01',
  timezone: 'UTC',
  maxActiveRuns: 1,
  dagrunTimeout: '3h',
  notifications: { onFailure: { sns: 'arn:aws:sns:us-east-1:123456789012:platform-alerts' } },
  defaults: { retries: 2, retryDelay: '5m', executionTimeout: '30m' },
  steps: [
    listLanded,
    s3.copy({
      id: 'archive_each',
      from: 's3://${rawBucket}/',
      to: 's3://${archiveBucket}/',
      forEach: { items: listLanded, field: 'sourceKey', maxParallel: 8 },
      dependsOn: [listLanded],
    }),
  ],
});
