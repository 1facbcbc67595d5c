// Twin of pipelines/training_data_export.yaml: the snapshot's tables and location are written once and shared by
// the export's input, the manifest and the event, so the three cannot disagree.
import { definePipeline, eventbridge, s3, stepfunctions } from 'dagsmith';

const MODEL = 'churn';
const TABLES = ['customers', 'orders', 'support_tickets'];
const snapshotPrefix = `training/${MODEL}/snapshot={{ ds }}/`;
const snapshotUri = `s3://\${featureBucket}/${snapshotPrefix}`;
const executionName = `${MODEL}-{{ ds_nodash }}`;

const exportSnapshot = stepfunctions.start({
  id: 'export_snapshot',
  stateMachine: 'arn:aws:states:us-east-1:${account}:stateMachine:training-export',
  name: executionName,
  input: { model: MODEL, snapshotDate: '{{ ds }}', tables: TABLES, output: snapshotUri, format: 'parquet' },
  pollInterval: '30s',
  timeout: '3h',
});

const writeManifest = s3.put({
  id: 'write_manifest',
  bucket: '${featureBucket}',
  key: `${snapshotPrefix}_manifest.json`,
  data: { model: MODEL, snapshot: '{{ ds }}', tables: TABLES, execution: executionName },
  replace: true,
  dependsOn: [exportSnapshot],
  produces: [`s3://\${featureBucket}/training/${MODEL}/`],
});

export default definePipeline({
  id: 'training_data_export',
  description: 'Export the weekly churn training snapshot with Step Functions, then publish its manifest',
  owner: 'ml-data',
  tags: ['training', 'export', MODEL],
  schedule: '0 4 * * 1',
  startDate: '2026-01-05',
  maxActiveRuns: 1,
  dagrunTimeout: '12h',
  defaults: { retries: 1, retryDelay: '10m', executionTimeout: '6h', deferrable: true, region: 'us-east-1' },
  notifications: { onFailure: { sns: 'arn:aws:sns:us-east-1:${account}:ml-alerts' } },
  steps: [
    exportSnapshot,
    writeManifest,
    eventbridge.put({
      id: 'announce_snapshot',
      entries: [
        {
          source: 'com.acme.ml',
          detailType: 'TrainingSnapshotReady',
          detail: { model: MODEL, snapshot: '{{ ds }}', location: snapshotUri },
        },
      ],
      dependsOn: [writeManifest],
    }),
  ],
});
