/** Use case: check every pipeline of a project (schema, variables, semantics, target), writing nothing. */
import { buildProject, type ProjectOptions, type ProjectResult } from '../compile/project';

export type ValidateOptions = Omit<ProjectOptions, 'irs' | 'jobs' | 'cache'>;

export function validateProject(opts: ValidateOptions): ProjectResult {
  return buildProject({ ...opts, irs: false });
}
