/**
 * JSON Schema `format` as Airflow checks it when it imports a DAG: `Param.resolve` calls
 * `jsonschema.validate(value, schema, format_checker=FormatChecker())`. A `FormatChecker()` made without arguments
 * holds every format some draft registered, last registration winning (jsonschema/_format.py, the same in 4.23.0 on
 * Airflow 2.10.3, 4.24.1 on 2.11.2, 4.25.1 on 3.0.6 and 4.26.0 on 3.3.1), and a format whose library is missing is
 * simply not checked. So which formats are checked depends on the target's installed packages
 * (requirements/airflow-<version>/constraints.txt; the venvs' `judge_values.py` prints them):
 *
 * | format | check | targets |
 * |---|---|---|
 * | date | `^\d{4}-\d{2}-\d{2}$` (ASCII) and `date.fromisoformat` | all |
 * | time | draft 3's `datetime.strptime(value, "%H:%M:%S")`, which wins over draft 7's RFC 3339 time | all |
 * | email, idn-email | contains `@` | all |
 * | ipv4, ipv6 | `ipaddress.IPv4Address` / `IPv6Address` (no scope id) | all |
 * | uuid | `uuid.UUID(value)` and dashes at 8, 13, 18, 23 | all |
 * | regex | `re.compile(value)` | all |
 * | idn-hostname | `idna.encode(value)` (idna 3.10, 3.11, 3.18) | all |
 * | date-time | rfc3339-validator 0.1.4 | 2.10.3, 2.11.2 |
 * | duration | isoduration 20.11.0 | 3.3.1 |
 * | json-pointer, relative-json-pointer | jsonpointer 3.0.0, pinned by the constraints but not installed by dagsmith's venvs: checked as if installed | 2.10.3, 2.11.2, 3.0.6 |
 *
 * Any other format (uri, hostname, color, ...) is not checked on any target, as in Python. Values other than strings
 * always conform. Checks are ports of the Python functions, with Python's semantics (`int()` takes any Unicode decimal
 * digit and surrounding whitespace, `$` matches before a final newline, `str.upper()`).
 */
import { pythonRegexValidity } from './python-regex';
import { pyDigitValue, pyIsSpace, pythonChars } from './python-unicode';

const COMMON = ['date', 'time', 'email', 'idn-email', 'ipv4', 'ipv6', 'uuid', 'regex', 'idn-hostname'];
const JSON_POINTER = ['json-pointer', 'relative-json-pointer'];

/** The formats Airflow's FormatChecker checks on each target. */
export const FORMATS_BY_TARGET: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['2.10.3', new Set([...COMMON, 'date-time', ...JSON_POINTER])],
  ['2.11.2', new Set([...COMMON, 'date-time', ...JSON_POINTER])],
  ['3.0.6', new Set([...COMMON, ...JSON_POINTER])],
  ['3.3.1', new Set([...COMMON, 'duration'])],
]);

/** Formats checked as if their library were installed: MWAA's constraints pin it, dagsmith's venvs do not install it. */
export const ASSUMED_FORMATS: ReadonlySet<string> = new Set(JSON_POINTER);

export interface FormatRefusal {
  readonly message: string;
  /**
   * True where dagsmith refuses without knowing that Python would: the format's library may be missing on MWAA
   * (ASSUMED_FORMATS), or the value needs tables dagsmith does not carry (`\N{NAME}` in a regex, non-ASCII host names).
   */
  readonly conservative: boolean;
}

/** Why Airflow's FormatChecker on `target` refuses `value` for `format`, or undefined when it conforms (or is unchecked). */
export function formatRefusal(format: string, value: unknown, target: string): FormatRefusal | undefined {
  const formats = FORMATS_BY_TARGET.get(target);
  if (!formats) throw new Error(`internal error: no format table for Airflow ${target}`);
  if (typeof value !== 'string' || !formats.has(format)) return undefined;
  const why = CHECKS.get(format)!(value, target);
  if (why === undefined) return undefined;
  const reason = typeof why === 'string' ? why : why.cannotTell;
  return {
    message: `${JSON.stringify(value)} is not a '${format}' as Airflow ${target}'s jsonschema checks it: ${reason}`,
    conservative: typeof why !== 'string' || ASSUMED_FORMATS.has(format),
  };
}

