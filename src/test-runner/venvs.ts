/**
 * The Python virtualenvs `dagsmith test` runs in: one per MWAA Airflow version (Airflow and the Amazon provider
 * pinned to MWAA's constraints, requirements/airflow-<version>/) and one for moto (requirements/moto/). Created on
 * first use in the user's cache directory,
 *
 *     ${DAGSMITH_CACHE_DIR:-${XDG_CACHE_HOME:-~/.cache}/dagsmith}/venvs/<name>-<hash>
 *
 * where <hash> covers the requirement and constraint files and the Python version, so a changed pin gives a new
 * environment and an unchanged one is reused. The pins ship in the npm package (`files`), so an installed dagsmith
 * builds the same environments this repository's tests run in (scripts/setup-python.js uses this module too).
 *
 * The base interpreter: $DAGSMITH_PYTHON, else the first of python3, python3.12, python3.11 that is CPython 3.11
 * or 3.12 (the Pythons MWAA runs these Airflow versions on). Problems are VenvErrors with a catalog code: no such
 * Python (DS740), no `venv`/`ensurepip` (DS741), pip failed (DS742, with the end of the install log).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../diagnostics/types';
import { TARGET_VERSIONS } from '../targets';

/** Where requirements/ is: the repository's or the installed package's root (src/ and dist/ sit beside it). */
export const REQUIREMENTS_DIR = join(__dirname, '..', '..', 'requirements');
const MARKER = '.dagsmith-complete';

/** The environments of `dagsmith test`, by key: `airflow-<version>` and `moto`. */
export const RUNTIME_ENVS: readonly string[] = [...TARGET_VERSIONS.map((v) => `airflow-${v}`), 'moto'];

export type VenvCode = 'DS740' | 'DS741' | 'DS742';

/** A Python environment cannot be had: a usage error (exit code 2) with its catalog code, printed `error DS740: ...`. */
export class VenvError extends UsageError {
  constructor(
    readonly code: VenvCode,
    message: string,
  ) {
    super(message);
  }
}

export function cacheDir(): string {
  if (process.env.DAGSMITH_CACHE_DIR) return resolve(process.env.DAGSMITH_CACHE_DIR);
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'dagsmith');
}

export interface BasePython {
  /** The command (as found on PATH, or $DAGSMITH_PYTHON). */
  readonly command: string;
  /** `CPython 3.11.7`: part of every environment's key. */
  readonly version: string;
}

/** The interpreter found, per $DAGSMITH_PYTHON (a test may change it). */
const found = new Map<string, BasePython>();

function probe(command: string): { version?: string; problem?: string } {
  try {
    const out = execFileSync(command, ['-c', 'import platform; print(platform.python_implementation(), platform.python_version())'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 20_000,
    }).trim();
    const [impl, version = ''] = out.split(' ');
    const [major, minor] = version.split('.').map(Number);
    if (impl === 'CPython' && major === 3 && (minor === 11 || minor === 12)) return { version: out };
    return { problem: `is ${out}` };
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    return { problem: e.code === 'ENOENT' ? 'is not installed' : `does not run (${(e.stderr || e.message).trim().split('\n')[0]})` };
  }
}

/** The base interpreter (see the module comment); DS740 naming what was tried when there is none. */
export function basePython(): BasePython {
  const wanted = process.env.DAGSMITH_PYTHON || undefined;
  const known = found.get(wanted ?? '');
  if (known) return known;
  const candidates = wanted ? [wanted] : ['python3', 'python3.12', 'python3.11'];
  const tried: string[] = [];
  for (const command of candidates) {
    const p = probe(command);
    if (p.version) {
      const python = { command, version: p.version };
      found.set(wanted ?? '', python);
      return python;
    }
    tried.push(`${command} ${p.problem}`);
  }
  throw new VenvError(
    'DS740',
    `dagsmith test needs CPython 3.11 or 3.12 to run Airflow (MWAA's Airflow versions are pinned for them), and ${tried.join('; ')}; install Python 3.11 or 3.12 with its venv module${wanted ? ', or point DAGSMITH_PYTHON at one' : ' (or set DAGSMITH_PYTHON to one)'}`,
  );
}

