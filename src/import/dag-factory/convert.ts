/**
 * dag-factory DAG configurations -> dagsmith pipeline specs. The configuration of each DAG is put together as
 * dag-factory 1.0.1 does (defaults.yml files from the file's folder up to the defaults root, the file's `default`
 * block, the DAG's own keys), then each part is carried over to the field of the pipeline spec that means the same:
 * settings to `defaults` and step fields, tasks (a list or a mapping) to steps with their `dependsOn`, task groups to
 * `group` (a nested group's inner path becomes part of the step id, so that task ids stay what Airflow made them),
 * dependencies on groups to dependencies on their tasks. An operator becomes a typed kind where one takes all its
 * arguments (reverse-kinds.ts), `airflow.operator` otherwise. What has no field is written as a comment where it was,
 * with a warning at its position in the dag-factory file.
 */
import type { Reporter } from '../../diagnostics/reporter';
import type { Code } from '../../diagnostics/codes';
import type { JsonPath } from '../../diagnostics/types';
import { TRIGGER_RULES } from '../../base/settings';
import { AIRFLOW_GROUP_ID, AIRFLOW_ID, SCHEDULE_PRESETS } from '../../base/values';
import { s3UriError } from '../../base/s3-uri';
import { isRecord } from '../../util/is-record';
import type { DagFactoryText } from './read';
import { durationOf } from './duration';
import { typedStepFor } from './reverse-kinds';

/** A pipeline spec made from one DAG, with comments (by spec path) for what it could not hold. */
export interface ImportedPipeline {
  readonly id: string;
  /** Where the DAG is in the dag-factory file. */
  readonly dagPath: JsonPath;
  readonly spec: Record<string, unknown>;
  /** Comment lines to write before the node at each spec path ([] = the top of the file). */
  readonly comments: readonly { readonly path: JsonPath; readonly lines: readonly string[] }[];
}

export interface ConvertContext {
  readonly reporter: Reporter;
  /** The day a relative start date is fixed to (the import's date). */
  readonly today: string;
}

/** Top-level keys dag-factory reads as settings, not DAGs. */
const SYSTEM_KEYS = new Set(['default', 'task_groups']);
/** Task keys dag-factory reads itself (dagbuilder.py SYSTEM_PARAMS, plus the ones it resolves before the operator). */
const PLACEMENT_KEYS = new Set(['operator', 'decorator', 'dependencies', 'task_group_name', 'task_id', 'parent_group_name']);
const PYTHON_KEYS = new Set(['python_callable', 'python_callable_name', 'python_callable_file']);
const CALLBACK_KEY = /^(on_(execute|success|failure|retry|skipped)_callback|sla_miss_callback)(_name|_file)?$/;
const PLACEHOLDER = 'airflow.operators.empty.EmptyOperator';

/** dag-factory's merge (utils.merge_configs): `config` wins, nested mappings are merged key by key. */
function mergeConfigs(config: Record<string, unknown>, defaults: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...config };
  for (const [k, v] of Object.entries(defaults)) {
    const mine = Object.hasOwn(out, k) ? out[k] : undefined;
    if (mine === undefined && !Object.hasOwn(out, k)) out[k] = v;
    else if (isRecord(mine) && isRecord(v)) out[k] = mergeConfigs(mine, v);
  }
  return out;
}

/**
 * The global defaults of dag-factory 1.0.1 (dagfactory.py `_global_default_args`): the defaults.yml files, the one
 * nearest the DAG file winning; default_args merged key by key, other keys by the nearest, tags united.
 */
export function mergeGlobalDefaults(configs: readonly Record<string, unknown>[]): Record<string, unknown> {
  const defaultArgs: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const c of configs) {
    if (isRecord(c.default_args)) Object.assign(defaultArgs, c.default_args);
    for (const [k, v] of Object.entries(c)) {
      if (k === 'default_args') continue;
      if (k === 'tags' && Array.isArray(v)) {
        const before: unknown[] = Array.isArray(rest.tags) ? (rest.tags as unknown[]) : [];
        rest.tags = [...new Set([...before, ...(v as unknown[])].map(String))].sort();
      } else rest[k] = v;
    }
  }
  return { default_args: defaultArgs, ...rest };
}

