import { makeDiagnostic } from '../diagnostics/diagnostic';
import type { DiagnosticFormat } from '../diagnostics/format';
import { START_OF_FILE } from '../load/source';
import { applyOutputs, OutputError, planIsClean, planOutputs, type OutputPlan } from '../emit/output';
import { buildProjectWithCache, type ProjectBuild } from '../project';
import { join } from 'node:path';
import { EXIT, type CliIO } from './io';
import { printDiagnostics } from './report';
import { fingerprintFile, preciseNow } from '../cache/compile-cache';

export interface CompileOptions {
  readonly cwd: string;
  readonly env?: string;
  readonly airflow?: string;
  /** Write nothing; exit 1 when dags-out/ is not what a compile would write. */
  readonly check?: boolean;
  readonly format?: DiagnosticFormat;
  /** Use the incremental-compile cache (the CLI's default). */
  readonly cache?: boolean;
  /** Threads to compile on; default: as many as pay off. */
  readonly jobs?: number;
}

/** What a compile changed in the output folder (for --watch). */
export interface CompileOutcome {
  readonly code: number;
  readonly changed: readonly string[];
  /** The output folder, project-relative. */
  readonly outDir: string;
}

export async function compile(opts: CompileOptions, io: CliIO): Promise<number> {
  return (await compileProject(opts, io)).code;
}

export async function compileProject(opts: CompileOptions, io: CliIO): Promise<CompileOutcome> {
  const build = buildProjectWithCache({ ...opts, irs: false });
  const { result } = build;
  const code = (c: number, changed: readonly string[] = []): CompileOutcome => ({ code: c, changed, outDir: result.outDir });
  const failed = printDiagnostics(result.diagnostics, opts.format ?? 'stylish', io);
  if (failed) {
    build.cache?.save();
    io.err(`compile failed: nothing was written to ${result.outDir}/`);
    return code(EXIT.inputErrors);
  }
  const outputError = (err: unknown): CompileOutcome => {
    if (!(err instanceof OutputError)) throw err;
    printDiagnostics([makeDiagnostic('DS520', err.path, START_OF_FILE, err.message)], opts.format ?? 'stylish', io);
    io.err(err.changed ? `compile failed after writing ${result.outDir}/` : `compile failed: nothing was written to ${result.outDir}/`);
    return code(EXIT.inputErrors);
  };
  let plan: OutputPlan;
  try {
    // `content` stays a getter: a DAG file the cache knows is current is never read.
    const wanted = result.pipelines.map((p) => ({ path: p.outPath, get content() { return p.content; } }));
    plan = planOutputs(opts.cwd, result.outDir, wanted, currentOutputs(opts.cwd, build));
  } catch (err) {
    return outputError(err);
  }
  if (plan.conflicts.length > 0) {
    const inTheWay = plan.conflicts.map((path) =>
      makeDiagnostic('DS504', path, START_OF_FILE, 'this file was not written by dagsmith; move it away or give the pipeline another id'),
    );
    build.cache?.save();
    printDiagnostics(inTheWay, opts.format ?? 'stylish', io);
    io.err(`compile failed: nothing was written to ${result.outDir}/`);
    return code(EXIT.inputErrors);
  }
  if (opts.check) {
    build.cache?.save();
    if (planIsClean(plan)) {
      io.out(`${result.outDir}/ is up to date (${result.pipelines.length} pipelines, Airflow ${result.target.version})`);
      return code(EXIT.ok);
    }
    for (const f of plan.create) io.err(`missing: ${f.path}`);
    for (const f of plan.update) io.err(`stale: ${f.path}`);
    for (const p of plan.remove) io.err(`orphaned: ${p} (its pipeline is gone)`);
    io.err(`${result.outDir}/ is out of date: run 'dagsmith compile${opts.env ? ` --env ${opts.env}` : ''}'`);
    return code(EXIT.inputErrors);
  }
  try {
    applyOutputs(opts.cwd, plan);
  } catch (err) {
    build.cache?.save();
    return outputError(err);
  }
  recordOutputs(opts.cwd, build, plan);
  io.out(
    `compiled ${result.pipelines.length} pipeline${result.pipelines.length === 1 ? '' : 's'} for Airflow ${result.target.version} into ${result.outDir}/: ` +
      `${plan.create.length} created, ${plan.update.length} updated, ${plan.unchanged.length} unchanged, ${plan.remove.length} removed`,
  );
  return code(EXIT.ok, [...plan.create.map((f) => `created ${f.path}`), ...plan.update.map((f) => `updated ${f.path}`), ...plan.remove.map((p) => `removed ${p}`)]);
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
