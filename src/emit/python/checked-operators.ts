/**
 * Operators whose task must fail when the work it waited for failed, and does not: a DAG file that has such a task
 * defines a fixed subclass of the provider's operator and uses it instead. The subclass changes nothing but that
 * check: its arguments, template fields, deferral and links are the operator's own.
 *
 * - GlueDataBrewStartJobOperator: the provider's `job_complete` waiter, and the deferrable trigger built on it,
 *   accept FAILED, STOPPED and TIMEOUT as well as SUCCEEDED as the end of a run (amazon provider 9.0.0, 9.12.0,
 *   9.22.0 and 9.34.0), so the task succeeded whatever the run did. The subclass reads the run's state once the
 *   operator has waited (or been resumed after deferring) and fails the task unless it is SUCCEEDED; a run not waited
 *   for keeps the provider's class.
 *
 * The class text is fixed, like the fan-out list functions: only the local name of its base class varies (`BASE`),
 * and `dagsmith test` accepts a class of this name only when its syntax tree is exactly this text with that name
 * bound to the operator's import (python/dagsmith_runner/checked_operators.py keeps a copy; a test checks they agree).
 */
import type { GlueDatabrewFields } from '../../steps/glue-databrew';
import type { PyWriter } from './writer';

export interface CheckedOperator {
  /** The class a task of the kind is an instance of, as the provider names it. */
  readonly base: { readonly module: string; readonly name: string };
  /** Whether a task of the kind with these fields needs the check (one that waits for nothing does not). */
  readonly applies: (fields: never) => boolean;
  /** The subclass's name in the DAG file (kept clear of task variables: dag.ts). */
  readonly name: string;
  /** Its text, top level, four-space indents; `BASE` stands for the base class's local name. */
  readonly source: string;
}

/** By step kind. */
export const CHECKED_OPERATORS: Readonly<Record<string, CheckedOperator>> = {
  'glue.databrew': {
    base: { module: 'airflow.providers.amazon.aws.operators.glue_databrew', name: 'GlueDataBrewStartJobOperator' },
    applies: (f: GlueDatabrewFields) => f.waitForCompletion,
    name: '_DagsmithDataBrewStartJobOperator',
    source: `class _DagsmithDataBrewStartJobOperator(BASE):
    """GlueDataBrewStartJobOperator whose task fails unless the job run it waited for ended SUCCEEDED (the provider's
    waiter also ends on FAILED, STOPPED and TIMEOUT, and its task then succeeded)."""

    def execute(self, context):
        result = super().execute(context)
        if self.wait_for_completion:
            self._dagsmith_check_run(result["run_id"])
        return result

    def execute_complete(self, context, event=None):
        result = super().execute_complete(context, event)
        self._dagsmith_check_run(result["run_id"])
        return result

    def _dagsmith_check_run(self, run_id):
        state = self.hook.get_job_state(self.job_name, run_id)
        if state != "SUCCEEDED":
            raise RuntimeError(f"DataBrew job {self.job_name!r} run {run_id} ended {state}, not SUCCEEDED")
`,
  },
};

/** The names the subclasses take in a DAG file. */
export const CHECKED_OPERATOR_NAMES: readonly string[] = Object.values(CHECKED_OPERATORS).map((c) => c.name);

/** Writes the subclasses the file's tasks use (`used`: subclass name -> its base's local name), in a fixed order. */
export function writeCheckedOperators(w: PyWriter, used: ReadonlyMap<string, string>): void {
  for (const c of Object.values(CHECKED_OPERATORS)) {
    const base = used.get(c.name);
    if (base === undefined) continue;
    for (const line of c.source.replace('(BASE)', `(${base})`).trimEnd().split('\n')) w.line(line);
    w.blank();
  }
}
