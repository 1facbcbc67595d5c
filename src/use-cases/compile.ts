/**
 * Use case: compile a project into its output folder (or check that the folder holds what a compile would write).
 * The whole transaction of `dagsmith compile`: build every pipeline, plan the output folder against the DAGs, write
 * it (all or nothing) or compare it, and keep the incremental cache in step. Returns what happened; prints nothing.
 */
import { join } from 'node:path';
import { fingerprintFile, preciseNow } from '../cache/compile-cache';
import { buildProjectWithCache, type ProjectBuild } from '../compile/project';
import { makeDiagnostic } from '../diagnostics/diagnostic';
import { START_OF_FILE } from '../diagnostics/reporter';
import type { Diagnostic } from '../diagnostics/types';
import { applyOutputs, OutputError, planIsClean, planOutputs, type OutputPlan } from '../emit/output';
import type { AirflowTarget } from '../targets';

export interface CompileOptions {
  readonly cwd: string;
  readonly env?: string;
  readonly airflow?: string;
  /** `mwaa` (Python DAG files) or `mwaa-serverless` (workflow definitions); default: the environment's or the config's. */
  readonly target?: string;
  /** Write nothing; report whether the output folder is what a compile would write. */
  readonly check?: boolean;
  /** Use the incremental-compile cache in .dagsmith/cache/ (the CLI's default). */
  readonly cache?: boolean;
  /** Threads to compile on; default: as many as pay off. */
  readonly jobs?: number;
}

interface CompileBase {
  /** The output folder, project-relative. */
  readonly outDir: string;
  readonly target: AirflowTarget;
  /** How many pipelines compiled. */
  readonly pipelines: number;
  /** Everything reported, errors and warnings. */
  readonly diagnostics: readonly Diagnostic[];
}

export type CompileResult = CompileBase &
  (
    | /** Some pipeline has errors: nothing was written. */ { readonly status: 'invalid' }
    | /** Files dagsmith did not write are in the way (one DS504 each): nothing was written. */ {
        readonly status: 'conflicts';
        readonly conflicts: readonly Diagnostic[];
      }
    | /** The output folder could not be read or written (DS520); `changed`: it was changed before the failure. */ {
        readonly status: 'output-error';
        readonly error: Diagnostic;
        readonly changed: boolean;
      }
    | /** `check`: the folder is what a compile would write. */ { readonly status: 'up-to-date' }
    | /** `check`: it is not. */ {
        readonly status: 'stale';
        readonly missing: readonly string[];
        readonly stale: readonly string[];
        readonly orphaned: readonly string[];
      }
    | /** `compileAllEnvironments`: this environment is valid, but another one is not, so nothing was written. */ {
        readonly status: 'held';
      }
    | /** The folder was brought up to date. */ {
        readonly status: 'written';
        readonly created: readonly string[];
        readonly updated: readonly string[];
        readonly unchanged: readonly string[];
        readonly removed: readonly string[];
      }
  );

export function compileProject(opts: CompileOptions): CompileResult {
  const build = buildProjectWithCache({ ...opts, irs: false });
  const step = planCompile(build, opts);
  return 'plan' in step ? writeCompile(build, step) : step;
}

export interface EnvironmentCompile {
  /** The environment's name (its output folder is `<outDir>/<name>`). */
  readonly environment: string;
  readonly result: CompileResult;
}

