/**
 * A pipeline as an MWAA Serverless workflow definition: the DAG mapping of the service's dag-factory dialect
 * (dag_id, schedule, start_date, params, default_args, tasks with their operator by dotted path, arguments and
 * dependencies), built from the IR with each kind's own `emit`, the same operator arguments the Python target
 * writes. What has no form in the dialect is returned as a problem with the spec path it concerns: validation
 * reports them (check.ts), the emitter refuses to run with one left (emit.ts).
 *
 * The dialect, as AWS's validator schema (vendored, src/serverless/validator-schema.ts) and dag-factory 1.0.1 on
 * Airflow 3.0.6 read it:
 *  - `default_args` takes only owner, retries, retry_delay, execution_timeout and a few more; the other settings
 *    (aws_conn_id, region_name, deferrable, retry_exponential_backoff) go on each task whose operator takes them,
 *    which is where Airflow's default_args would have put them;
 *  - a task's own `retry_delay` must be a string and `execution_timeout` an integer, neither of which Airflow takes
 *    (it wants timedeltas): only `default_args` can hold them, as the `{__type__: datetime.timedelta}` mappings
 *    dag-factory builds objects from;
 *  - `schedule` is a cron expression or null, read by Airflow 3 as a trigger timetable; there is no timezone key;
 *  - `params` map names to strings; there are no task groups (tasks are written with the ids Airflow gives them in
 *    their group), no setup/teardown tasks and no outlets.
 */
import type { JsonPath } from '../../diagnostics/types';
import type { Code } from '../../diagnostics/codes';
import type { PipelineIR, StepIR } from '../../ir/types';
import { PRESET_CRON } from '../../ir/types';
import { timedeltaExpr, type PyExpr, type PyKwarg } from '../../base/python-expr';
import type { Duration } from '../../base/durations';
import { kindOf } from '../../steps/index';
import { airflowClassOn, type EmitContext } from '../../steps/types';
import type { AirflowTarget } from '../../targets';
import { baseOperatorTakes, serverlessOperator, type ServerlessOperator } from '../../serverless/dialect';
import { serverlessValidatorSchema, type RuleCall } from '../../serverless/validator-schema';
import { DAG_FACTORY_KEYS, isYamlMap, translate, type YamlMap, type YamlValue } from './values';

/** Something in a pipeline the workflow dialect cannot say (or says differently), with where the spec says it. */
export interface WorkflowProblem {
  readonly code: Code;
  readonly path: JsonPath;
  readonly message: string;
  readonly at?: 'key' | 'value';
  readonly hint?: string;
  /** A mapping key somewhere under `path` in the spec: the problem is reported where it is written. */
  readonly findKey?: string;
}

export interface WorkflowOptions {
  /**
   * The environment deploys a code package with its workflows (the workflow's `Code`): the service then runs
   * operators outside its allowlist too (Python, Bash and custom operators), so those are warnings, not errors.
   */
  readonly codePackage?: boolean;
}

export interface Workflow {
  /** The definition: one DAG, under its id. */
  readonly document: YamlMap;
  /** Task ids in the order written, with their operator and upstream task ids. */
  readonly tasks: readonly { readonly taskId: string; readonly operator: string; readonly upstream: readonly string[] }[];
}

/** Top-level keys of a definition that dag-factory reads as settings, not as DAGs (dagfactory.py SYSTEM_PARAMS). */
const DAG_FACTORY_TOP_LEVEL_KEYS: ReadonlySet<string> = new Set(['default', 'task_groups']);

export function buildWorkflow(
  ir: PipelineIR,
  target: AirflowTarget,
  opts: WorkflowOptions = {},
): { workflow: Workflow; problems: WorkflowProblem[] } {
  const problems: WorkflowProblem[] = [];
  checkNames(ir, problems);
  const dag = new Map<string, YamlValue>([['dag_id', ir.id]]);
  dag.set('schedule', scheduleOf(ir, problems));
  if (ir.timezone !== 'UTC') {
    problems.push({
      code: 'DS538',
      path: ['timezone'],
      message: `MWAA Serverless workflows have no timezone: dag-factory reads start_date in UTC and Airflow runs the cron schedule in UTC; '${ir.timezone}' cannot be carried over`,
      hint: 'write startDate and the schedule in UTC and set timezone: UTC',
    });
  }
  if (ir.startDate) dag.set('start_date', dateText(ir.startDate));
  if (ir.maxActiveRuns !== null) dag.set('max_active_runs', ir.maxActiveRuns);
  if (ir.maxActiveTasks !== null) dag.set('max_active_tasks', ir.maxActiveTasks);
  const params = paramsOf(ir, problems);
  if (params.size > 0) dag.set('params', params);
  dag.set('default_args', defaultArgsOf(ir));
  const { tasks, summary } = tasksOf(ir, target, opts, problems);
  dag.set('tasks', tasks);
  return { workflow: { document: new Map([[ir.id, dag]]), tasks: summary }, problems };
}