export function formatError(format: string, value: unknown, target: string): string | undefined {
  return formatRefusal(format, value, target)?.message;
}

/** A refusal, or a value dagsmith refuses because it cannot tell what Python decides. */
type Check = (value: string, target: string) => string | { cannotTell: string } | undefined;

const CHECKS: ReadonlyMap<string, Check> = new Map<string, Check>([
  ['email', (v) => (v.includes('@') ? undefined : "it has no '@'")],
  ['idn-email', (v) => (v.includes('@') ? undefined : "it has no '@'")],
  ['date', checkDate],
  ['time', checkTime],
  ['date-time', checkDateTime],
  ['ipv4', (v) => ipv4Error(v)],
  ['ipv6', checkIpv6],
  ['uuid', checkUuid],
  ['regex', checkRegex],
  ['duration', checkDuration],
  ['idn-hostname', checkIdnHostname],
  ['json-pointer', (v) => jsonPointerError(v)],
  ['relative-json-pointer', checkRelativeJsonPointer],
]);

function checkRegex(v: string): ReturnType<Check> {
  const validity = pythonRegexValidity(v);
  return validity.kind === 'ok' ? undefined : validity.kind === 'unknown' ? { cannotTell: validity.message } : validity.message;
}

const daysInMonth = (y: number, m: number) =>
  m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;

function checkDate(v: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return 'the form is YYYY-MM-DD';
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return 'there is no such day';
  return undefined;
}

let timeRe: RegExp | undefined;

/** `datetime.strptime(v, "%H:%M:%S")`: _strptime's regex (Unicode `\d`), its first match must span the value. */
function checkTime(v: string): string | undefined {
  if (!timeRe) {
    const d = `[${pythonChars().digit.toClassBody()}]`;
    timeRe = new RegExp(`^(2[0-3]|[0-1]${d}|${d}):([0-5]${d}|${d}):(6[0-1]|[0-5]${d}|${d})`, 'u');
  }
  const m = timeRe.exec(v);
  if (!m || m[0].length !== v.length) return 'the form is H:M:S (hours 0-23, minutes and seconds 0-59, one or two digits)';
  const second = [...m[3]!].reduce((n, c) => n * 10 + pyDigitValue(c.codePointAt(0)!)!, 0);
  if (second > 59) return 'the second is past 59';
  return undefined;
}

/** rfc3339-validator 0.1.4 on `v.upper()`: an ASCII regex whose `$` also matches before a final newline. */
function checkDateTime(v: string): string | undefined {
  // Only ASCII characters can match the regex, and str.upper() turns no non-ASCII character into ASCII that fits.
  const upper = v.replace(/[a-z]/g, (c) => c.toUpperCase());
  const m = /^(\d{4})-(0[1-9]|1[0-2])-(\d{2})T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)\n?$/.exec(upper);
  if (!m || /[\u0080-\u{10ffff}]/u.test(v)) return 'the form is RFC 3339: YYYY-MM-DDTHH:MM:SS[.frac](Z|+HH:MM)';
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y === 0 || d < 1 || d > daysInMonth(y, mo)) return 'there is no such day';
  return undefined;
}

/** `ipaddress.IPv4Address(v)` (Python 3.11). */
function ipv4Error(v: string): string | undefined {
  if (v.includes('/')) return "it contains '/'";
  if (v === '') return 'it is empty';
  const octets = v.split('.');
  if (octets.length !== 4) return 'it needs 4 octets';
  for (const o of octets) {
    if (o === '') return 'an octet is empty';
    if (!/^[0-9]+$/.test(o)) return 'octets are ASCII decimal digits';
    if (o.length > 3) return 'an octet has more than 3 digits';
    if (o !== '0' && o.startsWith('0')) return 'an octet has a leading zero';
    if (Number(o) > 255) return 'an octet is above 255';
  }
  return undefined;
}

