import { S, type JsonSchema } from '../schema/json-schema';

/** Airflow trigger rules valid on both Airflow 2.10+ and 3.x. */
export const TRIGGER_RULES = [
  'all_success',
  'all_failed',
  'all_done',
  'all_done_setup_success',
  'all_skipped',
  'one_success',
  'one_failed',
  'one_done',
  'none_failed',
  'none_failed_min_one_success',
  'none_skipped',
  'always',
] as const;

/** Settings that `defaults` sets for every step and a step may override. Shared by both. */
export const SETTINGS_PROPERTIES: Record<string, JsonSchema> = {
  retries: S.integer('How many times Airflow retries a failed task.', { minimum: 0, maximum: 100, default: 0 }),
  retryDelay: S.string("Wait between retries, e.g. '5m'.", { default: '5m', tsType: 'Duration' }),
  retryExponentialBackoff: S.boolean('Double the retry delay after each failed try.', { default: false }),
  executionTimeout: S.string("Fail the task when one try runs longer than this, e.g. '2h'.", { tsType: 'Duration' }),
  awsConnId: S.nonEmptyString('Airflow connection id used for AWS calls.', { default: 'aws_default' }),
  region: S.nonEmptyString("AWS region for the operator's calls; default: the connection's region.", {
    tsType: 'AwsRegion',
  }),
  deferrable: S.boolean(
    'Run in deferrable mode (frees the worker slot while waiting) for kinds whose operator supports it.',
    { default: false },
  ),
  pool: S.nonEmptyString('Airflow pool the task runs in.'),
};

/** Fields every step has, whatever its kind. */
export const COMMON_STEP_PROPERTIES: Record<string, JsonSchema> = {
  id: S.string('Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline.', { tsType: 'string' }),
  dependsOn: S.stringList('Ids of the steps that must finish before this one starts.', {
    tsType: 'Array<string | StepRef>',
  }),
  group: S.string('Task group the step belongs to; its task id is then prefixed `group.` as Airflow does.'),
  triggerRule: S.enum('When the step runs, given its upstream steps\u2019 states.', TRIGGER_RULES, {
    default: 'all_success',
  }),
  produces: S.stringList('Asset (dataset) URIs this step updates, e.g. `s3://bucket/prefix/`.'),
  ...SETTINGS_PROPERTIES,
};
