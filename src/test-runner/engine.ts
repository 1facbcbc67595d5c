/**
 * The runner process from Node: start it in an Airflow virtualenv, send it run requests one at a time, read its
 * results. One process serves many runs (Airflow is imported once); a run that exceeds its time limit ends the
 * process (the runner reports `timeout` and exits), and the next `run` needs a new one (`alive` says so).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROTOCOL_VERSION, type RunnerMessage, type RunnerReady, type RunnerWarmed, type RunRequest, type RunResult } from './protocol';

/** The folder holding the dagsmith_runner package (python/ of the repository and of the npm package). */
export const RUNNER_DIR = join(__dirname, '..', '..', 'python');

// `-I` (isolated): no user site-packages, no PYTHON* variables, and neither the current folder nor the script's on
// sys.path, so no file of the project being tested can shadow a module. `-B`: no .pyc files written next to the
// runner's sources (in an installed package). The runner's folder comes as argv[1].
const BOOT = 'import sys; sys.path.insert(0, sys.argv[1]); import dagsmith_runner.main as m; sys.exit(m.main())';
const STDERR_LIMIT = 64 * 1024;
/** Extra time the caller gives a run beyond the runner's own runTimeout before killing the process. */
const KILL_GRACE_MS = 30_000;

export interface RunnerOptions {
  /** The interpreter of an Airflow virtualenv (MWAA's pins for the target). */
  readonly python: string;
  /** Where dagsmith_runner is; default RUNNER_DIR. */
  readonly runnerDir?: string;
  /** Time for Airflow to import and create its metadata DB (default 180 s; a cold start on a busy machine). */
  readonly startTimeoutMs?: number;
}

export class RunnerError extends Error {
  constructor(
    message: string,
    readonly stderr: string,
  ) {
    super(message);
    this.name = 'RunnerError';
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** One line of the runner's stdout as a message; throws on anything that is not one. */
export function parseMessage(line: string): RunnerMessage {
  const value: unknown = JSON.parse(line);
  if (!isRecord(value) || typeof value.type !== 'string') throw new Error(`not a runner message: ${line.slice(0, 200)}`);
  switch (value.type) {
    case 'ready':
      if (value.protocol !== PROTOCOL_VERSION) {
        throw new Error(
          `the runner speaks protocol ${String(value.protocol)}, dagsmith ${PROTOCOL_VERSION}: python/dagsmith_runner and dagsmith are from different versions`,
        );
      }
      return value as unknown as RunnerReady;
    case 'result':
      if (typeof value.status !== 'string') throw new Error('a runner result without status');
      if (value.status === 'ran' || value.status === 'crashed') {
        for (const key of ['calls', 'outcomes', 'callbacks', 'adjustments']) {
          if (!Array.isArray(value[key])) throw new Error(`a runner result without ${key}`);
        }
        if (!isRecord(value.s3) || !Array.isArray(value.s3.changes)) throw new Error('a runner result without s3.changes');
      }
      return value as unknown as RunResult;
    case 'fatal':
    case 'pong':
    case 'warmed':
      return value as unknown as RunnerMessage;
    default:
      throw new Error(`unknown runner message type '${value.type}'`);
  }
}

export class TestRunner {
  private buffer = '';
  private stderrTail = '';
  private waiting: { resolve: (m: RunnerMessage) => void; reject: (e: Error) => void } | undefined;
  private queue: RunnerMessage[] = [];
  private exit: string | undefined;
  private chain: Promise<unknown> = Promise.resolve();

  private readyMessage: RunnerReady | undefined;

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {}

  /** The runner's first message: its Airflow and provider versions and its start-up time. */
  get ready(): RunnerReady {
    if (!this.readyMessage) throw new Error('internal error: the test runner is not ready yet');
    return this.readyMessage;
  }

  /** Whether the process still runs (a timed-out run ends it). */
  get alive(): boolean {
    return this.exit === undefined;
  }

  /** What the runner wrote to stderr lately (its own messages; run logs are in the results). */
  stderr(): string {
    return this.stderrTail;
  }

  /** Starts a runner and waits for its ready message. */
  static async start(opts: RunnerOptions): Promise<TestRunner> {
    const dir = opts.runnerDir ?? RUNNER_DIR;
    if (!existsSync(join(dir, 'dagsmith_runner', 'main.py'))) throw new RunnerError(`no dagsmith_runner in ${dir}`, '');
    const child = spawn(opts.python, ['-I', '-B', '-X', 'utf8', '-c', BOOT, dir], {
      stdio: ['pipe', 'pipe', 'pipe'],
      // Nothing of the user's environment but where programs are and the locale: the runner sets everything else.
      env: { PATH: process.env.PATH ?? '', LANG: 'C.UTF-8', ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}) },
    });
    const runner = new TestRunner(child);
    runner.listen();
    const first = await runner.next(opts.startTimeoutMs ?? 180_000, 'start');
    if (first.type === 'fatal') {
      await runner.close();
      throw new RunnerError(`the test runner cannot start: ${first.problems.join('; ')}`, first.log ?? runner.stderrTail);
    }
    if (first.type !== 'ready') {
      await runner.close();
      throw new RunnerError(`the test runner sent ${first.type} before ready`, runner.stderrTail);
    }
    runner.readyMessage = first;
    return runner;
  }

