/** Use case: validate, then the lint rules (and, with `remote`, read-only checks of the AWS resources named). */
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/types';
import { buildProject, type ProjectOptions, type ProjectResult } from '../compile/project';
import { lintConfigFor } from '../lint/config';
import { finishLint, runLint, type LintedPipeline, type PipelineLint } from '../lint/engine';
import type { RemoteClients } from '../lint/remote';
import { loadSpecFiles } from '../load/index';
import type { SpecFile } from '../load/source';
import { projectSiblings, type LintUnitOptions } from './lint-unit';

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

/**
 * validate + the lint rules (+ the remote checks). A pipeline with errors gets no findings; the others still do.
 * Without the remote checks, the rules over one pipeline run where it was built: on the threads a compile spreads
 * files over when `jobs` asks for more than one; what they find comes back as plain data, and the rules over all
 * pipelines run here. `jobs` defaults to 1: on a 2-core machine more threads measured slower (docs/benchmarks.md).
 */
export async function lintProject(opts: LintOptions): Promise<LintResult> {
  if (!opts.remote) return lintOnThreads(opts);
  const project = buildProject({ ...opts, emit: false });
  const clients = opts.remote === true ? remoteModule().defaultRemoteClients() : opts.remote || undefined;
  return { project, ...(await lintBuilt(project, opts, clients)), repoPrefix: repoPrefix(opts.cwd) };
}

/** `lintProject` without the remote checks: the per-pipeline rules run in the unit hook (src/use-cases/lint-unit.ts). */
function lintOnThreads(opts: LintOptions): LintResult {
  const now = opts.now ?? new Date();
  const options: LintUnitOptions = { now: now.getTime(), ...(opts.env !== undefined ? { env: opts.env } : {}) };
  const built = buildProject({ ...opts, jobs: opts.jobs ?? 1, irs: false, emit: false, unitHook: { module: join(__dirname, 'lint-unit'), options } });
  const cwd = resolve(opts.cwd);
  const pipelines: LintedPipeline[] = [];
  const irs: { ir: PipelineLint['ir']; spec: SpecFile }[] = [];
  for (const file of built.files) {
    const lint = built.extras.get(file) as PipelineLint | undefined;
    if (!lint) continue;
    const index = pipelines.length;
    let spec: SpecFile | undefined;
    // The source is loaded again only if something asks for it (a project rule's finding, an API caller).
    const source = (): SpecFile => (spec ??= loadSpecFiles(cwd, [file])[0]!.spec!);
    // The hook linted the pipeline alone (index 0): its findings take the pipeline's place in the order here, set in
    // the entries the hook made for this lint only (a copy of each of them made ~14,000 objects on a large project).
    for (const e of lint.entries) (e.order as [number, number, number])[1] = index;
    pipelines.push({
      lint,
      locator: { locate: (path, at) => source().locator.locate(path, at) },
    });
    irs.push({ ir: lint.ir, spec: lazySpec(source) });
  }
  const project: ProjectResult = { ...built, irs };
  const errors = project.diagnostics.filter((d) => d.severity === 'error');
  const { diagnostics, suppressed } = finishLint(pipelines, {
    target: project.target,
    config: lintConfigFor(project.config.lint, project.environment?.lint),
    siblings: projectSiblings(opts.cwd),
    validation: project.diagnostics.filter((d) => d.severity !== 'error'),
    now,
  });
  return { project, diagnostics: [...errors, ...diagnostics], suppressed, repoPrefix: repoPrefix(opts.cwd) };
}

/** A SpecFile whose fields are read from `load()` when first asked for. */
function lazySpec(load: () => SpecFile): SpecFile {
  return {
    get file() {
      return load().file;
    },
    get absPath() {
      return load().absPath;
    },
    get format() {
      return load().format;
    },
    get text() {
      return load().text;
    },
    get sha256() {
      return load().sha256;
    },
    get data() {
      return load().data;
    },
    get locator() {
      return load().locator;
    },
  };
}

function remoteModule(): typeof import('../lint/remote') {
  return require('../lint/remote') as typeof import('../lint/remote');
}

/** The lint of one build: its errors, then the rules' findings (+ the remote checks), and what was suppressed. */
async function lintBuilt(
  project: ProjectResult,
  opts: Pick<LintOptions, 'cwd' | 'now'>,
  clients: RemoteClients | undefined,
): Promise<Pick<LintResult, 'diagnostics' | 'suppressed'>> {
  const external = clients
    ? await remoteModule().remoteFindings(
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

export { projectSiblings } from './lint-unit';

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
  const clients = opts.remote === true ? remoteModule().defaultRemoteClients() : opts.remote || undefined;
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