/** Every DAG of a file, each as a pipeline spec (DAGs that cannot be imported are reported, DS801, and left out). */
export function convertFile(input: DagFactoryText, globalDefaults: Record<string, unknown>, ctx: ConvertContext): ImportedPipeline[] {
  const data = input.data;
  if (!isRecord(data)) {
    ctx.reporter.report(
      'DS800',
      [],
      `a dag-factory file is a mapping of DAG names to their configuration, not ${data === null ? 'an empty document' : Array.isArray(data) ? 'a list' : `a ${typeof data}`}`,
    );
    return [];
  }
  const fileDefault = isRecord(data.default) ? data.default : {};
  const globalArgs = isRecord(globalDefaults.default_args) ? globalDefaults.default_args : {};
  const defaultConfig = { ...fileDefault, default_args: { ...globalArgs, ...(isRecord(fileDefault.default_args) ? fileDefault.default_args : {}) } };
  const dagLevel = Object.fromEntries(Object.entries(globalDefaults).filter(([k]) => k !== 'default_args'));
  const out: ImportedPipeline[] = [];
  for (const [name, raw] of Object.entries(data)) {
    if (SYSTEM_KEYS.has(name)) continue;
    if (!isRecord(raw)) {
      ctx.reporter.report('DS801', [name], `'${name}' is not a DAG configuration (a mapping)`, { at: 'key' });
      continue;
    }
    const params = mergeConfigs({ ...dagLevel, ...raw }, defaultConfig);
    const pipeline = new DagConverter(name, params, input, ctx, raw, fileDefault).convert();
    if (pipeline) out.push(pipeline);
  }
  return out;
}

interface TaskEntry {
  readonly id: string;
  readonly conf: Record<string, unknown>;
  readonly path: JsonPath;
}

interface GroupEntry {
  readonly name: string;
  readonly conf: Record<string, unknown>;
  readonly path: JsonPath;
}

class DagConverter {
  private readonly spec: Record<string, unknown> = { version: 1 };
  private readonly comments: { path: JsonPath; lines: string[] }[] = [];
  private readonly top: string[] = [];
  private failed = false;

  constructor(
    private readonly name: string,
    private readonly params: Record<string, unknown>,
    private readonly input: DagFactoryText,
    private readonly ctx: ConvertContext,
    /** The DAG's own configuration and the file's `default` block: where a merged key was written. */
    private readonly own: Record<string, unknown>,
    private readonly fileDefault: Record<string, unknown>,
  ) {}

  /**
   * Where a key of the merged configuration is written in the file: the DAG's own key, else the file's `default`
   * block, else (a defaults.yml file) the DAG.
   */
  private where(path: JsonPath): JsonPath {
    const rest = path.slice(1);
    const has = (root: unknown) =>
      rest.every((seg) => (isRecord(root) ? ((root = Object.hasOwn(root, seg) ? root[seg] : undefined), root !== undefined) : false));
    if (has(this.own)) return path;
    if (has(this.fileDefault)) return ['default', ...rest];
    return [this.name];
  }

