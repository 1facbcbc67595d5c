/** A compile worker thread (started by src/compile/workers.ts): compiles chunks of files until none are left. */
import { workerData } from 'node:worker_threads';
import type { UnitContext, UnitResult } from './unit';
import { loadConfig } from '../config/project-config';
import { varScopeOf } from '../config/environments';
import { compileChunks, hookedResult, type WorkerInput, type WorkerOutput } from './workers';

const input = workerData as WorkerInput;
const counters = new Int32Array(input.shared);
let output: WorkerOutput;
try {
  const results: [number, UnitResult][] = [];
  const config = loadConfig(input.cwd).config;
  const ctx: UnitContext = {
    cwd: input.cwd,
    vars: new Map(input.vars),
    target: input.target,
    outDir: input.outDir,
    ...(config ? { scope: varScopeOf(config, input.env) } : {}),
    ...(input.configFile ? { configFile: input.configFile } : {}),
    ...(input.serverless ? { serverless: input.serverless } : {}),
    ...(input.emit ? {} : { emit: false }),
  };
  compileChunks(ctx, input.files, counters, (i, u) => results.push([i, hookedResult(u, ctx, input.hook)]));
  output = { results };
} catch (err) {
  output = { error: (err as Error).stack ?? String(err) };
}
input.port.postMessage(output);
input.port.close();
Atomics.add(counters, 1, 1);
Atomics.notify(counters, 1);
