import type { Rule, RuleMeta } from '../types';
import { adminRole } from './admin-role';
import { airflow3Jinja } from './airflow3-jinja';
import { athenaWorkgroup } from './athena-workgroup';
import { catchupBackfill } from './catchup-backfill';
import { connectionTls } from './connection-tls';
import { copyCompression } from './copy-compression';
import { copyExternalEncryption } from './copy-external-encryption';
import { crawlerFrequency } from './crawler-frequency';
import { dagrunTimeout } from './dagrun-timeout';
import { emrSpotCapacity } from './emr-spot-capacity';
import { deferrable } from './deferrable';
import { executionTimeout } from './execution-timeout';
import { failureNotification } from './failure-notification';
import { glueJobOverlap } from './glue-job-overlap';
import { glueSecurityConfiguration } from './glue-security-configuration';
import { glueWorkerCount } from './glue-worker-count';
import { glueWorkerType } from './glue-worker-type';
import { maxActiveRuns } from './max-active-runs';
import { pipelineDescription } from './pipeline-description';
import { pipelineOwner } from './pipeline-owner';
import { pipelineTags } from './pipeline-tags';
import { paramDeployValue } from './param-deploy-value';
import { s3WriterEncryption } from './s3-writer-encryption';
import { s3DeleteUnguarded } from './s3-delete-unguarded';
import { scheduleFrequency } from './schedule-frequency';
import { noSecrets } from './secrets';
import { sensorMode } from './sensor-mode';
import { sensorTimeout } from './sensor-timeout';
import { sharedRedshiftTable } from './shared-redshift-table';
import { sharedS3Prefix } from './shared-s3-prefix';
import { producedDataOnClock } from './produced-data-on-clock';
import { stepRetries } from './step-retries';
import { possibleSecret } from './possible-secret';
import { emrSecurityConfiguration } from './emr-security-configuration';
import { emrTermination } from './emr-termination';
import { emrSpotCore } from './emr-spot-core';
import { emrSpotDiversification } from './emr-spot-diversification';
import { emrDefaultRoles } from './emr-default-roles';
import { redshiftSuperuser } from './redshift-superuser';
import { sqlGrantPublic } from './sql-grant-public';
import { sqlUnloadEncryption } from './sql-unload-encryption';
import { sqlAccessKeys } from './sql-access-keys';
import { sqlInsertNotIdempotent } from './sql-insert-not-idempotent';
import { copyReplacePartition } from './copy-replace-partition';
import { s3DeletePrefixSlash } from './s3-delete-prefix-slash';
import { REMOTE_RULES } from './remote';
import { invalidSuppression, unusedSuppression } from './suppressions';

/** The explicit registry of lint rules, in code order. Adding a rule: its file, one line here, a doc page, tests. */
export const RULES: readonly Rule[] = [
  // security
  glueSecurityConfiguration,
  noSecrets,
  copyExternalEncryption,
  s3WriterEncryption,
  adminRole,
  connectionTls,
  // cost and throughput
  copyCompression,
  glueWorkerType,
  glueWorkerCount,
  athenaWorkgroup,
  crawlerFrequency,
  emrSpotCapacity,
  // reliability
  stepRetries,
  sensorMode,
  sensorTimeout,
  catchupBackfill,
  dagrunTimeout,
  deferrable,
  s3DeleteUnguarded,
  executionTimeout,
  failureNotification,
  maxActiveRuns,
  // fit
  scheduleFrequency,
  pipelineOwner,
  pipelineDescription,
  pipelineTags,
  airflow3Jinja,
  // across pipelines
  sharedS3Prefix,
  sharedRedshiftTable,
  glueJobOverlap,
  // deploy-time values
  paramDeployValue,
  // issue 17: secrets by heuristic, EMR, IAM, SQL, data reliability
  possibleSecret,
  emrSecurityConfiguration,
  emrTermination,
  emrSpotCore,
  emrSpotDiversification,
  emrDefaultRoles,
  redshiftSuperuser,
  sqlGrantPublic,
  sqlUnloadEncryption,
  sqlAccessKeys,
  sqlInsertNotIdempotent,
  copyReplacePartition,
  s3DeletePrefixSlash,
  // issue 19: across pipelines, through the asset graph
  producedDataOnClock,
];

/** Checks of the suppression comments themselves (configurable like rules, but not suppressible). */
export const SUPPRESSION_RULES: readonly { readonly meta: RuleMeta }[] = [unusedSuppression, invalidSuppression];

/** Every lint code's meta: for the config, the docs and SARIF. */
export const ALL_RULE_METAS: readonly RuleMeta[] = [...SUPPRESSION_RULES, ...RULES, ...REMOTE_RULES].map((r) => r.meta);

export { REMOTE_RULES };