/** `ipaddress.IPv6Address(v)` (Python 3.11), and jsonschema refuses a scope id (`%eth0`). */
function checkIpv6(v: string): string | undefined {
  if (v.includes('/')) return "it contains '/'";
  const percent = v.indexOf('%');
  let addr = v;
  if (percent >= 0) {
    const scope = v.slice(percent + 1);
    if (scope === '' || scope.includes('%')) return 'the scope id is malformed';
    addr = v.slice(0, percent);
  }
  const why = ipv6Error(addr);
  if (why) return why;
  return percent >= 0 ? 'it has a scope id' : undefined;
}

function ipv6Error(addr: string): string | undefined {
  if (addr === '') return 'it is empty';
  const parts = addr.split(':');
  if (parts.length < 3) return 'it needs at least 2 colons';
  if (parts[parts.length - 1]!.includes('.')) {
    const v4 = parts.pop()!;
    if (ipv4Error(v4)) return 'its IPv4 suffix is not an IPv4 address';
    parts.push('0', '0'); // two hextets; their values do not matter here
  }
  if (parts.length > 9) return 'it has more than 8 colons';
  let skip: number | undefined;
  for (let i = 1; i < parts.length - 1; i++) {
    if (parts[i] === '') {
      if (skip !== undefined) return "it has more than one '::'";
      skip = i;
    }
  }
  let hi: number;
  let lo: number;
  if (skip !== undefined) {
    hi = skip;
    lo = parts.length - skip - 1;
    if (parts[0] === '') {
      hi -= 1;
      if (hi) return "a leading ':' belongs to '::'";
    }
    if (parts[parts.length - 1] === '') {
      lo -= 1;
      if (lo) return "a trailing ':' belongs to '::'";
    }
    if (8 - (hi + lo) < 1) return "it has too many parts for '::'";
  } else {
    if (parts.length !== 8) return "it needs 8 parts without '::'";
    if (parts[0] === '') return "a leading ':' belongs to '::'";
    if (parts[parts.length - 1] === '') return "a trailing ':' belongs to '::'";
    hi = parts.length;
    lo = 0;
  }
  const hextets = [...parts.slice(0, hi), ...(lo > 0 ? parts.slice(-lo) : [])];
  for (const h of hextets) {
    if (!/^[0-9a-fA-F]*$/.test(h)) return 'hextets are ASCII hex digits';
    if (h.length > 4) return 'a hextet has more than 4 digits';
    if (h === '') return 'a hextet is empty'; // int('', 16) raises ValueError
  }
  return undefined;
}

/** `uuid.UUID(v)` (its hex string through int(x, 16)) and jsonschema's dashes at 8, 13, 18 and 23. */
function checkUuid(v: string): string | undefined {
  const hex = [
    ...v
      .replace(/urn:/g, '')
      .replace(/uuid:/g, '')
      .replace(/^[{}]+|[{}]+$/g, '')
      .replace(/-/g, ''),
  ];
  if (hex.length !== 32 || pyIntBase16(hex) === undefined) return 'it is not 32 hexadecimal digits';
  const cps = [...v];
  if (![8, 13, 18, 23].every((i) => cps[i] === '-')) return 'it needs dashes at positions 8, 13, 18 and 23';
  return undefined;
}

/** `int(s, 16)`: whitespace around, a sign, `0x`, digits with single underscores between; Unicode decimal digits too. */
function pyIntBase16(chars: readonly string[]): bigint | undefined {
  let ascii = '';
  for (const ch of chars) {
    const cp = ch.codePointAt(0)!;
    const digit = pyDigitValue(cp);
    ascii += digit !== undefined ? String(digit) : pyIsSpace(cp) ? ' ' : cp < 0x80 ? ch : '?';
  }
  const m = /^\s*([+-]?)(?:0[xX](_?))?([0-9a-fA-F](?:_?[0-9a-fA-F])*)\s*$/.exec(ascii);
  if (!m) return undefined;
  const value = BigInt(`0x${m[3]!.replace(/_/g, '')}`);
  return m[1] === '-' ? -value : value;
}

/** isoduration 20.11.0's `parse_duration` and jsonschema's "ends with one of DMYWHMS". */
function checkDuration(v: string): string | undefined {
  const chars = [...v];
  if (chars.length < 2) return 'it is too short';
  let begin = 1;
  let sign = 1;
  if (chars[0] === '+') begin += 1;
  if (chars[0] === '-') {
    sign = -1;
    begin += 1;
  }
  if (chars[begin - 1] !== 'P') return "it does not start with 'P'";
  const why = parseDateDuration(chars.slice(begin), sign);
  if (why) return why;
  return /[DMYWHMS]$/u.test(v) ? undefined : 'it does not end with a designator (D, M, Y, W, H or S)';
}