/** DS550: names that are keys of the definition and that dag-factory does not read as names. */
function checkNames(ir: PipelineIR, problems: WorkflowProblem[]): void {
  const special = (name: string) => DAG_FACTORY_KEYS.has(name);
  if (DAG_FACTORY_TOP_LEVEL_KEYS.has(ir.id) || special(ir.id)) {
    problems.push({
      code: 'DS550',
      path: ['id'],
      message: `a workflow definition holds its DAG under its id, and dag-factory reads a top-level '${ir.id}' as something else than a DAG`,
    });
  }
  for (const step of ir.steps) {
    if (special(step.taskId)) {
      problems.push({
        code: 'DS550',
        path: [...step.origin.path, 'id'],
        message: `task id '${step.taskId}' is a key dag-factory reads as a call of Python code, not as a task`,
      });
    }
  }
  for (const p of ir.params) {
    if (special(p.name))
      problems.push({
        code: 'DS550',
        path: p.origin.path,
        at: 'key',
        message: `param '${p.name}' is a key dag-factory reads as a call of Python code, not as a param`,
      });
  }
}

/** A cron expression (presets as Airflow expands them) or null; what else a schedule can be has no form here. */
function scheduleOf(ir: PipelineIR, problems: WorkflowProblem[]): string | null {
  const s = ir.schedule;
  const refuse = (what: string): null => {
    problems.push({
      code: 'DS537',
      path: ['schedule'],
      message: `MWAA Serverless schedules a workflow by a cron expression or not at all: ${what} cannot be carried over`,
      hint: 'use a cron expression, or no schedule and start runs with StartWorkflowRun',
    });
    return null;
  };
  switch (s.type) {
    case 'none':
      return null;
    case 'cron':
      return s.expression;
    case 'preset':
      return s.preset === '@once' ? refuse("'@once' (one run, then never again)") : PRESET_CRON[s.preset]!;
    case 'interval':
      return refuse(`a fixed interval ('every: ${s.every.text}')`);
    case 'assets':
      return refuse('an asset (data-aware) schedule');
  }
}

function dateText(d: NonNullable<PipelineIR['startDate']>): string {
  const p2 = (n: number) => String(n).padStart(2, '0');
  const date = `${String(d.year).padStart(4, '0')}-${p2(d.month)}-${p2(d.day)}`;
  return d.hour || d.minute || d.second ? `${date}T${p2(d.hour)}:${p2(d.minute)}:${p2(d.second)}` : date;
}

/** Params as the dialect has them: a name and a string default (the Param's other keywords are not carried). */
function paramsOf(ir: PipelineIR, problems: WorkflowProblem[]): Map<string, YamlValue> {
  const out = new Map<string, YamlValue>();
  for (const p of ir.params) {
    if (DAG_FACTORY_KEYS.has(p.name)) continue; // DS550
    if (!p.hasDefault) {
      problems.push({
        code: 'DS548',
        path: p.origin.path,
        at: 'key',
        message: `param '${p.name}' has no default: MWAA Serverless params are names with string values, so a param a run must supply cannot be carried over`,
        hint: 'give it a default',
      });
    } else if (typeof p.default !== 'string') {
      problems.push({
        code: 'DS548',
        path: [...p.origin.path, 'default'],
        message: `param '${p.name}' has a default of type ${p.default === null ? 'null' : Array.isArray(p.default) ? 'list' : typeof p.default}: MWAA Serverless params are strings`,
        hint: 'use a string default, and convert it where the value is used',
      });
    } else {
      out.set(p.name, p.default);
    }
  }
  return out;
}

const timedelta = (d: Duration): YamlValue => {
  const t = translate(timedeltaExpr(d));
  if (!t.ok) throw new Error(`internal error: a duration has no workflow form (${t.reason})`);
  return t.value;
};

