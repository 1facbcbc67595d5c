// Twin of pipelines/product_features_fanin.yaml: three sources, each in its own task group, then a fan-in join.
import { athena, definePipeline, glue, redshift, s3 } from 'dagsmith';

function landed(group: string, prefix: string) {
  return s3.wait({ id: `wait_${group}`, group, bucket: '${rawBucket}', key: `${prefix}/{{ ds }}/_SUCCESS`, timeout: '2h' });
}

const waitCatalog = landed('catalog', 'catalog');
const cleanCatalog = glue.job({
  id: 'clean_catalog',
  group: 'catalog',
  job: 'clean-catalog',
  arguments: { '--dt': '{{ ds }}' },
  dependsOn: [waitCatalog],
});
const waitReviews = landed('reviews', 'reviews');
const scoreReviews = glue.job({
  id: 'score_reviews',
  group: 'reviews',
  job: 'score-review-sentiment',
  workerType: 'G.2X',
  numberOfWorkers: 8,
  dependsOn: [waitReviews],
});
const snapshotInventory = redshift.sql({
  id: 'snapshot_inventory',
  group: 'inventory',
  sql: "UNLOAD ('SELECT sku, on_hand FROM ops.inventory') TO 's3://${featureBucket}/inventory/dt={{ ds }}/' IAM_ROLE 'arn:aws:iam::123456789012:role/redshift-unload' FORMAT AS PARQUET ALLOWOVERWRITE",
  workgroup: 'ops-serverless',
  database: 'ops',
});
const sources = [cleanCatalog, scoreReviews, snapshotInventory];

export default definePipeline({
  id: 'product_features_fanin',
  description: 'Ingest catalog, reviews and inventory, then join them into product features',
  owner: 'ml-data',
  tags: ['features', 'fan-in'],
  schedule: { every: '6h' },
  startDate: '2026-03-01',
  timezone: 'Europe/Berlin',
  maxActiveRuns: 1,
  dagrunTimeout: '5h',
  defaults: { retries: 2, retryDelay: '5m', executionTimeout: '1h', region: 'eu-central-1', deferrable: true },
  notifications: { onFailure: { sns: 'arn:aws:sns:eu-central-1:123456789012:ml-alerts' } },
  steps: [
    waitCatalog,
    cleanCatalog,
    waitReviews,
    scoreReviews,
    snapshotInventory,
    athena.query({
      id: 'join_features',
      database: 'features',
      query: "INSERT INTO product_features SELECT * FROM product_features_staging WHERE dt = '{{ ds }}'",
      workgroup: 'ml-features',
      outputLocation: 's3://${featureBucket}/athena-results/',
      triggerRule: 'none_failed_min_one_success',
      produces: ['s3://${featureBucket}/product_features/'],
      dependsOn: sources,
    }),
  ],
});
