// TypeScript twin of emr_spark_training_features.yaml, as the team's TypeScript users write it: the same cluster,
// steps and mistakes, built with the SDK (the Spark arguments come from a helper), so the corpus measures findings
// in TypeScript sources too.
import { definePipeline, emr, glue, s3 } from 'dagsmith';

const waitSessions = s3.wait({
  id: 'wait_sessions',
  bucket: '${featureBucket}',
  key: 'sessions/dt={{ ds }}/_SUCCESS',
  timeout: '4h',
});

const cluster = emr.cluster({
  id: 'create_cluster',
  name: 'training-features-ts-{{ ds_nodash }}',
  releaseLabel: 'emr-7.2.0',
  instances: {
    master: { types: ['m6g.xlarge', 'm6gd.xlarge'] },
    core: { types: ['r6g.2xlarge', 'r6gd.2xlarge', 'r5.2xlarge'], capacity: 4, ebsSizeGb: 256 },
    task: { types: ['r6g.4xlarge', 'r6gd.4xlarge', 'r7g.4xlarge'], capacity: 12 },
  },
  spot: ['core', 'task'],
  keepAlive: true,
  logUri: 's3://${featureBucket}/emr-logs/',
  serviceRole: 'EMR_DefaultRole',
  jobFlowRole: 'EMR_EC2_DefaultRole',
  configurations: [
    { Classification: 'spark-defaults', Properties: { 'spark.dynamicAllocation.enabled': 'true', 'spark.sql.adaptive.enabled': 'true' } },
  ],
  tags: { team: 'ml-data', pipeline: 'emr_spark_training_features_ts' },
  dependsOn: [waitSessions],
});

/** spark-submit of one feature job from the cloned repository. */
function sparkJob(job: string, output: string): string[] {
  return [
    'spark-submit',
    '--deploy-mode',
    'client',
    `/home/hadoop/ml-features/jobs/${job}.py`,
    '--date',
    '{{ ds }}',
    '--secret-id',
    'ml/prod/feature-store-api-key',
    '--output',
    output,
  ];
}

const build = emr.steps({
  id: 'build_features',
  clusterStep: cluster.id,
  executionRole: 'arn:aws:iam::${account}:role/DataPlatformAdmin',
  steps: [
    {
      name: 'fetch_code',
      args: ['bash', '-c', 'git clone --depth 1 https://ghp_xcQ7hJD7mdnJRCUxXdQwM5yX0fSSMovEaX09@github.com/acme/ml-features.git /home/hadoop/ml-features'],
    },
    {
      name: 'training_features',
      args: sparkJob('training_features', 's3://${featureBucket}/training/churn_ts/dt={{ ds }}/'),
    },
  ],
  dependsOn: [cluster],
});

export default definePipeline({
  id: 'emr_spark_training_features_ts',
  description: 'Nightly Spark training features on an EMR cluster with Spot instance fleets (TypeScript)',
  owner: 'ml-data',
  tags: ['features', 'emr', 'spark', 'training'],
  schedule: '30 2 * * *',
  startDate: '2026-11-01',
  maxActiveRuns: 1,
  defaults: { retries: 2, retryDelay: '5m', executionTimeout: '4h', region: 'us-east-1', deferrable: true },
  notifications: { onFailure: { sns: 'arn:aws:sns:us-east-1:${account}:ml-alerts' } },
  steps: [waitSessions, cluster, build, glue.crawler({ id: 'catalog_features', crawler: 'training-features-ts', dependsOn: [build] })],
});
