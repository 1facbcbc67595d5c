/**
 * "Compiles" means "imports": random pipeline specs derived from the schema (test/property/spec-arbitrary.ts) are
 * compiled for every Airflow target of the harness, and every DAG that compiles is loaded by that target's real
 * Airflow (DagBag, MWAA pins). A spec that compiles but does not import is a bug in dagsmith's checks or emitter.
 *
 * Specs that fail validation are expected (the generator sets mutually exclusive fields at random, among others);
 * they are counted, and every registered step kind must still reach Airflow in some compiled spec.
 *
 * DAGSMITH_FUZZ_RUNS (default 300) specs per target, DAGSMITH_FUZZ_SEED (default below) for the sample;
 * `npm run fuzz:airflow` runs thousands. One DagBag per batch of BATCH files, all batches of a target in one process.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { buildProject } from '../../src/compile/project';
import { kindOf, STEP_KINDS } from '../../src/steps/index';
import type { PipelineIR } from '../../src/ir/types';
import { resolveTarget } from '../../src/targets';
import { AIRFLOW_VERSIONS, airflowPython, HARNESS, makeTemp, parseHarnessJson, removeTemp, runProcess, tail } from '../airflow/harness';
import type { Diagnostic } from '../../src/diagnostics/types';
import { repair } from './repair';
import { pipelineSpec, SQL_FILE } from './spec-arbitrary';

const SEED = Number(process.env.DAGSMITH_FUZZ_SEED ?? 20261130);
const RUNS = Number(process.env.DAGSMITH_FUZZ_RUNS ?? 300);
const BATCH = 500;
const TARGETS = AIRFLOW_VERSIONS;

interface DumpBag {
  folder: string;
  import_errors: Record<string, string>;
  dags: Record<string, { fileloc: string; tasks: { task_id: string }[] }>;
}

describe(`compiles => imports: ${RUNS} random specs per target from the schema, seed ${SEED} @airflow`, function () {
  this.timeout(Math.max(300_000, RUNS * 2_000));
  let dir = '';
  let specs: Record<string, unknown>[] = [];
  before(() => {
    specs = fc.sample(pipelineSpec, { seed: SEED, numRuns: RUNS }).map((spec, i) => ({
      ...spec,
      // Pipeline ids must be unique in a project; the suffix keeps the generated id's own edge cases.
      ...(typeof spec.id === 'string' ? { id: `${spec.id}_${i}` } : {}),
    }));
    dir = makeTemp('fuzz');
  });
  after(() => removeTemp(dir));

  for (const target of TARGETS) {
    it(`Airflow ${target}: every DAG that compiles imports, with every step as a task`, async () => {
      const project = join(dir, target);
      const { res, repairs } = compileWithRepairs(project, target, specs);
      const out = join(project, 'dags');
      const batches: string[] = [];
      res.pipelines.forEach((p, i) => {
        const batch = join(out, `b${Math.floor(i / BATCH)}`);
        if (i % BATCH === 0) {
          mkdirSync(batch, { recursive: true });
          batches.push(batch);
        }
        writeFileSync(join(batch, basename(p.outPath)), p.content);
      });
      const failures: string[] = [];
      const loaded = new Set<string>();
      if (batches.length > 0) {
        const python = airflowPython(target);
        const run = await runProcess(python, [join(HARNESS, 'dagbag_dump.py'), ...batches], { timeoutMs: Math.max(300_000, RUNS * 1_000) });
        // One folder gives one bag; several give {"bags": [...]}.
        const dump = parseHarnessJson<{ bags?: DumpBag[] } & Partial<DumpBag>>(`dagbag_dump.py (Airflow ${target})`, run);
        const bags = dump.bags ?? [dump as DumpBag];
        for (const bag of bags) {
          // The exception, not the traceback: one line per failing file.
          for (const [file, error] of Object.entries(bag.import_errors)) failures.push(`${file}: ${tail(error, 1)}`);
          for (const id of Object.keys(bag.dags)) loaded.add(id);
        }
        const tasksById = new Map(bags.flatMap((b) => Object.entries(b.dags)).map(([id, d]) => [id, d.tasks.length]));
        for (const p of res.pipelines) {
          if (!tasksById.has(p.ir.id)) failures.push(`${p.outPath}: compiled, but Airflow has no DAG '${p.ir.id}'`);
          else if (tasksById.get(p.ir.id) !== taskCount(p.ir, target)) {
            failures.push(
              `${p.outPath}: Airflow has ${tasksById.get(p.ir.id)} tasks, the pipeline ${p.ir.steps.length} steps and ${taskCount(p.ir, target)} tasks`,
            );
          }
        }
      }
      const kinds = new Set(res.pipelines.flatMap((p) => p.ir.steps.map((s) => s.kind)));
      const refused = new Map<string, number>();
      for (const d of res.diagnostics) if (d.severity === 'error') refused.set(d.code, (refused.get(d.code) ?? 0) + 1);
      const top = [...refused.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8)
        .map(([c, n]) => `${c} ${n}`)
        .join(', ');
      console.log(
        `      Airflow ${target}: ${specs.length} specs, ${repairs} repairs, ${res.pipelines.length} compiled, ${loaded.size} imported, ` +
          `${failures.length} failures; kinds compiled: ${kinds.size}/${STEP_KINDS.length}; most frequent refusals: ${top}`,
      );
      expect(failures, `specs that compile but do not import on Airflow ${target} (seed ${SEED})`).to.deep.equal([]);
      // The property means little if hardly anything compiles: each kind must reach Airflow.
      expect(
        [...STEP_KINDS.map((k) => k.kind)].filter((k) => !kinds.has(k)),
        'step kinds that no random spec compiled',
      ).to.deep.equal([]);
      expect(res.pipelines.length, 'compiled specs').to.be.at.least(Math.ceil(specs.length / 10));
    });
  }
});

/** A step's own task plus the tasks its kind adds (an EMR step sensor, a Flink stop teardown). */
function taskCount(ir: PipelineIR, target: string): number {
  const taskIds = new Map(ir.steps.map((s) => [s.id, s.taskId]));
  const ctx = { target: resolveTarget(target), taskIdOf: (id: string) => taskIds.get(id)! };
  return ir.steps.reduce((n, s) => n + 1 + (kindOf(s.kind).extraTasks?.(s.fields, s, ctx).length ?? 0), 0);
}

