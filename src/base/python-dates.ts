/**
 * Python's `datetime` covers years 1 to 9999, and Airflow does date arithmetic when it imports a DAG file. What it
 * computes there, read in each target's Airflow (2.10.3, 2.11.2, 3.0.6, 3.3.1 alike) and checked by
 * test/base/python-dates.differential.test.ts:
 *
 * - `start_date`: the DAG file builds `pendulum.datetime(y, m, d, H, M, S, tz=timezone)`, which converts the wall-clock
 *   time to UTC (and the DAG converts it again). A time late on 9999-12-31 in a zone west of UTC is past
 *   `datetime.max` in UTC: OverflowError, the file does not import. Nothing else about the date is checked: year 1900
 *   in any zone, 9999-12-31 east of UTC, all import.
 * - `schedule: { every }`: `DeltaDataIntervalTimetable.validate()` (run by `dag.validate()` when DagBag bags the DAG)
 *   computes `datetime.datetime.now() + every`, which overflows when `every` reaches past year 9999 from the moment
 *   the file is parsed. That moment moves on while the DAG is deployed, so dagsmith checks from a fixed horizon
 *   (EVERY_HORIZON): the file imports whenever it is parsed before then.
 * - Durations (`dagrunTimeout`, `executionTimeout`, `retryDelay`, sensor timeouts) become `timedelta`s that nothing
 *   adds to a date at import; their own limit (999999999 days) is checked with them (src/base/durations.ts).
 *
 * What Airflow computes later (the first data interval, when the scheduler syncs the DAG) fails without failing the
 * import: Airflow logs "Failed to fetch run info" and never schedules the DAG.
 */
import type { LocalDateTime } from './ir-base';
import { YEAR_END_NEGATIVE_OFFSETS } from './python-zones.generated';

/** `datetime.max` (9999-12-31T23:59:59.999999) in whole seconds since the epoch. */
export const DATETIME_MAX_EPOCH = Date.UTC(9999, 11, 31, 23, 59, 59) / 1000;

/** Until when a pipeline's `every` must leave `now + every` inside Python's datetime (see the module comment). */
export const EVERY_HORIZON = { year: 2200, epoch: Date.UTC(2200, 0, 1) / 1000 };

/** The longest `every` (seconds) that imports whenever the DAG file is parsed before EVERY_HORIZON. */
export const MAX_EVERY_SECONDS = DATETIME_MAX_EPOCH - EVERY_HORIZON.epoch;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const show = (d: LocalDateTime) => `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}T${pad(d.hour)}:${pad(d.minute)}:${pad(d.second)}`;

/**
 * Why `pendulum.datetime(...)` of this wall-clock start date in `timezone` overflows when the DAG file is imported,
 * or undefined. Only the last day of year 9999 west of UTC can: UTC offsets are under a day.
 */
export function startDateOverflow(start: LocalDateTime, timezone: string): string | undefined {
  if (start.year !== 9999 || start.month !== 12 || start.day !== 31) return undefined;
  const offset = YEAR_END_NEGATIVE_OFFSETS.get(timezone);
  if (offset === undefined) return undefined;
  const secondOfDay = start.hour * 3600 + start.minute * 60 + start.second;
  if (secondOfDay - offset < 86_400) return undefined;
  const u = new Date((Date.UTC(9999, 11, 31) / 1000 + secondOfDay - offset) * 1000);
  const utc = show({
    year: u.getUTCFullYear(),
    month: u.getUTCMonth() + 1,
    day: u.getUTCDate(),
    hour: u.getUTCHours(),
    minute: u.getUTCMinutes(),
    second: u.getUTCSeconds(),
  });
  const latest = 86_399 + offset;
  return (
    `${show(start)} in ${timezone} is ${utc} UTC, past the last moment Python's datetime holds (9999-12-31T23:59:59.999999); ` +
    `Airflow converts the start date to UTC when it imports the DAG and fails (the latest start on that day in ${timezone} is ` +
    `${pad(Math.floor(latest / 3600))}:${pad(Math.floor((latest % 3600) / 60))}:${pad(latest % 60)})`
  );
}

/**
 * Why Airflow's `now + every` (DeltaDataIntervalTimetable.validate) could overflow for a DAG file parsed before
 * EVERY_HORIZON, or undefined.
 */
export function everyOverflow(seconds: number): string | undefined {
  if (seconds <= MAX_EVERY_SECONDS) return undefined;
  return (
    `an interval of ${Math.floor(seconds / 86_400)} days reaches past year 9999: Airflow adds it to the current time when it ` +
    `imports the DAG (to check that it is positive), which overflows Python's datetime for any parse before ${EVERY_HORIZON.year}; ` +
    `use at most ${Math.floor(MAX_EVERY_SECONDS / 86_400)} days`
  );
}

/** Exactly Airflow's check at a given moment (epoch seconds): whether `now + every` overflows. For tests. */
export function everyOverflowsAt(seconds: number, nowEpoch: number): boolean {
  return Math.floor(nowEpoch) + seconds > DATETIME_MAX_EPOCH;
}
