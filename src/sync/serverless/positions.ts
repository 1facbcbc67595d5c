/**
 * Where in a pipeline's spec a place of its workflow definition comes from: the service names places by their path
 * in the definition (`my_dag.tasks.load.retries`, `my_dag.schedule`), in ValidationException FieldList entries and in
 * CreateWorkflow/UpdateWorkflow Warnings; dagsmith reports them at the spec's line and column.
 */
import type { JsonPath } from '../../diagnostics/types';
import type { PipelineIR, StepIR } from '../../ir/types';

/** DAG keys of the definition and the spec field each comes from. */
const DAG_FIELDS: ReadonlyMap<string, JsonPath> = new Map<string, JsonPath>([
  ['dag_id', ['id']],
  ['schedule', ['schedule']],
  ['schedule_interval', ['schedule']],
  ['start_date', ['startDate']],
  ['max_active_runs', ['maxActiveRuns']],
  ['params', ['params']],
  ['tasks', ['steps']],
  ['description', ['description']],
  ['tags', ['tags']],
  ['catchup', ['catchup']],
  ['dagrun_timeout', ['dagrunTimeout']],
]);

/** default_args keys and task settings, and the setting each comes from. */
const SETTING_FIELDS: ReadonlyMap<string, string> = new Map([
  ['retries', 'retries'],
  ['retry_delay', 'retryDelay'],
  ['retry_exponential_backoff', 'retryExponentialBackoff'],
  ['execution_timeout', 'executionTimeout'],
  ['aws_conn_id', 'awsConnId'],
  ['region_name', 'region'],
  ['deferrable', 'deferrable'],
]);

/**
 * The spec path of a definition path (its leading DAG id included), or undefined when it names nothing of this
 * pipeline. Task ids may hold dots (`group.step`): the longest task id that the path continues with wins.
 */
export function specPathOf(ir: PipelineIR, definitionPath: string): JsonPath | undefined {
  if (definitionPath !== ir.id && !definitionPath.startsWith(`${ir.id}.`)) return undefined;
  const rest = definitionPath.slice(ir.id.length + 1);
  if (rest === '') return ['id'];
  if (rest.startsWith('tasks.')) return taskPath(ir, rest.slice('tasks.'.length)) ?? ['steps'];
  if (rest.startsWith('default_args.')) {
    const key = rest.slice('default_args.'.length).split('.')[0]!;
    if (key === 'owner') return ['owner'];
    const setting = SETTING_FIELDS.get(key);
    return setting ? ['defaults', setting] : ['defaults'];
  }
  if (rest.startsWith('params.')) {
    const name = rest.slice('params.'.length);
    return ir.params.some((p) => p.name === name) ? ['params', name] : ['params'];
  }
  return DAG_FIELDS.get(rest.split('.')[0]!) ?? ['id'];
}

function taskPath(ir: PipelineIR, rest: string): JsonPath | undefined {
  let best: { step: StepIR; taskId: string } | undefined;
  for (const step of ir.steps) {
    // The step's own task, or one its kind adds (`<task id><suffix>`, e.g. an EMR step sensor `_wait`).
    for (const taskId of [step.taskId]) {
      if ((rest === taskId || rest.startsWith(`${taskId}.`) || rest.startsWith(`${taskId}_`)) && (!best || taskId.length > best.taskId.length)) {
        best = { step, taskId };
      }
    }
  }
  if (!best) return undefined;
  const base = best.step.origin.path;
  const after = rest.slice(best.taskId.length);
  const key = after.startsWith('.') ? after.slice(1).split('.')[0]! : '';
  if (key === '') return base;
  if (key === 'operator') return [...base, best.step.kind === 'airflow.operator' ? 'operator' : 'kind'];
  if (key === 'dependencies') return [...base, 'dependsOn'];
  if (key === 'trigger_rule') return [...base, 'triggerRule'];
  const setting = SETTING_FIELDS.get(key);
  if (setting) return best.step.overrides.includes(setting as StepIR['overrides'][number]) ? [...base, setting] : ['defaults', setting];
  if (best.step.kind === 'airflow.operator' && best.step.fields.arguments.some(([k]) => k === key)) return [...base, 'arguments', key];
  return [...base, 'kind'];
}