  convert(): ImportedPipeline | undefined {
    const { name, params } = this;
    if (!AIRFLOW_ID.test(name) || name.startsWith('.')) {
      this.fail([name], `DAG name '${name}' is not a pipeline id (letters, digits, '_', '.' and '-', at most 250, not starting with '.')`, 'key');
      return undefined;
    }
    this.spec.id = name;
    const defaultArgs = isRecord(params.default_args) ? params.default_args : {};
    const timezone = params.timezone ?? defaultArgs.timezone;
    this.setDescription();
    if (typeof defaultArgs.owner === 'string') this.spec.owner = this.text(defaultArgs.owner, [name, 'default_args', 'owner']);
    if (Array.isArray(params.tags) && params.tags.every((t) => typeof t === 'string')) this.spec.tags = params.tags;
    const scheduled = this.setSchedule();
    this.setStartDate(
      params.start_date ?? defaultArgs.start_date,
      params.start_date !== undefined ? 'start_date' : 'default_args.start_date',
      scheduled,
    );
    if (typeof timezone === 'string') this.spec.timezone = timezone;
    if (typeof params.catchup === 'boolean') this.spec.catchup = params.catchup;
    if (typeof params.max_active_runs === 'number') this.spec.maxActiveRuns = params.max_active_runs;
    const dagrunTimeout = durationOf(params.dagrun_timeout ?? params.dagrun_timeout_sec);
    if (dagrunTimeout) this.spec.dagrunTimeout = dagrunTimeout;
    this.setParams();
    const defaults = this.settings(defaultArgs, [name, 'default_args'], ['owner', 'start_date', 'timezone', 'end_date']);
    if (Object.keys(defaults).length > 0) this.spec.defaults = defaults;
    this.noteUnknownDagKeys();
    const steps = this.steps();
    if (this.failed || !steps) return undefined;
    this.spec.steps = steps;
    if (this.top.length > 0) this.comments.unshift({ path: [], lines: this.top });
    return { id: name, dagPath: [name], spec: this.spec, comments: this.comments };
  }

  private fail(path: JsonPath, message: string, at: 'key' | 'value' = 'value'): void {
    this.failed = true;
    this.ctx.reporter.report('DS801', path, message, { at });
  }

  /** A warning at the dag-factory file's position, and the same words as a comment in the pipeline. */
  private note(code: Code, inputPath: JsonPath, message: string, specPath: JsonPath | undefined = undefined, at: 'key' | 'value' = 'key'): void {
    const path = inputPath[0] === this.name && inputPath[1] !== 'tasks' && inputPath[1] !== 'task_groups' ? this.where(inputPath) : inputPath;
    this.ctx.reporter.report(code, path, message, { at: path.length === inputPath.length ? at : 'key' });
    const line = `${code}: ${message}`;
    if (specPath === undefined) this.top.push(line);
    else {
      const existing = this.comments.find((c) => JSON.stringify(c.path) === JSON.stringify(specPath));
      if (existing) existing.lines.push(line);
      else this.comments.push({ path: specPath, lines: [line] });
    }
  }

