/**
 * Use case: `dagsmith test`. Loads the test files (tests/*.test.yaml, *.test.ts), compiles the pipelines they name
 * for their target and environment, checks each test against its pipeline, then runs each one with dag.test() in
 * the target's real Airflow against a local moto server (src/test-runner/), checks its expectations and writes its
 * SQL snapshots when asked. Airflow and moto start while the tests load and the pipelines compile. Prints nothing:
 * progress goes to `onProgress`, everything else is in the result.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProject } from '../compile/project';
import { loadConfig } from '../config/project-config';
import { makeDiagnostic } from '../diagnostics/diagnostic';
import type { Code } from '../diagnostics/codes';
import { ConfigError, UsageError, type Diagnostic, type JsonPath } from '../diagnostics/types';
import type { PipelineIR } from '../ir/types';
import type { Locator } from '../diagnostics/reporter';
import { resolveTarget, type AirflowTarget } from '../targets';
import { accountFor, mergeGiven } from '../test-runner/account';
import { changeReport, type ChangeReport } from '../test-runner/changes';
import { RunnerError } from '../test-runner/engine';
import { discoverTestFiles, loadTests, TESTS_DIR } from '../test-runner/load-tests';
import { allowedClassesFor } from '../test-runner/operators';
import { RunnerPool, type PoolEvent } from '../test-runner/pool';
import type { Adjustment, OutcomeUse, RunRequest, RunResult, RunResultRan } from '../test-runner/protocol';
import { readSnapshot, snapshotPath, SnapshotError, writeSnapshot } from '../test-runner/snapshots';
import { checkTestAgainstPipeline, refusedOperatorDiagnostics, tasksOf } from '../test-runner/test-check';
import { testNameOf, type TestSpec } from '../test-runner/test-file';
import { mappedState, verdict, type Failure, type SnapshotText } from '../test-runner/verdict';
import { didYouMean } from '../util/suggest';

/** For a process stopped by a signal: ends the virtualenv installs in flight. */
export { stopInstalls } from '../test-runner/venvs';

export interface TestOptions {
  readonly cwd: string;
  /** Test names (`customer_features`, `landing/late_batch`) or test file paths; default: every test under tests/. */
  readonly names?: readonly string[];
  /** The Airflow version to run on (overrides the environments' and the config's). */
  readonly target?: string;
  /** The environment of tests that name none. */
  readonly env?: string;
  /** Write the SQL snapshots that are missing or differ instead of failing. */
  readonly updateSnapshots?: boolean;
  /** Classes of `airflow.operator` steps that may run, besides the config's test.allowOperators. */
  readonly allowOperators?: readonly string[];
  /** false: load, compile and check the tests, run nothing (no Python). Default true. */
  readonly run?: boolean;
  readonly onProgress?: (event: TestProgress) => void;
}

export type TestProgress =
  | PoolEvent
  | { readonly type: 'loaded'; readonly tests: number; readonly files: number; readonly targets: readonly string[] }
  /** The tests are loaded and checked against their pipelines (the problems found so far), before any runs. */
  | { readonly type: 'checked'; readonly diagnostics: readonly Diagnostic[]; readonly runnable: number }
  | { readonly type: 'test-start'; readonly name: string; readonly pipeline: string; readonly target: string }
  | { readonly type: 'test-done'; readonly outcome: TestOutcome };

export interface TaskLine {
  readonly taskId: string;
  /** Airflow's state; `none` for a task that never got an instance. */
  readonly state: string;
  /** Seconds. */
  readonly duration: number | null;
  readonly tries: number;
}

export interface TestOutcome {
  readonly name: string;
  readonly file: string;
  readonly pipeline: string;
  readonly date: string;
  readonly env: string | undefined;
  readonly target: string;
  /** passed; failed (an expectation did not hold, or the run took too long); error (it could not run). */
  readonly status: 'passed' | 'failed' | 'error';
  /** Whether it ran (a test with errors in its file or its pipeline does not; with `run: false` none does). */
  readonly ran: boolean;
  readonly seconds: number;
  readonly tasks: readonly TaskLine[];
  /** What the run changed and started in the emulated AWS (absent when it did not run). */
  readonly changes?: ChangeReport;
  /** Declared or default outcomes of what the emulator cannot run, as used. */
  readonly outcomes: readonly OutcomeUse[];
  readonly adjustments: readonly Adjustment[];
  readonly failures: readonly Failure[];
  /** Why it could not run (refusals, setup errors, timeouts), as diagnostics at the test file. */
  readonly problems: readonly Diagnostic[];
  readonly snapshotsWritten: readonly string[];
  /** The tail of the run's log when it did not pass (untrusted text). */
  readonly log?: string;
  readonly airflowVersion?: string;
}

