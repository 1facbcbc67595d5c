// Twin of pipelines/customer_features.yaml: compiles to the same Python (test/sdk/twins.test.ts).
import { athena, definePipeline, glue, redshift, s3 } from 'dagsmith';

const waitRaw = s3.wait({
  id: 'wait_raw',
  bucket: '${rawBucket}',
  key: 'events/{{ ds }}/_SUCCESS',
  timeout: '6h',
  pokeInterval: '5m',
});
const crawlRaw = glue.crawler({ id: 'crawl_raw', crawler: 'raw-events', dependsOn: [waitRaw] });
const cleanEvents = glue.job({
  id: 'clean_events',
  job: 'clean-events',
  arguments: { '--run_date': '{{ ds }}', '--mode': '{{ params.run_mode }}' },
  workerType: 'G.1X',
  numberOfWorkers: 10,
  dependsOn: [crawlRaw],
});
const buildFeatures = athena.query({
  id: 'build_features',
  database: 'features',
  query: `INSERT INTO customer_features
SELECT customer_id, count(*) AS sessions_7d, max(event_ts) AS last_seen, date '{{ ds }}' AS feature_date
FROM clean_events
WHERE dt BETWEEN date_add('day', -7, date '{{ ds }}') AND date '{{ ds }}'
GROUP BY customer_id
`,
  outputLocation: 's3://${featureBucket}/athena-results/',
  workgroup: 'ml-features',
  dependsOn: [cleanEvents],
});
const loadFeatures = redshift.copy({
  id: 'load_features',
  from: 's3://${featureBucket}/customer_features/dt={{ ds }}/',
  schema: 'ml',
  table: 'customer_features',
  format: 'PARQUET',
  method: 'replace',
  replaceWhere: "feature_date = '{{ ds }}'",
  iamRole: 'arn:aws:iam::123456789012:role/redshift-copy',
  workgroup: 'ml-serverless',
  database: 'analytics',
  dependsOn: [buildFeatures],
});
const refreshViews = redshift.sql({
  id: 'refresh_views',
  sqlFile: 'sql/refresh_views.sql',
  workgroup: 'ml-serverless',
  database: 'analytics',
  dependsOn: [loadFeatures],
});

export default definePipeline({
  version: 1,
  id: 'customer_features',
  description: 'Nightly customer feature build for the churn model',
  owner: 'ml-data',
  tags: ['features', 'nightly', 'churn'],
  schedule: '0 3 * * *',
  startDate: '2026-01-01',
  timezone: 'UTC',
  catchup: false,
  maxActiveRuns: 1,
  dagrunTimeout: '6h',
  params: {
    run_mode: { default: 'full', type: 'string', enum: ['full', 'incremental'], description: 'full or incremental' },
  },
  defaults: {
    retries: 2,
    retryDelay: '5m',
    retryExponentialBackoff: true,
    executionTimeout: '2h',
    awsConnId: 'aws_default',
    region: 'us-east-1',
    deferrable: true,
  },
  notifications: { onFailure: { sns: 'arn:aws:sns:us-east-1:123456789012:ml-alerts' } },
  steps: [waitRaw, crawlRaw, cleanEvents, buildFeatures, loadFeatures, refreshViews],
});
