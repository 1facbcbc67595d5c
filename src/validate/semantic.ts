import { pathStartsWith } from '../util/json-path';
import { isRecord } from '../util/is-record';
import { isDeepStrictEqual } from 'node:util';
import type { JsonPath } from '../diagnostics/types';
import type Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import type { Reporter } from '../diagnostics/reporter';
import { checkStep, isCheckedStep, stepKind } from '../steps/index';
import type { StepCheckContext, StepSummary } from '../steps/types';
import { mwaaPython, type AirflowTarget } from '../targets';
import { stepSummaries } from './step-summaries';
import { didYouMean } from '../util/suggest';
import { AIRFLOW_GROUP_ID, AIRFLOW_ID, parseLocalDateTime, SCHEDULE_PRESETS, timezoneError } from '../base/values';
import { cronError, cronExpressionNeverFires } from '../base/cron';
import { durationError, parseDuration } from '../base/durations';
import { pythonRegex } from '../base/python-regex';
import { unassignedInTables, uPlus } from '../base/python-unicode';
import { PYTHON_UNICODE } from '../base/python-unicode.generated';
import { airflow2DateTimeFallback, formatRefusal } from '../base/python-jsonschema-formats';
import { everyOverflow, startDateOverflow } from '../base/python-dates';
import { eventBridgeScheduleAdvice } from '../base/eventbridge-schedule';
import { checkAssetSchedule, checkAssetUri } from './asset-schedule';
import { checkPartitionedSchedule } from './partitioned-schedule';
import { checkNotifications } from './notifications';
import { checkAirflow3Features } from './airflow3-features';
import { checkRetryPolicies } from './retry-policy';

type Obj = Record<string, unknown>;
const isStr = (v: unknown): v is string => typeof v === 'string';

export interface SemanticContext {
  readonly reporter: Reporter;
  readonly target: AirflowTarget;
  /** JSON paths already reported (schema errors, unresolved variables): the steps holding them are not checked again. */
  readonly skip: readonly JsonPath[];
  readSibling(relPath: string): string | undefined;
}

/** Checks what JSON Schema cannot: values' forms, references between steps, cycles, kind-specific rules. */
export function checkSemantics(data: unknown, ctx: SemanticContext): void {
  if (!isRecord(data)) return;
  const r = ctx.reporter;
  const broken = (path: JsonPath) => ctx.skip.some((p) => pathStartsWith(p, path));

  if (isStr(data.id) && !AIRFLOW_ID.test(data.id)) {
    r.report('DS310', ['id'], `pipeline id '${data.id}' is not a valid DAG id: use 1-250 letters, digits, '_', '.' or '-'`);
  } else if (isStr(data.id) && data.id.startsWith('.')) {
    // The id names the DAG file: '.' and '..' would write '..py' and '...py', hidden files that tools skip.
    r.report('DS331', ['id'], `pipeline id '${data.id}' starts with '.', which would make its DAG file '${data.id}.py' a hidden file`);
  }
  checkSchedule(data, r, ctx.target.version);
  if (isRecord(data.schedule))
    checkPartitionedSchedule(data.schedule, ctx.target, r, (text, path) => checkTimeSchedule(text, path, r, ctx.target.version));
  if (isRecord(data.params)) checkParams(data.params, data.schedule !== undefined && data.schedule !== null, r, broken, ctx.target.version);
  if (isStr(data.timezone) && data.startDate === undefined && !timezoneError(data.timezone)) {
    r.report('DS323', ['timezone'], 'timezone has no effect without a startDate (Airflow takes the DAG timezone from start_date)');
  }
  if (isStr(data.startDate)) {
    const d = parseLocalDateTime(data.startDate);
    if (typeof d === 'string') r.report('DS307', ['startDate'], `startDate ${d}`);
    else if (!isStr(data.timezone) || !timezoneError(data.timezone)) {
      // Airflow converts the start date to UTC when it imports the DAG (src/base/python-dates.ts).
      const overflow = startDateOverflow(d, isStr(data.timezone) ? data.timezone : 'UTC');
      if (overflow) r.report('DS307', ['startDate'], `startDate ${overflow}`);
    }
  }
  if (isStr(data.timezone)) {
    const err = timezoneError(data.timezone);
    if (err) r.report('DS314', ['timezone'], err);
  }
  durationAt(data, 'dagrunTimeout', r);
  if (isRecord(data.defaults)) checkSettings(data.defaults, ['defaults'], r);
  checkNotifications(data, r);
  checkAirflow3Features(data, ctx.target, r);
  checkRetryPolicies(data, ctx);
  if (Array.isArray(data.steps)) checkSteps(data.steps, ctx, broken);
}

