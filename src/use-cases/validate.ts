/** Use case: check every pipeline of a project (schema, variables, semantics, target), writing nothing. */
import { buildProject, type ProjectOptions, type ProjectResult } from '../compile/project';
import type { Diagnostic } from '../diagnostics/types';

export type ValidateOptions = Omit<ProjectOptions, 'irs' | 'jobs' | 'cache' | 'shared'>;

export function validateProject(opts: ValidateOptions): ProjectResult {
  return buildProject({ ...opts, irs: false });
}

export interface EnvironmentsValidation {
  /** Each environment's result, in the config's order. */
  readonly environments: readonly { readonly environment: string; readonly result: ProjectResult }[];
  /** Every environment's diagnostics, each once (marked with its environments when not all report it). */
  readonly diagnostics: readonly Diagnostic[];
}

/** `validate --all-envs`: every environment of the config, as `validate --env E` checks it, shared work done once. */
export function validateAllEnvironments(opts: Omit<ValidateOptions, 'env'>): EnvironmentsValidation {
  const { buildEachEnvironment, mergeEnvironmentDiagnostics } = require('../compile/environments') as typeof import('../compile/environments');
  const builds = buildEachEnvironment({ ...opts, irs: false });
  for (const { build } of builds) build.cache?.save();
  const environments = builds.map(({ environment, build }) => ({ environment: environment.name, result: build.result }));
  return { environments, diagnostics: mergeEnvironmentDiagnostics(environments.map((e) => [e.environment, e.result.diagnostics])) };
}
