import type { Diagnostic } from '../diagnostics/types';
import { buildProject, type ProjectOptions, type ProjectResult } from '../project';
import { runRules } from './engine';

export interface LintOptions extends ProjectOptions {
  /** "Now" for rules that count runs (default: the current time). */
  readonly now?: Date;
}

export interface LintResult {
  readonly project: ProjectResult;
  /** What validate reports, plus the rule findings of every pipeline that built an IR. */
  readonly diagnostics: readonly Diagnostic[];
}

/** validate + the lint rules. A pipeline with errors gets no rule findings; the others still do. */
export function lintProject(opts: LintOptions): LintResult {
  const project = buildProject(opts);
  const findings = runRules(project.irs, { target: project.target, config: project.config.lint, ...(opts.now ? { now: opts.now } : {}) });
  return { project, diagnostics: [...project.diagnostics, ...findings] };
}