export interface VenvSpec {
  /** `airflow-3.3.1`, `moto`, ...: the folder under requirements/ and the start of the environment's folder name. */
  readonly name: string;
  readonly requirements: string;
  readonly constraints: string;
  /** The environment's folder. */
  readonly dir: string;
  readonly python: string;
}

export function venvSpec(name: string, requirementsDir = REQUIREMENTS_DIR): VenvSpec {
  const reqDir = join(requirementsDir, name);
  const requirements = join(reqDir, 'requirements.txt');
  const constraints = join(reqDir, 'constraints.txt');
  if (!existsSync(requirements) || !existsSync(constraints)) throw new Error(`internal error: the pins of ${name} are missing (${reqDir})`);
  const hash = createHash('sha256');
  hash.update(`${basePython().version}\0`);
  hash.update(`${readFileSync(requirements, 'utf8')}\0`);
  hash.update(readFileSync(constraints, 'utf8'));
  const dir = join(cacheDir(), 'venvs', `${name}-${hash.digest('hex').slice(0, 12)}`);
  return { name, requirements, constraints, dir, python: join(dir, 'bin', 'python') };
}

export function isReady(spec: VenvSpec): boolean {
  return existsSync(join(spec.dir, MARKER));
}

export interface VenvProgress {
  readonly env: string;
  readonly phase: 'creating' | 'installing' | 'done';
  /** The latest line pip printed (untrusted text: package names from an index). */
  readonly line?: string;
  readonly seconds: number;
}

export interface EnsuredVenv extends VenvSpec {
  readonly action: 'reused' | 'installed';
  readonly seconds: number;
}

const children = new Set<ChildProcess>();

/**
 * Each install step runs in its own process group (`python -m venv` starts ensurepip as a child of its own, pip may
 * start build processes): stopping it signals the whole group, so nothing keeps writing into the environment after
 * dagsmith has moved on.
 */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is gone
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Resolves once no process of the group `pid` is left: SIGKILL after `graceMs`, then gives up after as long again. */
async function groupGone(pid: number, graceMs = 5_000): Promise<void> {
  const until = Date.now() + graceMs;
  let killed = false;
  while (groupAlive(pid)) {
    if (Date.now() > until) {
      if (killed) return;
      killed = true;
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        return;
      }
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Stops the installs in flight, every process of each (their environments have no marker and are rebuilt next time),
 * for a process about to exit on a signal. `ensureVenv`'s `signal` is the way to stop one install and wait for it.
 */
export function stopInstalls(): void {
  for (const child of children) signalGroup(child, 'SIGTERM');
}

function run(cmd: string, args: readonly string[], logFd: number, onLine?: (line: string) => void, signal?: AbortSignal): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    if (signal?.aborted) {
      reject(new Error('the install was stopped'));
      return;
    }
    const child = spawn(cmd, [...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PIP_DISABLE_PIP_VERSION_CHECK: '1', PIP_NO_INPUT: '1' },
      detached: true,
    });
    children.add(child);
    const stop = () => signalGroup(child, 'SIGTERM');
    signal?.addEventListener('abort', stop, { once: true });
    let partial = '';
    const take = (d: Buffer) => {
      writeSync(logFd, d);
      partial += d.toString('utf8');
      const lines = partial.split(/\r?\n|\r/);
      partial = lines.pop() ?? '';
      for (const l of lines) if (l.trim()) onLine?.(l.trim());
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', (err) => {
      children.delete(child);
      signal?.removeEventListener('abort', stop);
      reject(err);
    });
    child.on('close', (code, sig) => {
      children.delete(child);
      signal?.removeEventListener('abort', stop);
      // What the step started may outlive it (a stopped `venv` leaves ensurepip running): settle once it is all gone.
      const settle = () =>
        code === 0 ? resolvePromise() : reject(new Error(`${basename(cmd)} ${args.slice(0, 3).join(' ')} exited with ${sig ?? code}`));
      if (child.pid === undefined || !groupAlive(child.pid)) settle();
      else {
        if (code !== 0) signalGroup(child, 'SIGTERM');
        void groupGone(child.pid).then(settle);
      }
    });
  });
}

