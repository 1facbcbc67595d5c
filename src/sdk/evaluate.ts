import { existsSync, statSync } from 'node:fs';
import { createRequire, SourceMap } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { Script } from 'node:vm';
import { ts } from 'ts-morph';
import type { Frame } from './provenance';

/** A position in a TypeScript file, 1-based. */
export interface TsPosition {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

/**
 * Runs TypeScript pipeline files (already type-checked) as CommonJS: each file is transpiled on its own with
 * ts-morph's bundled `transpileModule`, run in this realm with a `require` that gives `dagsmith` this package's
 * SDK, runs local `.ts` imports the same way, and leaves everything else to Node's resolution.
 * Source maps turn V8 frames of the generated JavaScript back into TypeScript positions.
 *
 * Internal: used by src/load/typescript.ts.
 */
export class Evaluator {
  private readonly transpiled = new Map<string, { code: string; map: SourceMap | undefined }>();
  private readonly sdk: unknown = require('./index');

  constructor(private readonly readText: (absPath: string) => string) {}

  /** Evaluates `absPath` with a module cache of its own, so no pipeline sees state another one left behind. */
  evaluate(absPath: string): { exports: unknown } | { error: unknown } {
    const cache = new Map<string, { exports: unknown }>();
    // Run inside a vm script so that V8's watchdog can stop a pipeline that never finishes (an endless loop).
    const slot = globalThis as { __dagsmithEvaluate?: () => unknown };
    slot.__dagsmithEvaluate = () => this.load(absPath, cache);
    try {
      return { exports: new Script('globalThis.__dagsmithEvaluate()').runInThisContext({ timeout: evaluationTimeoutMs() }) };
    } catch (error) {
      if ((error as { code?: string })?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
        return { error: new Error(`it did not finish within ${evaluationTimeoutMs()} ms (an endless loop?)`) };
      }
      return { error };
    } finally {
      delete slot.__dagsmithEvaluate;
    }
  }

  /** Maps a V8 frame of generated JavaScript back to its TypeScript position; undefined for other files. */
  tsPosition(frame: Frame): TsPosition | undefined {
    const t = this.transpiled.get(frame.file);
    if (!t?.map) return undefined;
    const entry = t.map.findEntry(frame.line - 1, frame.col - 1) as { originalLine?: number; originalColumn?: number };
    if (entry.originalLine === undefined || entry.originalColumn === undefined) return undefined;
    return { file: frame.file, line: entry.originalLine + 1, col: entry.originalColumn + 1 };
  }

  private load(absPath: string, cache: Map<string, { exports: unknown }>): unknown {
    const cached = cache.get(absPath);
    if (cached) return cached.exports;
    const module = { exports: {} as unknown };
    cache.set(absPath, module);
    const { code } = this.transpile(absPath);
    // The wrapper's own line is not counted (lineOffset -1): V8 reports the generated code's own lines and columns.
    const wrapper = new Script(`(function (exports, require, module, __filename, __dirname) {\n${code}\n})`, {
      filename: absPath,
      lineOffset: -1,
    }).runInThisContext() as (...args: unknown[]) => void;
    wrapper.call(module.exports, module.exports, this.requireFrom(absPath, cache), module, absPath, dirname(absPath));
    return module.exports;
  }

  private requireFrom(from: string, cache: Map<string, { exports: unknown }>): (spec: string) => unknown {
    const nodeRequire = createRequire(from);
    return (spec: string) => {
      if (spec === 'dagsmith') return this.sdk;
      if (spec.startsWith('.') || isAbsolute(spec)) {
        const target = resolveLocal(from, spec);
        if (target && /\.[cm]?tsx?$/.test(target) && !target.endsWith('.d.ts')) return this.load(target, cache);
        return nodeRequire(target ?? spec);
      }
      return nodeRequire(spec);
    };
  }

  private transpile(absPath: string): { code: string; map: SourceMap | undefined } {
    const hit = this.transpiled.get(absPath);
    if (hit) return hit;
    const out = ts.transpileModule(this.readText(absPath), {
      fileName: absPath,
      reportDiagnostics: false,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
        sourceMap: true,
      },
    });
    // Without the URL comment: Node must not go looking for a .map file (we map frames ourselves).
    const code = out.outputText.replace(/\/\/# sourceMappingURL=\S*\s*$/, '');
    const result = { code, map: out.sourceMapText ? new SourceMap(JSON.parse(out.sourceMapText)) : undefined };
    this.transpiled.set(absPath, result);
    return result;
  }
}

/** How long one pipeline file may run; `DAGSMITH_EVAL_TIMEOUT_MS` overrides the 10 s default. */
function evaluationTimeoutMs(): number {
  const fromEnv = Number(process.env.DAGSMITH_EVAL_TIMEOUT_MS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 10_000;
}

/** Resolves a relative import the way the type checker does (bundler resolution, `.js` naming the `.ts` file). */
function resolveLocal(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  const candidates = [
    base,
    base.replace(/\.([cm]?)js$/, '.$1ts'),
    `${base}.ts`,
    `${base}.tsx`,
    `${base}.js`,
    `${base}.json`,
    join(base, 'index.ts'),
    join(base, 'index.js'),
  ];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

/** An error's stack as frames (innermost first): V8's call sites when the stack is not formatted yet, else parsed. */
export function stackFrames(error: unknown): Frame[] {
  if (!(error instanceof Error)) return [];
  type Site = { getFileName(): string | null; getLineNumber(): number | null; getColumnNumber(): number | null };
  const V8 = Error as ErrorConstructor & { prepareStackTrace?: (e: Error, s: Site[]) => unknown };
  const prepare = V8.prepareStackTrace;
  let stack: unknown;
  try {
    V8.prepareStackTrace = (_e, sites) => sites;
    stack = error.stack;
  } finally {
    V8.prepareStackTrace = prepare;
  }
  if (Array.isArray(stack)) {
    return (stack as Site[]).flatMap((s) => {
      const file = s.getFileName();
      const line = s.getLineNumber();
      const col = s.getColumnNumber();
      return file && line && col ? [{ file, line, col }] : [];
    });
  }
  if (typeof stack !== 'string') return [];
  return stack.split('\n').flatMap((l) => {
    const m = /^\s*at (?:.*? \()?(.+?):(\d+):(\d+)\)?\s*$/.exec(l);
    return m ? [{ file: m[1]!, line: Number(m[2]), col: Number(m[3]) }] : [];
  });
}
