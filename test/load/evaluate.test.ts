/**
 * The evaluator's isolation itself, below the loader's static checks (DS113, DS114): modules given to it as
 * JavaScript try to reach the process, Node's module system and timers, and to escape through V8's stack API.
 */
import { expect } from 'chai';
import { evaluateInSandbox, sandboxLimits, type Evaluation } from '../../src/load/evaluate';
import { ownModules } from '../../src/load/sandbox/own-modules';

const ENTRY = '/project/pipelines/a.ts';

/** Evaluates one CommonJS module (the pipeline), which may import only 'dagsmith'. */
function evaluate(code: string, timeoutMs = 2000): Evaluation {
  const module = { id: ENTRY, code, deps: [['dagsmith', ownModules().sdkEntry]] as [string, string][] };
  return evaluateInSandbox([module], [{ entry: ENTRY, modules: [ENTRY] }], { ...sandboxLimits(), timeoutMs })[0]!;
}

/** A pipeline whose description is `expr` (evaluated in the sandbox), so the test can read what the code saw. */
function reporting(setup: string, expr: string): string {
  return `const { definePipeline, glue } = require('dagsmith');\n${setup}\nexports.default = definePipeline({ id: 'a', description: JSON.stringify(${expr}), steps: [glue.job({ id: 'a', job: 'a' })] });`;
}

function description(result: Evaluation): unknown {
  expect(result.kind, JSON.stringify(result)).to.equal('pipeline');
  return JSON.parse((result as { data: { description: string } }).data.description);
}

describe('evaluateInSandbox', function () {
  this.timeout(60_000);

  it('gives a pipeline no Node.js globals, no timers and no module system', () => {
    const names = [
      'process',
      'require',
      'Buffer',
      'global',
      'setTimeout',
      'setInterval',
      'setImmediate',
      'queueMicrotask',
      'fetch',
      'structuredClone',
      'WebAssembly',
    ];
    const seen = description(evaluate(reporting('', `${JSON.stringify(names)}.map((n) => [n, typeof globalThis[n]])`)));
    expect(seen).to.deep.equal(names.map((n) => [n, n === 'WebAssembly' ? 'object' : 'undefined']));
  });

  it("refuses require() of anything it was not given, such as 'child_process'", () => {
    const result = evaluate("require('child_process').execSync('id > PWNED');");
    expect(result).to.deep.include({
      kind: 'threw',
      what: "Error: cannot import 'child_process': a pipeline may import only 'dagsmith' and the project's own TypeScript and JSON files, by name (no computed or dynamic imports)",
    });
  });

  it('compiles no code from strings: eval, Function, constructor.constructor, WebAssembly', () => {
    const attempts = [
      "eval('1')",
      "Function('return this')()",
      "({}).constructor.constructor('return process')()",
      "globalThis.constructor.constructor('return process')()",
      "(async () => {}).constructor('return 1')",
      'new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]))',
    ];
    const tries = attempts.map((a) => `() => ${a}`).join(', ');
    const setup = `const results = [${tries}].map((f) => { try { f(); return 'ran'; } catch (e) { return e.name + ': ' + e.message; } });`;
    const seen = description(evaluate(reporting(setup, 'results')));
    expect(seen).to.have.length(attempts.length);
    for (const r of seen as string[])
      expect(r).to.match(
        /^(EvalError: Code generation from strings disallowed for this context|CompileError: WebAssembly.Module\(\): Wasm code generation disallowed by embedder)$/,
      );
  });

  it("reaches no function of the evaluator's realm through V8's stack API (CallSite getThis/getFunction)", () => {
    const setup = `
      Error.prepareStackTrace = (_e, sites) => sites;
      const sites = (function sloppy() { return new Error().stack; })();
      const reached = [];
      for (const s of sites) {
        for (const v of [s.getThis(), s.getFunction()]) {
          if (v === undefined || v === null) continue;
          try { reached.push(typeof v.constructor.constructor('return process')()); } catch (e) { reached.push(e.name); }
        }
      }`;
    const seen = description(evaluate(reporting(setup, 'reached'))) as string[];
    expect(seen.filter((r) => r !== 'EvalError')).to.deep.equal([]);
  });

  it('stops Atomics.wait at the time limit', () => {
    const result = evaluate('Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);', 300);
    expect(result).to.deep.equal({ kind: 'timeout', ms: 300 });
  });

  it('evaluates each file in a fresh context: globals and prototypes one file changes are not seen by the next', () => {
    const b = '/project/pipelines/b.ts';
    const deps = [['dagsmith', ownModules().sdkEntry]] as [string, string][];
    const modules = [
      {
        id: ENTRY,
        code: reporting(
          "globalThis.leak = 1; Object.prototype.polluted = 'yes'; Array.prototype.push = () => 0;",
          '[typeof globalThis.leak, ({}).polluted]',
        ),
        deps,
      },
      { id: b, code: reporting('', '[typeof globalThis.leak, ({}).polluted, [1].concat([2]).length]'), deps },
    ];
    const [first, second] = evaluateInSandbox(modules, [
      { entry: ENTRY, modules: [ENTRY] },
      { entry: b, modules: [b] },
    ]);
    expect(description(first!)).to.deep.equal(['number', 'yes']);
    expect(description(second!)).to.deep.equal(['undefined', null, 2]);
  });

  it('blames a crash (here a real SIGSEGV) on the file being evaluated, and evaluates the files after it in a new process', () => {
    const deps = [['dagsmith', ownModules().sdkEntry]] as [string, string][];
    const ids = ['/project/pipelines/a.ts', '/project/pipelines/b.ts', '/project/pipelines/c.ts'];
    const modules = [
      { id: ids[0]!, code: reporting('', "'a'"), deps },
      { id: ids[1]!, code: 'function down(n) { return down(n + 1) + 1; }\ndown(0);', deps },
      { id: ids[2]!, code: reporting('', "'c'"), deps },
    ];
    // Past the OS stack (8 MiB here), deep recursion overflows the real stack before V8 notices.
    const results = evaluateInSandbox(
      modules,
      ids.map((id) => ({ entry: id, modules: [id] })),
      { ...sandboxLimits(), stackSizeKb: 60_000 },
    );
    expect(description(results[0]!)).to.equal('a');
    expect(results[1]).to.deep.equal({ kind: 'crashed', how: 'was killed by SIGSEGV' });
    expect(description(results[2]!)).to.equal('c');
  });
});