function checkSchedule(data: Obj, r: Reporter, target: string): void {
  const s = data.schedule;
  if (isStr(s)) {
    checkTimeSchedule(s, ['schedule'], r, target);
  } else if (isRecord(s)) {
    if ('every' in s && 'assets' in s) {
      r.report('DS315', ['schedule'], 'a schedule is either { every: ... } or { assets: [...] }, not both');
    }
    if (isStr(s.every)) {
      durationAt(s, 'every', r, ['schedule']);
      const every = parseDuration(s.every);
      const overflow = every ? everyOverflow(every.seconds) : undefined;
      if (overflow) r.report('DS306', ['schedule', 'every'], `every: ${overflow}`);
    }
    checkAssetSchedule(s, r, (text, path) => checkTimeSchedule(text, path, r, target));
  }
  if (s !== undefined && s !== null && data.startDate === undefined) {
    r.report('DS316', ['schedule'], "a scheduled pipeline needs a 'startDate' (the first logical date)", {
      hint: 'add e.g. startDate: 2026-01-01',
    });
  }
}

/** A cron expression or preset (the whole schedule, or an asset schedule's orSchedule) as the target reads it. */
function checkTimeSchedule(s: string, path: JsonPath, r: Reporter, target: string): void {
  if (s.startsWith('@')) {
    if (!(SCHEDULE_PRESETS as readonly string[]).includes(s)) {
      r.report('DS305', path, `unknown schedule preset '${s}'`, {
        hint: didYouMean(s, SCHEDULE_PRESETS) ?? `presets: ${SCHEDULE_PRESETS.join(', ')}`,
      });
    }
    return;
  }
  // EventBridge's cron(...) / rate(...) first: the cron check would only count its fields.
  const eventBridge = eventBridgeScheduleAdvice(s);
  if (eventBridge) r.report('DS346', path, eventBridge);
  else {
    // As the target's croniter reads the expression the DAG file carries (src/base/cron.ts).
    const err = cronError(s, target);
    if (err) r.report('DS305', path, err.message);
    else if (cronExpressionNeverFires(s, target)) {
      r.report(
        'DS334',
        path,
        `'${s}' never fires: no month it names has the day of month it names; Airflow imports the DAG and never schedules a run`,
      );
    }
  }
}

const PARAM_ANNOTATIONS = new Set(['default', 'description', 'title']);
let paramAjv: Ajv | undefined;
/** Compiled param schemas by their JSON text: the pipelines of a project tend to declare the same params. */
const paramValidators = new Map<string, ValidateFunction>();

/**
 * The validator of a param's schema, compiled once per distinct schema (one that JSON holds exactly: a schema with
 * NaN, -0 or undefined in it is compiled on its own). ajv is loaded for the first param: pipelines
 * are checked with the generated validator, and most have no params.
 */
function paramValidator(schema: Record<string, unknown>): ValidateFunction {
  const key = JSON.stringify(schema);
  const cached = paramValidators.get(key);
  if (cached) return cached;
  if (!paramAjv) {
    const { default: AjvClass } = require('ajv') as typeof import('ajv');
    // `pattern` and `format` are not given to ajv: they are Python's (see checkParams). No logger.
    paramAjv = new AjvClass({ strict: false, allErrors: true, allowUnionTypes: true, logger: false });
  }
  const validate = paramAjv.compile(schema);
  if (isDeepStrictEqual(JSON.parse(key), schema)) paramValidators.set(key, validate);
  return validate;
}