/** default_args: what the dialect allows there of the pipeline's settings, every one explicit as in the Python target. */
function defaultArgsOf(ir: PipelineIR): Map<string, YamlValue> {
  const d = ir.defaults;
  const args = new Map<string, YamlValue>([
    ['owner', ir.owner],
    ['retries', d.retries],
    ['retry_delay', timedelta(d.retryDelay)],
  ]);
  if (d.executionTimeout !== null) args.set('execution_timeout', timedelta(d.executionTimeout));
  return args;
}

interface TaskSpec {
  readonly taskId: string;
  readonly cls: string;
  /** The kind's arguments for this task. */
  readonly own: readonly PyKwarg[];
  readonly upstream: readonly string[];
  readonly triggerRule: string | null;
  /** Where an argument's problem is reported: `arguments.<name>` for airflow.operator, the step's kind otherwise. */
  argumentPath(name: string): JsonPath;
}

function tasksOf(
  ir: PipelineIR,
  target: AirflowTarget,
  opts: WorkflowOptions,
  problems: WorkflowProblem[],
): { tasks: Map<string, YamlValue>; summary: Workflow['tasks'] } {
  const taskIds = new Map(ir.steps.map((s) => [s.id, s.taskId]));
  const ctx: EmitContext = {
    target,
    taskIdOf: (id) => {
      const t = taskIds.get(id);
      if (t === undefined) throw new Error(`internal error: step '${id}' is referenced but not in the pipeline`);
      return t;
    },
  };
  // A step's downstream steps wait for its last task: the one its kind adds after it, if any.
  const lastTaskOf = new Map<string, string>();
  const specs = new Map<StepIR, TaskSpec[]>();
  for (const step of ir.steps) {
    const kind = kindOf(step.kind);
    const at = (field: string): JsonPath => [...step.origin.path, field];
    const extras = kind.extraTasks?.(step.fields, step, ctx) ?? [];
    for (const extra of extras.filter((e) => e.placement === 'teardown')) {
      problems.push({
        code: 'DS547',
        path: at('kind'),
        message: `${step.kind} adds a teardown task (${extra.airflowClass.name}, '${step.taskId}${extra.suffix}') that runs when the rest of the run is done; the MWAA Serverless dialect has no setup and teardown tasks`,
        hint: 'leave the teardown out, for flink.start with stopAtEnd: false, and stop the resource another way',
      });
    }
    const cls = airflowClassOn(kind, step.fields, target);
    const argumentPath = (name: string): JsonPath => (step.kind === 'airflow.operator' ? at('arguments').concat(name) : at('kind'));
    const list: TaskSpec[] = [
      {
        taskId: step.taskId,
        cls: `${cls.module}.${cls.name}`,
        own: kind.emit(step.fields, step, ctx),
        upstream: [],
        triggerRule: step.triggerRule === 'all_success' ? null : step.triggerRule,
        argumentPath,
      },
    ];
    const follower = extras.find((e) => e.placement === 'after');
    if (follower) {
      list.push({
        taskId: `${step.taskId}${follower.suffix}`,
        cls: `${follower.airflowClass.module}.${follower.airflowClass.name}`,
        own: follower.kwargs,
        upstream: [step.taskId],
        triggerRule: null,
        argumentPath: () => at('kind'),
      });
    }
    lastTaskOf.set(step.id, list[list.length - 1]!.taskId);
    specs.set(step, list);
  }
  const tasks = new Map<string, YamlValue>();
  const summary: { taskId: string; operator: string; upstream: string[] }[] = [];
  for (const step of ir.steps) {
    const [own, ...rest] = specs.get(step)!;
    const upstream = step.dependsOn.map((d) => lastTaskOf.get(d)!);
    for (const spec of [{ ...own!, upstream }, ...rest]) {
      tasks.set(spec.taskId, taskOf(ir, step, spec, target, opts, problems));
      summary.push({ taskId: spec.taskId, operator: spec.cls, upstream: [...spec.upstream] });
    }
  }
  return { tasks, summary };
}

/**
 * Arguments dagsmith writes as a safe default (src/steps/on-kill.ts) with the value the operators have by default in
 * apache-airflow-providers-amazon 9.30.0 (EmrServerlessStartJobOperator: cancel_on_kill=True).
 */
const OPERATOR_DEFAULTS: ReadonlyMap<string, unknown> = new Map([['cancel_on_kill', true]]);

function isOperatorDefault(name: string, expr: PyExpr): boolean {
  return OPERATOR_DEFAULTS.has(name) && expr.t === 'lit' && expr.value === OPERATOR_DEFAULTS.get(name);
}

