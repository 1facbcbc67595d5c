/**
 * The part of the evaluator that runs INSIDE each pipeline's `vm` context, beside the pipeline's own code: a
 * CommonJS module loader over the modules the parent resolved (the pipeline, its local helpers, the dagsmith SDK),
 * and the copy of the default export to plain JSON text. It is evaluated in every fresh context before any pipeline
 * code runs, so the intrinsics it keeps (`JSON`, `Object.keys`, ...) are the context's own, untouched ones.
 *
 * Everything it hands out of the context is a string: the evaluator's own realm never touches an object the
 * pipeline could have made (a getter or a proxy would run there without the time limit).
 *
 * No imports and no Node.js globals: this file is shipped as source text (see sandbox-modules.ts).
 */

/** A pipeline module's body, wrapped as CommonJS: `(exports, require, module, __filename, __dirname) => void`. */
type ModuleFactory = (exports: unknown, require: (spec: string) => unknown, module: { exports: unknown }, filename: string, dirname: string) => void;

/** A value of the export that is not data, at its JSON path. */
type Problem = { path: (string | number)[]; what: string };

/** One V8 stack frame of generated JavaScript: file (module id), 1-based line and column. */
type WireFrame = [file: string, line: number, col: number];

interface Limits {
  /** How deep the exported data may nest. */
  readonly maxDepth: number;
  /** How many values (objects, arrays, primitives) the exported data may hold. */
  readonly maxValues: number;
  /** About how long its JSON text may be (strings and keys counted as they are written): the result channel's bound. */
  readonly maxChars: number;
}

interface Harness {
  define(id: string, depsJson: string, factory: ModuleFactory): void;
  defineJson(id: string, text: string): void;
  /**
   * Installs the one-shot global `__dagsmithRun__`, which evaluates `entry` and returns the result as JSON text.
   * `expected`: what the default export must be, a pipeline (definePipeline) or a test (defineTest).
   */
  arm(entry: string, provenance: string, expected?: 'pipeline' | 'test'): void;
}

