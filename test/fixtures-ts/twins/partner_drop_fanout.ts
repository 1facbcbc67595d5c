// Twin of pipelines/partner_drop_fanout.yaml: three lists known only when the day runs (a Lambda's JSON payload, an
// Athena query's first column, a list param), each fanned out to one copy per key. forEach.items takes only a step
// whose kind gives a list (s3.list, lambda.invoke, athena.query); field is one of the fields s3.copy can map.
import { athena, definePipeline, lambda, s3 } from 'dagsmith';

const manifestKeys = lambda.invoke({ id: 'manifest_keys', function: 'partner-drop-manifest', payload: { day: '{{ ds }}' } });
const lateKeys = athena.query({
  id: 'late_keys',
  database: 'landing',
  query: "SELECT key FROM partner_drop_log WHERE dt = '{{ ds }}' AND arrived_late ORDER BY key",
  outputLocation: 's3://${featureBucket}/athena-results/',
  workgroup: 'ml-features',
});

export default definePipeline({
  id: 'partner_drop_fanout',
  description: 'Copy the files partners dropped into the landing zone, one task per file',
  owner: 'data-platform',
  tags: ['landing', 'partners', 'fan-out'],
  schedule: '@daily',
  startDate: '2026-01-01',
  timezone: 'UTC',
  maxActiveRuns: 1,
  dagrunTimeout: '3h',
  notifications: { onFailure: { sns: 'arn:aws:sns:us-east-1:123456789012:platform-alerts' } },
  defaults: { retries: 2, retryDelay: '5m', executionTimeout: '30m' },
  params: {
    replayKeys: { type: 'array', default: [], description: "Keys of the raw bucket's partner drop to copy again in this run" },
  },
  steps: [
    manifestKeys,
    s3.copy({
      id: 'copy_manifest',
      from: 's3://${rawBucket}/',
      to: 's3://${rawBucket}/collected/',
      forEach: { items: manifestKeys, field: 'sourceKey', maxParallel: 8 },
      dependsOn: [manifestKeys],
    }),
    lateKeys,
    s3.copy({
      id: 'copy_late',
      from: 's3://${rawBucket}/',
      to: 's3://${rawBucket}/collected/late/',
      forEach: { items: lateKeys, field: 'sourceKey', maxParallel: 4 },
      dependsOn: [lateKeys],
    }),
    s3.copy({
      id: 'copy_replays',
      from: 's3://${rawBucket}/',
      to: 's3://${rawBucket}/collected/replayed/',
      forEach: { param: 'replayKeys', field: 'sourceKey' },
    }),
  ],
});
