import { PRESET_CRON, type PipelineIR } from '../../ir/types';
import { SETTING_NAMES, SETTINGS, settingToPython } from '../../base/settings';
import type { AirflowTarget } from '../../targets';
import { call, kwargs, lit, name, timedeltaExpr, type PyExpr, type PyKwarg } from '../../base/python-expr';
import type { Imports } from './imports';
import { dagCallbackArgs, defaultArgsCallbacks } from './notifications';

/**
 * default_args: the pipeline's settings, every one explicit (so the DAG does not depend on the environment's
 * config), plus the owner and the task alerts.
 */
export function defaultArgsOf(ir: PipelineIR, imports: Imports): PyKwarg[] {
  const settings = ir.defaults;
  const args: PyKwarg[] = [['owner', lit(ir.owner)]];
  for (const n of SETTING_NAMES) {
    if (settings[n] === null && SETTINGS[n].omitWhenNull) continue;
    args.push([SETTINGS[n].pythonArg, settingToPython(n, settings[n])]);
  }
  args.push(...defaultArgsCallbacks(ir, imports));
  return args;
}

/** The arguments of `DAG(...)`: what the pipeline sets, the run's alerts, and default_args. */
export function dagArgsOf(ir: PipelineIR, target: AirflowTarget, imports: Imports): PyKwarg[] {
  return kwargs({
    dag_id: lit(ir.id),
    description: ir.description === null ? undefined : lit(ir.description),
    schedule: scheduleExpr(ir, target, imports),
    start_date: ir.startDate ? startDateExpr(ir, imports) : undefined,
    catchup: lit(ir.catchup),
    max_active_runs: ir.maxActiveRuns === null ? undefined : lit(ir.maxActiveRuns),
    max_active_tasks: ir.maxActiveTasks === null ? undefined : lit(ir.maxActiveTasks),
    dagrun_timeout: ir.dagrunTimeout ? timedeltaExpr(ir.dagrunTimeout) : undefined,
    tags: ir.tags.length > 0 ? lit(ir.tags) : undefined,
    params: ir.params.length > 0 ? paramsExpr(ir, target, imports) : undefined,
    ...dagCallbackArgs(ir, imports),
    default_args: name('default_args'),
  });
}

/**
 * The schedule with the same meaning on every target: data-interval semantics, where a run's logical date
 * (`{{ ds }}`) is the start of the interval it processes. Airflow 2 reads a cron string or timedelta that way;
 * Airflow 3 would read them as trigger timetables (logical date = run time), shifting every `{{ ds }}` by one
 * interval, so on 3.x the data-interval timetable is named explicitly.
 */
function scheduleExpr(ir: PipelineIR, target: AirflowTarget, imports: Imports): PyExpr {
  const s = ir.schedule;
  switch (s.type) {
    case 'none':
      return lit(null);
    case 'cron':
    case 'preset': {
      const text = s.type === 'cron' ? s.expression : s.preset;
      if (target.major === 2 || text === '@once') return lit(text);
      const timetable = imports.from('airflow.timetables.interval', 'CronDataIntervalTimetable');
      return call(timetable, [lit(PRESET_CRON[text] ?? text)], [['timezone', lit(ir.timezone)]]);
    }
    case 'interval': {
      if (target.major === 2) return timedeltaExpr(s.every);
      const timetable = imports.from('airflow.timetables.interval', 'DeltaDataIntervalTimetable');
      return call(timetable, [timedeltaExpr(s.every)]);
    }
    case 'assets':
      // Refused by validation (DS322) until asset schedules are compiled.
      throw new Error('internal error: an asset schedule reached the emitter');
  }
}

/** `pendulum.datetime(y, m, d[, h, min[, s]], tz=...)`: the time parts only as far as the spec gave them. */
function startDateExpr(ir: PipelineIR, imports: Imports): PyExpr {
  imports.module('pendulum');
  const d = ir.startDate!;
  const args = [d.year, d.month, d.day];
  if (d.hour || d.minute || d.second) args.push(d.hour, d.minute);
  if (d.second) args.push(d.second);
  return call(
    'pendulum.datetime',
    args.map((n) => lit(n)),
    [['tz', lit(ir.timezone)]],
  );
}

/** `{"name": Param(default, **schema)}`: each param's JSON Schema keywords as keyword arguments of its Param. */
function paramsExpr(ir: PipelineIR, target: AirflowTarget, imports: Imports): PyExpr {
  const param = imports.from(target.major === 3 ? 'airflow.sdk' : 'airflow.models.param', 'Param');
  return {
    t: 'dict',
    entries: ir.params.map((p) => [
      p.name,
      call(
        param,
        p.hasDefault ? [lit(p.default)] : [],
        Object.entries(p.schema).map(([k, v]) => [k, lit(v)] as const),
      ),
    ]),
  };
}
