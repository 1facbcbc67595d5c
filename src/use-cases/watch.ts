/**
 * Use case: `compile --watch`. Compiles once, then again after every change under the project folder (pipelines,
 * SQL files, TypeScript helpers, dagsmith.config.yaml), with the incremental cache, so only what an edit touches is
 * redone. Each round is handed to `onRound`; runs until `signal` aborts and resolves with the last round.
 */
import { watch } from 'node:fs';
import { relative, sep } from 'node:path';
import { UsageError } from '../diagnostics/types';
import { compileProject, type CompileOptions, type CompileResult } from './compile';

/** Quiet time after the last file event before recompiling: editors write a file in several steps. */
const SETTLE_MS = 60;

/** One compile of the watch loop: its result, or the error that stopped it (a broken config mid-edit). */
export type WatchRound = { readonly first: boolean; readonly ms: number } & (
  { readonly ok: true; readonly result: CompileResult } | { readonly ok: false; readonly error: unknown }
);

export async function watchProject(opts: CompileOptions, onRound: (round: WatchRound) => void, signal: AbortSignal): Promise<WatchRound> {
  const options = { ...opts, cache: opts.cache ?? true };
  const run = (first: boolean): WatchRound => {
    const t0 = Date.now();
    try {
      return { first, ok: true, result: compileProject(options), ms: Date.now() - t0 };
    } catch (error) {
      if (first) throw error;
      return { first, ok: false, error, ms: Date.now() - t0 };
    }
  };
  const initial = run(true);
  if (!initial.ok) throw initial.error;
  let last: WatchRound = initial;
  onRound(last);
  // Our own writes to the output folder are not edits.
  const outDir = initial.result.outDir.split('/').join(sep);
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const ignored = (file: string): boolean => {
    const top = file.split(sep)[0];
    return (
      top === '.dagsmith' ||
      top === '.git' ||
      top === 'node_modules' ||
      file.endsWith('.tmp') ||
      file === outDir ||
      file.startsWith(`${outDir}${sep}`)
    );
  };
  let watcher: ReturnType<typeof watch>;
  try {
    watcher = watch(opts.cwd, { recursive: true, signal }, (_event, name) => {
      const file = name ? relative('.', String(name)) : '';
      if (file && ignored(file)) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        running = running.then(() => {
          last = run(false);
          onRound(last);
        });
      }, SETTLE_MS);
    });
  } catch (err) {
    throw new UsageError(`cannot watch ${opts.cwd}: ${(err as Error).message}`);
  }
  await new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
  clearTimeout(timer);
  watcher.close();
  await running;
  return last;
}
