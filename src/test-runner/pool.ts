/**
 * The processes a `dagsmith test` run uses: one runner (python/dagsmith_runner in the target's Airflow virtualenv)
 * per Airflow target and one moto server for all of them. Each runner is started and warmed up as soon as its target
 * is known, so Airflow's import and first task overlap with loading the tests and compiling; several test files then
 * reuse one Airflow process and one moto server (the runner resets moto and its metadata DB for every run, and runs
 * one at a time). A runner that ends (a run past its time limit ends its process) or fails is started again for the
 * next test.
 */
import { dirname, join } from 'node:path';
import { RunnerError, TestRunner } from './engine';
import { startMotoServer, type MotoServer } from './moto-server';
import type { RunnerWarmed, RunRequest, RunResult } from './protocol';
import { ensureVenv, type VenvProgress } from './venvs';

export type PoolEvent =
  | { readonly type: 'venv'; readonly progress: VenvProgress }
  | { readonly type: 'runner-ready'; readonly target: string; readonly airflowVersion: string; readonly seconds: number; readonly restart: boolean }
  | { readonly type: 'runner-warmed'; readonly target: string; readonly seconds: number }
  | { readonly type: 'moto-ready'; readonly endpoint: string };

export interface PoolOptions {
  readonly onEvent?: (e: PoolEvent) => void;
  /** Seconds for a runner to import Airflow and create its DB (default 180: a cold start on a busy machine). */
  readonly startTimeoutMs?: number;
}

interface Slot {
  runner: Promise<TestRunner>;
  /** The warm-up of the current process (awaited before its first run, so its failure never fails a test). */
  warm: Promise<RunnerWarmed | undefined>;
}

export class RunnerPool {
  private readonly slots = new Map<string, Slot>();
  private moto: Promise<MotoServer> | undefined;
  private closed = false;
  /** Stops the virtualenv installs in flight when the pool closes. */
  private readonly installs = new AbortController();

  constructor(private readonly opts: PoolOptions = {}) {}

  private emit(e: PoolEvent): void {
    this.opts.onEvent?.(e);
  }

  /** The shared moto server, started on first use (its virtualenv built if needed). */
  motoServer(): Promise<MotoServer> {
    this.moto ??= (async () => {
      const env = await ensureVenv('moto', (progress) => this.emit({ type: 'venv', progress }), undefined, this.installs.signal);
      const server = await startMotoServer(join(dirname(env.python), 'moto_server'));
      this.emit({ type: 'moto-ready', endpoint: server.endpoint });
      return server;
    })();
    return this.moto;
  }

  /**
   * Starts the runner of `target` (building its virtualenv first if needed) and its warm-up, without waiting:
   * call it as soon as the target is known. Idempotent while the runner lives.
   */
  start(target: string): Promise<TestRunner> {
    const slot = this.slots.get(target);
    if (slot) return slot.runner;
    return this.spawn(target, false).runner;
  }

  private spawn(target: string, restart: boolean): Slot {
    const started = Date.now();
    const runner = (async () => {
      const env = await ensureVenv(`airflow-${target}`, (progress) => this.emit({ type: 'venv', progress }), undefined, this.installs.signal);
      if (this.closed) throw new RunnerError('the test run was stopped', '');
      const r = await TestRunner.start({ python: env.python, ...(this.opts.startTimeoutMs ? { startTimeoutMs: this.opts.startTimeoutMs } : {}) });
      this.emit({ type: 'runner-ready', target, airflowVersion: r.ready.airflowVersion, seconds: (Date.now() - started) / 1000, restart });
      return r;
    })();
    const warm = runner.then(
      async (r) => {
        const w = await r.warmUp().catch(() => undefined);
        if (w) this.emit({ type: 'runner-warmed', target, seconds: w.seconds ?? 0 });
        return w;
      },
      () => undefined,
    );
    const slot: Slot = { runner, warm };
    this.slots.set(target, slot);
    return slot;
  }

  /** The live runner of `target`, started (or started again, when its process has ended) and warmed up. */
  private async live(target: string): Promise<TestRunner> {
    let slot = this.slots.get(target) ?? this.spawn(target, false);
    let runner: TestRunner;
    try {
      runner = await slot.runner;
      if (!runner.alive) {
        slot = this.spawn(target, true);
        runner = await slot.runner;
      }
    } catch (err) {
      this.slots.delete(target);
      throw err;
    }
    await slot.warm;
    return runner;
  }

  /** Waits until the runner of `target` is started and warmed up (starting it if needed); rejects as `run` does. */
  async ready(target: string): Promise<void> {
    await this.motoServer();
    await this.live(target);
  }

  /**
   * Runs a request on the runner of `target`; a runner that has ended is started again first. Rejects with a
   * RunnerError when the process cannot start or fails during the run (the next run gets a new one).
   */
  async run(target: string, request: Omit<RunRequest, 'moto'>): Promise<RunResult> {
    const moto = await this.motoServer();
    const runner = await this.live(target);
    let result: RunResult;
    try {
      result = await runner.run({ ...request, moto: moto.endpoint });
    } catch (err) {
      // The process died or stopped answering: the next run starts a new one.
      await runner.close(1_000).catch(() => undefined);
      this.slots.delete(target);
      throw err;
    }
    if (result.status === 'timeout') {
      // The runner ends its process after a timeout: wait for that, so the next run starts a new one.
      await runner.close(5_000).catch(() => undefined);
      this.slots.delete(target);
    }
    return result;
  }

  /** Stops every runner and the moto server. */
  async close(): Promise<void> {
    this.closed = true;
    // An environment still installing (the run stopped early) is left without its marker and rebuilt next time; the
    // runners and moto below wait for their install to end, every process of it.
    this.installs.abort();
    const runners = [...this.slots.values()].map((s) =>
      s.runner.then(
        (r) => r.close(),
        () => undefined,
      ),
    );
    this.slots.clear();
    await Promise.all(runners);
    const moto = this.moto;
    this.moto = undefined;
    if (moto)
      await moto.then(
        (m) => m.stop(),
        () => undefined,
      );
  }
}
