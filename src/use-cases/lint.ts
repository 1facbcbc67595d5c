/** Use case: validate, then the lint rules (and, with `remote`, read-only checks of the AWS resources named). */
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/types';
import { buildProject, type ProjectOptions, type ProjectResult } from '../compile/project';
import { runRules } from '../lint/engine';
import { defaultRemoteClients, remoteFindings, type RemoteClients } from '../lint/remote';

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
  /** The project's folder relative to its git repository ('' at its root, 'data/' in a subfolder): SARIF's URIs. */
  readonly repoPrefix: string;
}

/** validate + the lint rules (+ the remote checks). A pipeline with errors gets no findings; the others still do. */
export async function lintProject(opts: LintOptions): Promise<LintResult> {
  const project = buildProject(opts);
  const clients = opts.remote === true ? defaultRemoteClients() : opts.remote || undefined;
  const external = clients
    ? await remoteFindings(
        project.irs.map((s) => s.ir),
        clients,
      )
    : [];
  const findings = runRules(project.irs, {
    target: project.target,
    config: project.config.lint,
    external,
    ...(opts.now ? { now: opts.now } : {}),
  });
  return { project, diagnostics: [...project.diagnostics, ...findings], repoPrefix: repoPrefix(opts.cwd) };
}

export interface EnvironmentsLintResult {
  /** Each environment's project build, in the config's order. */
  readonly environments: readonly { readonly environment: string; readonly project: ProjectResult }[];
  /** Every environment's diagnostics and findings, each once (marked with its environments when not all have it). */
  readonly diagnostics: readonly Diagnostic[];
  readonly repoPrefix: string;
}

/** `lint --all-envs`: every environment of the config, as `lint --env E` checks it, the shared work done once. */
export async function lintAllEnvironments(opts: Omit<LintOptions, 'env' | 'shared'>): Promise<EnvironmentsLintResult> {
  const { buildEachEnvironment, mergeEnvironmentDiagnostics } = require('../compile/environments') as typeof import('../compile/environments');
  const clients = opts.remote === true ? defaultRemoteClients() : opts.remote || undefined;
  const environments: { environment: string; project: ProjectResult; diagnostics: readonly Diagnostic[] }[] = [];
  for (const { environment, build } of buildEachEnvironment({ ...opts, irs: true })) {
    build.cache?.save();
    const project = build.result;
    const external = clients
      ? await remoteFindings(
          project.irs.map((s) => s.ir),
          clients,
        )
      : [];
    const findings = runRules(project.irs, { target: project.target, config: project.config.lint, external, ...(opts.now ? { now: opts.now } : {}) });
    environments.push({ environment: environment.name, project, diagnostics: [...project.diagnostics, ...findings] });
  }
  return {
    environments: environments.map(({ environment, project }) => ({ environment, project })),
    diagnostics: mergeEnvironmentDiagnostics(environments.map((e) => [e.environment, e.diagnostics])),
    repoPrefix: repoPrefix(opts.cwd),
  };
}

/** The project's folder relative to its git repository ('' at the root, 'data/' in a subfolder), for repo-relative URIs. */
export function repoPrefix(cwd: string): string {
  let dir = resolve(cwd);
  for (let i = 0; i < 100; i++) {
    if (existsSync(join(dir, '.git'))) {
      const rel = relative(dir, resolve(cwd)).split(sep).join('/');
      return rel === '' ? '' : `${rel}/`;
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return '';
}