/**
 * Airflow refuses to import a scheduled DAG whose params have no default, and any DAG whose param default breaks
 * the param's own schema (it validates defaults with jsonschema). Both are caught here instead.
 */
function checkParams(params: Obj, scheduled: boolean, r: Reporter, broken: (p: JsonPath) => boolean, target: string): void {
  for (const [name, p] of Object.entries(params)) {
    if (!isRecord(p) || broken(['params', name])) continue;
    if (!('default' in p)) {
      if (scheduled) {
        r.report('DS350', ['params', name], `param '${name}' has no default; Airflow refuses to schedule a DAG with required params`, {
          hint: 'give it a default, or make the pipeline manual (schedule: null)',
        });
      }
      continue;
    }
    // `pattern` is a Python re pattern and `format` is checked by Python's FormatChecker: ported, not ajv's.
    let pattern: RegExp | undefined;
    if (isStr(p.pattern)) {
      const compiled = pythonRegex(p.pattern);
      if (compiled.kind !== 'ok') {
        const hint = compiled.kind === 'invalid' ? pythonRegexHint(p.pattern) : undefined;
        r.report(
          compiled.kind === 'invalid' ? 'DS333' : 'DS335',
          ['params', name, 'pattern'],
          compiled.kind === 'invalid'
            ? `pattern of param '${name}' is not a Python regular expression (${compiled.message}); Airflow checks params with Python's jsonschema, which refuses the DAG file`
            : `pattern of param '${name}' uses ${compiled.message}: dagsmith cannot check the default as Python's re would`,
          hint ? { hint: `the pattern ${hint}` } : {},
        );
        continue;
      }
      pattern = compiled.regex;
    }
    const schema = Object.fromEntries(Object.entries(p).filter(([k]) => !PARAM_ANNOTATIONS.has(k) && k !== 'pattern' && k !== 'format'));
    // Python's jsonschema (draft 2020-12) allows repeated enum values; ajv's meta-schema does not. Same set either way.
    if (Array.isArray(schema.enum)) schema.enum = schema.enum.filter((v, i, all) => all.findIndex((w) => isDeepStrictEqual(v, w)) === i);
    let validate;
    try {
      validate = paramValidator(schema);
    } catch (err) {
      r.report('DS351', ['params', name], `param '${name}' has an invalid schema: ${(err as Error).message}`);
      continue;
    }
    const problems: string[] = [];
    if (!validate(p.default)) {
      for (const e of validate.errors ?? []) {
        const allowed = (e.params as { allowedValues?: unknown[] }).allowedValues;
        const what = allowed ? `must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}` : e.message;
        problems.push(`${e.instancePath || JSON.stringify(p.default)} ${what}`);
      }
    }
    const unknown = pattern && isStr(p.default) && mwaaPython(target) !== PYTHON_UNICODE.python ? unassignedInTables(p.default) : undefined;
    if (unknown !== undefined) {
      r.report(
        'DS335',
        ['params', name, 'default'],
        `the default of param '${name}' holds ${uPlus(unknown)}, which Python ${PYTHON_UNICODE.python} does not know and MWAA's Python ${mwaaPython(target)} (Airflow ${target}) classifies for its pattern: dagsmith cannot check it as that Python would`,
      );
      continue;
    }
    if (pattern && isStr(p.default) && !pattern.test(p.default))
      problems.push(`${JSON.stringify(p.default)} does not match the pattern (as Python's re.search reads it)`);
    const format = isStr(p.format) ? formatRefusal(p.format, p.default, target) : undefined;
    if (format?.conservative) {
      r.report('DS335', ['params', name, 'default'], `the default of param '${name}': ${format.message}`);
    } else if (format) {
      problems.push(format.message);
    }
    // Airflow 2 accepts any ISO 8601 datetime as the default of a date-time param, whatever else it breaks.
    if (p.format === 'date-time' && airflow2DateTimeFallback(p.default, target)) problems.length = 0;
    if (problems.length > 0) {
      r.report('DS352', ['params', name, 'default'], `the default of param '${name}' does not satisfy its own schema: ${problems.join('; ')}`);
    }
  }
}

