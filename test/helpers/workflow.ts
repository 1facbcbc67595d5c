/** The GitHub Actions workflow `dagsmith init` writes, as the tests read it. */
import type { CliResult } from './cli';

export interface WorkflowStep {
  name: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
export interface WorkflowJob {
  needs?: string;
  if?: string;
  environment?: string;
  permissions: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  steps: WorkflowStep[];
}
export interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, WorkflowJob>;
}

/** Whether the CLI knows `--all-envs` yet (another change of issue 22 adds it to validate, lint and compile --check). */
export function lacksAllEnvs(r: CliResult): boolean {
  return r.code === 2 && r.err.includes("unknown option '--all-envs'");
}
