import { watch } from 'node:fs';
import { relative, sep } from 'node:path';
import { formatDiagnostics } from '../diagnostics/format';
import { UsageError, type Diagnostic } from '../diagnostics/types';
import { compileProject, type CompileOptions } from './compile';
import type { CliIO } from './io';

/** Quiet time after the last file event before recompiling: editors write a file in several steps. */
const SETTLE_MS = 60;

/**
 * `compile --watch`: compiles once, then again after every change under the project folder (pipelines, SQL files,
 * TypeScript helpers, dagsmith.config.yaml), with the incremental cache, so only what an edit touches is redone.
 * Each round prints its diagnostics and one line per DAG file created, updated or removed, or "no DAG changed".
 * Runs until `signal` aborts (the CLI: Ctrl-C); resolves with the last compile's exit code.
 */
export async function watchCompile(opts: CompileOptions, io: CliIO, signal?: AbortSignal): Promise<number> {
  const stop = signal ?? interruptSignal();
  const quiet: CliIO = { out: () => {}, err: (s) => io.err(s) };
  const first = await compileProject({ ...opts, cache: opts.cache ?? true }, io);
  let last = first.code;
  // Our own writes to the output folder are not edits.
  const outDir = first.outDir.split('/').join(sep);
  io.out(`watching for changes (Ctrl-C to stop)`);
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const ignored = (file: string): boolean => {
    const first = file.split(sep)[0];
    return first === '.dagsmith' || first === '.git' || first === 'node_modules' || file.endsWith('.tmp');
  };
  const round = async (): Promise<void> => {
    const t0 = Date.now();
    let outcome;
    try {
      outcome = await compileProject({ ...opts, cache: opts.cache ?? true }, quiet);
    } catch (err) {
      // A broken config mid-edit is reported and waited out, as any other error.
      const diags = (err as { diagnostics?: readonly Diagnostic[] }).diagnostics;
      io.err(diags ? formatDiagnostics(diags, 'stylish') : `error: ${(err as Error).message}`);
      last = 2;
      return;
    }
    last = outcome.code;
    const ms = Date.now() - t0;
    if (outcome.code === 0 && outcome.changed.length === 0) io.out(`no DAG changed (${ms} ms)`);
    for (const line of outcome.changed) io.out(`${line} (${ms} ms)`);
  };
  let watcher: ReturnType<typeof watch>;
  try {
    watcher = watch(opts.cwd, { recursive: true, signal: stop }, (_event, name) => {
      const file = name ? relative('.', String(name)) : '';
      if (file && (ignored(file) || file === outDir || file.startsWith(`${outDir}${sep}`))) return;
      clearTimeout(timer);
      timer = setTimeout(() => (running = running.then(round)), SETTLE_MS);
    });
  } catch (err) {
    throw new UsageError(`cannot watch ${opts.cwd}: ${(err as Error).message}`);
  }
  await new Promise<void>((resolve) => {
    if (stop.aborted) resolve();
    stop.addEventListener('abort', () => resolve(), { once: true });
  });
  clearTimeout(timer);
  watcher.close();
  await running;
  return last;
}

function interruptSignal(): AbortSignal {
  const ac = new AbortController();
  process.once('SIGINT', () => ac.abort());
  process.once('SIGTERM', () => ac.abort());
  return ac.signal;
}