/** Regular-expression syntax that JavaScript accepts and Python's `re` refuses: how Python writes it. */
const PYTHON_REGEX_PROBLEMS: readonly [RegExp, string][] = [
  [/\(\?<(?![=!])/, 'uses a named group (?<name>...), which Python writes (?P<name>...)'],
  [/\\k</, 'uses a named back-reference \\k<name>, which Python writes (?P=name)'],
  [/\\[pP]\{/, "uses a Unicode property escape (\\p{...}), which Python's re does not have"],
  [/\\u\{/, 'uses a code point escape \\u{...}, which Python writes \\U0001F600 or \\uXXXX'],
  [/\\c[A-Za-z]/, "uses a control escape \\cX, which Python's re does not have"],
  [/\[\^?\]/, "has an empty character class ([] or [^]), which Python's re reads as unterminated"],
  [/\(\?<[=!][^)]*[*+?{]/, "has a look-behind of variable width, which Python's re refuses"],
];

/** What a JavaScript habit in a pattern is written as in Python, for the hint of DS333. */
function pythonRegexHint(pattern: string): string | undefined {
  return PYTHON_REGEX_PROBLEMS.find(([re]) => re.test(pattern))?.[1];
}

function checkSettings(obj: Obj, base: JsonPath, r: Reporter): void {
  durationAt(obj, 'retryDelay', r, base, true);
  durationAt(obj, 'executionTimeout', r, base);
  // Airflow validates pool names as keys (BaseOperator on 2.11, the pool API and UI on every version), with
  // Python's Unicode-aware \w: held here to the ASCII form of ids, which every version accepts.
  if (isStr(obj.pool) && !AIRFLOW_ID.test(obj.pool)) {
    r.report(
      'DS391',
      [...base, 'pool'],
      `pool '${obj.pool}' is not a pool name every Airflow version accepts: use ASCII letters, digits, '_', '.' or '-' (at most 250)`,
      {
        hint: 'Airflow checks pool names as keys; 2.11 does so when it parses the DAG',
      },
    );
  }
}

function durationAt(obj: Obj, key: string, r: Reporter, base: JsonPath = NO_PATH, allowZero = false): void {
  const v = obj[key];
  const err = isStr(v) ? durationError(key, v, { allowZero }) : undefined;
  if (err) r.report('DS306', [...base, key], err.message, err.hint ? { hint: err.hint } : {});
}

const NO_PATH: JsonPath = [];

interface StepInfo {
  readonly index: number;
  readonly id: string | undefined;
  readonly obj: Obj;
}

function checkSteps(steps: unknown[], ctx: SemanticContext, broken: (p: JsonPath) => boolean): void {
  const r = ctx.reporter;
  const infos: StepInfo[] = steps.map((s, index) => ({
    index,
    obj: isRecord(s) ? s : {},
    id: isRecord(s) && isStr(s.id) ? s.id : undefined,
  }));
  const firstById = new Map<string, StepInfo>();
  const groups = new Set<string>();
  // Kinds that look at the other steps share one summary of them (made when the first asks).
  let summarized: readonly StepSummary[] | undefined;
  const summaries = () => (summarized ??= stepSummaries(steps));
  for (const info of infos) {
    const base: JsonPath = ['steps', info.index];
    const { obj, id } = info;
    if (id !== undefined) {
      if (!AIRFLOW_ID.test(id)) {
        r.report('DS310', [...base, 'id'], `step id '${id}' is not a valid Airflow task id: use 1-250 letters, digits, '_', '.' or '-'`);
      }
      const first = firstById.get(id);
      if (first) {
        const line = r.locate(['steps', first.index, 'id']).line;
        r.report('DS301', [...base, 'id'], `duplicate step id '${id}' (first used on line ${line})`);
      } else {
        firstById.set(id, info);
      }
    }
    if (isStr(obj.group)) {
      groups.add(obj.group);
      if (!AIRFLOW_GROUP_ID.test(obj.group)) {
        r.report('DS310', [...base, 'group'], `group '${obj.group}' is not a valid Airflow task group id: use letters, digits, '_' or '-' (no '.')`);
      } else if (id !== undefined && `${obj.group}.${id}`.length > 250) {
        r.report('DS310', [...base, 'id'], `task id '${obj.group}.${id}' (group prefix included) is longer than Airflow's 250 characters`);
      }
    }
    checkSettings(obj, base, r);
    if (Array.isArray(obj.produces)) checkProduces(obj.produces, base, r);
    const kind = isStr(obj.kind) ? stepKind(obj.kind) : undefined;
    if (kind && obj.deferrable === true && !kind.supportsDeferrable) {
      r.report('DS353', [...base, 'deferrable'], `${kind.kind} has no deferrable mode (its operator does not support one)`);
    }
    // A step without a reported path inside it passed the schema of its kind.
    if (isCheckedStep(obj) && !broken(base)) checkStep(obj, stepContext(base, ctx, summaries));
  }
  // Airflow names a task in a group `<group>.<id>`: step `a` in group `g` and step `g.a` would be one task id.
  const byTaskId = new Map<string, StepInfo>();
  for (const info of infos) {
    if (info.id !== undefined && groups.has(info.id) && !isStr(info.obj.group)) {
      r.report('DS369', ['steps', info.index, 'id'], `step id '${info.id}' is also the name of a task group; Airflow needs them distinct`);
    }
    if (info.id === undefined || firstById.get(info.id) !== info) continue;
    const taskId = isStr(info.obj.group) ? `${info.obj.group}.${info.id}` : info.id;
    const first = byTaskId.get(taskId);
    if (first) {
      const line = r.locate(['steps', first.index, 'id']).line;
      r.report(
        'DS330',
        ['steps', info.index, 'id'],
        `step '${info.id}'${isStr(info.obj.group) ? ` in group '${info.obj.group}'` : ''} has the Airflow task id '${taskId}', which the step on line ${line} has too`,
      );
    } else {
      byTaskId.set(taskId, info);
    }
  }
  checkDependencies(infos, firstById, r);
}

function checkProduces(produces: unknown[], base: JsonPath, r: Reporter): void {
  produces.forEach((uri, i) => {
    if (isStr(uri)) checkAssetUri(uri, [...base, 'produces', i], r);
  });
}

function stepContext(base: JsonPath, ctx: SemanticContext, steps: () => readonly StepSummary[]): StepCheckContext {
  return {
    target: ctx.target,
    report: (code, path, message, opts) => ctx.reporter.report(code, [...base, ...path], message, opts),
    readSibling: (p) => ctx.readSibling(p),
    steps,
  };
}

/** A dependency: the step depended on, and the position in dependsOn (its path is made only to report a cycle). */
interface Edge {
  readonly to: string;
  readonly step: number;
  readonly at: number;
}

function checkDependencies(infos: StepInfo[], byId: Map<string, StepInfo>, r: Reporter): void {
  let ids: string[] | undefined;
  let backward = true;
  for (const info of infos) {
    const deps = info.obj.dependsOn;
    if (!Array.isArray(deps) || info.id === undefined) continue;
    const seen = setForRepeats(deps);
    const first = byId.get(info.id) === info;
    for (let j = 0; j < deps.length; j++) {
      const dep: unknown = deps[j];
      if (!isStr(dep)) continue;
      if (dep === info.id) {
        r.report('DS303', ['steps', info.index, 'dependsOn', j], `step '${info.id}' depends on itself`);
      } else if (!byId.has(dep)) {
        r.report('DS302', ['steps', info.index, 'dependsOn', j], `step '${info.id}' depends on unknown step '${dep}'`, {
          hint: didYouMean(dep, (ids ??= [...byId.keys()])),
        });
      } else if (writtenBefore(deps, j, seen)) {
        r.report('DS318', ['steps', info.index, 'dependsOn', j], `step '${info.id}' lists '${dep}' in dependsOn more than once`);
      } else if (first && byId.get(dep)!.index > info.index) {
        backward = false;
      }
    }
  }
  // When every step depends only on steps written before it (the usual order), no path can come back: no cycle.
  // Only then are the edges made (most pipelines need none of them).
  if (!backward) reportCycles(ids ?? [...byId.keys()], dependencyEdges(infos, byId), r);
}

/** The dependencies each step (the first of its id) has on other known steps, each once: what a cycle is made of. */
function dependencyEdges(infos: StepInfo[], byId: Map<string, StepInfo>): Map<string, Edge[]> {
  const edges = new Map<string, Edge[]>();
  for (const info of infos) {
    const deps = info.obj.dependsOn;
    if (!Array.isArray(deps) || info.id === undefined || byId.get(info.id) !== info) continue;
    const seen = setForRepeats(deps);
    const list: Edge[] = [];
    for (let j = 0; j < deps.length; j++) {
      const dep: unknown = deps[j];
      if (isStr(dep) && dep !== info.id && byId.has(dep) && !writtenBefore(deps, j, seen)) list.push({ to: dep, step: info.index, at: j });
    }
    edges.set(info.id, list);
  }
  return edges;
}

/** A set for writtenBefore when the list is long; most steps depend on one or two, whose lists are scanned. */
function setForRepeats(deps: unknown[]): Set<string> | undefined {
  return deps.length > 8 ? new Set<string>() : undefined;
}

/**
 * Whether the string `deps[j]` is written earlier in the list too; asked for the j of one list in increasing order,
 * with the same `seen` (which then holds each string asked about so far).
 */
function writtenBefore(deps: unknown[], j: number, seen: Set<string> | undefined): boolean {
  const dep = deps[j] as string;
  if (!seen) return deps.indexOf(dep) < j;
  if (seen.has(dep)) return true;
  seen.add(dep);
  return false;
}

/**
 * Finds each strongly connected component with more than one step and reports one cycle through it.
 * Tarjan's algorithm with an explicit stack: a 5,000-step chain is a normal input, deeper than the call stack.
 */
function reportCycles(ids: string[], edges: Map<string, Edge[]>, r: Reporter): void {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (root: string): void => {
    // Each frame is a step and the position of the next dependency to look at.
    const frames: { v: string; next: number }[] = [];
    const enter = (v: string) => {
      index.set(v, counter);
      low.set(v, counter);
      counter++;
      stack.push(v);
      onStack.add(v);
      frames.push({ v, next: 0 });
    };
    enter(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const { v } = frame;
      const out = edges.get(v) ?? [];
      if (frame.next < out.length) {
        const to = out[frame.next++]!.to;
        if (!index.has(to)) enter(to);
        else if (onStack.has(to)) low.set(v, Math.min(low.get(v)!, index.get(to)!));
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.v, Math.min(low.get(parent.v)!, low.get(v)!));
      if (low.get(v) === index.get(v)) {
        const comp: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          comp.push(w);
        } while (w !== v);
        if (comp.length > 1) components.push(comp);
      }
    }
  };
  for (const id of ids) if (!index.has(id)) visit(id);

  for (const comp of components) {
    const members = new Set(comp);
    // Start at the component's first step in file order and walk dependencies inside it until one repeats.
    const start = ids.find((id) => members.has(id))!;
    const path: string[] = [start];
    const position = new Map([[start, 0]]);
    const edgePaths: JsonPath[] = [];
    let cur = start;
    for (;;) {
      const next = (edges.get(cur) ?? []).find((e) => members.has(e.to))!;
      edgePaths.push(['steps', next.step, 'dependsOn', next.at]);
      const at = position.get(next.to);
      if (at !== undefined) {
        const cycle = [...path.slice(at), next.to];
        // A cycle through thousands of steps is named by its ends, not printed whole.
        const shown = cycle.length <= 12 ? cycle : [...cycle.slice(0, 6), `... (${cycle.length - 11} more)`, ...cycle.slice(-5)];
        // "a depends on b depends on c depends on a", reported where the first step lists its dependency.
        r.report('DS304', edgePaths[at]!, `dependency cycle: ${shown.join(' -> ')}`, {
          hint: 'each arrow reads "depends on"; remove one of these dependencies',
        });
        break;
      }
      position.set(next.to, path.length);
      path.push(next.to);
      cur = next.to;
    }
  }
}
