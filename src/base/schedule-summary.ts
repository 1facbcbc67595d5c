/**
 * A pipeline's schedule as a person reads it ("At 02:00, every day (UTC)") and its first data interval, as Airflow's
 * timetables compute them: for a cron schedule the first interval starts at the first cron time at or after startDate
 * (CronDataIntervalTimetable aligns start_date forward), for `{ every }` at startDate itself
 * (DeltaDataIntervalTimetable); a run is started at the end of its interval. For `validate --verbose` and `plan`: a
 * swapped "2 0 * * *" reads "At 00:02" here, where a cron string does not show it.
 */
import { assetExprText } from './asset-condition';
import { partitionText } from './partitioned-schedule';
import { PRESET_CRON, type LocalDateTime, type Schedule } from './ir-base';
import type { Duration } from './durations';

export interface ScheduleSummary {
  /** The schedule in words, with its timezone. */
  readonly words: string;
  /** With catchup off, Airflow's first run is for the latest complete interval when the DAG is deployed instead. */
  readonly catchup: boolean;
  /** The first data interval (wall-clock times in the pipeline's timezone), when the schedule has one. */
  readonly firstInterval?: { readonly start: string; readonly end: string; readonly timezone: string };
}

/** What a pipeline's schedule says; `catchup` is kept with it (it changes which interval Airflow runs first). */
export function summarizeSchedule(schedule: Schedule, startDate: LocalDateTime | null, timezone: string, catchup: boolean): ScheduleSummary {
  return { ...describe(schedule, startDate, timezone), catchup };
}

function describe(schedule: Schedule, startDate: LocalDateTime | null, timezone: string): Omit<ScheduleSummary, 'catchup'> {
  switch (schedule.type) {
    case 'none':
      return { words: 'manual: runs only when triggered' };
    case 'assets':
      return {
        words: `when ${schedule.uris.length === 1 ? 'this asset is' : 'assets are'} updated: ${assetExprText(schedule.condition)}${schedule.orCron ? `; or on cron ${schedule.orCron}` : ''}${schedule.partition ? `; one run per partition (${partitionText(schedule.partition)})` : ''}`,
      };
    case 'preset':
      if (schedule.preset === '@once') {
        return { words: `once${startDate ? `, for ${formatLocal(startDate)} ${timezone}` : ''}` };
      }
      return cronSummary(PRESET_CRON[schedule.preset]!, startDate, timezone);
    case 'cron':
      // A partitioned cron is a trigger timetable: runs at the cron times, keyed by partition, without data intervals.
      if (schedule.partition)
        return { words: `${cronWords(schedule.expression)} (${timezone}), one partition per run (${partitionText(schedule.partition)})` };
      return cronSummary(schedule.expression, startDate, timezone);
    case 'interval': {
      const words = `every ${durationWords(schedule.every)}`;
      if (!startDate) return { words };
      // A fixed length of time from the instant startDate names, shown on the wall clock (so across a DST change too).
      const start = localToUtcMillis(startDate, timezone);
      const end = start + schedule.every.seconds * 1000;
      return { words, firstInterval: { start: formatInZone(start, timezone), end: formatInZone(end, timezone), timezone } };
    }
  }
}

function cronSummary(expression: string, startDate: LocalDateTime | null, timezone: string): Omit<ScheduleSummary, 'catchup'> {
  const words = `${cronWords(expression)} (${timezone})`;
  if (!startDate) return { words };
  const interval = firstCronInterval(expression, startDate, timezone);
  return interval ? { words, firstInterval: { ...interval, timezone } } : { words };
}

/** "At 02:00, every day": cronstrue, in 24-hour time. */
export function cronWords(expression: string): string {
  const cronstrue = require('cronstrue') as typeof import('cronstrue');
  try {
    return cronstrue.toString(expression, { use24HourTimeFormat: true, verbose: true, throwExceptionOnParseError: true });
  } catch {
    return `cron "${expression}"`;
  }
}

/** The first data interval of a cron schedule: [first cron time at or after startDate, the next one], in wall-clock time. */
function firstCronInterval(expression: string, startDate: LocalDateTime, timezone: string): { start: string; end: string } | undefined {
  const { CronExpressionParser } = require('cron-parser') as typeof import('cron-parser');
  try {
    // cron-parser's next() is strictly after currentDate: start a millisecond before startDate to include it.
    const from = new Date(localToUtcMillis(startDate, timezone) - 1);
    const it = CronExpressionParser.parse(expression, { currentDate: from, tz: timezone });
    const start = it.next().getTime();
    const end = it.next().getTime();
    return { start: formatInZone(start, timezone), end: formatInZone(end, timezone) };
  } catch {
    return undefined;
  }
}

function durationWords(d: Duration): string {
  const parts: string[] = [];
  for (const [unit, n] of Object.entries(d.parts)) if (n) parts.push(`${n} ${n === 1 ? unit.replace(/s$/, '') : unit}`);
  return parts.join(' ') || '0 seconds';
}

/** `YYYY-MM-DD HH:MM` (and `:SS` when not zero). */
function formatLocal(t: LocalDateTime): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${t.year}-${p(t.month)}-${p(t.day)} ${p(t.hour)}:${p(t.minute)}${t.second ? `:${p(t.second)}` : ''}`;
}

function toUtcMillis(t: LocalDateTime): number {
  return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
}

/** The wall-clock time of an instant in `timezone`. */
function wallClock(ms: number, timezone: string): LocalDateTime {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

function formatInZone(ms: number, timezone: string): string {
  return formatLocal(wallClock(ms, timezone));
}

/** The instant a wall-clock time in `timezone` names (for a time skipped by a DST change: as pendulum, moved forward). */
function localToUtcMillis(t: LocalDateTime, timezone: string): number {
  const naive = toUtcMillis(t);
  // Two rounds of "subtract the zone's offset at the guess" settle on the instant (offsets change at most once nearby).
  let guess = naive;
  for (let i = 0; i < 2; i++) guess = naive - (toUtcMillis(wallClock(guess, timezone)) - guess);
  return guess;
}
