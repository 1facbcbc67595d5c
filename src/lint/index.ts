import type { Diagnostic } from '../diagnostics/types';
import { buildProject, type ProjectOptions, type ProjectResult } from '../project';
import { runRules } from './engine';
import { defaultRemoteClients, remoteFindings, type RemoteClients } from './remote';

export interface LintOptions extends ProjectOptions {
  /** "Now" for rules that count runs (default: the current time). */
  readonly now?: Date;
  /** Also look the referenced AWS resources up (read-only), with these clients or the default chain's. */
  readonly remote?: boolean | RemoteClients;
}

export interface LintResult {
  readonly project: ProjectResult;
  /** What validate reports, plus the rule findings of every pipeline that built an IR. */
  readonly diagnostics: readonly Diagnostic[];
}

/** validate + the lint rules (+ the remote checks). A pipeline with errors gets no findings; the others still do. */
export async function lintProject(opts: LintOptions): Promise<LintResult> {
  const project = buildProject(opts);
  const clients = opts.remote === true ? defaultRemoteClients() : opts.remote || undefined;
  const external = clients ? await remoteFindings(project.irs.map((s) => s.ir), clients) : [];
  const findings = runRules(project.irs, {
    target: project.target,
    config: project.config.lint,
    external,
    ...(opts.now ? { now: opts.now } : {}),
  });
  return { project, diagnostics: [...project.diagnostics, ...findings] };
}
