import { PRESET_CRON, type PipelineIR, type Schedule } from '../../ir/types';
import { SETTING_NAMES, SETTINGS, settingToPython } from '../../base/settings';
import type { AirflowTarget } from '../../targets';
import { call, kwargs, list, lit, name, timedeltaExpr, type PyExpr, type PyKwarg } from '../../base/python-expr';
import type { AssetExpr } from '../../base/asset-condition';
import type { Imports } from './imports';
import { dagCallbackArgs, defaultArgsCallbacks } from './notifications';
import { aliasClass, deadlineArg } from './airflow3-features';
import { cronPartitionExpr, partitionedAssetExpr } from './partitioned-schedule';

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
    deadline: deadlineArg(ir, imports),
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
      if (s.type === 'cron' && s.partition) return cronPartitionExpr(s.expression, s.partition, ir, imports);
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
      return assetScheduleExpr(s, ir, target, imports);
  }
}

/**
 * An asset schedule: Dataset/DatasetAll/DatasetAny (airflow.datasets) on Airflow 2, Asset/AssetAll/AssetAny
 * (airflow.sdk) on Airflow 3; a top-level list of URIs stays a list (Airflow reads it as all of them). With orSchedule,
 * DatasetOrTimeSchedule (airflow.timetables.datasets, 2.x) / AssetOrTimeSchedule (airflow.timetables.assets on 3.0,
 * airflow.sdk from 3.1: the installed 3.0.6 sdk does not export it, 3.3.1's does) around the same data-interval cron
 * timetable a cron schedule gets.
 */
function assetScheduleExpr(s: Extract<Schedule, { type: 'assets' }>, ir: PipelineIR, target: AirflowTarget, imports: Imports): PyExpr {
  const { condition, orCron } = s;
  const a2 = target.major === 2;
  const names = a2 ? (['Dataset', 'DatasetAll', 'DatasetAny'] as const) : (['Asset', 'AssetAll', 'AssetAny'] as const);
  const module = a2 ? 'airflow.datasets' : 'airflow.sdk';
  const expr = (e: AssetExpr): PyExpr =>
    e.op === 'uri'
      ? call(imports.from(module, names[0]), [lit(e.uri)])
      : e.op === 'alias'
        ? call(aliasClass(target, imports), [lit(e.name)])
        : call(imports.from(module, e.op === 'all' ? names[1] : names[2]), e.items.map(expr));
  // Airflow 2 takes a list of plain datasets only ("All elements in 'schedule' should be datasets"); else DatasetAll.
  // PartitionedAssetTimetable takes one asset or a combination (its `assets` is no list converter): AssetAll then.
  const plainList = condition.op === 'all' && !orCron && !s.partition && condition.items.every((e) => e.op === 'uri');
  const cond = plainList ? list(condition.items.map(expr)) : expr(condition);
  if (s.partition) return partitionedAssetExpr(cond, s.partition, ir, imports);
  if (!orCron) return cond;
  const timetable = call(imports.from('airflow.timetables.interval', 'CronDataIntervalTimetable'), [lit(orCron)], [['timezone', lit(ir.timezone)]]);
  if (a2)
    return call(
      imports.from('airflow.timetables.datasets', 'DatasetOrTimeSchedule'),
      [],
      [
        ['timetable', timetable],
        ['datasets', cond],
      ],
    );
  const orTime = imports.from(target.version.startsWith('3.0.') ? 'airflow.timetables.assets' : 'airflow.sdk', 'AssetOrTimeSchedule');
  return call(
    orTime,
    [],
    [
      ['timetable', timetable],
      ['assets', cond],
    ],
  );
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
