// Twin of pipelines/clickstream_sessions.yaml: a pipeline scheduled on the assets two other pipelines produce.
import { definePipeline, glue } from 'dagsmith';

const clickstream = 's3://${featureBucket}/clickstream/';
const orders = 's3://${featureBucket}/curated/orders/';

export default definePipeline({
  id: 'clickstream_sessions',
  description: 'Sessionize the clickstream and join it with orders when both have landed',
  owner: 'ml-data',
  tags: ['features', 'clickstream', 'assets'],
  schedule: { assets: { allOf: [clickstream, orders] }, orSchedule: '0 6 * * *' },
  startDate: '2026-01-01',
  timezone: 'UTC',
  maxActiveRuns: 1,
  dagrunTimeout: '2h',
  notifications: { onFailure: { sns: 'arn:aws:sns:us-east-1:123456789012:ml-alerts' } },
  defaults: { retries: 2, retryDelay: '5m', executionTimeout: '1h', deferrable: true },
  steps: [
    glue.job({
      id: 'sessionize',
      job: 'clickstream-sessionize',
      arguments: { '--clickstream': clickstream, '--orders': orders, '--target': 's3://${featureBucket}/sessions/' },
      workerType: 'G.1X',
      numberOfWorkers: 10,
      produces: ['s3://${featureBucket}/sessions/'],
    }),
  ],
});