const fileOf = (i: number) => `pipelines/p${String(i).padStart(5, '0')}.yaml`;

/**
 * Writes the specs as pipeline files of one project (JSON is YAML 1.2, so they go through the YAML loader) and
 * compiles it; refused specs are repaired from their diagnostics and compiled again, a few rounds.
 */
function compileWithRepairs(project: string, target: string, original: readonly Record<string, unknown>[]) {
  const specs = original.map((s) => structuredClone(s));
  mkdirSync(join(project, 'pipelines'), { recursive: true });
  writeFileSync(join(project, 'pipelines', SQL_FILE.name), SQL_FILE.text);
  specs.forEach((spec, i) => writeFileSync(join(project, fileOf(i)), JSON.stringify(spec, null, 1)));
  let repairs = 0;
  for (let round = 0; ; round++) {
    const res = buildProject({ cwd: project, airflow: target });
    if (round === 4) return { res, repairs };
    const byFile = new Map<string, Diagnostic[]>();
    for (const d of res.diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
    let changed = false;
    specs.forEach((spec, i) => {
      const diags = byFile.get(fileOf(i)) ?? [];
      if (!diags.some((d) => d.severity === 'error') || !repair(spec, diags)) return;
      writeFileSync(join(project, fileOf(i)), JSON.stringify(spec, null, 1));
      repairs++;
      changed = true;
    });
    if (!changed) return { res, repairs };
  }
}