/** One task: operator, the kind's arguments, the settings Airflow would have given it, trigger rule, dependencies. */
function taskOf(
  ir: PipelineIR,
  step: StepIR,
  spec: TaskSpec,
  target: AirflowTarget,
  opts: WorkflowOptions,
  problems: WorkflowProblem[],
): Map<string, YamlValue> {
  const task = new Map<string, YamlValue>([['operator', spec.cls]]);
  const op = operatorOf(step, spec, opts, problems);
  const taskKeys = serverlessValidatorSchema().taskKeys;
  for (const [name, expr] of spec.own) {
    const path = spec.argumentPath(name);
    const at = step.kind === 'airflow.operator' ? ('key' as const) : ('value' as const);
    const rule = taskKeys.get(name);
    // dagsmith's safe default that is also the operator's default in the provider MWAA Serverless runs: leaving it out
    // of the definition (whose dialect has no such key) says the same.
    if (!rule && isOperatorDefault(name, expr)) continue;
    if (!rule || name === 'operator' || name === 'dependencies') {
      problems.push({
        code: 'DS533',
        path,
        at,
        message: `${shortName(spec.cls)} argument '${name}' is not a task key of the MWAA Serverless dialect (AWS's validator refuses the workflow)`,
      });
      continue;
    }
    if (op?.importable && !op.takes(name)) {
      problems.push({
        code: 'DS534',
        path,
        at,
        message: `${shortName(spec.cls)} takes no argument '${name}' in apache-airflow-providers-amazon ${target.provider}, which MWAA Serverless runs`,
      });
      continue;
    }
    const value = translate(expr);
    if (!value.ok) {
      problems.push({
        code: value.key !== undefined ? 'DS536' : 'DS535',
        path: value.key !== undefined ? step.origin.path : path,
        at: value.key !== undefined ? 'key' : at,
        ...(value.key !== undefined ? { findKey: value.key } : {}),
        message: `${shortName(spec.cls)} argument '${name}' cannot be written in the workflow definition: ${value.reason}`,
      });
      continue;
    }
    if (!matchesRule(rule.rule, value.value)) {
      problems.push({
        code: 'DS535',
        path,
        at,
        message: `${shortName(spec.cls)} argument '${name}' does not fit the MWAA Serverless dialect, which takes ${rule.text.replace(/\(required=False\)$/, '')} there`,
      });
      continue;
    }
    task.set(name, value.value);
  }
  for (const [name, value] of settingsOf(ir, step, spec, op, target, problems)) task.set(name, value);
  if (spec.triggerRule !== null) {
    const allowed = triggerRules();
    if (allowed.includes(spec.triggerRule)) task.set('trigger_rule', spec.triggerRule);
    else {
      problems.push({
        code: 'DS546',
        path: [...step.origin.path, 'triggerRule'],
        message: `trigger rule '${spec.triggerRule}' is not one the MWAA Serverless dialect takes (${allowed.join(', ')})`,
      });
    }
  }
  if (spec.upstream.length > 0) task.set('dependencies', [...spec.upstream]);
  return task;
}

/** The operator as the service knows it; DS530-DS532 when it does not run it. */
function operatorOf(
  step: StepIR,
  spec: TaskSpec,
  opts: WorkflowOptions,
  problems: WorkflowProblem[],
): Extract<ServerlessOperator, { allowed: true }> | undefined {
  const op = serverlessOperator(spec.cls);
  const path: JsonPath = [...step.origin.path, step.kind === 'airflow.operator' && spec.taskId === step.taskId ? 'operator' : 'kind'];
  const which = spec.taskId === step.taskId ? `step '${step.id}'` : `task '${spec.taskId}' (which ${step.kind} adds)`;
  if (!op.allowed) {
    problems.push(
      opts.codePackage
        ? {
            code: 'DS531',
            path,
            message: `${spec.cls} (${which}) is not on the MWAA Serverless operator allowlist; the service runs it only from the workflow's code package, which must provide it`,
          }
        : {
            code: 'DS530',
            path,
            message: `${spec.cls} (${which}) is not on the MWAA Serverless operator allowlist: CreateWorkflow would refuse the workflow`,
            hint: 'use an allowlisted operator, or deploy a code package with the workflows: serverless.code in dagsmith.config.yaml',
          },
    );
    return undefined;
  }
  if (!op.importable) {
    problems.push({
      code: 'DS532',
      path,
      message: `${spec.cls} (${which}) is on the MWAA Serverless allowlist but does not exist in the amazon provider the service runs (${op.error})`,
    });
    return undefined;
  }
  return op;
}

