import { spawnSync } from 'node:child_process';
import type { JsonPath } from '../diagnostics/types';
import { ownModules, type SandboxModule } from './sandbox/own-modules';
import { isUnknownArray } from '../util/json';

/** One V8 stack frame of generated JavaScript: the module id (absolute path), 1-based line and column. */
export interface Frame {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

/** A pipeline file to evaluate: its module id and every module it may load (its local imports, transitively). */
export interface EvaluationRequest {
  readonly entry: string;
  readonly modules: readonly string[];
  /** What the default export must be: a pipeline (definePipeline, the default) or a test (defineTest). */
  readonly expected?: 'pipeline' | 'test';
}

/** What evaluating one pipeline file gave; nothing in it is an object the pipeline made. */
export type Evaluation =
  | {
      readonly kind: 'pipeline';
      readonly data: unknown;
      readonly root: readonly Frame[] | undefined;
      readonly steps: readonly (readonly Frame[] | undefined)[];
    }
  | { readonly kind: 'threw'; readonly what: string; readonly frames: readonly Frame[] }
  | { readonly kind: 'no-pipeline'; readonly hasDefault: boolean; readonly what: string }
  | {
      readonly kind: 'not-data';
      readonly problems: readonly { readonly path: JsonPath; readonly what: string }[];
      readonly root: readonly Frame[] | undefined;
      readonly steps: readonly (readonly Frame[] | undefined)[];
    }
  | { readonly kind: 'timeout'; readonly ms: number }
  /** The compile's evaluation budget ran out: before this file (`started` false) or while it ran. */
  | { readonly kind: 'budget'; readonly ms: number; readonly started: boolean }
  /** Its data, as JSON, is longer than the result channel takes (`limit` characters). */
  | { readonly kind: 'too-large'; readonly limit: number }
  | { readonly kind: 'out-of-memory'; readonly mb: number }
  | { readonly kind: 'crashed'; readonly how: string };

/** Limits of one compile's evaluator process; the environment variables are for tests and unusual projects. */
export interface SandboxLimits {
  /** Wall-clock time one pipeline file may take (`DAGSMITH_EVAL_TIMEOUT_MS`, default 10 s). */
  readonly timeoutMs: number;
  /** Wall-clock time all TypeScript pipelines of one compile may take together (`DAGSMITH_EVAL_BUDGET_MS`, default 2 min). */
  readonly budgetMs: number;
  /** The longest JSON text one pipeline's data may have (characters); the result channel is bounded by it. */
  readonly maxResultChars: number;
  /** What one evaluator process writes at most (bytes) before the files after go to a new process. */
  readonly channelBytes: number;
  /** The evaluator process's heap (`DAGSMITH_EVAL_MAX_HEAP_MB`, default 512 MiB). */
  readonly heapMb: number;
  readonly maxDepth: number;
  readonly maxValues: number;
  /**
   * V8's stack size in KiB (`--stack-size`, `DAGSMITH_EVAL_STACK_KB`), when not Node's default. Only tests set it:
   * raised past the OS stack, deep recursion crashes the process for real (SIGSEGV), which is how the crash
   * handling is tested (test/load/evaluate.test.ts, and the CLI's golden case test/fixtures-ts/evaluator-limits).
   */
  readonly stackSizeKb?: number;
}

export function sandboxLimits(): SandboxLimits {
  const stackSizeKb = positiveIntegerFromEnv('DAGSMITH_EVAL_STACK_KB', 0);
  return {
    timeoutMs: positiveIntegerFromEnv('DAGSMITH_EVAL_TIMEOUT_MS', 10_000),
    budgetMs: positiveIntegerFromEnv('DAGSMITH_EVAL_BUDGET_MS', 120_000),
    maxResultChars: MAX_RESULT_CHARS,
    channelBytes: CHANNEL_BYTES,
    heapMb: positiveIntegerFromEnv('DAGSMITH_EVAL_MAX_HEAP_MB', 512),
    maxDepth: 256,
    maxValues: 1_000_000,
    ...(stackSizeKb > 0 ? { stackSizeKb } : {}),
  };
}

function positiveIntegerFromEnv(name: string, fallback: number): number {
  const fromEnv = Number(process.env[name]);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : fallback;
}

/**
 * The result channel: one pipeline's data as JSON is at most 32 Mi characters (a 10,000-step pipeline is a few MB);
 * the evaluator process writes at most 192 MiB before it hands the rest to a new process; the parent reads 256 MiB.
 */
export const MAX_RESULT_CHARS = 32 * 2 ** 20;
const CHANNEL_BYTES = 192 * 2 ** 20;
const MAX_BUFFER = 256 * 2 ** 20;
/** Time the evaluator process has to start, beyond the evaluation's own limits, before it is killed. */
const STARTUP_GRACE_MS = 10_000;

/** Node's permission flag: `--permission` from Node 22.13/23.5, `--experimental-permission` before. */
function permissionFlag(): string {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  return major > 23 || (major === 23 && minor >= 5) || (major === 22 && minor >= 13) ? '--permission' : '--experimental-permission';
}

/**
 * Evaluates pipeline files in ONE separate Node.js process per call (see sandbox/runner.ts for what the process and
 * each file's context may do). When the process dies while evaluating a file (its heap exhausted, or killed at the
 * time limit), that file gets the blame and the files after it are evaluated in a new process. All files of a call
 * share one budget of wall-clock time: the files it does not reach are `budget` results, not evaluated.
 */
export function evaluateInSandbox(
  userModules: readonly SandboxModule[],
  requests: readonly EvaluationRequest[],
  limits: SandboxLimits = sandboxLimits(),
): Evaluation[] {
  const own = ownModules();
  const results: Evaluation[] = [];
  const deadline = Date.now() + limits.budgetMs;
  while (results.length < requests.length) {
    const left = deadline - Date.now();
    if (left <= 0) {
      while (results.length < requests.length) results.push({ kind: 'budget', ms: limits.budgetMs, started: false });
      break;
    }
    const batch = requests.slice(results.length);
    const done = runProcess(own, userModules, batch, limits, left);
    results.push(...done);
  }
  return results;
}

function runProcess(
  own: ReturnType<typeof ownModules>,
  userModules: readonly SandboxModule[],
  batch: readonly EvaluationRequest[],
  limits: SandboxLimits,
  budgetLeftMs: number,
): Evaluation[] {
  const needed = new Set(batch.flatMap((r) => r.modules));
  const job = {
    harness: own.harness,
    modules: [...own.sdk, ...userModules.filter((m) => needed.has(m.id))],
    pipelines: batch.map((r) => ({ entry: r.entry, modules: [...own.sdk.map((m) => m.id), ...r.modules], expected: r.expected ?? 'pipeline' })),
    provenance: own.provenance,
    timeoutMs: limits.timeoutMs,
    budgetMs: budgetLeftMs,
    channelBytes: limits.channelBytes,
    limits: { maxDepth: limits.maxDepth, maxValues: limits.maxValues, maxChars: limits.maxResultChars },
  };
  const processStarted = Date.now();
  const child = spawnSync(
    process.execPath,
    [
      permissionFlag(),
      '--no-warnings',
      '--disallow-code-generation-from-strings',
      `--max-old-space-size=${limits.heapMb}`,
      ...(limits.stackSizeKb ? [`--stack-size=${limits.stackSizeKb}`] : []),
      '-e',
      own.runner,
    ],
    {
      input: JSON.stringify(job),
      env: {},
      // A backstop only: each file's own limit and the budget are enforced inside the process. Start-up gets 10 s.
      timeout: STARTUP_GRACE_MS + Math.min(limits.timeoutMs * (batch.length + 1), budgetLeftMs),
      killSignal: 'SIGKILL',
      maxBuffer: MAX_BUFFER,
      windowsHide: true,
    },
  );
  const results: Evaluation[] = [];
  let started = -1;
  const output = child.stdout.toString('utf8');
  // Only whole lines: a process killed while writing (the backstop, an overflowing buffer) may have left half a one.
  for (const line of output.slice(0, output.lastIndexOf('\n') + 1).split('\n')) {
    if (line === '') continue;
    const event = parseEvent(line, limits);
    if (event === undefined) throw new Error(`internal error: the evaluator process wrote an unexpected line: ${line.slice(0, 200)}`);
    if ('start' in event) started = event.start;
    else if ('defer' in event) {
      if (event.defer !== results.length || results.length === 0) throw new Error('internal error: the evaluator process deferred out of turn');
      return results;
    } else if (event.done === results.length && (event.done === started || event.result.kind === 'budget')) results.push(event.result);
    else throw new Error(`internal error: the evaluator process reported file ${event.done} out of turn`);
  }
  if (results.length === batch.length) return results;
  const stderr = child.stderr.toString('utf8');
  const error: NodeJS.ErrnoException | undefined = child.error;
  if (started !== results.length) {
    // It died before evaluating any file: dagsmith's fault, not the pipeline's.
    const cause = child.error ? child.error.message : `exit code ${child.status}, signal ${child.signal}`;
    throw new Error(`internal error: the TypeScript evaluator process failed to start (${cause}): ${stderr.trim().slice(0, 2000)}`);
  }
  if (/heap out of memory|Allocation failed|invalid table size|invalid array length/i.test(stderr))
    results.push({ kind: 'out-of-memory', mb: limits.heapMb });
  else if (error?.code === 'ENOBUFS') results.push({ kind: 'too-large', limit: limits.maxResultChars });
  else if (error?.code === 'ETIMEDOUT') {
    // Killed at the backstop: the file's own limit, or the budget of the compile if that ran out first.
    const budgetOver = Date.now() - processStarted >= budgetLeftMs;
    results.push(budgetOver ? { kind: 'budget', ms: limits.budgetMs, started: true } : { kind: 'timeout', ms: limits.timeoutMs });
  } else results.push({ kind: 'crashed', how: child.signal ? `was killed by ${child.signal}` : `exited with code ${child.status}` });
  return results;
}

type Event = { start: number } | { defer: number } | { done: number; result: Evaluation };

/** One line of the process's output, checked field by field (the process ran untrusted code). */
function parseEvent(line: string, limits: SandboxLimits): Event | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!isObject(raw)) return undefined;
  if (Number.isInteger(raw.start)) return { start: raw.start as number };
  if (Number.isInteger(raw.defer)) return { defer: raw.defer as number };
  if (!Number.isInteger(raw.done) || !isObject(raw.result)) return undefined;
  const result = raw.result;
  if (result.kind === 'timeout') return { done: raw.done as number, result: { kind: 'timeout', ms: limits.timeoutMs } };
  if (result.kind === 'budget')
    return { done: raw.done as number, result: { kind: 'budget', ms: limits.budgetMs, started: result.started === true } };
  if (result.kind === 'too-large') return { done: raw.done as number, result: { kind: 'too-large', limit: limits.maxResultChars } };
  if (result.kind === 'escaped') return { done: raw.done as number, result: { kind: 'crashed', how: 'ended its evaluation without a result' } };
  if (result.kind !== 'result' || typeof result.text !== 'string') return undefined;
  const evaluation = parseEvaluation(result.text, limits);
  return { done: raw.done as number, result: evaluation ?? { kind: 'crashed', how: 'gave a result that is not well-formed' } };
}