/** A lock file holding our pid keeps two dagsmith processes from building the same environment at once. */
function takeLock(lock: string): void {
  try {
    writeFileSync(lock, String(process.pid), { flag: 'wx' });
  } catch (taken) {
    if ((taken as NodeJS.ErrnoException).code !== 'EEXIST') throw taken;
    const pid = Number(readFileSync(lock, 'utf8'));
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = true;
    } catch {
      // a stale lock
    }
    if (alive && pid !== process.pid)
      throw new Error(`${lock} is held by running process ${pid}; wait for it to finish installing, or remove the file`, { cause: taken });
    writeFileSync(lock, String(process.pid));
  }
}

/** Whether the base Python can create a virtualenv with pip (Debian ships `venv`'s ensurepip separately). */
function checkVenvModule(python: BasePython): void {
  try {
    execFileSync(python.command, ['-c', 'import venv, ensurepip'], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 20_000 });
  } catch (err) {
    const why = ((err as { stderr?: Buffer }).stderr?.toString('utf8') || (err as Error).message).trim().split('\n').pop();
    const [, minor] = python.version.split(' ')[1]!.split('.');
    throw new VenvError(
      'DS741',
      `${python.command} (${python.version}) cannot create virtualenvs: ${why}; install its venv module (Debian, Ubuntu: apt-get install python3.${minor}-venv)`,
    );
  }
}

/**
 * The environment `name`, built if it is not there (see the module comment). The venv is built at its final path
 * (a venv's scripts name their own folder); its marker file is written last, so a folder without one (an install
 * that failed or was stopped) is rebuilt.
 */
export async function ensureVenv(
  name: string,
  onProgress?: (p: VenvProgress) => void,
  requirementsDir?: string,
  signal?: AbortSignal,
): Promise<EnsuredVenv> {
  const spec = venvSpec(name, requirementsDir);
  if (isReady(spec)) return { ...spec, action: 'reused', seconds: 0 };
  const python = basePython();
  checkVenvModule(python);
  const start = Date.now();
  const progress = (phase: VenvProgress['phase'], line?: string) =>
    onProgress?.({ env: name, phase, ...(line !== undefined ? { line } : {}), seconds: (Date.now() - start) / 1000 });
  mkdirSync(dirname(spec.dir), { recursive: true });
  const lock = `${spec.dir}.lock`;
  takeLock(lock);
  const logFile = `${spec.dir}.log`;
  const logFd = openSync(logFile, 'w');
  try {
    progress('creating');
    rmSync(spec.dir, { recursive: true, force: true });
    await run(python.command, ['-m', 'venv', spec.dir], logFd, undefined, signal);
    progress('installing');
    await run(
      spec.python,
      ['-m', 'pip', 'install', '-r', spec.requirements, '-c', spec.constraints],
      logFd,
      (line) => progress('installing', line),
      signal,
    );
    writeFileSync(join(spec.dir, MARKER), `${new Date().toISOString()} ${python.version}\n`);
  } catch (err) {
    closeSync(logFd);
    const last = readFileSync(logFile, 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .pop();
    rmSync(lock, { force: true });
    throw new VenvError(
      'DS742',
      `installing the ${name} environment failed: ${(err as Error).message}${last ? `; the install's last words: ${last}` : ''} (the whole log: ${logFile})`,
    );
  }
  closeSync(logFd);
  rmSync(lock, { force: true });
  progress('done');
  return { ...spec, action: 'installed', seconds: (Date.now() - start) / 1000 };
}

/** The environments and whether each is built: `{ "airflow-2.10.3": {python, dir, ready}, ..., moto: {...} }`. */
export function venvPaths(names: readonly string[], requirementsDir?: string): Record<string, { python: string; dir: string; ready: boolean }> {
  const out: Record<string, { python: string; dir: string; ready: boolean }> = {};
  for (const name of names) {
    const spec = venvSpec(name, requirementsDir);
    out[name] = { python: spec.python, dir: spec.dir, ready: isReady(spec) };
  }
  return out;
}