  /** A string value: `${` (a dagsmith deploy-time variable) written as `$${`, with a note for environment variables. */
  private text(value: string, path: JsonPath, specPath?: JsonPath): string {
    if (/\$\{?[A-Za-z_][A-Za-z0-9_]*/.test(value)) {
      this.note(
        'DS808',
        path,
        `'${short(value)}': dag-factory replaces $NAME by an environment variable when it loads the file; the text is kept as it is`,
        specPath,
        'value',
      );
    }
    return value.split('${').join('$${');
  }

  /** Strings anywhere in a value, through `text`. */
  private values(value: unknown, path: JsonPath, specPath?: JsonPath): unknown {
    if (typeof value === 'string') return this.text(value, path, specPath);
    if (value instanceof Date) return isoDate(value);
    if (Array.isArray(value)) return value.map((v, i) => this.values(v, [...path, i], specPath));
    if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.values(v, [...path, k], specPath)]));
    return value;
  }

  /** Where a value holds something dag-factory turns into a Python object: a tag, or a `__type__` mapping. */
  private pythonObjectIn(value: unknown, path: JsonPath): string | undefined {
    for (const [p, tag] of this.input.tags) {
      const at = JSON.parse(p) as JsonPath;
      if (at.length >= path.length && path.every((s, i) => at[i] === s)) return `the YAML tag ${tag}`;
    }
    const stack: unknown[] = [value];
    while (stack.length > 0) {
      const v = stack.pop();
      if (Array.isArray(v)) stack.push(...(v as unknown[]));
      else if (isRecord(v)) {
        if (typeof v.__type__ === 'string') return `a ${v.__type__} object (__type__)`;
        if ('__and__' in v || '__or__' in v || '__join__' in v) return 'an __and__/__or__/__join__ expression';
        stack.push(...Object.values(v));
      }
    }
    return undefined;
  }

  private setDescription(): void {
    const d = this.params.description;
    if (typeof d === 'string') this.spec.description = this.text(d, [this.name, 'description']);
  }

  /** The schedule; true when the pipeline is scheduled. */
  private setSchedule(): boolean {
    const { name, params } = this;
    const key = params.schedule !== undefined ? 'schedule' : params.schedule_interval !== undefined ? 'schedule_interval' : undefined;
    if (!key) return false;
    const s = params[key];
    const path = [name, key];
    const python = this.pythonObjectIn(s, path);
    if (s === null || (typeof s === 'string' && s.trim().toLowerCase() === 'none')) {
      this.spec.schedule = null;
      return false;
    }
    if (typeof s === 'string' && !python) {
      if (s.startsWith('@') && !(SCHEDULE_PRESETS as readonly string[]).includes(s)) {
        this.note(
          'DS806',
          path,
          `schedule '${s}' is not one dagsmith compiles (presets: ${SCHEDULE_PRESETS.join(', ')}); the pipeline is imported without a schedule`,
          [],
          'value',
        );
        return false;
      }
      this.spec.schedule = s;
      return true;
    }
    this.note(
      'DS806',
      path,
      `the schedule is ${python ?? (Array.isArray(s) ? 'a list of datasets or assets' : 'a mapping (datasets, conditions, a timetable)')}, which dagsmith does not compile; the pipeline is imported without a schedule`,
      [],
      'value',
    );
    return false;
  }

  private setStartDate(value: unknown, where: string, scheduled: boolean): void {
    const path = [this.name, ...where.split('.')];
    if (value === undefined) {
      if (scheduled) this.relativeStart(path, 'no start date');
      return;
    }
    if (value instanceof Date) {
      this.spec.startDate = isoDate(value);
      return;
    }
    if (typeof value === 'string') {
      const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?))?$/.exec(value.trim());
      if (m) {
        this.spec.startDate = m[2] ? `${m[1]}T${m[2].length === 5 ? `${m[2]}:00` : m[2]}` : m[1];
        return;
      }
    }
    this.relativeStart(path, `start date '${short(typeof value === 'string' ? value : (JSON.stringify(value) ?? 'null'))}'`);
  }

  private relativeStart(path: JsonPath, what: string): void {
    this.spec.startDate = this.ctx.today;
    this.note(
      'DS807',
      path,
      `${what}: dag-factory computes it when it parses the file; startDate is set to ${this.ctx.today} (the import's --start-date, default today)`,
      ['startDate'],
      'value',
    );
  }

  private setParams(): void {
    const p = this.params.params;
    if (!isRecord(p)) return;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(p)) {
      const path = [this.name, 'params', k];
      const python = this.pythonObjectIn(v, path);
      if (python) this.note('DS802', path, `param '${k}' is ${python}, which a pipeline cannot hold`, ['params']);
      else out[k] = { default: this.values(v, path) };
    }
    if (Object.keys(out).length > 0) this.spec.params = out;
  }

  /** The settings of default_args (or of a task) that dagsmith has fields for; the rest noted. */
  private settings(
    args: Record<string, unknown>,
    path: JsonPath,
    skip: readonly string[],
    specPath: JsonPath = ['defaults'],
  ): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(args)) {
      if (skip.includes(k)) continue;
      const here = [...path, k];
      const setting = settingOf(k, v);
      if (setting) out[setting.field] = setting.value;
      else this.note('DS802', here, `${k} is not carried over: ${settingWhy(k)}`, specPath);
    }
    return out;
  }

  private noteUnknownDagKeys(): void {
    const known = new Set([
      'default_args',
      'description',
      'schedule',
      'schedule_interval',
      'start_date',
      'timezone',
      'catchup',
      'tags',
      'max_active_runs',
      'dagrun_timeout',
      'dagrun_timeout_sec',
      'params',
      'tasks',
      'task_groups',
      'dag_id',
    ]);
    for (const k of Object.keys(this.params)) {
      if (!known.has(k)) this.note('DS802', [this.name, k], `${k} is not carried over: ${settingWhy(k)}`);
    }
  }

  private tasksOf(): TaskEntry[] | undefined {
    const { name } = this;
    const tasks = this.params.tasks;
    if (Array.isArray(tasks)) {
      const out: TaskEntry[] = [];
      tasks.forEach((t, i) => {
        if (!isRecord(t) || typeof t.task_id !== 'string') this.fail([name, 'tasks', i], 'a task of the list has no task_id');
        else out.push({ id: t.task_id, conf: t, path: [name, 'tasks', i] });
      });
      return out;
    }
    if (isRecord(tasks)) {
      return Object.entries(tasks).flatMap(([id, t]) => {
        if (!isRecord(t)) {
          this.fail([name, 'tasks', id], `task '${id}' is not a mapping`);
          return [];
        }
        return [{ id, conf: t, path: [name, 'tasks', id] }];
      });
    }
    this.fail([name], `DAG '${name}' has no tasks`, 'key');
    return undefined;
  }

  private groupsOf(): Map<string, GroupEntry> {
    const groups = new Map<string, GroupEntry>();
    const raw = this.params.task_groups;
    if (Array.isArray(raw)) {
      raw.forEach((g, i) => {
        if (isRecord(g) && typeof g.group_name === 'string')
          groups.set(g.group_name, { name: g.group_name, conf: g, path: [this.name, 'task_groups', i] });
      });
    } else if (isRecord(raw)) {
      for (const [n, g] of Object.entries(raw)) groups.set(n, { name: n, conf: isRecord(g) ? g : {}, path: [this.name, 'task_groups', n] });
    }
    return groups;
  }

  /** The group path of a group: its ancestors and itself, outermost first. */
  private groupPath(groups: ReadonlyMap<string, GroupEntry>, name: string): string[] {
    const out: string[] = [];
    for (
      let g = groups.get(name), i = 0;
      g && i < 32;
      g = typeof g.conf.parent_group_name === 'string' ? groups.get(g.conf.parent_group_name) : undefined, i++
    ) {
      out.unshift(g.name);
    }
    return out;
  }

  private steps(): Record<string, unknown>[] | undefined {
    const tasks = this.tasksOf();
    if (!tasks) return undefined;
    const groups = this.groupsOf();
    for (const g of groups.values()) {
      const extra = Object.keys(g.conf).filter((k) => !['group_name', 'parent_group_name', 'dependencies'].includes(k));
      if (extra.length > 0) this.note('DS805', g.path, `task group '${g.name}': ${extra.join(', ')} not carried over (a dagsmith group is a name)`);
      if (typeof g.conf.parent_group_name === 'string') {
        this.note(
          'DS805',
          [...g.path, 'parent_group_name'],
          `task group '${g.name}' is nested in '${g.conf.parent_group_name}': its tasks are written in group '${this.groupPath(groups, g.name)[0]}' with ids that keep the inner path, so that their task ids stay the same`,
        );
      }
    }
    // Step ids: the task id, prefixed by the inner group path of a nested group; group: the outermost group.
    const placed = new Map<string, { stepId: string; group?: string; groupPath: string[] }>();
    for (const t of tasks) {
      if (!AIRFLOW_ID.test(t.id)) {
        this.fail(t.path, `task id '${t.id}' is not one Airflow takes (letters, digits, '_', '.' and '-', at most 250)`);
        continue;
      }
      const g = typeof t.conf.task_group_name === 'string' ? t.conf.task_group_name : undefined;
      if (g !== undefined && !groups.has(g)) {
        this.fail([...t.path, 'task_group_name'], `task '${t.id}' names task group '${g}', which the DAG does not define`);
        continue;
      }
      const path = g ? this.groupPath(groups, g) : [];
      if (path[0] !== undefined && !AIRFLOW_GROUP_ID.test(path[0])) {
        this.fail([...t.path, 'task_group_name'], `task group '${path[0]}' is not a group id dagsmith takes (letters, digits, '_' and '-')`);
        continue;
      }
      placed.set(t.id, { stepId: [...path.slice(1), t.id].join('.'), ...(path[0] !== undefined ? { group: path[0] } : {}), groupPath: path });
    }
    if (this.failed) return undefined;
    // Dependencies: task names, or group names (their tasks: the group's roots depend, its leaves are depended on).
    const membersOf = (group: string) => tasks.filter((t) => placed.get(t.id)?.groupPath.includes(group)).map((t) => t.id);
    const upstreamOf = new Map<string, Set<string>>(tasks.map((t) => [t.id, new Set<string>()]));
    const addDep = (down: string, up: string) => upstreamOf.get(down)?.add(up);
    const resolve = (dep: string, where: JsonPath): string[] | undefined => {
      if (placed.has(dep)) return [dep];
      if (groups.has(dep)) return membersOf(dep);
      this.fail(where, `dependency '${dep}' is neither a task nor a task group of the DAG`);
      return undefined;
    };
    for (const t of tasks) {
      const deps = Array.isArray(t.conf.dependencies) ? t.conf.dependencies : [];
      deps.forEach((d, i) => {
        if (typeof d !== 'string') return;
        for (const up of resolve(d, [...t.path, 'dependencies', i]) ?? []) addDep(t.id, up);
      });
      for (const up of implicitDependencies(t.conf, placed)) addDep(t.id, up);
    }
    // A group's dependencies: its root tasks (no upstream inside the group) depend on them.
    for (const g of groups.values()) {
      const deps = Array.isArray(g.conf.dependencies) ? g.conf.dependencies.filter((d): d is string => typeof d === 'string') : [];
      if (deps.length === 0) continue;
      const members = new Set(membersOf(g.name));
      const ups = deps.flatMap((d) => resolve(d, [...g.path, 'dependencies']) ?? []);
      for (const m of members) {
        if ([...upstreamOf.get(m)!].some((u) => members.has(u))) continue;
        for (const up of ups) addDep(m, up);
      }
    }
    // Group dependencies name the group's leaves: members that no other member depends on.
    for (const t of tasks) {
      const deps = Array.isArray(t.conf.dependencies) ? t.conf.dependencies.filter((d): d is string => typeof d === 'string') : [];
      for (const d of deps.filter((x) => groups.has(x) && !placed.has(x))) {
        const members = membersOf(d);
        const up = upstreamOf.get(t.id)!;
        for (const m of members) {
          const isLeaf = !members.some((o) => upstreamOf.get(o)!.has(m));
          if (!isLeaf) up.delete(m);
        }
      }
    }
    if (this.failed) return undefined;
    return tasks.map((t, index) => this.step(t, index, placed, upstreamOf.get(t.id)!));
  }

  private step(
    t: TaskEntry,
    index: number,
    placed: ReadonlyMap<string, { stepId: string; group?: string }>,
    upstream: ReadonlySet<string>,
  ): Record<string, unknown> {
    const where = placed.get(t.id)!;
    const specPath: JsonPath = ['steps', index];
    const step: Record<string, unknown> = { id: where.stepId };
    if (where.group) step.group = where.group;
    const conf = t.conf;
    const operator = typeof conf.operator === 'string' ? conf.operator : undefined;
    const python = typeof conf.decorator === 'string' || Object.keys(conf).some((k) => PYTHON_KEYS.has(k));
    let expandsFromTasks = false;
    const args: Record<string, unknown> = {};
    const settings: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(conf)) {
      const path = [...t.path, k];
      if (PLACEMENT_KEYS.has(k)) continue;
      if (k === 'partial') {
        if (isRecord(v) && !python) Object.assign(args, v);
        this.note(
          'DS804',
          path,
          `partial: dynamic task mapping is not carried over; the task runs once${python ? '' : ', with these arguments'}`,
          specPath,
        );
        continue;
      }
      if (k === 'expand') {
        const firsts = isRecord(v)
          ? Object.entries(v).map(([a, list]) => [a, Array.isArray(list) && list.length > 0 ? list[0] : undefined] as const)
          : [];
        if (!python && firsts.length > 0 && firsts.every(([, first]) => first !== undefined)) {
          for (const [a, first] of firsts) args[a] = first;
          this.note(
            'DS804',
            path,
            'expand: dynamic task mapping is not carried over; the task runs once, with the first value of each list',
            specPath,
          );
        } else {
          expandsFromTasks = !python;
          this.note(
            'DS804',
            path,
            `expand: dynamic task mapping is not carried over${python ? '' : "; its values come from other tasks' output, so the task is an EmptyOperator placeholder"}`,
            specPath,
          );
        }
        continue;
      }
      if (PYTHON_KEYS.has(k)) continue;
      if (k === 'outlets') {
        const uris = Array.isArray(v) ? v.map((o) => (typeof o === 'string' ? o : isRecord(o) && typeof o.uri === 'string' ? o.uri : undefined)) : [];
        if (uris.length > 0 && uris.every((u) => u !== undefined && s3UriError(u) === undefined) && !python)
          step.produces = uris.map((u) => this.text(u!, path, specPath));
        else if (!python)
          this.note('DS802', path, 'outlets are not carried over: only a list of S3 URIs (or assets with one as uri) becomes produces', specPath);
        continue;
      }
      if (k === 'trigger_rule') {
        if (typeof v === 'string' && (TRIGGER_RULES as readonly string[]).includes(v)) step.triggerRule = v;
        else this.note('DS802', path, `trigger rule '${short(String(v))}' is not one dagsmith takes (${TRIGGER_RULES.join(', ')})`, specPath);
        continue;
      }
      if (CALLBACK_KEY.test(k) || k === 'inlets' || k === 'variables_as_arguments' || k.startsWith('execution_date_fn') || k === 'execution_delta') {
        this.note('DS802', path, `${k} is not carried over: ${settingWhy(k)}`, specPath);
        continue;
      }
      const setting = settingOf(k, v);
      if (setting) {
        settings[setting.field] = setting.value;
        continue;
      }
      if (python) continue; // the placeholder takes no arguments
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) || /^__.*__$/.test(k)) {
        this.note('DS802', path, `argument '${short(k)}' is not carried over: it is not a Python keyword argument name`, specPath);
        continue;
      }
      const obj = this.pythonObjectIn(v, path);
      if (obj) {
        this.note('DS802', path, `argument ${k} is ${obj}, which a pipeline cannot hold`, specPath);
        continue;
      }
      args[k] = this.values(v, path, specPath);
    }
    if (python) {
      const callable = [conf.python_callable, conf.python_callable_name].find((x): x is string => typeof x === 'string');
      this.note(
        'DS803',
        [...t.path, typeof conf.decorator === 'string' ? 'decorator' : operator ? 'operator' : 'task_id'],
        `task '${t.id}' runs Python code${callable ? ` (${short(callable)})` : ''}, which a pipeline cannot hold: it is an EmptyOperator placeholder with the same id and dependencies`,
        specPath,
        'value',
      );
      Object.assign(step, { kind: 'airflow.operator', operator: PLACEHOLDER });
    } else if (!operator) {
      this.fail(t.path, `task '${t.id}' has neither an operator nor a decorator`);
      return step;
    } else if (expandsFromTasks) {
      Object.assign(step, { kind: 'airflow.operator', operator: PLACEHOLDER });
    } else {
      if (operator.endsWith('.HttpOperator') && isRecord(args.data) && /application\/json/i.test(JSON.stringify(args.headers ?? ''))) {
        // dag-factory sends such data as JSON text (utils.get_json_serialized_callable): the same text, written once.
        args.data = pythonJson(args.data);
      }
      const typed = typedStepFor(operator, args);
      if (typed.step) Object.assign(step, typed.step);
      else {
        Object.assign(step, { kind: 'airflow.operator', operator });
        if (Object.keys(args).length > 0) step.arguments = args;
        if (typed.why) this.note('DS802', [...t.path, 'operator'], typed.why, specPath, 'value');
      }
    }
    Object.assign(step, settings);
    const deps = [...upstream].map((u) => placed.get(u)!.stepId);
    if (deps.length > 0) step.dependsOn = deps;
    // id and kind first, placement and dependencies last, as pipelines are written.
    const { id, kind, group, triggerRule, produces, dependsOn, ...fields } = step;
    return Object.fromEntries(Object.entries({ id, kind, ...fields, group, triggerRule, produces, dependsOn }).filter(([, v]) => v !== undefined));
  }
}

