/**
 * `sync --run`: start a run of a workflow (StartWorkflowRun) and follow it to its end, reading the run
 * (GetWorkflowRun) and the state of each of its task instances (GetTaskInstance) until the run is over or the time
 * is up. Each change of a task's state is handed to `onTask`; the result says how the run ended.
 */
import type { Reporter } from '../../diagnostics/reporter';
import { RemoteError } from '../../diagnostics/types';
import { inertText } from '../../diagnostics/inert';
import {
  GetTaskInstanceCommand,
  GetWorkflowRunCommand,
  MwaaServerlessServiceException,
  StartWorkflowRunCommand,
  TERMINAL_RUN_STATES,
  type MwaaServerlessClient,
  type TaskInstanceStatus,
  type WorkflowRunStatus,
} from './api';

/** Task states after which a task instance changes no more. */
const TERMINAL_TASK_STATES: ReadonlySet<TaskInstanceStatus> = new Set(['SUCCESS', 'FAILED', 'UPSTREAM_FAILED', 'REMOVED', 'CANCELLED', 'TIMEOUT']);

export interface RunOptions {
  /** Between two looks at the run (default 10 s). */
  readonly pollMs?: number;
  /** Give up following after this long (default 2 h); the run goes on. */
  readonly timeoutMs?: number;
  readonly onRun?: (state: WorkflowRunStatus) => void;
  readonly onTask?: (task: { readonly taskId: string; readonly state: TaskInstanceStatus }) => void;
  /** For tests: how to wait. */
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface RunOutcome {
  readonly runId: string;
  /** The last state seen; `timedOut` when following stopped before the end. */
  readonly state: WorkflowRunStatus;
  readonly timedOut: boolean;
  readonly error?: string;
  /** Every task instance with its last state, in the order the run listed them. */
  readonly tasks: readonly { readonly taskId: string; readonly state: TaskInstanceStatus }[];
}

export async function runWorkflow(client: MwaaServerlessClient, workflowArn: string, opts: RunOptions = {}): Promise<RunOutcome> {
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const pollMs = opts.pollMs ?? 10_000;
  const deadline = Date.now() + (opts.timeoutMs ?? 2 * 3600_000);
  const started = await call('StartWorkflowRun', () => client.send(new StartWorkflowRunCommand({ WorkflowArn: workflowArn })));
  const runId = started.RunId;
  if (!runId) throw new RemoteError('StartWorkflowRun returned no run id');
  const tasks = new Map<string, { taskId: string; state: TaskInstanceStatus }>();
  let state: WorkflowRunStatus = started.Status ?? 'STARTING';
  opts.onRun?.(state);
  let error: string | undefined;
  for (;;) {
    const run = await call('GetWorkflowRun', () => client.send(new GetWorkflowRunCommand({ WorkflowArn: workflowArn, RunId: runId })));
    const detail = run.RunDetail;
    if (detail?.RunState && detail.RunState !== state) {
      state = detail.RunState;
      opts.onRun?.(state);
    }
    for (const id of detail?.TaskInstances ?? []) {
      const known = tasks.get(id);
      if (known && TERMINAL_TASK_STATES.has(known.state)) continue;
      const ti = await call('GetTaskInstance', () =>
        client.send(new GetTaskInstanceCommand({ WorkflowArn: workflowArn, RunId: runId, TaskInstanceId: id })),
      );
      const now = { taskId: inertText(ti.TaskId ?? id), state: ti.Status ?? 'NONE' };
      if (!known || known.state !== now.state) opts.onTask?.(now);
      tasks.set(id, now);
    }
    if (TERMINAL_RUN_STATES.has(state)) {
      error = detail?.ErrorMessage;
      break;
    }
    if (Date.now() + pollMs > deadline) return { runId, state, timedOut: true, tasks: [...tasks.values()] };
    await sleep(pollMs);
  }
  return { runId, state, timedOut: false, ...(error ? { error: inertText(error) } : {}), tasks: [...tasks.values()] };
}

async function call<T>(what: string, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (err) {
    const text = err instanceof MwaaServerlessServiceException ? `${err.name}: ${inertText(err.message)}` : inertText((err as Error).message);
    throw new RemoteError(`${what} failed: ${text}`);
  }
}

/** DS656 / DS657 for a run that did not succeed, at the pipeline's id; nothing for a successful run. */
export function reportRun(reporter: Reporter, workflow: string, outcome: RunOutcome, timeoutMinutes: number): void {
  if (outcome.timedOut) {
    reporter.report(
      'DS657',
      ['id'],
      `run ${inertText(outcome.runId)} of workflow '${workflow}' was still ${outcome.state} after ${timeoutMinutes} minutes`,
    );
    return;
  }
  if (outcome.state === 'SUCCESS') return;
  const failed = outcome.tasks.filter((t) => t.state !== 'SUCCESS').map((t) => `${t.taskId} ${t.state}`);
  reporter.report(
    'DS656',
    ['id'],
    `run ${inertText(outcome.runId)} of workflow '${workflow}' ended ${outcome.state}${failed.length ? `: ${failed.join(', ')}` : ''}${outcome.error ? ` (${outcome.error})` : ''}`,
  );
}
