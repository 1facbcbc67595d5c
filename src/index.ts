/**
 * dagsmith's public API: what the CLI can do, a library user can call with typed options and get a typed result
 * (the use cases), plus the typed SDK for pipelines (`import { definePipeline, glue } from 'dagsmith'`).
 */
export {
  compileProject,
  compileAllEnvironments,
  type CompileOptions,
  type CompileResult,
  type AllEnvironmentsResult,
  type EnvironmentCompile,
} from './use-cases/compile';
export {
  validateProject,
  validateAllEnvironments,
  pipelineSchedules,
  type ValidateOptions,
  type EnvironmentsValidation,
  type PipelineSchedule,
} from './use-cases/validate';
export { lintProject, lintAllEnvironments, type LintOptions, type LintResult, type EnvironmentsLintResult } from './use-cases/lint';
export { summarizeSchedule, type ScheduleSummary } from './base/schedule-summary';
export { syncProject, type SyncOptions, type SyncProgress, type SyncResult } from './use-cases/sync';
export {
  isServerlessEnvironment,
  syncServerlessProject,
  type ServerlessSyncEvent,
  type ServerlessSyncOptions,
  type ServerlessSyncResult,
  type WorkflowRunResult,
} from './use-cases/sync-serverless';
export { planProject, type PlanOptions, type PlanResult } from './use-cases/plan';
export {
  diffEnvironments,
  renderEnvDiff,
  DIFF_ENVS_FORMATS,
  type DiffEnvsOptions,
  type DiffEnvsResult,
  type DiffEnvsFormat,
  type DagEnvComparison,
  type EnvValueChange,
} from './use-cases/diff-envs';
export { graphProject, type GraphOptions, type GraphResult } from './use-cases/graph';
export { initProject, type InitOptions, type InitResult } from './use-cases/init';
export { watchProject, type WatchRound } from './use-cases/watch';
export { testProject, type TestOptions, type TestProgress, type TestResult, type TestOutcome } from './use-cases/test';
export { pipelineSchemaText } from './use-cases/schema';
export { importDagFactory, type ImportOptions, type ImportResult } from './use-cases/import';
export { buildProject, type ProjectOptions, type ProjectResult, type CompiledPipeline } from './compile/project';
export { checkSpec } from './compile/unit';
export { emitPythonDag } from './emit/python/dag';
export { pyLiteral, pyStr } from './emit/python/literal';
export { normalize } from './ir/normalize';
export type * from './ir/types';
export type { Diagnostic, JsonPath, Severity } from './diagnostics/types';
export { formatDiagnostics, formatDiagnostic } from './diagnostics/format';
export { publicSchema } from './schema/validate';
export { main } from './cli/main';
// The typed SDK: definePipeline, one namespace of step builders per namespace of the registry, and the spec types.
export * from './sdk/index';
