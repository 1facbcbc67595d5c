import { Option, type Command } from 'commander';
import type { DiagnosticFormat } from '../../diagnostics/format';
import { formatDiagnostics } from '../../diagnostics/format';
import { inertText } from '../../diagnostics/inert';
import { UsageError, type Diagnostic } from '../../diagnostics/types';
import type { CompileOptions, CompileResult } from '../../use-cases/compile';
import { EXIT, type CliIO } from '../io';
import { diagnosticFormatOption, positiveInteger, targetOption } from '../options';
import { printDiagnostics } from '../print';
import type { CommandContext } from './context';

interface CompileFlags {
  env?: string;
  allEnvs?: boolean;
  airflow?: string;
  target?: string;
  check?: boolean;
  cache: boolean;
  watch?: boolean;
  jobs?: number;
  format: DiagnosticFormat;
}

export function registerCompile(program: Command, { cwd, io, exit }: CommandContext): void {
  program
    .command('compile')
    .description('compile pipelines to Airflow DAG files in dags-out/')
    .option('--env <name>', 'environment whose variables apply; output goes to dags-out/<name>/')
    .option('--all-envs', 'compile every environment of dagsmith.config.yaml into its own folder, dags-out/<env>/, in one run')
    .option('--airflow <version>', 'Airflow version to compile for (overrides dagsmith.config.yaml)')
    .addOption(targetOption())
    .option('--check', 'write nothing; exit 1 if dags-out/ is missing or stale files')
    .option('--no-cache', 'recompile every pipeline, ignoring the incremental-compile cache in .dagsmith/cache/')
    .option('--watch', 'compile, then recompile on every change to the project, printing what changed (Ctrl-C stops)')
    .addOption(
      new Option('--jobs <n>', 'threads to compile on (default: as many as pay off for the number of files, up to 4)').argParser(positiveInteger),
    )
    .addOption(diagnosticFormatOption())
    .action(async (o: CompileFlags) => {
      const opts: CompileOptions = { cwd, env: o.env, airflow: o.airflow, target: o.target, check: o.check, cache: o.cache, jobs: o.jobs };
      if (o.watch && o.check) throw new UsageError('--watch and --check do not go together');
      if (o.allEnvs && o.env !== undefined) throw new UsageError('--all-envs and --env do not go together: --all-envs compiles every environment');
      if (o.allEnvs && o.watch) throw new UsageError('--all-envs and --watch do not go together: watch one environment with --env');
      if (o.allEnvs) return exit(compileAll(opts, io, o.format));
      exit(o.watch ? await watchCompile(opts, io, o.format) : compile(opts, io, o.format));
    });
}

function compile(opts: CompileOptions, io: CliIO, format: DiagnosticFormat): number {
  const { compileProject } = require('../../use-cases/compile') as typeof import('../../use-cases/compile');
  return printCompile(compileProject(opts), opts, io, format);
}

/** `compile --all-envs`: the diagnostics once, then one line per environment; the worst exit code. */
function compileAll(opts: CompileOptions, io: CliIO, format: DiagnosticFormat): number {
  const { compileAllEnvironments } = require('../../use-cases/compile') as typeof import('../../use-cases/compile');
  const all = compileAllEnvironments(opts);
  printDiagnostics(all.diagnostics, format, io);
  let code: number = EXIT.ok;
  for (const { environment, result } of all.environments) {
    const c = printCompile(result, { ...opts, env: environment }, io, format, true);
    if (c !== EXIT.ok) code = c;
  }
  return code;
}

/** Prints one compile's outcome; returns its exit code. */
function printCompile(r: CompileResult, opts: CompileOptions, io: CliIO, format: DiagnosticFormat, allEnvs = false): number {
  // With --all-envs the diagnostics of every environment were printed once, before.
  if (!allEnvs) printDiagnostics(r.diagnostics, format, io);
  const outDir = inertText(r.outDir);
  const nothingWritten = `compile failed: nothing was written to ${outDir}/`;
  switch (r.status) {
    case 'invalid':
      io.err(nothingWritten);
      return EXIT.inputErrors;
    case 'held':
      io.err(`${nothingWritten} (another environment has errors)`);
      return EXIT.inputErrors;
    case 'conflicts':
      printDiagnostics(r.conflicts, format, io);
      io.err(nothingWritten);
      return EXIT.inputErrors;
    case 'output-error':
      printDiagnostics([r.error], format, io);
      io.err(r.changed ? `compile failed after writing ${outDir}/` : nothingWritten);
      return EXIT.inputErrors;
    case 'up-to-date':
      io.out(`${outDir}/ is up to date (${r.pipelines} pipelines, ${r.target.label})`);
      return EXIT.ok;
    case 'stale':
      for (const f of r.missing) io.err(`missing: ${inertText(f)}`);
      for (const f of r.stale) io.err(`stale: ${inertText(f)}`);
      for (const p of r.orphaned) io.err(`orphaned: ${inertText(p)} (its pipeline is gone)`);
      io.err(`${outDir}/ is out of date: run 'dagsmith compile${allEnvs ? ' --all-envs' : opts.env ? ` --env ${inertText(opts.env)}` : ''}'`);
      return EXIT.inputErrors;
    case 'written':
      io.out(
        `compiled ${r.pipelines} pipeline${r.pipelines === 1 ? '' : 's'} for ${r.target.label} into ${outDir}/: ` +
          `${r.created.length} created, ${r.updated.length} updated, ${r.unchanged.length} unchanged, ${r.removed.length} removed`,
      );
      return EXIT.ok;
  }
}

/**
 * `compile --watch`: the first compile prints as `compile` does; each later round prints its diagnostics and one
 * line per DAG file created, updated or removed, or "no DAG changed". Resolves with the last round's exit code.
 */
export async function watchCompile(opts: CompileOptions, io: CliIO, format: DiagnosticFormat = 'stylish', signal?: AbortSignal): Promise<number> {
  const { watchProject } = require('../../use-cases/watch') as typeof import('../../use-cases/watch');
  const quiet: CliIO = { out: () => {}, err: (s) => io.err(s) };
  let code: number = EXIT.ok;
  await watchProject(
    opts,
    (round) => {
      if (!round.ok) {
        // A broken config mid-edit is reported and waited out, as any other error.
        const diags = (round.error as { diagnostics?: readonly Diagnostic[] }).diagnostics;
        io.err(diags ? formatDiagnostics(diags, 'stylish') : `error: ${inertText((round.error as Error).message)}`);
        code = EXIT.usage;
        return;
      }
      const r = round.result;
      code = printCompile(r, opts, round.first ? io : quiet, format);
      if (round.first) {
        io.out('watching for changes (Ctrl-C to stop)');
        return;
      }
      const changed =
        r.status === 'written'
          ? [...r.created.map((f) => `created ${f}`), ...r.updated.map((f) => `updated ${f}`), ...r.removed.map((p) => `removed ${p}`)].map(inertText)
          : [];
      if (code === EXIT.ok && changed.length === 0) io.out(`no DAG changed (${round.ms} ms)`);
      for (const line of changed) io.out(`${line} (${round.ms} ms)`);
    },
    signal ?? interruptSignal(),
  );
  return code;
}

function interruptSignal(): AbortSignal {
  const ac = new AbortController();
  process.once('SIGINT', () => ac.abort());
  process.once('SIGTERM', () => ac.abort());
  return ac.signal;
}