const isNumberChar = (c: string) => /^[+\-0-9.,eE]$/.test(c);
const isLetter = (c: string) => /^\p{L}$/u.test(c) && c.toLowerCase() !== 'e';

function parseDateDuration(chars: readonly string[], sign: number): string | undefined {
  const designators = ['Y', 'M', 'D', 'W'];
  let seenValue = false;
  let tmp = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === 'T') {
      if (tmp !== '' && tmp === chars.slice(0, i).join('')) {
        // PYYYY-MM-DDThh:mm:ss: isoduration hands the text to arrow; dagsmith does not port arrow's parser.
        return 'dagsmith does not check the alternative format (PYYYY-MM-DDThh:mm:ss); write designators, e.g. P1Y2M3DT4H';
      }
      const time = chars.slice(i + 1);
      if (time.length === 0) return "it has a 'T' and no time after it";
      return parseTimeDuration(time, sign);
    }
    if (isLetter(ch)) {
      const at = designators.indexOf(ch);
      if (at < 0) return `'${ch}' is not a date designator, or is out of order`;
      designators.splice(0, at + 1);
      const why = decimalError(tmp, sign);
      if (why) return why;
      if (ch === 'W' && seenValue) return 'weeks cannot be combined with other date designators';
      if (!isZeroDecimal(tmp)) seenValue = true;
      tmp = '';
      continue;
    }
    if (isNumberChar(ch)) {
      tmp += ch === ',' ? '.' : ch;
      continue;
    }
    return `'${ch}' is not part of a duration`;
  }
  return undefined;
}

function parseTimeDuration(chars: readonly string[], sign: number): string | undefined {
  const designators = ['H', 'M', 'S'];
  let tmp = '';
  for (const ch of chars) {
    if (isLetter(ch)) {
      const at = designators.indexOf(ch);
      if (at < 0) return `'${ch}' is not a time designator, or is out of order`;
      designators.splice(0, at + 1);
      const why = decimalError(tmp, sign);
      if (why) return why;
      tmp = '';
      continue;
    }
    if (isNumberChar(ch)) {
      tmp += ch === ',' ? '.' : ch;
      continue;
    }
    return `'${ch}' is not part of a duration`;
  }
  return undefined;
}

const DECIMAL = /^[+-]?(?:(\d+)(?:\.(\d*))?|\.(\d+))(?:[eE]([+-]?\d+))?$/;

function isZeroDecimal(text: string): boolean {
  const m = DECIMAL.exec(text);
  return !!m && /^0*$/.test((m[1] ?? '') + (m[2] ?? '') + (m[3] ?? ''));
}

/**
 * `sign * Decimal(text)`: refused when the text is no Decimal (isoduration's UnparseableValue), or when the product
 * overflows the default context (Emax 999999, 28 digits): decimal.Overflow, which jsonschema does not catch.
 */
function decimalError(text: string, _sign: number): string | undefined {
  const m = DECIMAL.exec(text);
  if (!m) return `'${text}' is not a number`;
  const digits = ((m[1] ?? '') + (m[2] ?? '') + (m[3] ?? '')).replace(/^0+/, '');
  if (digits === '') return undefined;
  const fraction = (m[2] ?? m[3] ?? '').length;
  const exponent = BigInt(m[4] ?? '0') - BigInt(fraction);
  let adjusted = exponent + BigInt(digits.length - 1);
  if (digits.length > 28) {
    // Rounded half-even to 28 digits: a carry out of all nines adds one to the adjusted exponent.
    const head = digits.slice(0, 28);
    const rest = digits.slice(28);
    const up = rest[0]! > '5' || (rest[0] === '5' && (/[1-9]/.test(rest.slice(1)) || Number(head[27]) % 2 === 1));
    if (up && /^9+$/.test(head)) adjusted += 1n;
  }
  return adjusted > 999_999n ? `'${text}' is beyond what Python's decimal context holds (it raises decimal.Overflow)` : undefined;
}