/**
 * The settings of a task that default_args cannot carry in the dialect, with the values Airflow gives the task in
 * the Python target: an argument the kind passes wins, then the step's own setting (where the Python target
 * writes it), then the pipeline default for an operator that takes it (Airflow's default_args rule).
 */
function settingsOf(
  ir: PipelineIR,
  step: StepIR,
  spec: TaskSpec,
  op: Extract<ServerlessOperator, { allowed: true }> | undefined,
  target: AirflowTarget,
  problems: WorkflowProblem[],
): [string, YamlValue][] {
  const kind = kindOf(step.kind);
  const passes = (arg: string) => spec.own.some(([k]) => k === arg);
  // An operator outside the table (run from a code package) is known to take BaseOperator's arguments only.
  const takes = (arg: string) => (op?.importable ? op.takes(arg) : baseOperatorTakes(arg)) && !passes(arg);
  const sets = (s: (typeof step.overrides)[number]) => step.overrides.includes(s);
  const out: [string, YamlValue][] = [];
  if (sets('retries') && !passes('retries')) out.push(['retries', step.settings.retries]);
  for (const [setting, arg] of [
    ['retryDelay', 'retry_delay'],
    ['executionTimeout', 'execution_timeout'],
  ] as const) {
    const mine = step.settings[setting];
    const theirs = ir.defaults[setting];
    // Only the first task of the step reports (its sensor has the same setting).
    if (sets(setting) && !passes(arg) && mine?.seconds !== theirs?.seconds && spec.taskId === step.taskId) {
      problems.push({
        code: 'DS545',
        path: [...step.origin.path, setting],
        message: `a step's own ${setting} has no form in the MWAA Serverless dialect: a task's ${arg} must be ${arg === 'retry_delay' ? 'a string' : 'an integer'} there, which Airflow does not take (it wants a timedelta); only defaults.${setting} can be carried over`,
        hint: `move it to defaults.${setting}, or leave it out`,
      });
    }
  }
  if (step.settings.retryExponentialBackoff && takes('retry_exponential_backoff')) out.push(['retry_exponential_backoff', true]);
  // Task keys of the dialect (pool_slots and queue are not: DS540).
  if (step.settings.priorityWeight !== null && !passes('priority_weight')) out.push(['priority_weight', step.settings.priorityWeight]);
  if (step.settings.weightRule !== null && !passes('weight_rule')) out.push(['weight_rule', step.settings.weightRule]);
  if (takes('aws_conn_id')) out.push(['aws_conn_id', step.settings.awsConnId]);
  if (takes('region_name')) {
    const region = sets('region') && (kind.takesRegion?.(target) ?? true) ? step.settings.region : ir.defaults.region;
    if (region !== null) out.push(['region_name', region]);
  }
  if (takes('deferrable')) {
    out.push(['deferrable', sets('deferrable') && kind.supportsDeferrable ? step.settings.deferrable : ir.defaults.deferrable]);
  }
  return out;
}

function triggerRules(): string[] {
  const rule = serverlessValidatorSchema().taskKeys.get('trigger_rule')?.rule;
  return rule?.validator === 'enum' ? rule.args.filter((a): a is string => typeof a === 'string') : [];
}

function shortName(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}

/**
 * Whether a value passes a Yamale rule of AWS's validator schema (the validators the schema uses; null passes an
 * optional key, as in Yamale). An unknown validator refuses nothing: Yamale is the judge in the @airflow suite.
 */
export function matchesRule(rule: RuleCall, value: YamlValue): boolean {
  if (value === null) return true;
  const inner = rule.args.filter((a): a is RuleCall => a !== null && typeof a === 'object');
  switch (rule.validator) {
    case 'any':
    case 'include':
      return true;
    case 'str':
      return (
        typeof value === 'string' && inner.every((r) => r.validator !== 'regex' || typeof r.args[0] !== 'string' || new RegExp(r.args[0]).test(value))
      );
    case 'int':
      return typeof value === 'number' && Number.isInteger(value);
    case 'num':
      return typeof value === 'number';
    case 'bool':
      return typeof value === 'boolean';
    case 'enum':
      return rule.args.includes(value as string);
    case 'list':
      return Array.isArray(value) && (inner.length === 0 || (value as readonly YamlValue[]).every((v) => inner.some((r) => matchesRule(r, v))));
    case 'map':
      return isYamlMap(value) && (inner.length === 0 || [...value.values()].every((v) => inner.some((r) => matchesRule(r, v))));
    default:
      return true;
  }
}
