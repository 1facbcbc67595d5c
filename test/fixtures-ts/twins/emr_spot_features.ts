// Twin of pipelines/emr_spot_features.yaml. The Spark steps come from a list of feature jobs, and emr.steps refers
// to the cluster step itself (clusterStep takes its id), so a renamed step cannot leave a dangling reference.
import { definePipeline, emr, glue, s3 } from 'dagsmith';

const SPARK_JOBS = ['session_features', 'customer_features'] as const;

const waitSessions = s3.wait({
  id: 'wait_sessions',
  bucket: '${featureBucket}',
  key: 'sessions/dt={{ ds }}/_SUCCESS',
  timeout: '4h',
});

const cluster = emr.cluster({
  id: 'create_cluster',
  name: 'customer-features-{{ ds_nodash }}',
  releaseLabel: 'emr-7.2.0',
  instances: {
    master: { types: ['m6g.xlarge', 'm6gd.xlarge'] },
    core: { types: ['r6g.2xlarge', 'r6gd.2xlarge'], capacity: 2, ebsSizeGb: 256 },
    task: { types: ['r6g.4xlarge', 'r6gd.4xlarge', 'r7g.4xlarge'], capacity: 8 },
  },
  spot: ['task'],
  terminateAfter: '20m',
  logUri: 's3://${featureBucket}/emr-logs/',
  configurations: [
    { Classification: 'spark-defaults', Properties: { 'spark.dynamicAllocation.enabled': 'true', 'spark.sql.adaptive.enabled': 'true' } },
  ],
  tags: { team: 'ml-data', pipeline: 'emr_spot_features' },
  dependsOn: [waitSessions],
});

const build = emr.steps({
  id: 'build_features',
  clusterStep: cluster.id,
  steps: SPARK_JOBS.map((job) => ({
    name: job,
    args: ['spark-submit', '--deploy-mode', 'cluster', `s3://\${featureBucket}/code/${job}.py`, '--date', '{{ ds }}'],
  })),
  dependsOn: [cluster],
  produces: ['s3://${featureBucket}/features/customer/'],
});

export default definePipeline({
  id: 'emr_spot_features',
  description: 'Nightly Spark feature build on a transient, auto-terminating EMR cluster with Spot task nodes',
  owner: 'ml-data',
  tags: ['features', 'emr', 'spark', 'nightly'],
  schedule: '30 2 * * *',
  startDate: '2026-01-01',
  maxActiveRuns: 1,
  dagrunTimeout: '20h',
  defaults: { retries: 2, retryDelay: '5m', executionTimeout: '4h', region: 'us-east-1', deferrable: true },
  notifications: { onFailure: { sns: 'arn:aws:sns:us-east-1:123456789012:ml-alerts' } },
  steps: [waitSessions, cluster, build, glue.crawler({ id: 'catalog_features', crawler: 'customer-features', dependsOn: [build] })],
});
