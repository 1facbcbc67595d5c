// Twin of pipelines/orders_partition_landing.yaml: the export's and the partition's locations are built once and
// used by every step that names them (the wait, the Lambda payload, the copy, the manifest and the event).
import { airflow, definePipeline, eventbridge, lambda, s3 } from 'dagsmith';

const hour = '{{ ts_nodash }}';
const exportKey = `exports/orders/${hour}/orders.csv`;
const exportUri = `s3://\${rawBucket}/${exportKey}` as const;
const partition = `hour=${hour}`;
const partitionPrefix = `curated/orders/${partition}/`;
const partitionUri = `s3://\${featureBucket}/${partitionPrefix}` as const;
const VALIDATOR = 'validate-orders-export';

const waitForExport = s3.wait({ id: 'wait_for_export', bucket: '${rawBucket}', key: exportKey, pokeInterval: '1m', timeout: '45m' });
const validatorReady = airflow.operator({
  id: 'validator_ready',
  operator: 'airflow.providers.amazon.aws.sensors.lambda_function.LambdaFunctionStateSensor',
  arguments: { function_name: VALIDATOR, target_states: ['Active'], poke_interval: 30, timeout: 600 },
});
const validateExport = lambda.invoke({
  id: 'validate_export',
  function: VALIDATOR,
  payload: {
    bucket: '${rawBucket}',
    key: exportKey,
    expectedColumns: ['order_id', 'customer_id', 'amount', 'currency', 'ordered_at'],
    minRows: 1,
    runId: '{{ run_id }}',
  },
  tailLogs: true,
  dependsOn: [waitForExport, validatorReady],
});
const publishPartition = s3.copy({ id: 'publish_partition', from: exportUri, to: `${partitionUri}orders.csv`, dependsOn: [validateExport] });
const writeManifest = s3.put({
  id: 'write_manifest',
  bucket: '${featureBucket}',
  key: `${partitionPrefix}_manifest.json`,
  data: { table: 'orders', partition, files: ['orders.csv'], source: exportUri },
  replace: true,
  dependsOn: [publishPartition],
  produces: ['s3://${featureBucket}/curated/orders/'],
});

export default definePipeline({
  id: 'orders_partition_landing',
  description: 'Validate the hourly orders export with a Lambda, publish the partition and announce it on EventBridge',
  owner: 'data-platform',
  tags: ['landing', 'orders', 'events'],
  schedule: '@hourly',
  startDate: '2026-01-01T00:00:00',
  maxActiveRuns: 2,
  dagrunTimeout: '55m',
  defaults: { retries: 2, retryDelay: '2m', executionTimeout: '30m', region: 'us-east-1', deferrable: true },
  notifications: { onFailure: { sns: 'arn:aws:sns:us-east-1:${account}:ml-alerts' } },
  steps: [
    waitForExport,
    validatorReady,
    validateExport,
    publishPartition,
    writeManifest,
    eventbridge.put({
      id: 'announce_partition',
      entries: [
        {
          source: 'com.acme.ingest',
          detailType: 'PartitionLanded',
          eventBusName: 'data-platform',
          detail: { table: 'orders', partition, location: partitionUri, manifest: `${partitionUri}_manifest.json` },
          resources: ['arn:aws:s3:::${featureBucket}'],
        },
      ],
      dependsOn: [writeManifest],
    }),
  ],
});