/** jsonpointer 3.0.0's JsonPointer(v): no '~' but '~0' and '~1', and empty or starting with '/'. */
function jsonPointerError(v: string): string | undefined {
  if (/~(?![01])/.test(v)) return "'~' is only escaped as '~0' or '~1'";
  if (v !== '' && !v.startsWith('/')) return "a JSON pointer is empty or starts with '/'";
  return undefined;
}

/** jsonschema's relative-json-pointer: a non-negative integer without leading zero, then '#' or a JSON pointer. */
function checkRelativeJsonPointer(v: string): string | undefined {
  if (v === '') return 'it is empty';
  const chars = [...v];
  let i = 0;
  while (i < chars.length && /^\p{Nd}$/u.test(chars[i]!)) {
    if (!/^[0-9]$/.test(chars[i]!)) return 'dagsmith takes ASCII digits only here';
    if (i > 0 && chars[i - 1] === '0') return 'the number has a leading zero';
    i++;
  }
  if (i < chars.length && /^\p{N}$/u.test(chars[i]!)) return 'dagsmith takes ASCII digits only here';
  if (i === 0) return 'it does not start with a number';
  const rest = chars.slice(i).join('');
  return rest === '#' ? undefined : jsonPointerError(rest);
}

/**
 * `idna.encode(v)` for names of ASCII letters, digits and hyphens, ported exactly: every label 1-63 characters
 * (upper case is lowered), no hyphen first, last or in both the third and fourth place, the whole at most 253
 * characters (254 with a final dot). Anything else needs idna's Unicode tables (and punycode for `xn--` labels),
 * which dagsmith does not carry: it is refused, with the reason.
 */
function checkIdnHostname(v: string, target: string): ReturnType<Check> {
  if (/[\u0080-\u{10ffff}]/u.test(v)) {
    return {
      cannotTell:
        'dagsmith checks idn-hostname values of ASCII letters, digits, hyphens and dots only (the idna package judges the rest with Unicode tables dagsmith does not carry)',
    };
  }
  if (target === '3.3.1' && v.length > 254) return 'it is longer than 254 characters';
  const labels = v.split('.');
  if (labels.length === 1 && labels[0] === '') return 'it is empty';
  let trailingDot = false;
  if (labels[labels.length - 1] === '') {
    labels.pop();
    trailingDot = true;
  }
  for (const label of labels) {
    const lower = label.toLowerCase();
    if (lower.startsWith('xn--')) return { cannotTell: "dagsmith does not check punycode ('xn--') labels" };
    if (label === '') return 'a label is empty';
    if (!/^[a-z0-9-]+$/.test(lower)) return 'labels are letters, digits and hyphens';
    if (lower.slice(2, 4) === '--') return 'a label has hyphens in the third and fourth place';
    if (lower.startsWith('-') || lower.endsWith('-')) return 'a label starts or ends with a hyphen';
    if (label.length > 63) return 'a label is longer than 63 characters';
  }
  const length = labels.join('.').length + (trailingDot ? 1 : 0);
  if (length > (trailingDot ? 254 : 253)) return 'the name is longer than 253 characters';
  return undefined;
}

/**
 * Airflow 2's `Param.resolve` (2.10.3, 2.11.2) catches the ValidationError of a param whose schema has
 * `format: date-time` and accepts the value anyway when `pendulum.parsing.parse_iso8601` reads it as a datetime
 * (with a deprecation warning), whichever keyword failed. Airflow 3 has no such fallback. This says whether the value
 * is one that pendulum certainly reads as a datetime: ISO 8601 `YYYY-MM-DD[T ]HH:MM[:SS[.ffffff]]`, optionally `Z` or
 * `±HH:MM`, of an existing day and time. pendulum takes more forms (`20200101T000000`, `+24:00`); dagsmith refuses
 * those where Airflow 2 would let them through.
 */
export function airflow2DateTimeFallback(value: unknown, target: string): boolean {
  if (!target.startsWith('2.') || typeof value !== 'string') return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)?$/.exec(value);
  if (!m) return false;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo) && h <= 23 && mi <= 59 && s <= 59;
}
