// `npm run bench [-- --quick] [--sizes 10,100] [--reps N] [--out FILE]`: what dagsmith costs a user and MWAA.
//  1. compile: N generated pipelines x 20 steps, cold CLI (a new node process, as a user or CI runs it): wall time,
//     per-pipeline cost, peak RSS; then a no-op recompile and a recompile after one file changed; then a cold lint;
//  2. Airflow parse cost of 10 of those DAGs in three forms, in one warm Python process per MWAA target:
//     dagsmith's output, dag-factory (pinned, built from equivalent YAML at parse time) and hand-written Python;
//  3. `dagsmith test` of the examples (tests/), cold CLI, on the oldest and the newest target (--test-targets):
//     one example test (customer_features, 6 tasks) alone and the whole suite; cold = the command's wall time (Node,
//     compile, Airflow's start and warm-up, moto, the runs), warm = a test's own run in a started Airflow.
// Prints a Markdown table and writes the figures as JSON (default .cache/bench.json). Not a test: no thresholds.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { TARGET_VERSIONS } from '../src/targets';
import { DAG_FACTORY_LOADER, dagFactoryYaml, handWrittenDag, STEPS_PER_PIPELINE, writeDagsmithProject } from './bench/generate';

const ROOT = join(__dirname, '..');
const DAG_FACTORY = '1.1.0';
// scripts/setup-python.js is plain CommonJS without types.
const setupPython = require('./setup-python.js') as {
  venvPaths(): Record<string, { python: string; ready: boolean }>;
  cacheDir(): string;
};

interface Options {
  sizes: number[];
  reps: number;
  parseDags: number;
  /** Targets of the `dagsmith test` benchmark; none with --no-test. */
  testTargets: string[];
  out: string;
}