  private listen(): void {
    this.child.stdout.setEncoding('utf8').on('data', (d: string) => {
      this.buffer += d;
      let nl: number;
      while ((nl = this.buffer.indexOf('\n')) >= 0) {
        const line = this.buffer.slice(0, nl);
        this.buffer = this.buffer.slice(nl + 1);
        if (!line.trim()) continue;
        let message: RunnerMessage;
        try {
          message = parseMessage(line);
        } catch (err) {
          this.fail(new RunnerError(`the test runner sent something unreadable: ${(err as Error).message}`, this.stderrTail));
          continue;
        }
        if (this.waiting) {
          const w = this.waiting;
          this.waiting = undefined;
          w.resolve(message);
        } else this.queue.push(message);
      }
    });
    this.child.stderr.setEncoding('utf8').on('data', (d: string) => {
      this.stderrTail = (this.stderrTail + d).slice(-STDERR_LIMIT);
    });
    this.child.on('close', (code, signal) => {
      this.exit = `exited with ${signal ?? code}`;
      this.fail(new RunnerError(`the test runner ${this.exit}`, this.stderrTail));
    });
    this.child.on('error', (err) => {
      this.exit = `cannot run ${err.message}`;
      this.fail(new RunnerError(`the test runner: ${err.message}`, this.stderrTail));
    });
    // A runner that exits while we write must not crash Node with EPIPE.
    this.child.stdin.on('error', () => undefined);
  }

  private fail(err: Error): void {
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = undefined;
      w.reject(err);
    }
  }

  private next(timeoutMs: number, what: string): Promise<RunnerMessage> {
    const queued = this.queue.shift();
    if (queued) return Promise.resolve(queued);
    if (this.exit) return Promise.reject(new RunnerError(`the test runner ${this.exit}`, this.stderrTail));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting = undefined;
        this.child.kill('SIGKILL'); // Airflow 3 ignores SIGTERM while a task runs
        reject(new RunnerError(`the test runner did not answer (${what}) within ${Math.round(timeoutMs / 1000)}s and was stopped`, this.stderrTail));
      }, timeoutMs);
      this.waiting = {
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      };
    });
  }

  /**
   * Runs one request and returns its result. Requests queue: one runs at a time. Rejects (RunnerError) only when
   * the process fails (dies, sends garbage, does not answer); a run that times out resolves with status `timeout`,
   * after which the process has exited.
   */
  run(request: RunRequest): Promise<RunResult> {
    const go = async (): Promise<RunResult> => {
      if (this.exit) throw new RunnerError(`the test runner ${this.exit}; start a new one`, this.stderrTail);
      this.child.stdin.write(`${JSON.stringify({ type: 'run', ...request })}\n`);
      const limit = (request.limits?.runTimeout ?? 600) * 1000 + KILL_GRACE_MS;
      for (;;) {
        const message = await this.next(limit, `run ${request.id}`);
        if (message.type !== 'result') continue;
        if (message.id !== request.id && message.id !== null) {
          throw new RunnerError(`the test runner answered ${String(message.id)} to request ${request.id}`, this.stderrTail);
        }
        return message;
      }
    };
    const result = this.chain.then(go, go);
    this.chain = result.catch(() => undefined);
    return result;
  }

  /**
   * Runs the warm-up DAG (see RunnerRequest): call it right after start, while compiling and starting moto, so the
   * first test does not pay for Airflow's first task. Queues like `run`.
   */
  warmUp(timeoutMs = 300_000): Promise<RunnerWarmed> {
    const go = async (): Promise<RunnerWarmed> => {
      if (this.exit) throw new RunnerError(`the test runner ${this.exit}; start a new one`, this.stderrTail);
      this.child.stdin.write(`${JSON.stringify({ type: 'warmup', id: 'warm-up' })}\n`);
      for (;;) {
        const message = await this.next(timeoutMs, 'warm-up');
        if (message.type === 'warmed') return message;
      }
    };
    const result = this.chain.then(go, go);
    this.chain = result.catch(() => undefined);
    return result;
  }

  /** Ends the process: asks it to stop, kills it after `graceMs`. */
  async close(graceMs = 10_000): Promise<void> {
    if (this.exit) return;
    const closed = new Promise<void>((resolve) => this.child.once('close', () => resolve()));
    try {
      this.child.stdin.end(`${JSON.stringify({ type: 'shutdown' })}\n`);
    } catch {
      // already gone
    }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await closed;
    clearTimeout(timer);
  }
}