describe('evaluateInSandbox: bounded, also after the results are in (issue 16, findings 3 and 4)', function () {
  this.timeout(120_000);
  const deps = [['dagsmith', ownModules().sdkEntry]] as [string, string][];
  const many = (codes: readonly string[]) => {
    const modules = codes.map((code, i) => ({ id: `/project/pipelines/p${i}.ts`, code, deps }));
    return { modules, requests: modules.map((m) => ({ entry: m.id, modules: [m.id] })) };
  };
  const trivial = reporting('', "'ok'");

  it('runs no FinalizationRegistry callback once the results are copied: 7 files answer at once, not at the backstop', () => {
    // A registry kept alive on the global, whose targets die in a full GC while the file runs: V8 queues its cleanup
    // task, which would run (and never end) once the evaluator's loop is idle, after every result is in.
    const finalizer = reporting(
      `globalThis.keep = new FinalizationRegistry(() => { for (;;) {} });
       for (let i = 0; i < 20000; i++) globalThis.keep.register({ i }, i);
       let big = []; for (let k = 0; k < 16; k++) { big.push(new Array(1e6).fill(k)); if (big.length > 10) big = []; } big = null;`,
      "'ok'",
    );
    const { modules, requests } = many(Array(7).fill(finalizer));
    const started = Date.now();
    // The backstop for 7 files at 10 s each (the default limit) is 10 s + 8 x 10 s = 90 s.
    const results = evaluateInSandbox(modules, requests, { ...sandboxLimits(), timeoutMs: 10_000 });
    const ms = Date.now() - started;
    expect(results.map((r) => r.kind)).to.deep.equal(Array(7).fill('pipeline'));
    expect(ms, 'the evaluator exits as soon as the last result is written').to.be.below(45_000);
  });

  it('stops at the budget of the whole compile: the files not evaluated are named, not evaluated', () => {
    const busy = reporting('const t = Date.now(); while (Date.now() - t < 1200) {}', "'slow'");
    const { modules, requests } = many([busy, busy, busy, busy, busy]);
    const results = evaluateInSandbox(modules, requests, { ...sandboxLimits(), timeoutMs: 5000, budgetMs: 3000 });
    const kinds = results.map((r) => r.kind);
    // Two files fit in 3 s; the third is cut short by the budget; the last two are not started.
    expect(kinds.slice(0, 2)).to.deep.equal(['pipeline', 'pipeline']);
    expect(kinds.slice(2)).to.deep.equal(['budget', 'budget', 'budget']);
    expect(results[2]).to.deep.equal({ kind: 'budget', ms: 3000, started: true });
    expect(results[4]).to.deep.equal({ kind: 'budget', ms: 3000, started: false });
  });

  it('bounds the result channel: a pipeline whose data is too large is a result at that file, not an internal error', () => {
    // 300 MiB of JSON (one 100 kB string, 3000 times): more than the channel holds (it was exit 70, an internal error).
    const huge = reporting('const s = "x".repeat(100000);', 'Array.from({ length: 3000 }, () => s)');
    const { modules, requests } = many([trivial, huge, trivial]);
    const results = evaluateInSandbox(modules, requests, { ...sandboxLimits(), timeoutMs: 20_000 });
    expect(results[0]!.kind).to.equal('pipeline');
    expect(results[1]!.kind).to.equal('too-large');
    expect(results[2]!.kind).to.equal('pipeline');
  });

  it('hands the files after a full channel to a new process: every result arrives, whole', () => {
    // Each result about 0.9 MiB; a process writes at most 2 MiB, so these six take three processes.
    const sized = reporting('const s = "y".repeat(900000);', 's');
    const { modules, requests } = many(Array(6).fill(sized));
    const results = evaluateInSandbox(modules, requests, { ...sandboxLimits(), maxResultChars: 2 ** 20, channelBytes: 2 * 2 ** 20 });
    expect(results.map((r) => r.kind)).to.deep.equal(Array(6).fill('pipeline'));
    for (const r of results) expect((description(r) as string).length).to.equal(900000);
  });
});
