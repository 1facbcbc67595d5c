// Twin of pipelines/session_features_ctas.yaml.
import { athena, definePipeline, glue, s3 } from 'dagsmith';

const athenaResults = 's3://${featureBucket}/athena-results/';

const sessionize = glue.job({
  id: 'sessionize',
  job: 'sessionize-clickstream',
  arguments: { '--dt': '{{ ds }}', '--gap_minutes': '30' },
  workerType: 'G.1X',
  numberOfWorkers: 4,
});
const dropStaging = athena.query({
  id: 'drop_staging',
  database: 'features_staging',
  query: 'DROP TABLE IF EXISTS session_features_{{ ds_nodash }}',
  outputLocation: athenaResults,
  workgroup: 'ml-features',
  dependsOn: [sessionize],
});
const clearStagingFiles = s3.delete({
  id: 'clear_staging_files',
  bucket: '${featureBucket}',
  prefix: 'staging/session_features/dt={{ ds }}/',
  dependsOn: [dropStaging],
});
const buildTable = athena.query({
  id: 'build_table',
  database: 'features_staging',
  queryFile: 'sql/session_features_ctas.sql',
  outputLocation: athenaResults,
  workgroup: 'ml-features',
  catalog: 'AwsDataCatalog',
  produces: ['s3://${featureBucket}/staging/session_features/'],
  dependsOn: [clearStagingFiles],
});

export default definePipeline({
  id: 'session_features_ctas',
  description: 'Daily session feature table built with Athena CTAS',
  owner: 'ml-data',
  tags: ['features', 'athena'],
  schedule: '30 4 * * *',
  startDate: '2026-02-01',
  timezone: 'America/New_York',
  maxActiveRuns: 1,
  dagrunTimeout: '20h',
  defaults: { retries: 2, retryDelay: '3m', executionTimeout: '2h', region: 'us-east-1' },
  notifications: { onFailure: { sns: 'arn:aws:sns:us-east-1:123456789012:ml-alerts' } },
  steps: [
    sessionize,
    dropStaging,
    clearStagingFiles,
    buildTable,
  ],
});