export interface AllEnvironmentsResult {
  readonly environments: readonly EnvironmentCompile[];
  /** Every environment's diagnostics, each once (src/compile/environments.ts mergeEnvironmentDiagnostics). */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * `compile --all-envs`: every environment's folder, each exactly what `compile --env E` writes, the shared work done
 * once. All or nothing across environments: when one has errors, conflicts or (with `check`) nothing is written to any.
 */
export function compileAllEnvironments(opts: Omit<CompileOptions, 'env'>): AllEnvironmentsResult {
  const { buildEachEnvironment, mergeEnvironmentDiagnostics } = require('../compile/environments') as typeof import('../compile/environments');
  const builds = buildEachEnvironment({ ...opts, irs: false });
  const steps = builds.map(({ environment, build }) => ({ environment: environment.name, build, step: planCompile(build, opts) }));
  const blocked = steps.some(({ step }) => !('plan' in step));
  const environments = steps.map(({ environment, build, step }): EnvironmentCompile => {
    if (!('plan' in step)) return { environment, result: step };
    if (blocked) {
      build.cache?.save();
      return { environment, result: { ...step.base, status: 'held' } };
    }
    return { environment, result: writeCompile(build, step) };
  });
  return {
    environments,
    diagnostics: mergeEnvironmentDiagnostics(steps.map(({ environment, build }) => [environment, build.result.diagnostics])),
  };
}

interface PendingWrite {
  readonly cwd: string;
  readonly base: CompileBase;
  readonly plan: OutputPlan;
}

/** Everything short of writing: the final result when nothing is to be written, else the plan to write. */
function planCompile(build: ProjectBuild, opts: Pick<CompileOptions, 'cwd' | 'check'>): CompileResult | PendingWrite {
  const { result } = build;
  const base: CompileBase = { outDir: result.outDir, target: result.target, pipelines: result.pipelines.length, diagnostics: result.diagnostics };
  if (result.diagnostics.some((d) => d.severity === 'error')) {
    build.cache?.save();
    return { ...base, status: 'invalid' };
  }
  let plan: OutputPlan;
  try {
    // `content` stays a getter: a DAG file the cache knows is current is never read.
    const wanted = result.pipelines.map((p) => ({
      path: p.outPath,
      get content() {
        return p.content;
      },
    }));
    plan = planOutputs(opts.cwd, result.outDir, wanted, currentOutputs(opts.cwd, build));
  } catch (err) {
    return outputError(build, base, err);
  }
  if (plan.conflicts.length > 0) {
    build.cache?.save();
    const conflicts = plan.conflicts.map((path) =>
      makeDiagnostic('DS504', path, START_OF_FILE, 'this file was not written by dagsmith; move it away or give the pipeline another id'),
    );
    return { ...base, status: 'conflicts', conflicts };
  }
  if (opts.check) {
    build.cache?.save();
    if (planIsClean(plan)) return { ...base, status: 'up-to-date' };
    return { ...base, status: 'stale', missing: plan.create.map((f) => f.path), stale: plan.update.map((f) => f.path), orphaned: plan.remove };
  }
  return { cwd: opts.cwd, base, plan };
}

function writeCompile(build: ProjectBuild, { cwd, base, plan }: PendingWrite): CompileResult {
  try {
    applyOutputs(cwd, plan);
  } catch (err) {
    return outputError(build, base, err);
  }
  recordOutputs(cwd, build, plan);
  return {
    ...base,
    status: 'written',
    created: plan.create.map((f) => f.path),
    updated: plan.update.map((f) => f.path),
    unchanged: plan.unchanged,
    removed: plan.remove,
  };
}

function outputError(build: ProjectBuild, base: CompileBase, err: unknown): CompileResult {
  if (!(err instanceof OutputError)) throw err;
  build.cache?.save();
  return { ...base, status: 'output-error', error: makeDiagnostic('DS520', err.path, START_OF_FILE, err.message), changed: err.changed };
}

/** DAG files the cache knows hold their pipeline's text (by their size, times and inode, or their hash). */
function currentOutputs(cwd: string, build: ProjectBuild): Set<string> {
  const current = new Set<string>();
  if (!build.cache) return current;
  for (const [file, entry] of build.cached) {
    const check = build.cache.outputIsCurrent(join(cwd, entry.pipeline!.outPath), entry.pipeline!);
    if (!check.current) continue;
    current.add(entry.pipeline!.outPath);
    build.cache.recordOutput(file, check.sig);
  }
  return current;
}

/** After writing: what each DAG file now is, so that the next compile need not read it; then saves the cache. */
function recordOutputs(cwd: string, build: ProjectBuild, plan: OutputPlan): void {
  if (!build.cache) return;
  const written = new Set([...plan.create, ...plan.update].map((f) => f.path));
  for (const [file, entry] of build.cached) {
    if (written.has(entry.pipeline!.outPath)) build.cache.recordOutput(file, fingerprintFile(join(cwd, entry.pipeline!.outPath), preciseNow()).sig);
  }
  build.cache.save();
}
