// Twin of pipelines/flink_enrichment_backfill.yaml.
import { definePipeline, emr, flink, glue } from 'dagsmith';

const start = flink.start({
  id: 'start_enrichment',
  application: 'order-enrichment',
  runConfiguration: { applicationRestoreType: 'RESTORE_FROM_LATEST_SNAPSHOT' },
  stopAtEnd: true,
});

const replay = emr.serverless({
  id: 'replay_orders',
  application: '00fq8u1ajd7h2k09',
  executionRole: 'arn:aws:iam::123456789012:role/emr-serverless-backfill',
  entryPoint: 's3://${featureBucket}/code/replay_orders.py',
  arguments: ['--month', '{{ params.month }}', '--source', 's3://${rawBucket}/exports/orders/', '--target', 's3://${featureBucket}/orders_enriched/'],
  sparkSubmitParameters: '--conf spark.executor.cores=4 --conf spark.executor.memory=16g --conf spark.dynamicAllocation.maxExecutors=50',
  configurationOverrides: {
    monitoringConfiguration: { s3MonitoringConfiguration: { logUri: 's3://${featureBucket}/emr-serverless-logs/' } },
  },
  name: 'replay-orders-{{ params.month }}',
  executionTimeout: '6h',
  dependsOn: [start],
  produces: ['s3://${featureBucket}/orders_enriched/'],
});

export default definePipeline({
  id: 'flink_enrichment_backfill',
  description: 'Replay a month of orders through the enrichment, with the Flink application started for the run',
  owner: 'ml-data',
  tags: ['backfill', 'flink', 'emr-serverless', 'orders'],
  schedule: null,
  maxActiveRuns: 1,
  params: { month: { default: '2026-01', type: 'string', pattern: '^\\d{4}-\\d{2}$', description: 'Month to replay (YYYY-MM)' } },
  defaults: { retries: 1, retryDelay: '10m', executionTimeout: '3h', region: 'us-east-1', deferrable: true },
  steps: [start, replay, glue.databrew({ id: 'profile_enriched', job: 'profile-orders-enriched', dependsOn: [replay] })],
});
