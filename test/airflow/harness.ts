/**
 * Shared plumbing of the @airflow suites: the Python virtualenvs built by `npm run setup:python`, running the
 * harness scripts in python/dagsmith_harness/ with a hard timeout, and compiling the projects they check.
 * Nothing here skips: a missing virtualenv or a failed Python process is an Error that fails the test.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configEnvironments } from '../../src/compile/environments';
import { buildProject, type CompiledPipeline } from '../../src/compile/project';
import { readJsonAs } from '../helpers/json';

export const ROOT = join(__dirname, '..', '..');
export const HARNESS = join(ROOT, 'python', 'dagsmith_harness');

export { AIRFLOW_VERSIONS, airflowPython, venvPython } from '../helpers/venvs';
export { freeLoopbackPort, startMoto, type MotoServer } from '../helpers/moto';

export interface ProcResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
  readonly seconds: number;
}

/**
 * Runs a process to completion, or SIGKILLs it after `timeoutMs` (Airflow 3 ignores SIGTERM while a task runs).
 * Never rejects for a non-zero exit: the caller decides.
 */
export function runProcess(
  cmd: string,
  args: readonly string[],
  opts: { env?: NodeJS.ProcessEnv; timeoutMs: number; cwd?: string; input?: string },
): Promise<ProcResult> {
  const start = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, [...args], {
      cwd: opts.cwd ?? ROOT,
      env: { ...process.env, PYTHONIOENCODING: 'utf-8', PYTHONUTF8: '1', ...opts.env },
      stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    if (opts.input !== undefined) child.stdin!.end(opts.input);
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`cannot run ${cmd}: ${err.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut, seconds: (Date.now() - start) / 1000 });
    });
  });
}

/** The last `n` lines of a text, for error messages. */
export function tail(text: string, n = 40): string {
  return text.trimEnd().split('\n').slice(-n).join('\n');
}

/** Airflow's log text without its ANSI colour codes (ESC [ ... m). */
export function withoutColors(text: string): string {
  // eslint-disable-next-line no-control-regex -- ESC (\x1b) is the character to match: it starts each colour code
  return text.replace(/\x1b\[[0-9;]*m/g, '');
}

/** Parses the one JSON object a harness script prints; a clear Error otherwise. */
export function parseHarnessJson<T>(what: string, res: ProcResult): T {
  if (res.timedOut) throw new Error(`${what} timed out after ${res.seconds.toFixed(0)}s (killed)\n--- stderr ---\n${tail(res.stderr)}`);
  try {
    return JSON.parse(res.stdout) as T;
  } catch {
    throw new Error(
      `${what} exited with ${res.signal ?? res.code} without JSON on stdout\n--- stdout ---\n${tail(res.stdout)}\n--- stderr ---\n${tail(res.stderr)}`,
    );
  }
}

export function makeTemp(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `dagsmith-${prefix}-`));
}

export function removeTemp(dir: string): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

/** A golden case whose expected output is MWAA Serverless workflow definitions only (expected/mwaa-serverless/). */
export function isServerlessCase(dir: string): boolean {
  const expected = join(dir, 'expected');
  return existsSync(join(expected, 'mwaa-serverless')) && readdirSync(expected).every((f) => f.startsWith('mwaa-serverless'));
}

/** A dagsmith project the structure suite compiles: the examples, each good golden fixture, the TypeScript twins. */
export interface SourceProject {
  readonly name: string;
  readonly cwd: string;
  readonly env?: string;
  /** The one Airflow version a case compiles for (`--airflow` in its args: a feature other targets refuse). */
  readonly airflow?: string;
}

/**
 * Every project that must compile cleanly. `scratch` receives the temp project of the TypeScript twins; `python`: only
 * the projects compiled to Python DAG files (not the cases of MWAA Serverless workflow definitions).
 */
export function sourceProjects(scratch: string, opts: { readonly python?: boolean } = {}): SourceProject[] {
  const projects: SourceProject[] = [{ name: 'examples', cwd: ROOT }];
  const fixtures = join(ROOT, 'test', 'fixtures');
  for (const name of readdirSync(fixtures)
    .filter((n) => n.startsWith('good-'))
    .sort()) {
    // MWAA Serverless cases hold workflow definitions, not Python (test/airflow/serverless.test.ts loads them).
    if (opts.python && isServerlessCase(join(fixtures, name))) continue;
    const caseFile = join(fixtures, name, 'case.json');
    const args = (existsSync(caseFile) ? readJsonAs<{ args?: string[] }>(caseFile).args : undefined) ?? [];
    const i = args.indexOf('--env');
    if (args.includes('--all-envs')) {
      // Every environment of the case, each its own project (its DAGs share ids across environments).
      for (const env of configEnvironments(join(fixtures, name)))
        projects.push({ name: `${name}-${env.name}`, cwd: join(fixtures, name), env: env.name });
    } else {
      const a = args.indexOf('--airflow');
      projects.push({ name, cwd: join(fixtures, name), ...(i >= 0 ? { env: args[i + 1] } : {}), ...(a >= 0 ? { airflow: args[a + 1] } : {}) });
    }
  }
  // good-dag-fields/customer_features is scheduled and has a param without a default (run_date), which Airflow
  // refuses to import (both versions: "not allowed to define a Schedule, as there are required params without
  // default values"); dagsmith accepts it. The fixture stays in the list above and fails the import test; this
  // copy gives run_date a default so that the rest of that DAG (every DAG-level field and default setting,
  // the SNS notifier) is still compared with the IR.
  // (Once the fixture or dagsmith changes so that run_date has a default, the copy is not made.)
  const spec = readFileSync(join(fixtures, 'good-dag-fields', 'pipelines', 'customer_features.yaml'), 'utf8');
  if (/^ {2}run_date:\n(?! {4}default:)/m.test(spec)) {
    const fields = join(scratch, 'good-dag-fields-run_date-default');
    cpSync(join(fixtures, 'good-dag-fields'), fields, { recursive: true });
    const patched = spec.replace(/^( {2}run_date:\n)/m, '$1    default: "2026-01-01"\n');
    writeFileSync(join(fields, 'pipelines', 'customer_features.yaml'), patched);
    projects.push({ name: 'good-dag-fields-run_date-default', cwd: fields });
  }
  // The SDK twins of the YAML examples (as test/sdk/twins.test.ts sets them up): the example config and SQL files.
  const twins = join(ROOT, 'test', 'fixtures-ts', 'twins');
  const dir = join(scratch, 'twins-project');
  mkdirSync(join(dir, 'pipelines'), { recursive: true });
  cpSync(join(ROOT, 'dagsmith.config.yaml'), join(dir, 'dagsmith.config.yaml'));
  cpSync(join(ROOT, 'pipelines', 'sql'), join(dir, 'pipelines', 'sql'), { recursive: true });
  for (const f of readdirSync(twins).filter((f) => f.endsWith('.ts'))) cpSync(join(twins, f), join(dir, 'pipelines', f));
  projects.push({ name: 'ts-twins', cwd: dir });
  return projects;
}

export interface CompiledProject {
  readonly project: SourceProject;
  readonly pipelines: readonly CompiledPipeline[];
}

/** Compiles a project in-process; any error diagnostic throws (every source here is meant to be good). */
export function compileProject(project: SourceProject, airflow: string): CompiledProject {
  const res = buildProject({ cwd: project.cwd, airflow, ...(project.env ? { env: project.env } : {}) });
  const errors = res.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    throw new Error(
      `${project.name} does not compile for Airflow ${airflow}:\n${errors.map((d) => `  ${d.file}:${d.line}: ${d.code} ${d.message}`).join('\n')}`,
    );
  }
  if (res.pipelines.length === 0) throw new Error(`${project.name} compiled no pipeline for Airflow ${airflow}`);
  return { project, pipelines: res.pipelines };
}

/** Writes one DAG file. */
export function writeDag(dir: string, fileName: string, content: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, fileName);
  writeFileSync(path, content);
  return path;
}
