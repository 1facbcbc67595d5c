// `npm run bench:test-runner [-- --targets 2.10.3,3.3.1] [--warm N] [--out FILE]`: what one `dagsmith test` of an
// example costs, per MWAA target. For each target: a moto server and a new runner process (cold: the process start
// until it is ready, then the first run), then N more runs of the same test in that process (warm). The test is
// customer_features (6 tasks: S3 sensor, Glue crawler, Glue job, Athena, two Redshift Data loads) for 2026-03-01.
// Prints a Markdown table and writes the figures as JSON (default .cache/bench-test-runner.json). Not a test: no
// thresholds (the target is <= 15 s warm on a 2-core machine).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildProject } from '../src/compile/project';
import { resolveTarget, TARGET_VERSIONS } from '../src/targets';
import { accountFor, mergeGiven } from '../src/test-runner/account';
import { TestRunner } from '../src/test-runner/engine';
import { startMotoServer } from '../src/test-runner/moto-server';
import { allowedClassesFor } from '../src/test-runner/operators';
import type { RunRequest, RunResult } from '../src/test-runner/protocol';

const ROOT = join(__dirname, '..');
const PIPELINE = 'customer_features';
// scripts/setup-python.js is plain CommonJS without types.
const setupPython = require('./setup-python.js') as { venvPaths(): Record<string, { python: string; ready: boolean }> };

interface Row {
  target: string;
  tasks: number;
  readyS: number;
  firstRunS: number;
  coldS: number;
  warmS: number[];
  warmMedianS: number;
  warmRunner: Record<string, number>;
}

function parseArgs(argv: string[]) {
  const opt = { targets: [...TARGET_VERSIONS], warm: 3, out: join(ROOT, '.cache', 'bench-test-runner.json') };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i + 1];
    if (argv[i] === '--targets' && v) opt.targets = v.split(',');
    else if (argv[i] === '--warm' && v) opt.warm = Number(v);
    else if (argv[i] === '--out' && v) opt.out = v;
    else throw new Error(`unknown argument ${argv[i]}`);
    i++;
  }
  return opt;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const seconds = (t0: number) => (performance.now() - t0) / 1000;

function check(res: RunResult): void {
  if (res.status !== 'ran' || res.dagRunState !== 'success') {
    throw new Error(
      `the benchmark run did not succeed: ${JSON.stringify({ ...res, log: undefined, calls: undefined }).slice(0, 3000)}\n${(res.log ?? '').slice(-3000)}`,
    );
  }
}

async function benchTarget(target: string, warm: number, scratch: string): Promise<Row> {
  const venv = setupPython.venvPaths()[`airflow-${target}`];
  const moto = setupPython.venvPaths().moto;
  if (!venv?.ready || !moto?.ready) throw new Error(`the Airflow ${target} or moto virtualenv is missing; run npm run setup:python`);
  const built = buildProject({ cwd: ROOT, airflow: target, files: [`pipelines/${PIPELINE}.yaml`] });
  const p = built.pipelines[0]!;
  const file = join(scratch, target, `${PIPELINE}.py`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, p.content);
  const server = await startMotoServer(join(dirname(moto.python), 'moto_server'));
  let runner: TestRunner | undefined;
  try {
    const request = (n: number): RunRequest => ({
      id: `bench-${n}`,
      dagFile: file,
      dagId: PIPELINE,
      logicalDate: '2026-03-01',
      moto: server.endpoint,
      allowedClasses: allowedClassesFor(p.ir, resolveTarget(target)),
      given: mergeGiven(accountFor(p.ir), { s3: [{ bucket: 'acme-raw-dev', key: 'events/2026-03-01/_SUCCESS', body: '' }] }),
    });
    let t0 = performance.now();
    runner = await TestRunner.start({ python: venv.python });
    const readyS = seconds(t0);
    t0 = performance.now();
    const first = await runner.run(request(0));
    const firstRunS = seconds(t0);
    check(first);
    const warmS: number[] = [];
    let last: RunResult = first;
    for (let i = 1; i <= warm; i++) {
      t0 = performance.now();
      last = await runner.run(request(i));
      warmS.push(seconds(t0));
      check(last);
    }
    return {
      target,
      tasks: last.status === 'ran' ? (last.tasks?.length ?? 0) : 0,
      readyS,
      firstRunS,
      coldS: readyS + firstRunS,
      warmS,
      warmMedianS: median(warmS),
      warmRunner: { ...(last.seconds ?? {}) },
    };
  } finally {
    await runner?.close();
    await server.stop();
  }
}

async function main(): Promise<void> {
  const opt = parseArgs(process.argv.slice(2));
  const scratch = mkdtempSync(join(tmpdir(), 'dagsmith-bench-runner-'));
  const rows: Row[] = [];
  try {
    for (const target of opt.targets) {
      process.stderr.write(`bench: Airflow ${target}...\n`);
      rows.push(await benchTarget(target, opt.warm, scratch));
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const f = (x: number) => x.toFixed(1);
  console.log(`\n\`dagsmith test\` engine, ${PIPELINE} (${rows[0]?.tasks ?? '?'} tasks), ${cpus().length} cores; seconds\n`);
  console.log('| Airflow | runner start | first run | cold total | warm runs | warm median | warm: seed / run / collect |');
  console.log('|---|---:|---:|---:|---|---:|---|');
  for (const r of rows) {
    const w = r.warmRunner;
    console.log(
      `| ${r.target} | ${f(r.readyS)} | ${f(r.firstRunS)} | ${f(r.coldS)} | ${r.warmS.map(f).join(', ')} | ${f(r.warmMedianS)} | ${f(w.seed ?? 0)} / ${f(w.run ?? 0)} / ${f(w.collect ?? 0)} |`,
    );
  }
  mkdirSync(dirname(opt.out), { recursive: true });
  writeFileSync(opt.out, `${JSON.stringify({ pipeline: PIPELINE, cores: cpus().length, rows }, null, 2)}\n`);
}

main().catch((err) => {
  console.error(`bench-test-runner: ${(err as Error).message}`);
  process.exit(1);
});
