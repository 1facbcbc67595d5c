import { AIRFLOW_TIMEZONES } from './timezones.generated';
import { AWS_NAME_RULES, awsNameError } from './aws-names';
import type { LocalDateTime, SchedulePreset } from './ir-base';

export const SCHEDULE_PRESETS: readonly SchedulePreset[] = ['@hourly', '@daily', '@weekly', '@monthly', '@yearly', '@once'];

/** `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS]` (wall-clock time in the pipeline's timezone). */
export function parseLocalDateTime(text: string): LocalDateTime | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (!m) return `'${text}' is not a date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM:SS)`;
  if (m[7]) return `'${text}' carries a UTC offset; write the wall-clock time and set 'timezone' instead`;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((v) => Number(v ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const probe = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  if (
    probe.getUTCFullYear() !== year ||
    probe.getUTCMonth() !== month - 1 ||
    probe.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59 ||
    year < 1900
  ) {
    return `'${text}' is not a real calendar date-time`;
  }
  return { year, month, day, hour, minute, second };
}

/**
 * Checked as Airflow will look the name up: in Python's zoneinfo with the tzdata MWAA pins (AIRFLOW_TIMEZONES), case
 * included. Node's ICU is not the judge: it ignores case and still knows names the tz database has dropped.
 */
export function timezoneError(tz: string): string | undefined {
  if (AIRFLOW_TIMEZONES.has(tz)) return undefined;
  const lower = tz.toLowerCase();
  for (const name of AIRFLOW_TIMEZONES) {
    if (name.toLowerCase() === lower) return `timezone '${tz}' must be written '${name}': Airflow looks names up case-sensitively`;
  }
  let icuKnows: boolean;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    icuKnows = true;
  } catch {
    icuKnows = false;
  }
  return icuKnows
    ? `'${tz}' is not an IANA timezone name that Airflow's time zone database knows (Node's ICU accepts it, but the tz database MWAA's Airflow uses has dropped it or never had it)`
    : `'${tz}' is not an IANA timezone name (e.g. 'UTC', 'Europe/Berlin', 'America/New_York')`;
}

/** Airflow's rule for DAG and task ids. */
export const AIRFLOW_ID = /^[A-Za-z0-9_.-]{1,250}$/;
/** Airflow's rule for task group ids (no dots: they separate the group from the task id). */
export const AIRFLOW_GROUP_ID = /^[A-Za-z0-9_-]{1,200}$/;

export function hasJinja(text: string): boolean {
  // One scan for '{' (most texts have none), then a look at the character after each: as includes('{{') || includes('{%').
  for (let i = text.indexOf('{'); i !== -1; i = text.indexOf('{', i + 1)) {
    const next = text.charCodeAt(i + 1);
    if (next === 0x7b /* { */ || next === 0x25 /* % */) return true;
  }
  return false;
}

export type ArnKind = 'iam-role' | 'sns-topic' | 'secretsmanager' | 'any';

const ARN = /^arn:(aws|aws-cn|aws-us-gov):([a-z0-9-]+):([a-z0-9-]*):(\d{12}|):(.+)$/;

export function arnError(arn: string, kind: ArnKind): string | undefined {
  if (hasJinja(arn)) return undefined;
  const m = ARN.exec(arn);
  if (!m) return `'${arn}' is not an ARN (arn:aws:SERVICE:REGION:ACCOUNT:RESOURCE)`;
  const [, , service, region, account, resource] = m;
  switch (kind) {
    case 'iam-role':
      if (service !== 'iam' || region !== '' || !account || !/^role\/[\w+=,.@/-]+$/.test(resource!)) {
        return `'${arn}' is not an IAM role ARN (arn:aws:iam::123456789012:role/NAME)`;
      }
      return undefined;
    case 'sns-topic':
      if (service !== 'sns' || !region || !account) return `'${arn}' is not an SNS topic ARN (arn:aws:sns:REGION:123456789012:TOPIC)`;
      if (awsNameError('snsTopic', resource!)) return `'${arn}' is not an SNS topic ARN: ${AWS_NAME_RULES.snsTopic.rule}`;
      // Airflow's SnsNotifier (every provider version) sends no MessageGroupId, which a FIFO topic requires.
      if (resource!.endsWith('.fifo'))
        return `'${arn}' is a FIFO topic, which Airflow's SnsNotifier cannot publish to (it sends no message group id); use a standard topic`;
      return undefined;
    case 'secretsmanager':
      if (service !== 'secretsmanager' || !region || !account || !resource!.startsWith('secret:')) {
        return `'${arn}' is not a Secrets Manager secret ARN (arn:aws:secretsmanager:REGION:123456789012:secret:NAME)`;
      }
      return undefined;
    case 'any':
      return undefined;
  }
}

/** Redshift identifiers we are willing to write into generated SQL unquoted. */
export const SQL_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_$]{0,126}$/;
