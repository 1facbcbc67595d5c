/** Use case: validate, then the lint rules (and, with `remote`, read-only checks of the AWS resources named). */
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/types';
import { buildProject, type ProjectOptions, type ProjectResult } from '../compile/project';
import { lintConfigFor } from '../lint/config';
import { runLint, type SiblingFiles } from '../lint/engine';
import { siblingReader } from '../compile/unit';
import { defaultRemoteClients, remoteFindings, type RemoteClients } from '../lint/remote';

export interface LintOptions extends ProjectOptions {
  /** "Now" for rules that count runs (default: the current time). */
  readonly now?: Date;
  /** Also look the referenced AWS resources up (read-only), with these clients or the default chain's. */
  readonly remote?: boolean | RemoteClients;
}

export interface LintResult {
  readonly project: ProjectResult;
  /**
   * What validate reports, plus the rule findings of every pipeline that built an IR; validation warnings with the
   * severities the lint config gives them.
   */
  readonly diagnostics: readonly Diagnostic[];
  /** Findings silenced by a suppression comment, with its reason (SARIF keeps them as suppressed results). */
  readonly suppressed: readonly { readonly diagnostic: Diagnostic; readonly justification: string }[];
  /** The project's folder relative to its git repository ('' at its root, 'data/' in a subfolder): SARIF's URIs. */
  readonly repoPrefix: string;
}

/** validate + the lint rules (+ the remote checks). A pipeline with errors gets no findings; the others still do. */
export async function lintProject(opts: LintOptions): Promise<LintResult> {
  const project = buildProject(opts);
  const clients = opts.remote === true ? defaultRemoteClients() : opts.remote || undefined;
  return { project, ...(await lintBuilt(project, opts, clients)), repoPrefix: repoPrefix(opts.cwd) };
}

/** The lint of one build: its errors, then the rules' findings (+ the remote checks), and what was suppressed. */
async function lintBuilt(
  project: ProjectResult,
  opts: Pick<LintOptions, 'cwd' | 'now'>,
  clients: RemoteClients | undefined,
): Promise<Pick<LintResult, 'diagnostics' | 'suppressed'>> {
  const external = clients
    ? await remoteFindings(
        project.irs.map((s) => s.ir),
        clients,
      )
    : [];
  const errors = project.diagnostics.filter((d) => d.severity === 'error');
  const { diagnostics, suppressed } = runLint(project.irs, {
    target: project.target,
    config: lintConfigFor(project.config.lint, project.environment?.lint),
    external,
    siblings: projectSiblings(opts.cwd),
    validation: project.diagnostics.filter((d) => d.severity !== 'error'),
    ...(opts.now ? { now: opts.now } : {}),
  });
  return { diagnostics: [...errors, ...diagnostics], suppressed };
}

/** SQL files as compile reads them (inside the project, real paths checked), named relative to the project. */
export function projectSiblings(cwd: string): SiblingFiles {
  const read = siblingReader(cwd);
  const root = resolve(cwd);
  return (spec, rel) => {
    const text = read(spec.absPath, rel);
    if (text === undefined) return undefined;
    return {
      file: relative(root, resolve(dirname(spec.absPath), rel))
        .split(sep)
        .join('/'),
      text,
    };
  };
}

export interface EnvironmentsLintResult {
  /** Each environment's project build, in the config's order. */
  readonly environments: readonly { readonly environment: string; readonly project: ProjectResult }[];
  /** Every environment's diagnostics and findings, each once (marked with its environments when not all have it). */
  readonly diagnostics: readonly Diagnostic[];
  /** Findings silenced by a suppression comment, each once. */
  readonly suppressed: LintResult['suppressed'];
  readonly repoPrefix: string;
}

/** `lint --all-envs`: every environment of the config, as `lint --env E` checks it, the shared work done once. */
export async function lintAllEnvironments(opts: Omit<LintOptions, 'env' | 'shared'>): Promise<EnvironmentsLintResult> {
  const { buildEachEnvironment, mergeEnvironmentDiagnostics } = require('../compile/environments') as typeof import('../compile/environments');
  const clients = opts.remote === true ? defaultRemoteClients() : opts.remote || undefined;
  const environments: { environment: string; project: ProjectResult; diagnostics: readonly Diagnostic[]; suppressed: LintResult['suppressed'] }[] =
    [];
  for (const { environment, build } of buildEachEnvironment({ ...opts, irs: true })) {
    build.cache?.save();
    const project = build.result;
    environments.push({ environment: environment.name, project, ...(await lintBuilt(project, opts, clients)) });
  }
  // A finding suppressed in every environment's build of the same file is one suppression.
  const suppressed = new Map<string, LintResult['suppressed'][number]>();
  for (const e of environments) for (const s of e.suppressed) suppressed.set(JSON.stringify([s.diagnostic, s.justification]), s);
  return {
    environments: environments.map(({ environment, project }) => ({ environment, project })),
    diagnostics: mergeEnvironmentDiagnostics(environments.map((e) => [e.environment, e.diagnostics])),
    suppressed: [...suppressed.values()],
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
