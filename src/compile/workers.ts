/**
 * Compiles many pipeline files on every core: the calling thread and `jobs - 1` worker threads take chunks of files
 * from one shared counter (so a slow file does not leave a core idle), and the results come back in file order.
 * Synchronous for its caller: the calling thread waits on a shared counter and reads the workers' messages with
 * `receiveMessageOnPort`, so `buildProject` stays a plain function.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { AirflowTarget } from '../targets';
import { compileUnits, plainResult, type LocalUnit, type UnitContext, type UnitResult } from './unit';

/** Files one thread takes at a time: small enough to balance, large enough that the counter is not contended. */
const CHUNK = 16;
/** Below this many files a worker's start (loading the compiler again, ~0.1 s) costs more than it saves. */
export const MIN_FILES_PER_WORKER = 150;
/** Threads in all (the calling one included) when the caller does not say. */
const MAX_AUTO_JOBS = 4;

/**
 * Work done on each compiled file on the thread that compiled it (lint's rules over one pipeline), so that only its
 * plain result crosses threads: a module exporting `afterUnit` (UnitHookModule), loaded by every thread.
 */
export interface UnitHook {
  /** Absolute path of the module (without extension: `.js` in dist/, `.ts` from sources). */
  readonly module: string;
  /** Plain data handed to `afterUnit` on every thread. */
  readonly options: unknown;
}

export interface UnitHookModule {
  /** Plain data (structured-cloneable) for the unit, kept as its result's `extra`; undefined for none. */
  afterUnit(unit: LocalUnit, ctx: UnitContext, options: unknown): unknown;
}

/** The unit as plain data, with what the hook made of it. */
export function hookedResult(u: LocalUnit, ctx: UnitContext, hook: UnitHook | undefined): UnitResult {
  const plain = plainResult(u);
  if (!hook) return plain;
  const extra = (require(hook.module) as UnitHookModule).afterUnit(u, ctx, hook.options);
  return extra === undefined ? plain : { ...plain, extra };
}

/** What a worker thread is given. */
export interface WorkerInput {
  readonly cwd: string;
  readonly files: readonly string[];
  readonly vars: readonly (readonly [string, string])[];
  readonly target: AirflowTarget;
  readonly serverless?: UnitContext['serverless'];
  readonly outDir: string;
  /** The environment selected (the worker reads the config again for the positions its messages name). */
  readonly env: string | undefined;
  readonly configFile: string | undefined;
  /** False: write no DAG text (UnitContext.emit). */
  readonly emit: boolean;
  /** [0]: index of the next chunk to take; [1]: workers finished. */
  readonly shared: SharedArrayBuffer;
  readonly port: MessagePort;
  readonly hook?: UnitHook;
}

/** What a worker thread posts when it is done. */
export type WorkerOutput = { readonly results: readonly (readonly [number, UnitResult])[] } | { readonly error: string };

/** How many threads to use for `files` files: `requested`, or what the machine and the amount of work make worth it. */
export function threadsFor(files: number, requested: number | undefined): number {
  if (requested !== undefined) return Math.max(1, Math.min(requested, files));
  return Math.max(1, Math.min(MAX_AUTO_JOBS, availableParallelism(), Math.floor(files / MIN_FILES_PER_WORKER)));
}

/** Takes chunks from the shared counter and compiles them; what each thread (the calling one included) runs. */
export function compileChunks(ctx: UnitContext, files: readonly string[], next: Int32Array, each: (index: number, unit: LocalUnit) => void): void {
  for (;;) {
    const start = Atomics.add(next, 0, 1) * CHUNK;
    if (start >= files.length) return;
    const chunk = files.slice(start, start + CHUNK);
    compileUnits(ctx, chunk).forEach((u, i) => each(start + i, u));
  }
}

/**
 * Compiles YAML pipeline files (project-relative) on `threads` threads. Results from the calling thread keep their
 * IR and source (for lint and graph); the workers' are plain data.
 */
export function compileInParallel(
  ctx: UnitContext,
  files: readonly string[],
  threads: number,
  keepLocal: boolean,
  hook?: UnitHook,
): (LocalUnit | UnitResult)[] {
  const results = new Array<LocalUnit | UnitResult>(files.length);
  const shared = new SharedArrayBuffer(8);
  const counters = new Int32Array(shared);
  const workerFile = join(__dirname, 'worker.js');
  const workers: { worker: Worker; port: MessagePort }[] = [];
  for (let i = 1; i < threads; i++) {
    const { port1, port2 } = new MessageChannel();
    const input: WorkerInput = {
      cwd: ctx.cwd,
      files,
      vars: [...ctx.vars],
      target: ctx.target,
      outDir: ctx.outDir,
      env: ctx.scope?.env,
      configFile: ctx.configFile,
      emit: ctx.emit !== false,
      ...(ctx.serverless ? { serverless: ctx.serverless } : {}),
      shared,
      port: port2,
      ...(hook ? { hook } : {}),
    };
    const worker = new Worker(workerFile, { workerData: input, transferList: [port2] });
    worker.unref();
    workers.push({ worker, port: port1 });
  }
  compileChunks(ctx, files, counters, (i, u) => (results[i] = keepLocal ? u : hookedResult(u, ctx, hook)));
  // Each worker adds 1 to counters[1] (and notifies) when it has posted its results or its error.
  for (let done = Atomics.load(counters, 1); done < workers.length; done = Atomics.load(counters, 1)) Atomics.wait(counters, 1, done);
  const errors: string[] = [];
  for (const { worker, port } of workers) {
    let message = receiveMessageOnPort(port)?.message as WorkerOutput | undefined;
    // Posted before the counter moved; allow the message a moment to arrive all the same.
    for (let tries = 0; !message && tries < 100; tries++) {
      Atomics.wait(counters, 1, -1, 10);
      message = receiveMessageOnPort(port)?.message as WorkerOutput | undefined;
    }
    port.close();
    void worker.terminate();
    if (!message) errors.push('a compile worker stopped without a result');
    else if ('error' in message) errors.push(message.error);
    else for (const [i, r] of message.results) results[i] = r;
  }
  if (errors.length > 0) throw new Error(errors[0]);
  const missing = files.filter((_, i) => results[i] === undefined);
  if (missing.length > 0) throw new Error(`internal error: no compile result for ${missing.join(', ')}`);
  return results;
}