function parseArgs(argv: string[]): Options {
  const quick = argv.includes('--quick');
  const opt: Options = {
    sizes: quick ? [10, 100, 1000] : [10, 100, 1000, 5000],
    reps: quick ? 5 : 15,
    parseDags: 10,
    testTargets: [TARGET_VERSIONS[0]!, TARGET_VERSIONS[TARGET_VERSIONS.length - 1]!],
    out: join(ROOT, '.cache', 'bench.json'),
  };
  for (let i = 0; i < argv.length; i++) {
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${argv[i - 1]} needs a value`);
      return v;
    };
    if (argv[i] === '--sizes') opt.sizes = next().split(',').map(Number);
    else if (argv[i] === '--reps') opt.reps = Number(next());
    else if (argv[i] === '--out') opt.out = next();
    else if (argv[i] === '--test-targets') opt.testTargets = next().split(',');
    else if (argv[i] === '--no-test') opt.testTargets = [];
    else if (argv[i] !== '--quick') throw new Error(`unknown argument ${argv[i]}`);
  }
  if (opt.sizes.some((n) => !Number.isInteger(n) || n < 1) || !(opt.reps >= 1)) throw new Error('sizes and reps must be positive integers');
  return opt;
}

interface CliRun {
  ms: number;
  /** CPU time of the process, every thread (user + system). */
  cpuMs: number;
  peakRssMiB: number;
  stdout: string;
}

/** One cold CLI run: a new node process running bin/dagsmith.js, timed from spawn to exit. */
function cli(cwd: string, args: string[]): CliRun {
  const rssFile = join(cwd, '.bench-rss');
  const t0 = process.hrtime.bigint();
  const res = spawnSync(process.execPath, ['-r', join(__dirname, 'bench', 'rss-probe.js'), join(ROOT, 'bin', 'dagsmith.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, DAGSMITH_BENCH_RSS_FILE: rssFile },
    maxBuffer: 64 * 2 ** 20,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (res.status !== 0) throw new Error(`dagsmith ${args.join(' ')} exited with ${res.status ?? res.signal} in ${cwd}:\n${res.stderr.slice(-2000)}`);
  const probe = JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRssBytes: number; cpuMs: number };
  rmSync(rssFile);
  return { ms, cpuMs: probe.cpuMs, peakRssMiB: probe.maxRssBytes / 2 ** 20, stdout: res.stdout };
}

interface CompileRow {
  pipelines: number;
  steps: number;
  coldMs: number;
  coldCpuMs: number;
  perPipelineMs: number;
  coldRssMiB: number;
  /** A no-op straight after the first compile: every file was written moments ago, so each is hashed. */
  firstNoopMs: number;
  /** A no-op once the files have settled (what a user sees): inputs and outputs are checked by their metadata. */
  noopMs: number;
  noopCpuMs: number;
  oneChangedMs: number;
  oneChangedCpuMs: number;
  /** The largest peak RSS of the four runs. */
  peakRssMiB: number;
  /**
   * `dagsmith lint` of the same project, cold (a new process each time; lint keeps no cache), run LINT_RUNS times:
   * the median run's wall and CPU time, the fastest and slowest wall times, the largest peak RSS.
   */
  lintMs: number;
  lintMinMs: number;
  lintMaxMs: number;
  lintCpuMs: number;
  lintRssMiB: number;
}

/** Issue 17: a cold lint of 1,000 pipelines x 20 steps in at most 1.5 s. */
const LINT_TARGET = { pipelines: 1000, wallMs: 1500 } as const;

/** Cold lints of each project size: the median is reported (and judged against LINT_TARGET). */
const LINT_RUNS = 5;

/** The run of median wall time (the upper middle one of an even count). */
function medianRun(runs: readonly CliRun[]): CliRun {
  return [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)]!;
}

/** Files written less than this long before a compile are hashed, not trusted by their metadata (src/cache). */
const SETTLE_MS = 2100;

function benchCompile(n: number): CompileRow {
  const dir = mkdtempSync(join(tmpdir(), 'dagsmith-bench-'));
  try {
    const pipelines = writeDagsmithProject(dir, n);
    sleep(SETTLE_MS);
    const cold = cli(dir, ['compile']);
    if (!cold.stdout.includes(`compiled ${n} pipeline`)) throw new Error(`unexpected compile output: ${cold.stdout}`);
    const firstNoop = cli(dir, ['compile']);
    sleep(SETTLE_MS);
    cli(dir, ['compile']);
    const noop = cli(dir, ['compile']);
    if (!noop.stdout.includes(`${n} unchanged`)) throw new Error(`a no-op compile should change nothing: ${noop.stdout}`);
    const file = join(dir, 'pipelines', `${pipelines[Math.floor(n / 2)]!.id}.yaml`);
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('description: Ingestion benchmark pipeline', 'description: Ingestion benchmark pipeline, edited'),
    );
    const changed = cli(dir, ['compile']);
    if (!/1 updated/.test(changed.stdout)) throw new Error(`one changed file should update one DAG: ${changed.stdout}`);
    // Lint is judged on the median of several cold runs: one run of a second or so swings by 10% with the machine.
    const lints = Array.from({ length: LINT_RUNS }, () => {
      const run = cli(dir, ['lint']);
      if (!/\d+ errors?, \d+ warnings?\n?$/.test(run.stdout)) throw new Error(`unexpected lint output: ${run.stdout.slice(-500)}`);
      return run;
    });
    const lint = medianRun(lints);
    return {
      pipelines: n,
      steps: n * STEPS_PER_PIPELINE,
      coldMs: cold.ms,
      coldCpuMs: cold.cpuMs,
      perPipelineMs: cold.ms / n,
      coldRssMiB: cold.peakRssMiB,
      firstNoopMs: firstNoop.ms,
      noopMs: noop.ms,
      noopCpuMs: noop.cpuMs,
      oneChangedMs: changed.ms,
      oneChangedCpuMs: changed.cpuMs,
      peakRssMiB: Math.max(cold.peakRssMiB, firstNoop.peakRssMiB, noop.peakRssMiB, changed.peakRssMiB),
      lintMs: lint.ms,
      lintMinMs: Math.min(...lints.map((r) => r.ms)),
      lintMaxMs: Math.max(...lints.map((r) => r.ms)),
      lintCpuMs: lint.cpuMs,
      lintRssMiB: Math.max(...lints.map((r) => r.peakRssMiB)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

interface ParseRow {
  airflow: string;
  dags: number;
  tasks: number;
  dagsmithMs: number;
  handWrittenMs: number;
  dagFactoryMs: number;
}

/** dag-factory, installed without dependencies (Airflow's env has them) into the cache, outside any venv. */
function dagFactoryPath(python: string): string {
  const dir = join(setupPython.cacheDir(), 'bench', `dag-factory-${DAG_FACTORY}`);
  if (!existsSync(join(dir, '.complete'))) {
    rmSync(dir, { recursive: true, force: true });
    const res = spawnSync(python, ['-m', 'pip', 'install', '--quiet', '--no-deps', '--target', dir, `dag-factory==${DAG_FACTORY}`], {
      encoding: 'utf8',
    });
    if (res.status !== 0) throw new Error(`installing dag-factory ${DAG_FACTORY} failed:\n${res.stderr}`);
    writeFileSync(join(dir, '.complete'), '');
  }
  return dir;
}

function benchParse(airflow: string, n: number, reps: number): ParseRow {
  const venv = setupPython.venvPaths()[`airflow-${airflow}`];
  if (!venv?.ready) throw new Error(`the Airflow ${airflow} virtualenv is missing; run npm run setup:python`);
  const dir = mkdtempSync(join(tmpdir(), 'dagsmith-parse-'));
  try {
    const project = join(dir, 'project');
    const pipelines = writeDagsmithProject(project, n);
    cli(project, ['compile', '--airflow', airflow]);
    const forms = { dagsmith: join(project, 'dags-out'), hand_written: join(dir, 'hand'), dag_factory: join(dir, 'factory') };
    mkdirSync(forms.hand_written);
    mkdirSync(forms.dag_factory);
    const major = airflow.startsWith('3.') ? 3 : 2;
    for (const p of pipelines) {
      writeFileSync(join(forms.hand_written, `${p.id}.py`), handWrittenDag(p, major));
      writeFileSync(join(forms.dag_factory, `${p.id}.yaml`), dagFactoryYaml(p));
    }
    writeFileSync(join(forms.dag_factory, 'load_dags.py'), DAG_FACTORY_LOADER);
    const res = spawnSync(
      venv.python,
      [join(ROOT, 'python', 'dagsmith_harness', 'parse_bench.py'), '--reps', String(reps), ...Object.entries(forms).map(([k, v]) => `${k}=${v}`)],
      { encoding: 'utf8', env: { ...process.env, PYTHONPATH: dagFactoryPath(venv.python) }, maxBuffer: 64 * 2 ** 20 },
    );
    if (res.status !== 0) throw new Error(`parse_bench.py (Airflow ${airflow}) exited with ${res.status ?? res.signal}:\n${res.stderr.slice(-3000)}`);
    const out = JSON.parse(res.stdout) as {
      forms: Record<string, { dags: number; tasks: number; median_ms: number; import_errors: Record<string, string> }>;
    };
    for (const [name, f] of Object.entries(out.forms)) {
      if (Object.keys(f.import_errors).length > 0)
        throw new Error(`${name} DAGs fail to import on Airflow ${airflow}: ${JSON.stringify(f.import_errors).slice(0, 2000)}`);
      if (f.dags !== n || f.tasks !== n * STEPS_PER_PIPELINE)
        throw new Error(`${name} on Airflow ${airflow} loaded ${f.dags} DAGs / ${f.tasks} tasks, expected ${n} / ${n * STEPS_PER_PIPELINE}`);
    }
    return {
      airflow,
      dags: n,
      tasks: n * STEPS_PER_PIPELINE,
      dagsmithMs: out.forms.dagsmith!.median_ms,
      handWrittenMs: out.forms.hand_written!.median_ms,
      dagFactoryMs: out.forms.dag_factory!.median_ms,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface TestRow {
  target: string;
  /** `dagsmith test customer_features`: a new CLI process, its wall time. */
  oneColdMs: number;
  /** customer_features' own run in the suite (Airflow started and warmed up). */
  oneWarmS: number;
  oneTasks: number;
  /** `dagsmith test`: every example test, a new CLI process. */
  suiteColdMs: number;
  /** The tests' own runs, summed: the suite once Airflow is up. */
  suiteWarmS: number;
  tests: number;
  perTestS: Record<string, number>;
}

const BENCH_TEST = 'customer_features';

/** `dagsmith test` of the examples in a copy of the project (pipelines, tests, config). */
function benchTest(target: string): TestRow {
  const dir = mkdtempSync(join(tmpdir(), 'dagsmith-bench-test-'));
  try {
    for (const entry of ['pipelines', 'tests', 'dagsmith.config.yaml']) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
    type Result = { status: string; tests: { name: string; status: string; seconds: number; tasks: unknown[] }[] };
    const one = cli(dir, ['test', '--target', target, '--json', BENCH_TEST]);
    const suite = cli(dir, ['test', '--target', target, '--json']);
    const r = JSON.parse(suite.stdout) as Result;
    const failed = r.tests.filter((t) => t.status !== 'passed').map((t) => t.name);
    if (failed.length > 0) throw new Error(`dagsmith test on ${target}: ${failed.join(', ')} did not pass`);
    const mine = r.tests.find((t) => t.name === BENCH_TEST)!;
    return {
      target,
      oneColdMs: one.ms,
      oneWarmS: mine.seconds,
      oneTasks: mine.tasks.length,
      suiteColdMs: suite.ms,
      suiteWarmS: r.tests.reduce((a, t) => a + t.seconds, 0),
      tests: r.tests.length,
      perTestS: Object.fromEntries(r.tests.map((t) => [t.name, t.seconds])),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main(): void {
  const opt = parseArgs(process.argv.slice(2));
  const f = (x: number, d = 0) => x.toFixed(d);
  const lines: string[] = [];
  const say = (s: string) => {
    lines.push(s);
    console.log(s);
  };
  say(`dagsmith benchmark — ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${f(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  say('');
  say(`### Compile (cold CLI, ${STEPS_PER_PIPELINE} steps per pipeline)`);
  say('');
  say(
    `| pipelines | cold compile (wall / CPU) | per pipeline | cold peak RSS | no-op just after | no-op (wall / CPU) | one file changed (wall / CPU) | cold lint, median of ${LINT_RUNS} (wall / CPU) | lint peak RSS |`,
  );
  say('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  const compile: CompileRow[] = [];
  for (const n of opt.sizes) {
    const r = benchCompile(n);
    compile.push(r);
    say(
      `| ${n} | ${f(r.coldMs)} / ${f(r.coldCpuMs)} ms | ${f(r.perPipelineMs, 2)} ms | ${f(r.coldRssMiB)} MiB | ${f(r.firstNoopMs)} ms | ` +
        `${f(r.noopMs)} / ${f(r.noopCpuMs)} ms | ${f(r.oneChangedMs)} / ${f(r.oneChangedCpuMs)} ms | ${f(r.lintMs)} / ${f(r.lintCpuMs)} ms | ${f(r.lintRssMiB)} MiB |`,
    );
  }
  // Issue 17's goal for lint, printed next to what this run measured.
  for (const r of compile.filter((row) => row.pipelines === LINT_TARGET.pipelines)) {
    say('');
    say(
      `cold lint of ${r.pipelines} pipelines x ${STEPS_PER_PIPELINE} steps, median of ${LINT_RUNS}: ${f(r.lintMs)} ms wall ` +
        `(${f(r.lintMinMs)}-${f(r.lintMaxMs)}) / ${f(r.lintCpuMs)} ms CPU; ` +
        `target ≤ ${LINT_TARGET.wallMs} ms wall (issue 17): ${r.lintMs <= LINT_TARGET.wallMs ? 'met' : `not met (${f(r.lintMs / LINT_TARGET.wallMs, 1)}x)`}`,
    );
  }
  say('');
  say(`### Airflow parse cost (${opt.parseDags} DAGs x ${STEPS_PER_PIPELINE} tasks, one warm DagBag load, median of ${opt.reps})`);
  say('');
  say('| Airflow | dagsmith | hand-written | dag-factory ' + DAG_FACTORY + ' | dagsmith / hand-written | dag-factory / dagsmith |');
  say('|---|---:|---:|---:|---:|---:|');
  const parse: ParseRow[] = [];
  for (const airflow of TARGET_VERSIONS) {
    const r = benchParse(airflow, opt.parseDags, opt.reps);
    parse.push(r);
    say(
      `| ${airflow} | ${f(r.dagsmithMs, 1)} ms | ${f(r.handWrittenMs, 1)} ms | ${f(r.dagFactoryMs, 1)} ms | ${f(r.dagsmithMs / r.handWrittenMs, 2)}x | ${f(r.dagFactoryMs / r.dagsmithMs, 2)}x |`,
    );
  }
  const test: TestRow[] = [];
  if (opt.testTargets.length > 0) {
    say('');
    say(`### \`dagsmith test\` of the examples (cold CLI; warm = the test's own run once Airflow is up), seconds`);
    say('');
    say(`| Airflow | ${BENCH_TEST} alone, cold | ${BENCH_TEST} warm | whole suite, cold | whole suite, warm (sum of runs) | tests |`);
    say('|---|---:|---:|---:|---:|---:|');
    for (const target of opt.testTargets) {
      const r = benchTest(target);
      test.push(r);
      say(
        `| ${target} | ${f(r.oneColdMs / 1000, 1)} | ${f(r.oneWarmS, 1)} (${r.oneTasks} tasks) | ${f(r.suiteColdMs / 1000, 1)} | ${f(r.suiteWarmS, 1)} | ${r.tests} |`,
      );
    }
  }
  mkdirSync(dirname(opt.out), { recursive: true });
  writeFileSync(
    opt.out,
    JSON.stringify(
      { machine: { cores: cpus().length, memGiB: totalmem() / 2 ** 30, node: process.version }, options: opt, compile, parse, test },
      null,
      2,
    ) + '\n',
  );
  say('');
  say(`figures written to ${opt.out}`);
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, lines.join('\n') + '\n');
}

main();
