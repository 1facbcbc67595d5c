/**
 * Where the SDK's objects were made. Kept out of the objects themselves (they stay the plain data a YAML file
 * would give), in weak maps that the TypeScript loader reads to point diagnostics at the call that made a step
 * — the literal `glue.job({...})` in the pipeline file, or the loop or helper call that produced it.
 *
 * Internal: not part of the public API.
 */

/** One stack frame, as V8 reports it: the generated JavaScript's file, 1-based line and column. */
export interface Frame {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

/** The V8 bits we use, typed here so the SDK needs no Node.js type declarations. */
interface V8CallSite {
  getFileName(): string | null | undefined;
  getLineNumber(): number | null;
  getColumnNumber(): number | null;
}
/** Any function (the one whose callers' frames are captured). */
type AnyFunction = (...args: never[]) => unknown;
type V8ErrorConstructor = ErrorConstructor & {
  prepareStackTrace?: ((err: Error, stack: V8CallSite[]) => unknown) | undefined;
  stackTraceLimit: number;
  captureStackTrace?: ((target: object, constructorOpt?: AnyFunction) => void) | undefined;
};

const callSites = new WeakMap<object, readonly Frame[]>();
const pipelines = new WeakSet<object>();
const tests = new WeakSet<object>();

/** The frames of the code that called `fn` (innermost first); empty outside V8. */
export function captureCaller(fn: AnyFunction): readonly Frame[] {
  const V8 = Error as V8ErrorConstructor;
  if (typeof V8.captureStackTrace !== 'function') return [];
  // The hook as it was, to be put back (typed as a value: Node's types declare it as a method).
  const hooks: { prepareStackTrace?: unknown } = V8;
  const prepare = hooks.prepareStackTrace;
  const limit = V8.stackTraceLimit;
  try {
    V8.prepareStackTrace = (_err, stack) => stack;
    V8.stackTraceLimit = 64;
    const holder: { stack?: unknown } = {};
    V8.captureStackTrace(holder, fn);
    const stack = holder.stack;
    if (!Array.isArray(stack)) return [];
    const frames: Frame[] = [];
    for (const site of stack as V8CallSite[]) {
      const file = site.getFileName();
      const line = site.getLineNumber();
      const col = site.getColumnNumber();
      if (file && line && col) frames.push({ file, line, col });
    }
    return frames;
  } catch {
    return [];
  } finally {
    hooks.prepareStackTrace = prepare;
    V8.stackTraceLimit = limit;
  }
}

export function recordCallSite(obj: object, frames: readonly Frame[]): void {
  if (frames.length > 0) callSites.set(obj, frames);
}

/** The frames of the builder or `definePipeline` call that made `obj`, innermost first. */
export function callSiteOf(obj: unknown): readonly Frame[] | undefined {
  return obj !== null && typeof obj === 'object' ? callSites.get(obj) : undefined;
}

export function markPipeline(obj: object): void {
  pipelines.add(obj);
}

/** Whether `value` was returned by `definePipeline`. */
export function isPipeline(value: unknown): boolean {
  return value !== null && typeof value === 'object' && pipelines.has(value);
}

export function markTest(obj: object): void {
  tests.add(obj);
}

/** Whether `value` was returned by `defineTest`. */
export function isTest(value: unknown): boolean {
  return value !== null && typeof value === 'object' && tests.has(value);
}
