/** Use case: check every pipeline of a project (schema, variables, semantics, target), writing nothing. */
import { buildProject, type ProjectOptions, type ProjectResult } from '../compile/project';
import type { Diagnostic } from '../diagnostics/types';
import { summarizeSchedule, type ScheduleSummary } from '../base/schedule-summary';

export type ValidateOptions = Omit<ProjectOptions, 'irs' | 'jobs' | 'cache' | 'shared'>;

export function validateProject(
  opts: ValidateOptions & { readonly schedules?: boolean },
): ProjectResult & { readonly schedules: readonly PipelineSchedule[] } {
  const { schedules, ...rest } = opts;
  // The schedules are read from the IRs, which only a build on this thread keeps.
  // The DAG text is left unwritten: writing it reports nothing (a pipeline's content is written if read).
  const result = buildProject({ emit: false, ...rest, irs: schedules === true });
  return { ...result, schedules: schedules ? pipelineSchedules(result) : [] };
}

/** A pipeline's schedule in words and its first data interval (`validate --verbose`; `plan` shows them too). */
export interface PipelineSchedule {
  readonly file: string;
  readonly id: string;
  readonly summary: ScheduleSummary;
}

/** The schedule of every pipeline of a build that kept its IRs, in file order. */
export function pipelineSchedules(result: Pick<ProjectResult, 'irs'>): PipelineSchedule[] {
  return result.irs.map(({ ir, spec }) => ({
    file: spec.file,
    id: ir.id,
    summary: summarizeSchedule(ir.schedule, ir.startDate, ir.timezone, ir.catchup),
  }));
}

export interface EnvironmentsValidation {
  /** Each environment's result, in the config's order (`schedules`: with `schedules: true`). */
  readonly environments: readonly {
    readonly environment: string;
    readonly result: ProjectResult;
    readonly schedules: readonly PipelineSchedule[];
  }[];
  /** Every environment's diagnostics, each once (marked with its environments when not all report it). */
  readonly diagnostics: readonly Diagnostic[];
}

/** `validate --all-envs`: every environment of the config, as `validate --env E` checks it, shared work done once. */
export function validateAllEnvironments(opts: Omit<ValidateOptions, 'env'> & { readonly schedules?: boolean }): EnvironmentsValidation {
  const { buildEachEnvironment, mergeEnvironmentDiagnostics } = require('../compile/environments') as typeof import('../compile/environments');
  const { schedules, ...rest } = opts;
  const builds = buildEachEnvironment({ ...rest, irs: schedules === true });
  for (const { build } of builds) build.cache?.save();
  const environments = builds.map(({ environment, build }) => ({
    environment: environment.name,
    result: build.result,
    schedules: schedules ? pipelineSchedules(build.result) : [],
  }));
  return { environments, diagnostics: mergeEnvironmentDiagnostics(environments.map((e) => [e.environment, e.result.diagnostics])) };
}