export function createHarness(limits: Limits): Harness {
  'use strict';
  // The context's intrinsics, kept before any pipeline code can replace or patch them.
  const { keys, getPrototypeOf, defineProperty, create, prototype: objectPrototype } = Object;
  const isArray = Array.isArray;
  const stringify = JSON.stringify;
  const parse: (text: string) => unknown = JSON.parse;
  const ErrorCtor = Error;
  // The same object, typed as the V8 hook framesOf swaps and puts back (Node's types declare it as a method).
  const errorHooks: { prepareStackTrace?: unknown } = Error;
  // uncurry(Map.prototype.get)(map, key): a method that later changes to the prototypes cannot reach.
  /* eslint-disable @typescript-eslint/unbound-method -- methods detached on purpose: uncurry() calls each with its receiver as the first argument */
  const uncurry = Function.prototype.bind.bind(Function.prototype.call) as unknown as (
    fn: (...args: never[]) => unknown,
  ) => (self: unknown, ...args: unknown[]) => unknown;
  const mapGet = uncurry(Map.prototype.get);
  const mapSet = uncurry(Map.prototype.set);
  const mapHas = uncurry(Map.prototype.has);
  const setAdd = uncurry(Set.prototype.add);
  const setHas = uncurry(Set.prototype.has);
  const setDelete = uncurry(Set.prototype.delete);
  const arrayPush = uncurry(Array.prototype.push);
  const arrayPop = uncurry(Array.prototype.pop);
  const stringSlice = uncurry(String.prototype.slice);
  const stringSplit = uncurry(String.prototype.split);
  const regexpExec = uncurry(RegExp.prototype.exec);
  /* eslint-enable @typescript-eslint/unbound-method */
  const StringCtor = String;
  const isNaNNumber = Number.isNaN;
  const objectIs = Object.is;
  const globalObject = globalThis as unknown as Record<string, unknown>;

  const factories = new Map<string, ModuleFactory>();
  const dependencies = new Map<string, Map<string, string>>();
  const jsonTexts = new Map<string, string>();
  const cache = new Map<string, { exports: unknown }>();

  function load(id: string): unknown {
    const cached = mapGet(cache, id) as { exports: unknown } | undefined;
    if (cached) return cached.exports;
    if (mapHas(jsonTexts, id)) {
      const module = { exports: parse(mapGet(jsonTexts, id) as string) };
      mapSet(cache, id, module);
      return module.exports;
    }
    const factory = mapGet(factories, id) as ModuleFactory | undefined;
    if (!factory) throw new ErrorCtor(`internal error: module ${id} was not prepared`);
    const module = { exports: {} as unknown };
    mapSet(cache, id, module);
    const deps = mapGet(dependencies, id) as Map<string, string>;
    const require = (spec: string): unknown => {
      const target = mapGet(deps, spec) as string | undefined;
      if (target === undefined) {
        throw new ErrorCtor(
          `cannot import '${StringCtor(spec)}': a pipeline may import only 'dagsmith' and the project's own TypeScript and JSON files, by name (no computed or dynamic imports)`,
        );
      }
      return load(target);
    };
    const slash = id.lastIndexOf('/');
    factory(module.exports, require, module, id, slash > 0 ? (stringSlice(id, 0, slash) as string) : '/');
    return module.exports;
  }

  /** Frames of an error (innermost first): V8's call sites when the stack is not formatted yet, else parsed. */
  function framesOf(error: unknown): WireFrame[] {
    if (!(error instanceof ErrorCtor)) return [];
    const prepare = errorHooks.prepareStackTrace;
    let stack: unknown;
    try {
      errorHooks.prepareStackTrace = (_e: unknown, sites: unknown) => sites;
      stack = (error as { stack?: unknown }).stack;
    } finally {
      errorHooks.prepareStackTrace = prepare;
    }
    const out: WireFrame[] = [];
    if (isArray(stack)) {
      for (const site of stack as { getFileName(): unknown; getLineNumber(): unknown; getColumnNumber(): unknown }[]) {
        const file = site.getFileName();
        const line = site.getLineNumber();
        const col = site.getColumnNumber();
        if (typeof file === 'string' && typeof line === 'number' && typeof col === 'number') arrayPush(out, [file, line, col]);
      }
    } else if (typeof stack === 'string') {
      for (const l of stringSplit(stack, '\n') as string[]) {
        const m = regexpExec(/^\s*at (?:.*? \()?(.+?):(\d+):(\d+)\)?\s*$/, l) as string[] | null;
        if (m) arrayPush(out, [m[1], +m[2]!, +m[3]!]);
      }
    }
    return out;
  }

  function safeFrames(error: unknown): WireFrame[] {
    try {
      return framesOf(error);
    } catch {
      return [];
    }
  }

  function describeThrown(error: unknown): string {
    try {
      return describeThrownUnsafe(error);
    } catch {
      return 'a value that could not be described';
    }
  }

  function describeThrownUnsafe(error: unknown): string {
    if (error instanceof ErrorCtor) return `${StringCtor(error.name)}: ${StringCtor(error.message)}`;
    let text: string;
    try {
      text = StringCtor(error);
    } catch {
      text = typeof error;
    }
    return `a non-Error value: ${text}`;
  }

  /** What a default export that is not a pipeline is, for the message (see notAPipeline in the loader). */
  function kindOf(value: unknown): string {
    if (value === null) return 'null';
    if (typeof value === 'function') return 'function';
    if (isArray(value)) return 'array';
    if (typeof value === 'object') return typeof (value as { then?: unknown }).then === 'function' ? 'promise' : 'object';
    return typeof value;
  }

  /** Why a value cannot be pipeline data, or undefined when it can (null, booleans, strings, numbers, lists, mappings). */
  function notData(value: unknown): string | undefined {
    switch (typeof value) {
      case 'function':
        return 'a function';
      case 'symbol':
        return 'a symbol';
      case 'bigint':
        return 'a bigint';
      case 'object': {
        if (value === null || isArray(value)) return undefined;
        const proto = getPrototypeOf(value) as { constructor?: unknown } | null;
        if (proto === objectPrototype || proto === null) return undefined;
        const name = proto && typeof proto.constructor === 'function' ? StringCtor(proto.constructor.name) : '';
        return name ? `an instance of ${name}` : 'an object with a prototype of its own';
      }
      default:
        return undefined;
    }
  }

  /**
   * The export as JSON text, copied iteratively within the limits. Numbers JSON cannot hold (NaN, +-Infinity, -0)
   * and `undefined` list items are listed in `specials` by path, so that later checks report them as for YAML.
   */
  function copy(root: unknown): { text: string } | { problems: Problem[] } | { tooLarge: true } {
    type Frame = { value: unknown; path: (string | number)[]; set: (v: unknown) => void; depth: number; exit?: true };
    const out = create(null) as { data?: unknown };
    const specials: [(string | number)[], string][] = [];
    const ancestors = new Set<unknown>();
    const stack: Frame[] = [{ value: root, path: [], set: (v) => (out.data = v), depth: 0 }];
    const problems: Problem[] = [];
    // Values that are not data are collected (a file may have several); limits stop the copy.
    const problem = (path: (string | number)[], what: string): void => {
      arrayPush(problems, { path, what });
    };
    let count = 0;
    // The JSON text's length, counted as the copy goes (a string's quotes, a key's quotes and colon, 10 for any other
    // value): the copy stops as soon as the text would be too long to hand out, before it is built.
    let chars = 0;
    while (stack.length > 0) {
      const frame = arrayPop(stack) as Frame;
      if (frame.exit) {
        setDelete(ancestors, frame.value);
        continue;
      }
      const { value, path, depth } = frame;
      if (++count > limits.maxValues) return { problems: [{ path, what: `holds more than ${limits.maxValues} values` }] };
      if (depth > limits.maxDepth) return { problems: [{ path, what: `is nested more than ${limits.maxDepth} levels deep` }] };
      chars +=
        (typeof value === 'string' ? value.length + 2 : 10) +
        (typeof path[path.length - 1] === 'string' ? (path[path.length - 1] as string).length + 3 : 0);
      if (chars > limits.maxChars) return { tooLarge: true };
      const reason = notData(value);
      if (reason) {
        problem(path, `is ${reason}, not data (strings, numbers, booleans, null, lists and mappings)`);
        continue;
      }
      if (typeof value === 'number' && (isNaNNumber(value) || value === Infinity || value === -Infinity || objectIs(value, -0))) {
        arrayPush(specials, [path, isNaNNumber(value) ? 'NaN' : objectIs(value, -0) ? '-0' : value > 0 ? 'Infinity' : '-Infinity']);
        frame.set(null);
        continue;
      }
      if (value === undefined) {
        arrayPush(specials, [path, 'undefined']);
        frame.set(null);
        continue;
      }
      if (value === null || typeof value !== 'object') {
        frame.set(value);
        continue;
      }
      if (setHas(ancestors, value)) {
        problem(path, 'refers to itself (a cycle): pipeline data is a tree');
        continue;
      }
      setAdd(ancestors, value);
      arrayPush(stack, { value, path, set: () => undefined, depth, exit: true });
      if (isArray(value)) {
        const list: unknown[] = [];
        frame.set(list);
        const length = value.length;
        if (length > limits.maxValues - count) return { problems: [{ path, what: `holds more than ${limits.maxValues} values` }] };
        // Pushed last to first, so the first item is copied (and its getters run) first.
        for (let i = length - 1; i >= 0; i--) {
          const item = read(value, i);
          if ('error' in item) {
            problem(append(path, i), `could not be read: ${item.error}`);
            continue;
          }
          arrayPush(stack, {
            value: item.value,
            path: append(path, i),
            set: (v: unknown) => defineProperty(list, i, { value: v, enumerable: true, writable: true, configurable: true }),
            depth: depth + 1,
          });
        }
      } else {
        const mapping = create(null) as Record<string, unknown>;
        frame.set(mapping);
        const names = keys(value);
        // Properties set to undefined are left out, as definePipeline does.
        for (let i = names.length - 1; i >= 0; i--) {
          const key = names[i]!;
          const got = read(value, key);
          if ('error' in got) {
            problem(append(path, key), `could not be read: ${got.error}`);
            continue;
          }
          const v = got.value;
          if (v === undefined) continue;
          arrayPush(stack, {
            value: v,
            path: append(path, key),
            set: (x: unknown) => defineProperty(mapping, key, { value: x, enumerable: true, writable: true, configurable: true }),
            depth: depth + 1,
          });
        }
      }
    }
    return problems.length > 0 ? { problems } : { text: stringify({ data: out.data, specials }) };
  }

  /** A property's value; a getter or proxy trap that throws is reported at the property. */
  function read(container: object, key: string | number): { value: unknown } | { error: string } {
    try {
      return { value: (container as Record<string | number, unknown>)[key] };
    } catch (error) {
      return { error: `reading it threw ${describeThrown(error)}` };
    }
  }

  function append(path: readonly (string | number)[], segment: string | number): (string | number)[] {
    const next: (string | number)[] = [];
    for (let i = 0; i < path.length; i++) defineProperty(next, i, { value: path[i], enumerable: true, writable: true, configurable: true });
    defineProperty(next, path.length, { value: segment, enumerable: true, writable: true, configurable: true });
    return next;
  }

  function run(entry: string, provenance: string, expected: 'pipeline' | 'test'): string {
    let sdk: {
      isPipeline(v: unknown): boolean;
      isTest(v: unknown): boolean;
      callSiteOf(v: unknown): readonly { file: string; line: number; col: number }[] | undefined;
    };
    let exported: unknown;
    let pipeline: unknown;
    try {
      sdk = load(provenance) as typeof sdk;
      const wanted = (v: unknown): boolean => (expected === 'test' ? sdk.isTest(v) : sdk.isPipeline(v));
      exported = load(entry);
      if (wanted(exported)) pipeline = exported;
      else if ((exported !== null && typeof exported === 'object') || typeof exported === 'function') {
        const hasDefault = 'default' in exported;
        pipeline = hasDefault ? (exported as { default: unknown }).default : undefined;
        if (!wanted(pipeline)) return stringify({ kind: 'no-pipeline', hasDefault, what: kindOf(pipeline) });
      } else {
        return stringify({ kind: 'no-pipeline', hasDefault: false, what: kindOf(exported) });
      }
    } catch (error) {
      return stringify({ kind: 'threw', what: describeThrown(error), frames: safeFrames(error) });
    }
    const wireFrames = (v: unknown): WireFrame[] | null => {
      const frames = sdk.callSiteOf(v);
      if (!frames) return null;
      const out: WireFrame[] = [];
      for (let i = 0; i < frames.length; i++) arrayPush(out, [StringCtor(frames[i]!.file), +frames[i]!.line, +frames[i]!.col]);
      return out;
    };
    try {
      const steps = (pipeline as { steps?: unknown }).steps;
      const stepFrames: (WireFrame[] | null)[] = [];
      if (isArray(steps)) for (let i = 0; i < steps.length; i++) arrayPush(stepFrames, wireFrames(steps[i]));
      const anchors = `"root":${stringify(wireFrames(pipeline))},"steps":${stringify(stepFrames)}`;
      const copied = copy(pipeline);
      if ('tooLarge' in copied) return stringify({ kind: 'too-large' });
      if (!('text' in copied)) return `{"kind":"not-data",${anchors},"problems":${stringify(copied.problems)}}`;
      return `{"kind":"pipeline",${anchors},"value":${copied.text}}`;
    } catch (error) {
      return stringify({ kind: 'not-data', root: null, steps: [], problems: [{ path: [], what: `could not be read: ${describeThrown(error)}` }] });
    }
  }

  return {
    define(id, depsJson, factory) {
      mapSet(factories, id, factory);
      const deps = new Map<string, string>();
      for (const [spec, target] of parse(depsJson) as [string, string][]) mapSet(deps, spec, target);
      mapSet(dependencies, id, deps);
    },
    defineJson(id, text) {
      mapSet(jsonTexts, id, text);
    },
    arm(entry, provenance, expected) {
      defineProperty(globalObject, '__dagsmithRun__', {
        configurable: true,
        value: () => {
          delete globalObject.__dagsmithRun__;
          return run(entry, provenance, expected === 'test' ? 'test' : 'pipeline');
        },
      });
    },
  };
}
