/**
 * Workflow runs of the local MWAA Serverless server: a run and its task instances, moved one step per
 * GetWorkflowRun. STARTING -> QUEUED -> RUNNING; then, each step, the tasks whose upstream tasks all succeeded
 * go from NONE to RUNNING and running ones finish (SUCCESS, or FAILED for the ids in `failTasks`, which makes
 * every task below them UPSTREAM_FAILED); when no task can move, the run ends SUCCESS or FAILED.
 */
import { randomBytes } from 'node:crypto';
import type { TaskInstanceStatus, WorkflowRunStatus } from '../../src/sync/serverless/model';

export interface RunTask {
  readonly taskId: string;
  /** Dotted class path from the definition. */
  readonly operator: string;
  readonly upstream: readonly string[];
}

export interface TaskInstance {
  readonly taskId: string;
  readonly instanceId: string;
  readonly operatorName: string;
  readonly upstream: readonly string[];
  readonly fails: boolean;
  state: TaskInstanceStatus;
  startedAt?: Date;
  endedAt?: Date;
  modifiedAt?: Date;
  duration?: number;
}

export interface Run {
  readonly runId: string;
  readonly version: string;
  readonly createdAt: Date;
  readonly overrides: unknown;
  readonly tasks: TaskInstance[];
  state: WorkflowRunStatus;
  startedAt?: Date;
  endedAt?: Date;
  modifiedAt: Date;
  /** GetWorkflowRun calls seen. */
  polls: number;
}

const TERMINAL_TASK = new Set<TaskInstanceStatus>(['SUCCESS', 'FAILED', 'UPSTREAM_FAILED', 'REMOVED', 'CANCELLED', 'TIMEOUT']);

export function newRun(version: string, tasks: readonly RunTask[], failTasks: ReadonlySet<string>, overrides: unknown): Run {
  const now = new Date();
  return {
    runId: `run-${randomBytes(8).toString('hex')}`,
    version,
    createdAt: now,
    modifiedAt: now,
    overrides,
    state: 'STARTING',
    polls: 0,
    tasks: tasks.map((t) => ({
      taskId: t.taskId,
      instanceId: `ti-${randomBytes(8).toString('hex')}`,
      operatorName: t.operator.split('.').pop() ?? t.operator,
      upstream: t.upstream,
      fails: failTasks.has(t.taskId),
      state: 'NONE',
    })),
  };
}

/** One step of a run (see the module comment); a run that has ended stays as it is. */
export function advanceRun(run: Run): void {
  run.polls++;
  const now = new Date();
  if (run.state === 'STARTING') {
    run.state = 'QUEUED';
  } else if (run.state === 'QUEUED') {
    run.state = 'RUNNING';
    run.startedAt = now;
  } else if (run.state === 'RUNNING') {
    const byId = new Map(run.tasks.map((t) => [t.taskId, t]));
    let moved = false;
    for (const t of run.tasks) {
      if (t.state === 'RUNNING') {
        t.state = t.fails ? 'FAILED' : 'SUCCESS';
        t.endedAt = t.modifiedAt = now;
        t.duration = 1;
        moved = true;
      }
    }
    for (const t of run.tasks) {
      if (t.state !== 'NONE') continue;
      const ups = t.upstream.map((u) => byId.get(u)?.state);
      if (ups.some((s) => s === 'FAILED' || s === 'UPSTREAM_FAILED')) {
        t.state = 'UPSTREAM_FAILED';
        t.modifiedAt = now;
        moved = true;
      } else if (ups.every((s) => s === 'SUCCESS' || s === undefined)) {
        t.state = 'RUNNING';
        t.startedAt = t.modifiedAt = now;
        moved = true;
      }
    }
    if (!moved) {
      // Nothing could move: every task has ended, or the rest wait on each other (a cycle), which fails the run.
      for (const t of run.tasks) if (!TERMINAL_TASK.has(t.state)) t.state = 'UPSTREAM_FAILED';
      run.state = run.tasks.some((t) => t.state !== 'SUCCESS') ? 'FAILED' : 'SUCCESS';
      run.endedAt = now;
    }
  }
  run.modifiedAt = now;
}