function parseEvaluation(text: string, limits: SandboxLimits): Evaluation | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(raw)) return undefined;
  switch (raw.kind) {
    case 'pipeline': {
      if (!isObject(raw.value) || !Array.isArray(raw.steps)) return undefined;
      const data = withSpecials(raw.value.data, raw.value.specials);
      if (data === undefined) return undefined;
      return { kind: 'pipeline', data: data.value, root: frames(raw.root), steps: raw.steps.map(frames) };
    }
    case 'too-large':
      return { kind: 'too-large', limit: limits.maxResultChars };
    case 'threw':
      return typeof raw.what === 'string' ? { kind: 'threw', what: raw.what, frames: frames(raw.frames) ?? [] } : undefined;
    case 'no-pipeline':
      return typeof raw.what === 'string' ? { kind: 'no-pipeline', hasDefault: raw.hasDefault === true, what: raw.what } : undefined;
    case 'not-data': {
      if (!Array.isArray(raw.problems) || !Array.isArray(raw.steps)) return undefined;
      const problems = raw.problems.flatMap((p: unknown) =>
        isObject(p) && isPath(p.path) && typeof p.what === 'string' ? [{ path: p.path, what: p.what }] : [],
      );
      if (problems.length !== raw.problems.length || problems.length === 0) return undefined;
      return { kind: 'not-data', problems, root: frames(raw.root), steps: raw.steps.map(frames) };
    }
    default:
      return undefined;
  }
}

