/** dagsmith's public API. */
export { buildProject, type ProjectOptions, type ProjectResult, type CompiledPipeline } from './project';
export { checkSpec } from './build/unit';
export { emitPythonDag } from './emit/python/dag';
export { pyLiteral, pyStr } from './emit/python/literal';
export { normalize } from './ir/normalize';
export type * from './ir/types';
export type { Diagnostic, JsonPath, Severity } from './diagnostics/types';
export { formatDiagnostics, formatDiagnostic } from './diagnostics/format';
export { publicSchema } from './schema/validate';
export { main } from './cli/main';
export type * from './spec/types.generated';
// The typed SDK (`import { definePipeline, glue } from 'dagsmith'`): everything src/sdk/index.ts exports.
export {
  definePipeline,
  glue,
  redshift,
  s3,
  athena,
  emr,
  lambda,
  stepfunctions,
  eventbridge,
  flink,
  airflow,
  type PipelineInput,
  type StepInput,
  type StepBuilder,
  type StepNamespace,
  type JsonValue,
  type S3Uri,
  type IamRoleArn,
  type SnsTopicArn,
  type SecretArn,
  type AwsRegion,
  type StepRef,
  type SpecDuration,
  type SpecSchedule,
} from './sdk/index';
