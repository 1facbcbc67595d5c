/**
 * EventBridge schedule expressions (`cron(0 2 * * ? *)`, `rate(5 minutes)`), which every MWAA user has seen in the
 * AWS console, recognised before the cron check: Airflow reads neither, so the message says what to write instead.
 *
 * EventBridge cron has six fields (minutes hours day-of-month month day-of-week year), `?` for "no value" in one of
 * the day fields, weekdays 1-7 counted from Sunday (cron: 0-6, Sunday 0), and L, W and # wildcards that 5-field cron
 * has not. Rate expressions are `rate(value unit)`, unit minute(s), hour(s) or day(s).
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html)
 */

const RATE = /^rate\(\s*(\d+)\s+(minute|minutes|hour|hours|day|days)\s*\)$/i;
const CRON = /^cron\((.*)\)$/is;
const DURATION_UNIT: Readonly<Record<string, string>> = { minute: 'm', hour: 'h', day: 'd' };

/** What to say about an EventBridge expression; undefined when `text` is not one. */
export function eventBridgeScheduleAdvice(text: string): string | undefined {
  const t = text.trim();
  const rate = RATE.exec(t);
  if (rate) {
    const n = Number(rate[1]);
    const unit = DURATION_UNIT[rate[2]!.toLowerCase().replace(/s$/, '')]!;
    return `'${text}' is an EventBridge rate expression, which Airflow does not read: write schedule: { every: ${n}${unit} }`;
  }
  if (/^rate\(/i.test(t)) {
    return `'${text}' looks like an EventBridge rate expression (rate(5 minutes)), which Airflow does not read: write schedule: { every: 5m }`;
  }
  const cron = CRON.exec(t);
  if (!cron) return undefined;
  const fields = cron[1]!.trim().split(/\s+/);
  const what = `'${text}' is an EventBridge cron expression, which Airflow does not read`;
  if (fields.length !== 6) {
    return `${what}; EventBridge's has 6 fields (minutes hours day-of-month month day-of-week year), Airflow's 5 (no year): write e.g. "0 2 * * *" for 02:00 every day`;
  }
  const translated = toFiveFieldCron(fields);
  if (typeof translated !== 'string') return `${what}, and ${translated.why}: write a 5-field cron (minute hour day-of-month month day-of-week)`;
  const shifted = /\d/.test(fields[4]!) ? ' (EventBridge counts weekdays 1-7 from Sunday, cron 0-6)' : '';
  return `${what}: write the 5-field cron "${translated}"${shifted}`;
}

/** The 5-field cron for the six fields of an EventBridge cron expression, or why there is none. */
function toFiveFieldCron(fields: readonly string[]): string | { why: string } {
  const [minute, hour, dom, month, dow, year] = fields as [string, string, string, string, string, string];
  if (year !== '*') return { why: `its year field ('${year}') has no place in a 5-field cron` };
  for (const [name, value] of [
    ['day-of-month', dom],
    ['day-of-week', dow],
  ] as const) {
    if (/[LW#]/i.test(value.replace(/^(SUN|MON|TUE|WED|THU|FRI|SAT)$/i, ''))) {
      return { why: `its ${name} field ('${value}') uses an EventBridge wildcard (L, W or #) that a 5-field cron has not` };
    }
  }
  const weekday = dow === '?' ? '*' : shiftWeekdays(dow);
  if (weekday === undefined) return { why: `its day-of-week field ('${dow}') is not a weekday list this translation knows` };
  return [minute, hour, dom === '?' ? '*' : dom, month, weekday].join(' ');
}

/** EventBridge weekdays (1-7 from Sunday, or names) as cron's (0-6 from Sunday): numbers shifted, names kept. */
function shiftWeekdays(dow: string): string | undefined {
  const parts = dow.split(',').map((part) => {
    const [range, step] = part.split('/') as [string, string | undefined];
    const ends = range.split('-').map((v) => (/^\d+$/.test(v) ? (Number(v) >= 1 && Number(v) <= 7 ? String(Number(v) - 1) : undefined) : v));
    if (ends.some((e) => e === undefined)) return undefined;
    return ends.join('-') + (step !== undefined ? `/${step}` : '');
  });
  return parts.some((p) => p === undefined) ? undefined : parts.join(',');
}
