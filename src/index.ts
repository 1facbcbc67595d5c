/** dagsmith's public API. */
export { buildProject, checkSpec, type ProjectOptions, type ProjectResult, type CompiledPipeline } from './project';
export { emitPythonDag } from './emit/python/dag';
export { pyLiteral, pyStr } from './emit/python/literal';
export { normalize } from './ir/normalize';
export type * from './ir/types';
export type { Diagnostic, JsonPath, Severity } from './diagnostics/types';
export { formatDiagnostics, formatDiagnostic } from './diagnostics/format';
export { publicSchema } from './schema/validate';
export { main } from './cli/main';
export type * from './spec/types.generated';