/** Upstream tasks a task names inside its values: `+task` (a TaskFlow reference) and `task.output` in `expand`. */
function implicitDependencies(conf: Record<string, unknown>, placed: ReadonlyMap<string, unknown>): string[] {
  const out: string[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (depth > 16) return;
    if (typeof v === 'string') {
      const plus = /^\+(\S+)$/.exec(v.trim());
      const output = /^(\S+)\.output$/.exec(v.trim());
      const name = plus?.[1] ?? output?.[1];
      if (name && placed.has(name)) out.push(name);
    } else if (Array.isArray(v)) v.forEach((x) => visit(x, depth + 1));
    else if (isRecord(v)) Object.values(v).forEach((x) => visit(x, depth + 1));
  };
  for (const [k, v] of Object.entries(conf)) if (!PLACEMENT_KEYS.has(k)) visit(v, 0);
  return out;
}

/** A dag-factory setting (default_args or a task's) and the dagsmith field it becomes. */
function settingOf(key: string, value: unknown): { field: string; value: unknown } | undefined {
  switch (key) {
    case 'retries':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? { field: 'retries', value } : undefined;
    case 'retry_delay':
    case 'retry_delay_sec': {
      const d = durationOf(value);
      return d ? { field: 'retryDelay', value: d } : undefined;
    }
    case 'execution_timeout':
    case 'execution_timeout_secs': {
      const d = durationOf(value);
      return d ? { field: 'executionTimeout', value: d } : undefined;
    }
    case 'retry_exponential_backoff':
    case 'deferrable':
      return typeof value === 'boolean' ? { field: key === 'deferrable' ? 'deferrable' : 'retryExponentialBackoff', value } : undefined;
    case 'aws_conn_id':
    case 'pool':
      return typeof value === 'string' && value !== '' ? { field: key === 'pool' ? 'pool' : 'awsConnId', value } : undefined;
    case 'region_name':
      return typeof value === 'string' && value !== '' ? { field: 'region', value } : undefined;
    default:
      return undefined;
  }
}

function settingWhy(key: string): string {
  if (CALLBACK_KEY.test(key)) return 'callbacks are Python code (dagsmith alerts with notifications.onFailure)';
  if (key.startsWith('execution_date_fn')) return 'it names Python code, which a pipeline cannot hold';
  if (key === 'execution_delta') return 'dag-factory turns it into a timedelta, which an argument of airflow.operator cannot hold';
  if (key.startsWith('email')) return 'e-mail alerts are not part of a pipeline';
  if (key === 'depends_on_past' || key === 'wait_for_downstream') return 'dagsmith runs each run on its own';
  if (key === 'catchup') return 'catchup is a DAG setting, not a default argument';
  return 'a pipeline has no field for it';
}

/** Python's json.dumps with its defaults (', ' and ': ' separators, ASCII only), which dag-factory uses. */
function pythonJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(pythonJson).join(', ')}]`;
  if (isRecord(v))
    return `{${Object.entries(v)
      .map(([k, x]) => `${pythonJson(k)}: ${pythonJson(x)}`)
      .join(', ')}}`;
  if (typeof v === 'string') return JSON.stringify(v).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (v === null || v === undefined) return 'null';
  return JSON.stringify(v);
}

function isoDate(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

function short(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
