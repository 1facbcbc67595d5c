/**
 * Cron schedules as MWAA's Airflow reads them at DAG import: every target builds a `CronDataIntervalTimetable`
 * (Airflow 2 from the `schedule` string, Airflow 3 from the class the DAG file names), whose `validate()` constructs
 * `croniter(expression)` and turns croniter's errors into `AirflowTimetableInvalid`. Whether a DAG imports is then
 * whether croniter's `_expand` accepts the expression, in the croniter version the target pins:
 *
 * | target | croniter | read in |
 * |---|---|---|
 * | 2.10.3 | 5.0.1 | `airflow/timetables/_cron.py` (CronMixin.validate), `croniter/croniter.py` (_expand) |
 * | 2.11.2, 3.0.6 | 6.0.0 | same files |
 * | 3.3.1 | 6.2.4 | same files; 6.2.4 adds `W` (nearest weekday) in the day of month and refuses step 0 itself |
 *
 * This is a port of `_expand`, step by step, with Python's own semantics where they differ from JavaScript's:
 * `str.split()` splits on Python's whitespace (U+001C..U+001F and U+0085 too, not U+FEFF), and `\d` and `int()` take
 * every Unicode decimal digit (`٣` is 3). Airflow adds nothing at import: the description it builds with
 * cron_descriptor catches that library's errors, and a schedule that never fires (`0 0 31 2 *`) imports; only the
 * scheduler then fails to find its first run (see `cronNeverFires`).
 */
import { boundedMemo } from '../util/bounded-memo';
import { pyDigitValue, pythonChars, pySplit } from './python-unicode';

/** The croniter version each MWAA Airflow target pins (requirements/airflow-<version>/constraints.txt). */
export const CRONITER_BY_TARGET: ReadonlyMap<string, CroniterVersion> = new Map([
  ['2.10.3', '5.0.1'],
  ['2.11.2', '6.0.0'],
  ['3.0.6', '6.0.0'],
  ['3.3.1', '6.2.4'],
]);

export type CroniterVersion = '5.0.1' | '6.0.0' | '6.2.4';

const FIELD_NAMES = ['minute', 'hour', 'day-of-month', 'month', 'day-of-week', 'second', 'year'] as const;
const RANGES: readonly (readonly [number, number])[] = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 6],
  [0, 59],
  [1970, 2099],
];
const LEN_MEANS_ALL = [60, 24, 31, 12, 7, 60, 130];
const DAY = 2;
const MONTH = 3;
const DOW = 4;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const ALPHACONV: readonly ReadonlyMap<string, number | 'l'>[] = [
  new Map(),
  new Map(),
  new Map([['l', 'l']]),
  new Map(MONTHS.map((m, i) => [m, i + 1])),
  new Map(WEEKDAYS.map((d, i) => [d, i])),
  new Map(),
  new Map(),
];
/** A number beyond every field's range; Python's ints are unbounded, and only comparisons with ranges matter. */
const HUGE = 1e18;

/** A croniter field value: a number, `l` (last day of month), `*`, or `N#n` (nth weekday, before it is split). */
type Value = number | string;

export interface CronExpansion {
  /** Each field's values as croniter expands them (numbers, `l`, `*`). */
  readonly expanded: readonly (readonly Value[])[];
  /** Weekday -> nth occurrences (`5#3`) or `l` (`L5`, the last one). */
  readonly nthWeekday: ReadonlyMap<number, ReadonlySet<number | 'l'>>;
  /** Day-of-month values written with W (croniter 6.2.4). */
  readonly nearestWeekday: ReadonlySet<number>;
}

export interface CronProblem {
  /** The field at fault (`day-of-week`), or undefined when the expression as a whole is (field count). */
  readonly field?: string;
  readonly message: string;
}