export interface TestResult {
  /** invalid: some input has errors (diagnostics); no-tests: there is no test file. */
  readonly status: 'passed' | 'failed' | 'invalid' | 'no-tests';
  readonly tests: readonly TestOutcome[];
  /** Problems of the test files, the config and the pipelines they use. */
  readonly diagnostics: readonly Diagnostic[];
  /** The test files found (project-relative). */
  readonly files: readonly string[];
  readonly targets: readonly string[];
  readonly seconds: number;
}

interface Compiled {
  readonly ir: PipelineIR;
  readonly dagFile: string;
}

/** One compile of the project per environment and target the tests need. */
interface Build {
  readonly target: AirflowTarget;
  readonly pipelines: ReadonlyMap<string, Compiled>;
  readonly errors: number;
}

export async function testProject(opts: TestOptions): Promise<TestResult> {
  const started = Date.now();
  const { config, diagnostics: configDiags } = loadConfig(opts.cwd);
  if (!config) throw new ConfigError(configDiags);
  if (opts.env !== undefined && !config.environments.has(opts.env)) {
    const names = [...config.environments.keys()];
    const hint = didYouMean(opts.env, names);
    throw new UsageError(`unknown environment '${opts.env}'${hint ? ` (${hint})` : ''}; dagsmith.config.yaml defines: ${names.join(', ') || 'none'}`);
  }
  if (opts.target !== undefined) resolveTarget(opts.target);
  const found = discoverTestFiles(opts.cwd);
  const files = opts.names?.length ? selectFiles(found.files, opts.names) : found.files;
  const seconds = () => (Date.now() - started) / 1000;
  if (files.length === 0 && found.diagnostics.length === 0)
    return { status: 'no-tests', tests: [], diagnostics: [], files: [], targets: [], seconds: seconds() };

  const loaded = loadTests({ cwd: opts.cwd, config, files, ...(opts.env !== undefined ? { defaultEnv: opts.env } : {}) });
  const diagnostics: Diagnostic[] = [...found.diagnostics, ...loaded.diagnostics];
  const targetOf = (t: TestSpec) => opts.target ?? (t.env !== undefined ? config.environments.get(t.env)?.airflow : undefined) ?? config.airflow;
  const targets = [...new Set(loaded.tests.map(targetOf))].sort();
  opts.onProgress?.({ type: 'loaded', tests: loaded.tests.length, files: files.length, targets });

  const run = opts.run !== false && loaded.tests.length > 0;
  const pool = run ? new RunnerPool({ onEvent: (e) => opts.onProgress?.(e) }) : undefined;
  // Airflow imports and warms up, and moto starts, while the pipelines compile.
  if (pool) {
    pool.motoServer().catch(() => undefined);
    for (const t of targets) pool.start(t).catch(() => undefined);
  }
  const scratch = mkdtempSync(join(tmpdir(), 'dagsmith-test-'));
  try {
    const allow = [...new Set([...(config.test?.allowOperators ?? []), ...(opts.allowOperators ?? [])])];
    const builds = new Map<string, Build>();
    /** `<target> <pipeline id>` -> DS700 at the pipeline's steps whose class a test would refuse. */
    const refusedPipelines = new Map<string, Diagnostic[]>();
    const runnable: { test: TestSpec; build: Build; compiled: Compiled; snapshots: ReadonlyMap<string, SnapshotText> }[] = [];
    for (const test of loaded.tests) {
      const build = buildFor(opts.cwd, test.env, targetOf(test), builds, scratch, diagnostics, allow, refusedPipelines);
      const checked = checkTestAgainstPipeline(test, new Map([...build.pipelines].map(([id, c]) => [id, c.ir])), build.target);
      const diags: Diagnostic[] = checked.diagnostics.map((d) =>
        d.code === 'DS714' && build.errors > 0
          ? { ...d, message: `${d.message} that compiles (${build.errors} errors in pipeline files, above)` }
          : d,
      );
      diagnostics.push(...diags);
      const snapshots = readSnapshots(opts.cwd, test, diags);
      diagnostics.push(...diags.slice(checked.diagnostics.length));
      if (!checked.ir || diags.some((d) => d.severity === 'error') || refusedPipelines.has(`${build.target.version} ${checked.ir.id}`)) continue;
      runnable.push({ test, build, compiled: build.pipelines.get(checked.ir.id)!, snapshots });
    }
    opts.onProgress?.({ type: 'checked', diagnostics, runnable: runnable.length });
    const ran = new Map<string, TestOutcome>();
    if (pool) {
      for (const r of runnable) {
        const outcome = await runOne(opts, pool, r, allow);
        ran.set(r.test.file, outcome);
        opts.onProgress?.({ type: 'test-done', outcome });
      }
    }
    // Every test file has an outcome, in file order: the ones that did not run say why (their diagnostics).
    const specs = new Map(loaded.tests.map((t) => [t.file, t]));
    const blockedBy = new Map(runnable.map((r) => [r.test.file, r]));
    const outcomes = files.map(
      (file) =>
        ran.get(file) ??
        notRunOutcome(
          file,
          specs.get(file),
          diagnostics,
          specs.get(file) ? targetOf(specs.get(file)!) : (opts.target ?? config.airflow),
          blockedBy.has(file),
          refusedPipelines,
        ),
    );
    const invalid =
      diagnostics.some((d) => d.severity === 'error') || outcomes.some((o) => o.problems.some((p) => p.severity === 'error' && p.code !== 'DS709'));
    const status = invalid ? 'invalid' : outcomes.every((o) => o.status === 'passed') ? 'passed' : 'failed';
    return { status, tests: outcomes, diagnostics, files, targets, seconds: seconds() };
  } finally {
    await pool?.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * The outcome of a test file that did not run: its own errors, and those of its pipeline's file (a class that would be
 * refused, compile errors). `checked`: it passed every check and was not run because `run` was false.
 */
function notRunOutcome(
  file: string,
  spec: TestSpec | undefined,
  diagnostics: readonly Diagnostic[],
  target: string,
  checked: boolean,
  refusals: ReadonlyMap<string, readonly Diagnostic[]>,
): TestOutcome {
  const own = diagnostics.filter((d) => d.file === file);
  const theirs = spec ? (refusals.get(`${target} ${spec.pipeline}`) ?? []) : [];
  return {
    name: testNameOf(TESTS_DIR, file),
    file,
    pipeline: spec?.pipeline ?? '',
    date: spec?.date ?? '',
    env: spec?.env,
    target,
    status: checked ? 'passed' : 'error',
    ran: false,
    seconds: 0,
    tasks: [],
    outcomes: [],
    adjustments: [],
    failures: [],
    problems: [...own, ...theirs],
    snapshotsWritten: [],
  };
}

/** The test files the command line names: by test name or by path; an unknown one is a usage error. */
function selectFiles(files: readonly string[], names: readonly string[]): string[] {
  const byName = new Map(files.map((f) => [testNameOf(TESTS_DIR, f), f]));
  const out = new Set<string>();
  for (const raw of names) {
    const name = raw.replace(/^\.\//, '');
    const file = byName.get(name) ?? (files.includes(name) ? name : undefined);
    if (file) {
      out.add(file);
      continue;
    }
    const hint = didYouMean(name, [...byName.keys()]);
    throw new UsageError(
      `no test '${raw}'${hint ? ` (${hint})` : ''}; ${byName.size ? `tests: ${[...byName.keys()].join(', ')}` : `there are no test files under ${TESTS_DIR}/`}`,
    );
  }
  return files.filter((f) => out.has(f));
}

/** Compiles the project once per (environment, target) and writes its DAG files to a scratch folder. */
function buildFor(
  cwd: string,
  env: string | undefined,
  version: string,
  builds: Map<string, Build>,
  scratch: string,
  diagnostics: Diagnostic[],
  allow: readonly string[],
  refused: Map<string, Diagnostic[]>,
): Build {
  const key = `${env ?? ''}\0${version}`;
  const cached = builds.get(key);
  if (cached) return cached;
  const project = buildProject({ cwd, airflow: version, ...(env !== undefined ? { env } : {}) });
  const errors = project.diagnostics.filter((d) => d.severity === 'error');
  diagnostics.push(...errors);
  const dir = join(scratch, `dags-${builds.size}`);
  mkdirSync(dir, { recursive: true });
  const locators = new Map<string, Locator>(project.irs.map((x) => [x.ir.id, x.spec.locator]));
  const pipelines = new Map<string, Compiled>();
  for (const p of project.pipelines) {
    const dagFile = join(dir, `${p.ir.id}.py`);
    writeFileSync(dagFile, p.content);
    pipelines.set(p.ir.id, { ir: p.ir, dagFile });
    const locator = locators.get(p.ir.id);
    const refusals = locator ? refusedOperatorDiagnostics(p.ir, locator, project.target, allow) : [];
    if (refusals.length > 0) {
      refused.set(`${project.target.version} ${p.ir.id}`, refusals);
      diagnostics.push(...refusals);
    }
  }
  const build: Build = { target: project.target, pipelines, errors: errors.length };
  builds.set(key, build);
  return build;
}

/** The snapshots of a test's `snapshot: true` SQL expectations, read before it runs (DS726 into `diagnostics`). */
function readSnapshots(cwd: string, test: TestSpec, diagnostics: Diagnostic[]): Map<string, SnapshotText> {
  const snapshots = new Map<string, SnapshotText>();
  for (const sql of test.expect.sql) {
    if (!sql.snapshot) continue;
    try {
      snapshots.set(sql.taskId, readSnapshot(cwd, snapshotPath(test.name, sql.taskId)));
    } catch (err) {
      if (!(err instanceof SnapshotError)) throw err;
      diagnostics.push(makeDiagnostic('DS726', test.file, test.locate(sql.path, 'key'), `snapshot ${err.file}: ${err.message}`, { path: sql.path }));
    }
  }
  return snapshots;
}

async function runOne(
  opts: TestOptions,
  pool: RunnerPool,
  r: { readonly test: TestSpec; readonly build: Build; readonly compiled: Compiled; readonly snapshots: ReadonlyMap<string, SnapshotText> },
  allow: readonly string[],
): Promise<TestOutcome> {
  const { test, compiled } = r;
  const target = r.build.target;
  opts.onProgress?.({ type: 'test-start', name: test.name, pipeline: test.pipeline, target: target.version });
  // A test's time is its run's: the runner's start and warm-up (shared by the suite) are not part of it.
  await pool.ready(target.version).catch((err: unknown) => {
    if (!(err instanceof RunnerError)) throw err;
  });
  const started = Date.now();
  const { ir } = compiled;
  const request: Omit<RunRequest, 'moto'> = {
    id: test.name,
    dagFile: compiled.dagFile,
    dagId: ir.id,
    logicalDate: test.date,
    region: ir.defaults.region ?? 'us-east-1',
    allowedClasses: allowedClassesFor(ir, target, allow),
    given: mergeGiven(accountFor(ir), test.given),
    outcomes: test.outcomes,
    limits: test.limits,
    retries: test.retries,
    ...(test.conf ? { conf: test.conf } : {}),
  };
  const base = {
    name: test.name,
    file: test.file,
    pipeline: test.pipeline,
    date: test.date,
    env: test.env,
    target: target.version,
    ran: true,
  };
  const seconds = () => (Date.now() - started) / 1000;
  let result: RunResult;
  try {
    result = await pool.run(target.version, request);
  } catch (err) {
    // No Python or a failed install (VenvError) ends the whole run: no test can run without it.
    if (!(err instanceof RunnerError)) throw err;
    const message = `the test runner failed: ${err.message}`;
    return {
      ...base,
      status: 'error',
      seconds: seconds(),
      tasks: [],
      outcomes: [],
      adjustments: [],
      failures: [],
      problems: [],
      snapshotsWritten: [],
      log: `${message}\n${err.stderr}`.trim(),
    };
  }
  const at = (code: Code, message: string, path: JsonPath = ['pipeline']): Diagnostic =>
    makeDiagnostic(code, test.file, test.locate(path), message, { path });
  const notRun = (problems: Diagnostic[], status: 'failed' | 'error' = 'error'): TestOutcome => ({
    ...base,
    status,
    seconds: seconds(),
    tasks: [],
    outcomes: [],
    adjustments: [],
    failures: [],
    problems,
    snapshotsWritten: [],
    ...(result.log ? { log: result.log } : {}),
    ...(result.airflowVersion ? { airflowVersion: result.airflowVersion } : {}),
  });
  switch (result.status) {
    case 'refused':
      return notRun(
        result.refusals.map((r) => at(r.code, `${r.message}${r.taskId ? ` (task ${r.taskId})` : ''}`, r.code === 'DS710' ? ['date'] : ['pipeline'])),
      );
    case 'import-error':
      return notRun(
        Object.values(result.importErrors).map((tb) =>
          at('DS706', `the DAG of '${ir.id}' does not import in Airflow ${target.version}: ${lastLine(tb)}`),
        ),
      );
    case 'setup-error':
      return notRun(result.problems.map((p) => at('DS708', p.replace(/\s*\n\s*/g, '; '), ['given'])));
    case 'timeout':
      return notRun([at('DS709', `the run of '${ir.id}' took longer than its time limit: ${result.problems.join('; ')}`, ['pipeline'])], 'failed');
    case 'bad-request':
    case 'error':
      return { ...notRun([]), log: `the test runner failed (a bug; please report it): ${result.problems.join('; ')}\n${result.log ?? ''}`.trim() };
    case 'ran':
    case 'crashed':
      return judged(opts, test, target, ir, result, r.snapshots, base, seconds);
  }
}

function judged(
  opts: TestOptions,
  test: TestSpec,
  target: AirflowTarget,
  ir: PipelineIR,
  result: RunResultRan,
  snapshots: ReadonlyMap<string, SnapshotText>,
  base: Pick<TestOutcome, 'name' | 'file' | 'pipeline' | 'date' | 'env' | 'target' | 'ran'>,
  seconds: () => number,
): TestOutcome {
  const tasks = tasksOf(ir, target);
  const kinds = new Map([...tasks].map(([taskId, step]) => [taskId, step.kind as string]));
  const problems: Diagnostic[] = [];
  const v = verdict({ test, result, kinds, taskIds: [...tasks.keys()], snapshots, updateSnapshots: opts.updateSnapshots === true });
  const written: string[] = [];
  for (const w of v.snapshotWrites) {
    const rel = snapshotPath(test.name, w.taskId);
    try {
      writeSnapshot(opts.cwd, rel, w.sql);
      written.push(rel);
    } catch (err) {
      if (!(err instanceof SnapshotError)) throw err;
      problems.push(makeDiagnostic('DS726', test.file, test.locate(w.path), `snapshot ${err.file}: ${err.message}`, { path: w.path }));
    }
  }
  const failures = v.failures.map((f) => {
    if (!f.path) return f;
    const r = test.locate(f.path, f.kind === 'task' || f.kind === 'sql' || f.kind === 'snapshot' ? 'key' : 'value');
    return { ...f, at: { line: r.line, col: r.col } };
  });
  if (result.status === 'crashed' && result.crash) {
    failures.unshift({ kind: 'task', message: `dag.test() itself failed: ${result.crash.type}: ${result.crash.message}`, details: [] });
  }
  // One line per task in the pipeline's order (mapped task instances, `id[0]`, after their task).
  const ran = new Map((result.tasks ?? []).map((t) => [t.taskId, t]));
  const order = [...tasks.keys()];
  const rank = (id: string) => {
    const i = order.indexOf(id.replace(/\[\d+\]$/, ''));
    return i < 0 ? order.length : i;
  };
  const lines: TaskLine[] = [
    ...(result.tasks ?? []).map((t) => ({
      taskId: t.taskId,
      state: t.state,
      duration: NEVER_STARTED.has(t.state) ? null : t.duration,
      tries: t.tryNumber,
    })),
    // A fanned-out task is shown by its mapped instances.
    ...order
      .filter((id) => !ran.has(id) && mappedState(id, ran) === undefined)
      .map((taskId) => ({ taskId, state: 'none', duration: null, tries: 0 })),
  ].sort((a, b) => rank(a.taskId) - rank(b.taskId));
  const status = result.status === 'crashed' ? 'error' : failures.length > 0 || problems.length > 0 ? 'failed' : 'passed';
  return {
    ...base,
    status,
    seconds: seconds(),
    tasks: lines,
    changes: changeReport(result),
    outcomes: result.outcomes,
    adjustments: result.adjustments,
    failures,
    problems,
    snapshotsWritten: written,
    ...(status !== 'passed' && result.log ? { log: result.log } : {}),
    ...(result.airflowVersion ? { airflowVersion: result.airflowVersion } : {}),
  };
}

/** States of a task that never started: it has no duration. */
const NEVER_STARTED = new Set(['upstream_failed', 'skipped', 'removed', 'none', 'scheduled', 'queued']);

function lastLine(text: string): string {
  return (
    text
      .trimEnd()
      .split('\n')
      .filter((l) => l.trim())
      .pop() ?? text
  ).trim();
}