/** Puts back the values JSON cannot hold (NaN, Infinity, -0, undefined list items) at the paths listed. */
function withSpecials(data: unknown, specials: unknown): { value: unknown } | undefined {
  if (!Array.isArray(specials)) return undefined;
  const SPECIAL: Record<string, unknown> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity, '-0': -0, undefined: undefined };
  for (const entry of specials) {
    if (!Array.isArray(entry) || !isPath(entry[0]) || typeof entry[1] !== 'string' || !Object.hasOwn(SPECIAL, entry[1])) return undefined;
    const path = entry[0];
    if (path.length === 0) return { value: SPECIAL[entry[1]] };
    let parent: unknown = data;
    for (const segment of path.slice(0, -1)) parent = isObject(parent) && Object.hasOwn(parent, segment) ? parent[segment] : undefined;
    const last = path[path.length - 1]!;
    if (!isObject(parent) || !Object.hasOwn(parent, last)) return undefined;
    parent[last] = SPECIAL[entry[1]];
  }
  return { value: data };
}

function frames(value: unknown): Frame[] | undefined {
  if (!isUnknownArray(value)) return undefined;
  return value.flatMap((f) =>
    isUnknownArray(f) && typeof f[0] === 'string' && isPosition(f[1]) && isPosition(f[2]) ? [{ file: f[0], line: f[1], col: f[2] }] : [],
  );
}

/** A 1-based line or column. */
function isPosition(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

function isPath(value: unknown): value is (string | number)[] {
  return Array.isArray(value) && value.every((s) => typeof s === 'string' || Number.isInteger(s));
}

function isObject(value: unknown): value is Record<string | number, unknown> {
  return value !== null && typeof value === 'object';
}
