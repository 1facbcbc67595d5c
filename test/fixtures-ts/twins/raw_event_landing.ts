// Twin of pipelines/raw_event_landing.yaml: the steps form a chain, so `chain` wires each to the one before.
import { definePipeline, glue, s3, type Step } from 'dagsmith';

const batch = 'inbox/clickstream/{{ ts_nodash }}/';
const landing = 's3://${rawBucket}/landing/clickstream/';

/** Each step depends on the one before it. */
function chain<S extends Step>(...steps: S[]): S[] {
  return steps.map((s, i) => (i === 0 ? s : { ...s, dependsOn: [steps[i - 1]!] }));
}

export default definePipeline({
  id: 'raw_event_landing',
  description: 'Land hourly clickstream batches into the data lake',
  owner: 'data-platform',
  tags: ['landing', 'clickstream'],
  schedule: '@hourly',
  startDate: '2026-01-01T00:00:00',
  timezone: 'UTC',
  maxActiveRuns: 3,
  dagrunTimeout: '50m',
  notifications: { onFailure: { sns: 'arn:aws:sns:us-east-1:123456789012:platform-alerts' } },
  defaults: { retries: 3, retryDelay: '2m', executionTimeout: '45m' },
  steps: chain<Step>(
    s3.wait({
      id: 'wait_for_batch',
      bucket: '${rawBucket}',
      key: `${batch}*.json.gz`,
      wildcard: true,
      mode: 'reschedule',
      pokeInterval: '1m',
      timeout: '40m',
    }),
    s3.copy({
      id: 'copy_manifest',
      from: `s3://\${rawBucket}/${batch}manifest.json`,
      to: `${landing}hour={{ ts_nodash }}/manifest.json`,
    }),
    glue.crawler({
      id: 'crawl_landing',
      crawler: 'clickstream-landing',
      role: 'arn:aws:iam::123456789012:role/glue-crawler',
      database: 'raw',
      s3Targets: [landing],
    }),
    glue.job({
      id: 'to_parquet',
      job: 'clickstream-to-parquet',
      scriptLocation: 's3://${rawBucket}/scripts/clickstream_to_parquet.py',
      role: 'glue-etl',
      glueVersion: '4.0',
      workerType: 'G.2X',
      numberOfWorkers: 20,
      securityConfiguration: 'lake-kms',
      arguments: {
        '--hour': '{{ ts_nodash }}',
        '--source': `${landing}hour={{ ts_nodash }}/`,
        '--target': 's3://${featureBucket}/clickstream/',
      },
      // An asset: clickstream_sessions is scheduled on it (and on the curated orders).
      produces: ['s3://${featureBucket}/clickstream/'],
    }),
    s3.delete({ id: 'clear_inbox', bucket: '${rawBucket}', prefix: batch }),
  ),
});