class CronError extends Error {
  /** The field as written, set where the field is processed. */
  raw?: string;
  constructor(
    readonly field: number | undefined,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Why croniter `version` refuses `expression` (as Airflow gets it, i.e. after dagsmith's whitespace normalization),
 * or its expansion. Fields written with `R` (a random value chosen every time croniter reads the expression) are
 * refused: whether croniter accepts one can depend on the value it draws.
 */
export function croniterExpand(expression: string, version: CroniterVersion): CronExpansion | CronProblem {
  // Projects repeat a handful of schedules, and several checks read each: each expression is expanded once.
  return expansions(expression, version);
}

const EXPANSIONS_MAX = 10_000;
const expansions = boundedMemo(EXPANSIONS_MAX, expandOrProblem, (expression: string, version: CroniterVersion) => `${version}\0${expression}`);

function expandOrProblem(expression: string, version: CroniterVersion): CronExpansion | CronProblem {
  try {
    return expand(expression, version);
  } catch (err) {
    if (!(err instanceof CronError)) throw err;
    if (err.field === undefined) return { message: err.message };
    const name = FIELD_NAMES[err.field]!;
    return { field: name, message: `${name} ${JSON.stringify(err.raw ?? '')}: ${err.message}` };
  }
}

/** Python's `str.lower()`, as far as it can matter to croniter: non-ASCII letters never become croniter keywords. */
function pyLowerText(text: string): string {
  const toAscii = pythonChars().lowerToAscii;
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x41 && cp <= 0x5a) out += String.fromCharCode(cp + 32);
    else out += toAscii.get(cp) ?? ch;
  }
  return out;
}

/** Python's `\d+` over the whole text (the `^\d+$` croniter uses). */
function isPyInt(text: string): boolean {
  if (text === '') return false;
  for (const ch of text) if (pyDigitValue(ch.codePointAt(0)!) === undefined) return false;
  return true;
}

/** `int()` of a `\d+` text, capped at HUGE. */
function pyInt(text: string): number {
  let n = 0;
  for (const ch of text) {
    n = n * 10 + pyDigitValue(ch.codePointAt(0)!)!;
    if (n >= HUGE) return HUGE;
  }
  return n;
}

const DIGITS = String.raw`(?:\d+)`;
/** croniter's special_dow_re with Python's `\w` and `\d` put in by `pyClasses`. */
let specialDowRe: RegExp | undefined;
let stepSearchRe: RegExp | undefined;
let hashRe: RegExp | undefined;
let nearestWeekdayRe: RegExp | undefined;

/** A JavaScript `u` regex from a Python one whose only classes are `\d` and `\w` (Unicode, as Python's are). */
function pyClasses(source: string): RegExp {
  const chars = pythonChars();
  const d = `[${chars.digit.toClassBody()}]`;
  const w = `[${chars.word.toClassBody()}]`;
  return new RegExp(source.replace(/\\d/g, d).replace(/\\w/g, w), 'u');
}

function regexes() {
  if (!specialDowRe) {
    const weekdays = WEEKDAYS.join('|');
    const months = MONTHS.join('|');
    specialDowRe = pyClasses(String.raw`^(?<pre>((?<he>((${weekdays})(-(${weekdays}))?)|((${months})(-(${months}))?)|\w+)#)|l)(?<last>\d+)$`);
    // Python's `$` also matches before a final newline; croniter's fields never hold one (split() removed them).
    stepSearchRe = pyClasses(String.raw`^([^-]+)-([^-/]+)(/(${DIGITS}))?$`);
    hashRe = pyClasses(String.raw`^(?<type>h|r)(\((?<begin>\d+)-(?<end>\d+)\))?(\/(?<divisor>\d+))?$`);
    nearestWeekdayRe = pyClasses(String.raw`^(?:(\d+)w|w(\d+))$`);
  }
  return { specialDow: specialDowRe, stepSearch: stepSearchRe!, hash: hashRe!, nearestWeekday: nearestWeekdayRe! } as const;
}

/** `value_alias`: 0 -> 1 for day and month, 7 -> 0 for the weekday, but not in the field counts croniter excludes. */
function valueAlias(val: Value, field: number, fieldCount: number): Value {
  const lowmap: ReadonlyMap<number, number> | undefined =
    field === DAY || field === MONTH ? new Map([[0, 1]]) : field === DOW ? new Map([[7, 0]]) : undefined;
  if (typeof val !== 'number' || !lowmap?.has(val)) return val;
  const excluded =
    ((field === DAY || field === MONTH) && fieldCount === 5) ||
    ((field === MONTH || field === DOW) && fieldCount === 6) ||
    ((field === DAY || field === MONTH || field === DOW) && fieldCount === 7);
  return excluded ? val : lowmap.get(val)!;
}

function alphaconv(field: number, key: string): number | 'l' {
  const v = ALPHACONV[field]!.get(key);
  if (v === undefined) throw new CronError(field, notAlphaMessage(field, key));
  return v;
}

function notAlphaMessage(field: number, key: string): string {
  const shown = `'${key}'`;
  if (field === DOW && /^\d+l$/.test(key)) {
    return `'${key.slice(0, -1)}L' is not a day of the week croniter accepts; croniter writes "the last <weekday> of the month" with L first: 'L${key.slice(0, -1)}'`;
  }
  if (field === DOW && key === 'l') return `${shown} (last) needs a weekday after it in croniter: 'L5' is the last Friday`;
  if (field === DAY && /w/.test(key)) return `this croniter has no W (nearest weekday) in the day of month`;
  if (/^\d+#\d+$/.test(key) || key.includes('#')) {
    return field === DOW
      ? `${shown} is not a weekday#n that croniter accepts (write e.g. '5#3' or 'fri#3')`
      : `${shown}: '#' (nth weekday) belongs in the day of week`;
  }
  if (field === DOW && MONTHS.includes(key)) return `${shown} is a month name, not a day of the week`;
  if (field === MONTH && WEEKDAYS.includes(key)) return `${shown} is a weekday name, not a month`;
  if (key === 'l') return `${shown} (last day) is only allowed in the day of month`;
  const names = field === MONTH ? ` (months are 1-12 or ${MONTHS.join(', ')})` : field === DOW ? ` (weekdays are 0-7 or ${WEEKDAYS.join(', ')})` : '';
  return `${shown} is not a value croniter accepts here${names}`;
}

function rangeMessage(field: number, what: string): string {
  const [lo, hi] = RANGES[field]!;
  return `${what} is out of range ${lo}-${hi}${field === DOW ? ' (7 is Sunday too)' : ''}`;
}

/** Python's `range(start, stop, step)` as a list, for step >= 1 (callers refuse 0). */
function pyRange(start: number, stop: number, step: number): number[] {
  const out: number[] = [];
  for (let v = start; v < stop; v += step) out.push(v);
  return out;
}

function expand(expression: string, version: CroniterVersion): CronExpansion {
  const efl = pyLowerText(expression);
  const expressions = pySplit(efl);
  if (![5, 6, 7].includes(expressions.length)) {
    throw new CronError(undefined, `croniter takes 5, 6 or 7 fields; this expression has ${expressions.length} as Python splits it`);
  }
  const fieldCount = expressions.length;
  // The fields as written, for messages (lowercasing keeps the field count: it never makes whitespace).
  const written = pySplit(expression);
  const re = regexes();
  const expanded: Value[][] = [];
  const nthWeekday = new Map<number, Set<number | 'l'>>();
  const nearestWeekday = new Set<number>();

  expressions.forEach((lowered, field) => {
    const raw = written[field] ?? lowered;
    try {
      expandField(lowered, field);
    } catch (err) {
      if (err instanceof CronError && err.field === field) err.raw = raw;
      throw err;
    }
  });
  function expandField(lowered: string, field: number): void {
    let expr = lowered;
    const hash = re.hash.exec(expr);
    if (hash) {
      if (hash.groups!.type === 'h') throw new CronError(field, `a hashed value (H), which needs a hash id that Airflow never passes to croniter`);
      // R: croniter draws a random value here every time it reads the expression, and whether that value is in range
      // can depend on the draw (r(50-70) as a minute). dagsmith refuses R whatever the draw.
      throw new CronError(
        field,
        `R makes croniter pick a random value every time Airflow parses the DAG file, so the schedule would change from parse to parse; write the value`,
      );
    }
    if (expr.includes('?')) {
      if (expr !== '?') throw new CronError(field, `'?' cannot be combined with other characters`);
      if (field !== DAY && field !== DOW) throw new CronError(field, `'?' is only allowed in the day of month or the day of week`);
      expr = '*';
    }
    const eList: Value[] = expr.split(',');
    const seen = new Set<Value>(eList);
    const res: Value[] = [];
    while (eList.length > 0) {
      let e = eList.pop()!;
      let nth: number | 'l' | undefined;
      if (field === DOW) {
        const special = re.specialDow.exec(String(e));
        if (special) {
          const g = special.groups!;
          if (g.he) {
            e = g.he;
            nth = pyInt(g.last!);
            if (nth < 1 || nth > 5) throw new CronError(field, `#${g.last} is not an nth weekday croniter accepts (1-5)`);
          } else if (g.last) {
            e = g.last;
            nth = 'l';
          }
        }
      }
      if (field === DAY && version === '6.2.4') {
        const w = re.nearestWeekday.exec(String(e));
        if (w) {
          const day = pyInt(w[1] ?? w[2]!);
          if (day < 1 || day > 31) throw new CronError(field, `the nearest weekday to day ${day}, which is out of range 1-31`);
          if (eList.length > 0 || res.length > 0) throw new CronError(field, `W takes a single day, not a list or a range`);
          nearestWeekday.add(day);
          res.push(day);
          continue;
        }
      }
      const [min, max] = RANGES[field]!;
      let t = String(e);
      if (/^\*\/./su.test(t)) t = `${min}-${max}${t.slice(1)}`;
      let m = re.stepSearch.exec(t);
      if (!m) {
        t = String(e);
        // re.sub(r'^(.+)\/(.+)$', r'\1-MAX/\2', e): the greedy first group ends at the last '/' that has text after it.
        const slash = t.slice(0, -1).lastIndexOf('/');
        if (slash > 0) t = `${t.slice(0, slash)}-${max}${t.slice(slash)}`;
        m = re.stepSearch.exec(t);
      }
      if (m) {
        let low: string = m[1]!;
        let high: string = m[2]!;
        const stepText = m[4];
        if (field === DAY && high === 'l') high = '31';
        if (!isPyInt(low)) low = String(alphaconv(field, low));
        if (!isPyInt(high)) high = String(alphaconv(field, high));
        const step = stepText === undefined ? 1 : pyInt(stepText);
        if (step === 0) throw new CronError(field, `a step of 0`);
        for (const band of [low, high]) {
          if (!isPyInt(band)) throw new CronError(field, `'${low}-${high}' is not a range croniter accepts ('L' can only end a day-of-month range)`);
        }
        const lowN = valueAlias(pyInt(low), field, fieldCount) as number;
        const highN = valueAlias(pyInt(high), field, fieldCount) as number;
        if (Math.max(lowN, highN) > Math.max(min, max)) throw new CronError(field, `${rangeMessage(field, `${Math.max(lowN, highN)}`)}`);
        let rng: number[];
        if (lowN > highN) {
          // croniter wraps a backward range around the field's end (fri-mon, nov-feb), skipping by the step.
          rng = pyRange(lowN, max + 1, step);
          let toSkip = 0;
          if (rng.length > 0) {
            const last = rng[rng.length - 1]!;
            if (last < min || last > max) {
              throw new CronError(field, `a range croniter cannot wrap around`);
            }
            const alreadySkipped = max - last;
            const curpos = last - min;
            if (curpos + step > max - min + 1 && alreadySkipped < step) toSkip = step - alreadySkipped;
          }
          rng = rng.concat(pyRange(min + toSkip, highN + 1, step));
        } else if (lowN === highN) {
          // A range from a value to itself (jan-jan, 5-5) means the whole cycle to croniter.
          rng = pyRange(min, max + 1, step);
        } else {
          rng = pyRange(lowN, highN + 1, step);
        }
        const items: Value[] = field === DOW && nth !== undefined && nth !== 'l' ? rng.map((v) => `${v}#${nth}`) : rng;
        for (const item of items) {
          if (!seen.has(item)) {
            seen.add(item);
            eList.push(item);
          }
        }
      } else {
        if (t.startsWith('-')) throw new CronError(field, `negative numbers are not allowed`);
        let v: Value = t;
        if (!(t === '*' || isPyInt(t))) v = alphaconv(field, t);
        if (typeof v === 'string' && isPyInt(v)) v = pyInt(v);
        v = valueAlias(v, field, fieldCount);
        if (v !== '*' && v !== 'l' && typeof v === 'number' && (v < min || v > max)) throw new CronError(field, `${rangeMessage(field, String(v))}`);
        res.push(v);
        if (field === DOW && nth !== undefined && typeof v === 'number') {
          const set = nthWeekday.get(v) ?? new Set();
          set.add(nth);
          nthWeekday.set(v, set);
        }
      }
    }
    let values = [...new Set(res)];
    if (values.length === LEN_MEANS_ALL[field]) {
      const keep = (field === DAY && !expressions[DOW]!.includes('*')) || (field === DOW && !expressions[DAY]!.includes('*'));
      if (!keep) values = ['*'];
    }
    expanded.push(values.length === 1 && values[0] === '*' ? ['*'] : values);
  }

  if (nthWeekday.size > 0) {
    const all = new Set(expanded[DOW]);
    const plain = [...all].filter((v) => v !== '*' && !(typeof v === 'number' && nthWeekday.has(v)));
    if (plain.length > 0 && all.size !== LEN_MEANS_ALL[DOW]) {
      const err = new CronError(DOW, `mixes plain weekdays with nth weekdays (#n or Ln), which croniter does not support`);
      err.raw = written[DOW] ?? expressions[DOW];
      throw err;
    }
  }
  return { expanded, nthWeekday, nearestWeekday };
}

/** How dagsmith writes a cron expression into the DAG file: trimmed, fields joined by one space (src/ir/normalize.ts). */
export function emittedCron(expression: string): string {
  // Already in that form (no whitespace at the ends, runs of one space only): as it is, without splitting.
  if (!NOT_EMITTED_FORM.test(expression)) return expression;
  return expression.trim().split(/\s+/).join(' ');
}
/** Whitespace that trimming and joining on one space would change (`\s` is what trim() and split(/\s+/) take). */
const NOT_EMITTED_FORM = /^\s|\s$|[^\S ]| {2}/;

/**
 * Why the DAG file that schedules `expression` would not import on Airflow `target` (undefined when it would), the
 * field named. Stricter than croniter where dagsmith chooses to be: five fields (the pipeline spec's cron; a sixth is
 * seconds to croniter, a seventh the year), and no `R`, which croniter replaces by a random value every time the DAG
 * file is parsed (so the schedule would change at every parse).
 */
export function cronError(expression: string, target: string): CronProblem | undefined {
  // Projects repeat a handful of schedules: each is judged once per target (the answer is read, never changed).
  return cronErrors(expression, target);
}

/** Bound of each memo of this file (emptied when it holds this many). */
const MEMO_MAX = 10_000;
const byTargetAndExpression = (expression: string, target: string): string => `${target}\0${expression}`;
const cronErrors = boundedMemo(MEMO_MAX, cronErrorOf, byTargetAndExpression);

function cronErrorOf(expression: string, target: string): CronProblem | undefined {
  const version = CRONITER_BY_TARGET.get(target);
  if (!version) throw new Error(`internal error: no croniter version known for Airflow ${target}`);
  if (plainFields(expression)) return undefined;
  const emitted = emittedCron(expression);
  const fields = pySplit(emitted);
  if (fields.length !== 5) {
    const extra =
      fields.length === 6
        ? ' (croniter would read the sixth as seconds)'
        : fields.length === 7
          ? ' (croniter would read the sixth as seconds, the seventh as the year)'
          : '';
    const split = fields.length !== emitted.split(' ').length ? ', as Python splits it' : '';
    return {
      message: `a cron schedule has 5 fields (minute hour day-of-month month day-of-week); ${JSON.stringify(expression)} has ${fields.length}${split}${extra}`,
    };
  }
  const res = croniterExpand(emitted, version);
  if ('message' in res) return { ...res, message: `${res.message} (croniter ${version}, which Airflow ${target} reads cron schedules with)` };
  return undefined;
}

/**
 * Whether a schedule croniter accepts can never fire: every day of the month it names is past the end of every month
 * it names (`0 0 31 2 *`, `0 0 31 4,6,9,11 *`), with the day of week unrestricted. Airflow imports such a DAG, and its
 * scheduler then fails to compute the first run (croniter raises CroniterBadDateError after 50 years of searching;
 * Airflow logs "Failed to fetch run info" and never schedules the DAG).
 */
export function cronNeverFires(expansion: CronExpansion): boolean {
  const [, , days, months, dows] = expansion.expanded;
  if (!days || !months || !dows || dows[0] !== '*' || months[0] === '*' || expansion.nearestWeekday.size > 0) return false;
  if (days.some((d) => typeof d !== 'number')) return false;
  const longest = Math.max(...months.map((m) => LONGEST_MONTH[(m as number) - 1]!));
  return Math.min(...(days as number[])) > longest;
}

/** Whether `expression` (as the DAG file carries it) is one croniter accepts on `target` and that never fires. */
export function cronExpressionNeverFires(expression: string, target: string): boolean {
  // Asked once per pipeline of a handful of schedules, like cronError: answered once per target and expression.
  return neverFires(expression, target);
}
const neverFires = boundedMemo(MEMO_MAX, cronExpressionNeverFiresOf, byTargetAndExpression);

function cronExpressionNeverFiresOf(expression: string, target: string): boolean {
  const version = CRONITER_BY_TARGET.get(target);
  const plain = version ? plainFields(expression) : undefined;
  // A plain schedule never fires only as `0 0 31 2 *` does: one day past the end of the one month named.
  if (plain) return plain[4] === STAR && plain[2] !== STAR && plain[3] !== STAR && plain[2]! > LONGEST_MONTH[plain[3]! - 1]!;
  const res = version ? croniterExpand(emittedCron(expression), version) : undefined;
  return res !== undefined && !('message' in res) && cronNeverFires(res);
}

/**
 * The form most schedules take: five fields, each `*` or a whole number in the field's range written in plain
 * digits (no leading zero, no sign), one space apart (`0 3 * * *`, `30 2 1 * *`). croniter accepts it on every
 * version, expanding each field to the number written (or `*`), so cronError and cronExpressionNeverFires answer
 * it without the grammar, whose first use costs ~10 ms of regular expressions built (a cold lint of one pipeline
 * paid it). The fields (`*` as STAR), or undefined for any other form: that takes the grammar in full.
 * test/base/cron.test.ts compares both answers with the grammar's on every target.
 */
export function plainFields(expression: string): readonly number[] | undefined {
  const m = PLAIN_CRON.exec(expression);
  if (!m) return undefined;
  const fields: number[] = [];
  for (let i = 0; i < 5; i++) {
    const written = m[i + 1]!;
    if (written === '*') {
      fields.push(STAR);
      continue;
    }
    const value = Number(written);
    if (value < RANGES[i]![0] || value > RANGES[i]![1]) return undefined;
    fields.push(value);
  }
  return fields;
}
const STAR = -1;
const PLAIN_FIELD = '(\\*|0|[1-9][0-9]?)';
const PLAIN_CRON = new RegExp(`^${PLAIN_FIELD} ${PLAIN_FIELD} ${PLAIN_FIELD} ${PLAIN_FIELD} ${PLAIN_FIELD}$`);
/** The most days each month can have (February: 29). */
const LONGEST_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const NAMES = new Map<number, readonly string[]>([
  [MONTH, MONTHS],
  [DOW, WEEKDAYS],
]);

/**
 * Whether cron-parser (which dagsmith's lint rules use for fire times) reads `expression` as croniter does: five
 * fields of `*`, numbers, names, rising ranges, steps and lists. croniter's own forms (`L`, `#`, `?`, `W`), a range
 * from a value to itself (the whole cycle to croniter), a range that wraps around and Unicode digits are left out:
 * lint rules skip those schedules instead of computing other fire times than Airflow's.
 */
export function cronParserAgrees(expression: string): boolean {
  // Asked for each pipeline by several lint rules, of a handful of schedules.
  return parserAgreement(expression);
}
const parserAgreement = boundedMemo(MEMO_MAX, cronParserAgreesOf);

function cronParserAgreesOf(expression: string): boolean {
  const fields = emittedCron(expression).split(' ');
  if (fields.length !== 5) return false;
  return fields.every((field, i) => {
    const names = NAMES.get(i) ?? [];
    const value = (text: string): number | undefined => {
      if (/^[0-9]{1,2}$/.test(text)) return Number(text);
      const at = names.indexOf(text.toLowerCase());
      return at < 0 ? undefined : i === MONTH ? at + 1 : at;
    };
    // cron-parser refuses a field whose parts give one value twice (`8,8`, `1-5,3`, `0,7` on weekdays), which
    // croniter accepts: no fire times come out of it.
    const seen = new Set<number>();
    const once = (from: number, to: number, step: number): boolean => {
      for (let v = from; v <= to; v += step) {
        const key = i === DOW && v === 7 ? 0 : v;
        if (seen.has(key)) return false;
        seen.add(key);
      }
      return true;
    };
    return field.split(',').every((part) => {
      const m = /^(\*|([^-/]+)(?:-([^-/]+))?)(?:\/([0-9]{1,2}))?$/.exec(part);
      if (!m) return false;
      if (m[4] !== undefined && Number(m[4]) === 0) return false;
      const step = m[4] === undefined ? 1 : Number(m[4]);
      const [min, max] = RANGES[i]!;
      if (m[1] === '*') return once(min, max, step);
      const low = value(m[2]!);
      const high = m[3] === undefined ? undefined : value(m[3]);
      if (low === undefined || (m[3] !== undefined && (high === undefined || high <= low))) return false;
      const top = i === DOW ? 7 : max;
      if (!(low >= min && low <= top && (high === undefined || high <= top))) return false;
      // `a/s` runs from a to the end of the field, as both read it.
      return once(low, high ?? (m[4] === undefined ? low : top), step);
    });
  });
}
