/**
 * What a test file says about its pipeline, checked against the compiled pipeline before anything runs: the
 * pipeline exists (DS714), the tasks it names exist (DS718) and, for `expect.sql`, run SQL (DS722), the params of
 * `conf` are declared (DS725), alerts are expected only of a pipeline that has them (DS727), and declared outcomes
 * name what the pipeline runs (DS724, a warning). Plus DS700 at a pipeline's step when its class would be refused.
 */
import type { Diagnostic, JsonPath } from '../diagnostics/types';
import { Reporter, type Locator } from '../diagnostics/reporter';
import type { PipelineIR, StepIR } from '../ir/types';
import { fieldsOf } from '../ir/queries';
import type { AirflowTarget } from '../targets';
import { didYouMean } from '../util/suggest';
import { refusedTasks, taskClassesOf } from './operators';
import type { OutcomeName, TestSpec } from './test-file';

/** Kinds whose task renders SQL (`expect.sql`), and the rendered field that holds it. */
export const SQL_FIELDS: ReadonlyMap<string, string> = new Map([
  ['athena.query', 'query'],
  ['redshift.sql', 'sql'],
  ['redshift.copy', 'sql'],
]);

const hasTemplate = (s: string) => s.includes('{{') || s.includes('{%');

/** The tasks of a pipeline on a target: task id -> the step that makes it. */
export function tasksOf(ir: PipelineIR, target: AirflowTarget): Map<string, StepIR> {
  const steps = new Map(ir.steps.map((s) => [s.id, s]));
  return new Map(taskClassesOf(ir, target).map((t) => [t.taskId, steps.get(t.stepId)!]));
}

/** Problems of `test` against its pipeline (undefined when the project has no pipeline of that id). */
export function checkTestAgainstPipeline(
  test: TestSpec,
  pipelines: ReadonlyMap<string, PipelineIR>,
  target: AirflowTarget,
): { diagnostics: Diagnostic[]; ir?: PipelineIR } {
  const reporter = new Reporter(test.file, { locate: (path, at) => test.locate(path, at) });
  const ir = pipelines.get(test.pipeline);
  if (!ir) {
    const hint = didYouMean(test.pipeline, [...pipelines.keys()]);
    reporter.report('DS714', ['pipeline'], `the project has no pipeline '${test.pipeline}'`, {
      hint: hint ?? (pipelines.size ? `pipelines: ${[...pipelines.keys()].sort().join(', ')}` : 'the project has no pipeline that compiles'),
    });
    return { diagnostics: reporter.diagnostics };
  }
  const tasks = tasksOf(ir, target);
  const taskIds = [...tasks.keys()];
  const knownTask = (taskId: string, path: JsonPath, at: 'key' | 'value'): StepIR | undefined => {
    const step = tasks.get(taskId);
    if (!step) {
      const hint = didYouMean(taskId, taskIds);
      reporter.report('DS718', path, `pipeline '${ir.id}' has no task '${taskId}'`, { at, hint: hint ?? `its tasks: ${taskIds.join(', ')}` });
    }
    return step;
  };
  for (const t of test.expect.tasks) knownTask(t.taskId, t.path, 'key');
  for (const s of test.expect.sql) {
    const step = knownTask(s.taskId, s.path, 'key');
    if (step && !SQL_FIELDS.has(step.kind))
      reporter.report('DS722', s.path, `task '${s.taskId}' is a step of kind ${step.kind}, which runs no SQL`, { at: 'key' });
  }
  for (const c of test.expect.calls) if (c.task !== undefined) knownTask(c.task, [...c.path, 'task'], 'value');
  for (const a of test.expect.alerts) knownTask(a.taskId, a.path, 'value');
  if (test.expect.alerts.length > 0 && ir.notifications.onFailure.sns === null) {
    reporter.report('DS727', test.expect.alerts[0]!.path, `pipeline '${ir.id}' has no failure alert (notifications.onFailure), so none can fire`);
  }
  if (test.conf) {
    const params = ir.params.map((p) => p.name);
    for (const name of Object.keys(test.conf)) {
      if (params.includes(name)) continue;
      const hint = didYouMean(name, params);
      reporter.report('DS725', ['conf', name], `pipeline '${ir.id}' has no param '${name}'`, {
        at: 'key',
        hint: hint ?? (params.length ? `its params: ${params.join(', ')}` : 'it declares no params'),
      });
    }
  }
  for (const o of test.outcomeNames) {
    const used = namesUsed(ir, o.key);
    if (used.templated || used.names.some((n) => sameResource(o, n))) continue;
    reporter.report('DS724', o.path, `no step of '${ir.id}' runs ${WHAT[o.key]} '${o.name}', so this outcome is never used`, {
      at: 'key',
      hint: used.names.length ? `it runs: ${used.names.join(', ')}` : `it runs no ${WHAT[o.key]}`,
    });
  }
  return { diagnostics: reporter.diagnostics, ir };
}

const WHAT: Readonly<Record<OutcomeName['key'], string>> = {
  glueJobs: 'Glue job',
  lambda: 'Lambda function',
  emrServerless: 'EMR Serverless application',
  databrew: 'DataBrew job',
  flink: 'Flink application',
};

/** A Lambda function is named by its name or its ARN (`arn:aws:lambda:...:function:name[:qualifier]`). */
function sameResource(o: OutcomeName, name: string): boolean {
  if (o.name === name) return true;
  if (o.key !== 'lambda') return false;
  const short = (n: string) => (n.startsWith('arn:') ? (n.split(':')[6] ?? n) : n);
  return short(o.name) === short(name);
}

function namesUsed(ir: PipelineIR, key: OutcomeName['key']): { names: string[]; templated: boolean } {
  const names: string[] = [];
  for (const step of ir.steps) {
    const name =
      key === 'glueJobs'
        ? fieldsOf(step, 'glue.job')?.job
        : key === 'lambda'
          ? fieldsOf(step, 'lambda.invoke')?.function
          : key === 'emrServerless'
            ? fieldsOf(step, 'emr.serverless')?.application
            : key === 'databrew'
              ? fieldsOf(step, 'glue.databrew')?.job
              : fieldsOf(step, 'flink.start')?.application;
    if (name !== undefined) names.push(name);
  }
  return { names, templated: names.some(hasTemplate) };
}

/**
 * DS700 before any run, at each `airflow.operator` step whose class a test would refuse (not a step kind's class,
 * not an Amazon sensor, not named in test.allowOperators or --allow-operator).
 */
export function refusedOperatorDiagnostics(ir: PipelineIR, locator: Locator, target: AirflowTarget, allow: readonly string[]): Diagnostic[] {
  const reporter = new Reporter(ir.source.file, locator);
  const steps = new Map(ir.steps.map((s) => [s.id, s]));
  for (const t of refusedTasks(ir, target, allow)) {
    const step = steps.get(t.stepId)!;
    reporter.report(
      'DS700',
      [...step.origin.path, 'operator'],
      `step '${step.id}' runs ${t.cls}, which dagsmith test does not run unless it is allowed: the tests of pipeline '${ir.id}' are not run`,
      { hint: `if it is safe to run here: --allow-operator ${t.cls}, or test.allowOperators in dagsmith.config.yaml` },
    );
  }
  return reporter.diagnostics;
}
