/**
 * The evaluator process's main program. The parent (evaluate.ts) starts it with Node's permission model and no
 * permissions (no file system, no child processes, no workers), no environment variables, code generation from
 * strings disallowed and a heap limit; it is passed as `node -e` source, so it reads no file either.
 *
 * It reads one job (JSON) from stdin and evaluates each pipeline in a fresh `vm` context of its own: no `process`,
 * `require`, timers or dynamic `import`, no `eval`/`Function`, microtasks drained inside the time limit. Modules
 * are compiled once per process (a `vm.Script` runs in any context) and instantiated per context, so each pipeline
 * gets its own dagsmith SDK and its own intrinsics: nothing one pipeline does reaches another.
 *
 * For each pipeline it writes `{"start":i}` and then `{"done":i,"result":...}` as lines to stdout, so that when the
 * process dies (heap exhausted) the parent knows which file it was evaluating. It keeps to the compile's budget
 * (files it has no time left for get `{"kind":"budget"}`), and to its channel: one result is at most `maxChars` long
 * (the harness stops copying past it), and before the output would pass `channelBytes` it writes `{"defer":i}` and
 * ends, so that a new process evaluates the rest. When the last line is written it exits at once: nothing a
 * pipeline queued (a FinalizationRegistry callback, an Atomics.waitAsync timeout) runs after its result is in.
 *
 * Only Node.js built-ins; no import of dagsmith's own modules (this file runs alone).
 */
import { readFileSync, writeSync } from 'node:fs';
import { types } from 'node:util';
import { createContext, Script, type Context } from 'node:vm';

/** What the parent sends; see `SandboxJob` in evaluate.ts. */
interface Job {
  readonly harness: string;
  readonly modules: readonly { readonly id: string; readonly code?: string; readonly json?: string; readonly deps: readonly [string, string][] }[];
  readonly pipelines: readonly { readonly entry: string; readonly modules: readonly string[]; readonly expected?: 'pipeline' | 'test' }[];
  readonly provenance: string;
  readonly timeoutMs: number;
  /** What is left of the compile's evaluation budget when this process starts (ms). */
  readonly budgetMs: number;
  /** How much this process may write to stdout (bytes), all results together. */
  readonly channelBytes: number;
  readonly limits: { readonly maxDepth: number; readonly maxValues: number; readonly maxChars: number };
}

interface Harness {
  define(id: string, depsJson: string, factory: unknown): void;
  defineJson(id: string, text: string): void;
  arm(entry: string, provenance: string, expected?: 'pipeline' | 'test'): void;
}

const job = JSON.parse(readFileSync(0, 'utf8')) as Job;
const startedAt = Date.now();
let written = 0;

// The harness module (CommonJS) evaluated in a context; gives its createHarness.
const harnessScript = new Script(
  `(function () { const exports = {}; const module = { exports }; ${job.harness}\n; return module.exports.createHarness; })()`,
  { filename: 'dagsmith:harness' },
);
const runScript = new Script('globalThis.__dagsmithRun__()', { filename: 'dagsmith:run' });
const sources = new Map(job.modules.map((m) => [m.id, m]));
const compiled = new Map<string, Script>();

function moduleScript(id: string, code: string): Script {
  let script = compiled.get(id);
  if (!script) {
    // The wrapper's own line is not counted (lineOffset -1): V8 reports the generated code's own lines and columns.
    script = new Script(`(function (exports, require, module, __filename, __dirname) {\n${code}\n})`, { filename: id, lineOffset: -1 });
    compiled.set(id, script);
  }
  return script;
}

function emit(event: unknown): void {
  const line = `${JSON.stringify(event)}\n`;
  written += Buffer.byteLength(line);
  writeSync(1, line);
}

function evaluate(pipeline: Job['pipelines'][number], timeoutMs: number): unknown {
  // A global object of no prototype: lookups that miss must not reach this realm's Object (and its Function).
  const context = createContext(Object.create(null) as Context, {
    name: pipeline.entry,
    codeGeneration: { strings: false, wasm: false },
    microtaskMode: 'afterEvaluate',
  });
  // Until `runScript`, only the harness's own code runs in the context (module wrappers are only created).
  const createHarness = harnessScript.runInContext(context) as (limits: Job['limits']) => Harness;
  const harness = createHarness(job.limits);
  for (const id of pipeline.modules) {
    const source = sources.get(id);
    if (source?.json !== undefined) harness.defineJson(id, source.json);
    else if (source?.code !== undefined) harness.define(id, JSON.stringify(source.deps), moduleScript(id, source.code).runInContext(context));
  }
  harness.arm(pipeline.entry, job.provenance, pipeline.expected);
  let result: unknown;
  try {
    result = runScript.runInContext(context, { timeout: timeoutMs });
  } catch (error) {
    // Only this realm's own errors are looked at: anything else may be a pipeline's object (a proxy, a getter).
    if (
      types.isNativeError(error) &&
      !types.isProxy(error) &&
      Object.getOwnPropertyDescriptor(error, 'code')?.value === 'ERR_SCRIPT_EXECUTION_TIMEOUT'
    ) {
      return { kind: 'timeout' };
    }
    return { kind: 'escaped' };
  }
  if (typeof result !== 'string') return { kind: 'escaped' };
  return result.length > job.limits.maxChars ? { kind: 'too-large' } : { kind: 'result', text: result };
}

for (let index = 0; index < job.pipelines.length; index++) {
  const left = job.budgetMs - (Date.now() - startedAt);
  if (left <= 0) {
    emit({ done: index, result: { kind: 'budget', started: false } });
    continue;
  }
  emit({ start: index });
  const timeoutMs = Math.min(job.timeoutMs, left);
  let result = evaluate(job.pipelines[index]!, timeoutMs) as { kind: string; text?: string; started?: boolean };
  if (result.kind === 'timeout' && timeoutMs < job.timeoutMs) result = { kind: 'budget', started: true };
  const line = `${JSON.stringify({ done: index, result })}\n`;
  const bytes = Buffer.byteLength(line);
  // A result that would overflow what the parent reads of this process goes to a new one (where it fits).
  if (index > 0 && written + bytes > job.channelBytes) {
    emit({ defer: index });
    break;
  }
  written += bytes;
  writeSync(1, line);
}
process.exit(0);
