/**
 * Adversarial generators for the values that Airflow's Python checks again when it imports a DAG file: cron
 * expressions in croniter's dialect and beyond it, boundary dates and time zones, Python regular expressions and the
 * strings they are searched in, and the values of every JSON Schema format. The differential tests (test/base/*
 * .differential.test.ts) judge them with the real Python; the property test (compiles-imports.test.ts) puts them in
 * pipelines.
 */
import fc from 'fast-check';
import { AIRFLOW_TIMEZONES } from '../../src/base/timezones.generated';
import { YEAR_END_NEGATIVE_OFFSETS } from '../../src/base/python-zones.generated';
import { MAX_EVERY_SECONDS } from '../../src/base/python-dates';

// --- cron -----------------------------------------------------------------------------------------------------

/** Per field: plain values, then the forms that croniter and cron-parser read differently. */
const CRON_PLAIN: readonly (readonly string[])[] = [
  ['*', '0', '5', '30', '59', '*/5', '*/15', '0-30/10', '5,35', '10/20'],
  ['*', '0', '3', '12', '23', '*/2', '9-17', '8-18/2', '6,18'],
  ['*', '1', '15', '28', '*/10', '1-15', '1,15'],
  ['*', '1', '6', '12', 'jan', 'DEC', 'jan-mar', '*/3', '1-6'],
  ['*', '0', '1', '6', '7', 'mon', 'SUN', 'mon-fri', '1-5', 'sat,sun'],
];
const CRON_EXOTIC: readonly (readonly string[])[] = [
  [
    '60',
    '?',
    'L',
    '*/0',
    '30-5',
    '0-0',
    '59-0/30',
    '\u0663',
    '\u0663/\u0662',
    '00',
    '1/2/3',
    '5/',
    '/5',
    '*/',
    '-5',
    '5-',
    'H',
    'R',
    'H/5',
    'r(0-70)',
    '*/61',
    '0x1',
    '5.0',
    '\uff15',
    '1,,2',
    ',',
    '*,5',
  ],
  ['24', 'L', '?', '22-2', '0-23/24', '12/3', 'h(0-5)', '\u0967\u0968', '23-23'],
  [
    '0',
    '32',
    'L',
    'l',
    '?',
    '15W',
    'W15',
    'LW',
    '1-L',
    'L-3',
    '5-1',
    '1,L',
    '1,15W',
    '29',
    '30',
    '31',
    '2-30/7',
    'w',
    '0W',
    '32W',
    '1W,2',
    '1-5W',
    'L/2',
    '*/L',
    'L2',
    '15w',
    'W',
  ],
  ['0', '13', '?', 'feb', '2', '4,6,9,11', 'jan/2', 'apr-jan/3', '12-1/5', 'l', 'january', 'mon', 'nov-feb'],
  [
    '8',
    '5#3',
    'fri#5',
    'L5',
    'l0',
    '5L',
    'sat-sun',
    '0-6/2',
    '?',
    '1#1,2#2',
    '1,2#3',
    'mon#2',
    '1-5#2',
    'L',
    '*#2',
    '6#6',
    '5#0',
    'fri-mon',
    'mon-fri#2',
    '7#1',
    'L7',
    'sun-sat#1',
    '\u0663#\u0662',
    '0,1#1',
    '0-6#1',
    'jan#2',
    '7-1',
    'sunday',
    'MON-SUN',
    '5#3,5#4',
  ],
];

const cronField = (i: number) =>
  fc
    .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...CRON_PLAIN[i]!) }, { weight: 1, arbitrary: fc.constantFrom(...CRON_EXOTIC[i]!) }), {
      minLength: 1,
      maxLength: 3,
    })
    .map((parts) => parts.join(','));

/** Whitespace between fields, including what only one of Python and JavaScript counts as whitespace. */
const cronSpace = fc.oneof(
  { weight: 12, arbitrary: fc.constant(' ') },
  { weight: 1, arbitrary: fc.constantFrom('  ', '\t', '\u00a0', '\u2003', '\u001c', '\u0085', '\ufeff', '\u200b') },
);

/** Cron expressions: mostly five fields in croniter's and cron-parser's shared dialect, a share of each one's own. */
export const cronExpression: fc.Arbitrary<string> = fc
  .tuple(
    fc.tuple(cronField(0), cronField(1), cronField(2), cronField(3), cronField(4)),
    fc.constantFrom(5, 5, 5, 5, 5, 5, 6, 7, 4),
    fc.array(cronSpace, { minLength: 7, maxLength: 7 }),
    fc.constantFrom('0', '*/15', '30', '2030', '*'),
  )
  .map(([fields, n, spaces, extra]) => {
    const all = [...fields, extra, extra].slice(0, n);
    return all.map((f, i) => (i === 0 ? f : spaces[i]! + f)).join('');
  });

// --- dates, zones, intervals --------------------------------------------------------------------------------------

const ZONES = [...AIRFLOW_TIMEZONES];
/** Every zone, with a weight on the extremes: the furthest west and east of UTC, and the zones with odd offsets. */
export const timezoneName: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ZONES) },
  { weight: 2, arbitrary: fc.constantFrom(...YEAR_END_NEGATIVE_OFFSETS.keys()) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'UTC',
      'Etc/GMT+12',
      'Etc/GMT-14',
      'Pacific/Kiritimati',
      'Pacific/Pago_Pago',
      'America/St_Johns',
      'Asia/Kathmandu',
      'Australia/Lord_Howe',
      'America/Santiago',
      'Pacific/Chatham',
    ),
  },
);

const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
/** Wall-clock dates at the ends of what dagsmith takes (1900..9999) and ordinary ones, times at the day's edges. */
export const localDateTime: fc.Arbitrary<[number, number, number, number, number, number]> = fc
  .tuple(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(1900, 1901, 1970, 2026, 9998, 9999) },
      { weight: 1, arbitrary: fc.integer({ min: 1900, max: 9999 }) },
    ),
    fc.oneof({ weight: 2, arbitrary: fc.constantFrom(1, 12) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 12 }) }),
    fc.oneof({ weight: 2, arbitrary: fc.constantFrom(1, 31) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 31 }) }),
    fc.oneof(
      {
        weight: 3,
        arbitrary: fc.constantFrom([0, 0, 0], [9, 59, 59], [10, 0, 0], [11, 59, 59], [12, 0, 0], [13, 30, 0], [14, 0, 0], [20, 0, 0], [23, 59, 59]),
      },
      { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 })) },
    ),
  )
  .map(([y, m, d, [H, M, S]]) => [y, m, Math.min(d, daysIn(y, m)), H, M, S]);

export const startDateText: fc.Arbitrary<string> = localDateTime.map(([y, m, d, H, M, S]) => {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return H === 0 && M === 0 && S === 0 && y % 2 === 0 ? `${p(y, 4)}-${p(m)}-${p(d)}` : `${p(y, 4)}-${p(m)}-${p(d)}T${p(H)}:${p(M)}:${p(S)}`;
});

/** Interval lengths in seconds: ordinary ones and the ones around where `now + every` leaves Python's datetime. */
export const everySeconds: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(1, 60, 3600, 86_400, 7 * 86_400) },
  { weight: 2, arbitrary: fc.integer({ min: MAX_EVERY_SECONDS - 5 * 365 * 86_400, max: MAX_EVERY_SECONDS + 400 * 365 * 86_400 }) },
  { weight: 1, arbitrary: fc.constantFrom(MAX_EVERY_SECONDS, MAX_EVERY_SECONDS + 1, 999_999_999 * 86_400) },
);

/** `every` as dagsmith writes it: days, or days and seconds. */
export const everyText: fc.Arbitrary<string> = everySeconds.map((s) =>
  s % 86_400 === 0 ? `${s / 86_400}d` : `${Math.floor(s / 86_400)}d${s % 86_400}s`,
);

// --- Python regular expressions and the strings they are searched in --------------------------------------------

/** Characters where Python's and JavaScript's classes, case rules or line ends part ways. */
export const TRICKY_CHARS = [
  '0',
  '9',
  'a',
  'Z',
  '_',
  ' ',
  '\n',
  '\r',
  '\t',
  '\u000b',
  '\u000c',
  '\u001c',
  '\u001f',
  '\u0085',
  '\u00a0',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\u200b',
  '\u0663',
  '\u0967',
  '\uff15',
  '\u00b2',
  '\u2460',
  '\u00e9',
  '\u00df',
  '\u0130',
  '\u0131',
  '\u017f',
  '\u212a',
  '\u00b5',
  '\u03bc',
  '\u03c3',
  '\u03c2',
  '\u0345',
  '\u1e9e',
  '\u01c5',
  '\u0301',
  '\u4e2d',
  '\ud835\udfce',
  '\ud801\udc00',
  '\ud801\udc28',
  '\ud83d\ude00',
  '\ud800',
  '\udfff',
  '-',
  ']',
  '\\',
  '.',
  // Assigned after Unicode 14 (Python 3.11): Kawi digit zero, Nag Mundari letter.
  '\ud807\udf50',
  '\ud839\udcd0',
];

/** Subjects: short strings of tricky characters, plain words, and empty. */
export const regexSubject: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...TRICKY_CHARS), { maxLength: 6 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: fc.constantFrom('', 'abc', 'ABC', 'abc\n', '2024-01-31', 'a1_b2', 'foo bar', 'x\ny', 'KELVIN', 'stra\u00dfe') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 5 }) },
);

/** Atoms Python accepts (most of them differ from JavaScript in meaning), and atoms only one of the two accepts. */
const REGEX_ATOMS = [
  'a',
  'b',
  'Z',
  '0',
  '_',
  '-',
  ' ',
  '\u00e9',
  '\u00df',
  '\u0131',
  '\u017f',
  '\u212a',
  'k',
  's',
  'K',
  'S',
  'i',
  'I',
  '\u03c3',
  '\u00b5',
  '\ud83d\ude00',
  '\ud801\udc00',
  '.',
  '\\d',
  '\\D',
  '\\w',
  '\\W',
  '\\s',
  '\\S',
  '\\n',
  '\\t',
  '\\x41',
  '\\u00e9',
  '\\U0001F600',
  '\\0',
  '\\07',
  '\\101',
  '\\-',
  '\\]',
  '\\.',
  '{',
  '}',
  '{}',
  ']',
  '[a-z]',
  '[^a-z]',
  '[\\w-]',
  '[a-]',
  '[-a]',
  '[]a]',
  '[[:alpha:]]',
  '[\\s\\S]',
  '[^\\n]',
  '[0-9\u0660-\u0669]',
  '[\u00e0-\u00ff]',
  '[\\ud800-\\udfff]',
  '[\ud801\udc00-\ud801\udc4f]',
  '[K]',
  '[k-s]',
  '[\\b]',
  '[.]',
  '[--a]',
  '[^\\W\\d]',
  '[\\D]',
];
/** Zero-width atoms: Python refuses a quantifier after them ("nothing to repeat"). */
const REGEX_ANCHORS = ['^', '$', '\\b', '\\B', '\\A', '\\Z'];
const REGEX_ATOMS_ODD = [
  '\\1',
  '\\2',
  '\\8',
  '\\p{L}',
  '\\k<n>',
  '\\cA',
  '\\N{EM DASH}',
  '\\u{61}',
  '\\z',
  ')',
  '(',
  '|',
  '\\',
  '[z-a]',
  '[]',
  '[^]',
  '[\\d-z]',
  '[\\B]',
  '[\\Z]',
];
const REGEX_QUANTIFIERS = ['', '', '', '', '', '*', '+', '?', '{2}', '{1,}', '{,2}', '{1,2}', '*?', '+?', '??', '*+', '++', '?+', '{2}?', '{0}'];
const REGEX_QUANTIFIERS_ODD = ['{2,1}', '{x}', '{4294967295}', '**', '{,}'];
const REGEX_GROUPS: readonly ((inner: string) => string)[] = [
  (x) => `(${x})`,
  (x) => `(?:${x})`,
  (x) => `(?P<n>${x})`,
  (x) => `(?=${x})`,
  (x) => `(?!${x})`,
  (x) => `(?<=${x})`,
  (x) => `(?<!${x})`,
  (x) => `(?>${x})`,
  (x) => `(?i:${x})`,
  (x) => `(?-i:${x})`,
  (x) => `(?s:${x})`,
  (x) => `(?m:${x})`,
  (x) => `(?x:${x})`,
  (x) => `(?a:${x})`,
  (x) => `(?u:${x})`,
  (x) => `(${x}|)`,
  (x) => `(?:${x}|b)`,
  (x) => `(?#c)${x}`,
  (x) => `(?P<n>${x})(?P=n)`,
  (x) => `(${x})\\1`,
  (x) => `(?<=a)${x}`,
  (x) => `${x}|a`,
];
const REGEX_GROUPS_ODD: readonly ((inner: string) => string)[] = [
  (x) => `(?<n>${x})`,
  (x) => `(?L:${x})`,
  (x) => `(?P=n)${x}`,
  (x) => `(?(1)${x}|c)`,
  (x) => `(a)?(?(1)${x})`,
];
const REGEX_PREFIXES = ['', '', '', '', '', '', '', '', '(?i)', '(?m)', '(?s)', '(?x)', '(?a)', '(?u)', '(?ai)', '(?im)', '(?L)', '(?t)', 'a(?i)'];

const pick = <T>(common: readonly T[], odd: readonly T[]) =>
  fc.oneof({ weight: 30, arbitrary: fc.constantFrom(...common) }, { weight: 1, arbitrary: fc.constantFrom(...odd) });

/** Python patterns: valid and invalid, Python-only and JavaScript-only syntax, with flags and Unicode classes. */
export const pythonPattern: fc.Arbitrary<string> = fc
  .letrec<{ term: string; seq: string }>((tie) => ({
    term: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.tuple(pick(REGEX_ATOMS, REGEX_ATOMS_ODD), pick(REGEX_QUANTIFIERS, REGEX_QUANTIFIERS_ODD)).map(([a, q]) => a + q),
      fc.constantFrom(...REGEX_ANCHORS),
      fc.tuple(pick(REGEX_GROUPS, REGEX_GROUPS_ODD), tie('seq'), pick(REGEX_QUANTIFIERS, REGEX_QUANTIFIERS_ODD)).map(([g, x, q]) => g(x) + q),
    ),
    seq: fc.array(tie('term'), { minLength: 1, maxLength: 3 }).map((terms) => terms.join('')),
  }))
  .seq.chain((body) => fc.constantFrom(...REGEX_PREFIXES).map((prefix) => prefix + body));

// --- JSON Schema format values ------------------------------------------------------------------------------------

/** Every format name Python's jsonschema knows, some it does not, and adversarial values for each. */
export const FORMAT_VALUES: Readonly<Record<string, readonly string[]>> = {
  date: [
    '2020-02-29',
    '2021-02-29',
    '0000-01-01',
    '0001-01-01',
    '9999-12-31',
    '2020-13-01',
    '2020-1-01',
    '2020-01-01\n',
    '\uff12020-01-01',
    '2020-01-01T00:00',
    '20200101',
    '2020-W01-1',
    '\u0661\u0662\u0663\u0664-01-01',
    '2020-00-10',
    '2020-04-31',
  ],
  time: [
    '1:2:3',
    '23:59:59',
    '23:59:60',
    '23:59:61',
    '24:00:00',
    '00:00:00Z',
    '12:00',
    '12:00:00.5',
    '1\u0662:00:00',
    '\u0661:\u0662:\u0663',
    '00:00:0',
    '0:0:0\n',
    ' 1:2:3',
    '19:5\u0669:09',
    '09:60:00',
    '2:00:00 ',
  ],
  'date-time': [
    '2020-01-01T00:00:00Z',
    '2020-01-01t00:00:00z',
    '2020-01-01T00:00:00+01:00',
    '2020-01-01T00:00:00+24:00',
    '2020-01-01T00:00:00.123456Z',
    '2020-01-01T00:00Z',
    '2020-01-01T00:00:00Z\n',
    '2020-02-30T00:00:00Z',
    '0000-01-01T00:00:00Z',
    '2020-01-01 00:00:00Z',
    '2020-01-01T24:00:00Z',
    '2020-01-01T00:00:60Z',
    '2020-01-01\u1e97\u0308',
    '2020-01-01T00:00:00-00:00',
  ],
  email: ['a@b', '@', 'a', '', 'a\uff20b'],
  'idn-email': ['a@b', 'a'],
  ipv4: [
    '0.0.0.0',
    '255.255.255.255',
    '256.0.0.1',
    '01.0.0.0',
    '1.2.3',
    '1.2.3.4/8',
    '\uff11.2.3.4',
    ' 1.2.3.4',
    '1.2.3.4 ',
    '1..3.4',
    '1.2.3.4.5',
    '0.0.0.00',
    '\u0661.2.3.4',
  ],
  ipv6: [
    '::',
    '::1',
    '1::',
    ':1::',
    '1:2:3:4:5:6:7:8',
    '1:2:3:4:5:6:7:8:9',
    '::ffff:1.2.3.4',
    'fe80::1%eth0',
    'fe80::1%',
    '1::2::3',
    '12345::',
    'g::',
    '1:2:3:4:5:6:7::',
    '::1.2.3',
    ':',
    '1:2:3:4:5:6:1.2.3.4',
    '1::%1%2',
    '::\uff11',
  ],
  uuid: [
    '12345678-1234-1234-1234-123456789012',
    '{12345678-1234-1234-1234-123456789012}',
    'urn:uuid:12345678-1234-1234-1234-123456789012',
    '12345678123412341234123456789012',
    'ABCDEF01-1234-1234-1234-123456789012',
    ' 2345678-1234-1234-1234-123456789012',
    '0x345678-1234-1234-1234-123456789012',
    '+2345678-1234-1234-1234-123456789012',
    '1_345678-1234-1234-1234-123456789012',
    '\u0661\u0662345678-1234-1234-1234-123456789012',
    'g2345678-1234-1234-1234-123456789012',
    '12345678-1234-1234-1234-1234567890123',
    '0x_45678-1234-1234-1234-123456789012',
  ],
  regex: ['^a+$', '(?P<n>a)', '(?<n>a)', '\\p{L}', '[', '(?i)x', 'a{2,1}', '\\N{EM DASH}', '\\d+', ''],
  duration: [
    'P1Y',
    'PT1H',
    'P1W',
    'P1Y1W',
    'P0Y1W',
    'PT',
    'P',
    '-P1D',
    '+P1D',
    '+-P1D',
    'P1,5D',
    'P1e3D',
    'P1e999999D',
    'P1e1000000D',
    'P99999999999999999999999999999e999971D',
    'P1.D',
    'P.5D',
    'P.D',
    'P2020-01-01T00:00:00',
    'PT1H1M1S',
    'PT1S1M',
    'P1DT',
    'P1Dx',
    'P1\u00e9D',
    'P1D1D',
    'P1M1Y',
    'PT1M',
    'P1',
    '1D',
    'P1YT1H2M3.5S',
    'P-1D',
    'P1W1D',
    'P1E',
    'P1e',
    'p1d',
  ],
  'idn-hostname': [
    'example.com',
    'EXAMPLE.com',
    'ex_ample.com',
    'a..b',
    '',
    '.',
    'a.',
    '-a.com',
    'a-.com',
    'ab--c',
    'xn--bcher-kva.de',
    'b\u00fccher.de',
    'a'.repeat(63),
    'a'.repeat(64),
    `${'a'.repeat(63)}.`.repeat(4),
    `${'a'.repeat(50)}.`.repeat(5),
    '\u4f8b\u3048.jp',
    'a\u3002b',
    'a b',
    'xn--',
    'a.b.',
  ],
  'json-pointer': ['', '/', '/a~0b', '/a~1b', '/a~2', '~', 'a/b', '/~', '/a~\n'],
  'relative-json-pointer': ['0', '1/a', '01', '0#', '#', '1#', '', '\u0663/a', '\u00b2/a', '10/a~0', '1a'],
  hostname: ['-bad-', 'ok.com'],
  uri: ['not a uri', 'http://x'],
  'uri-reference': ['\\\\'],
  iri: ['\u0000'],
  color: ['notacolor'],
  'host-name': ['-x-'],
  'ip-address': ['999.1.1.1'],
  'uri-template': ['{'],
  'no-such-format': ['x'],
};

export const formatName: fc.Arbitrary<string> = fc.constantFrom(...Object.keys(FORMAT_VALUES));

/** A format with one of its adversarial values, a tricky character put in, or a non-string value. */
export const formatValue: fc.Arbitrary<{ format: string; value: unknown }> = formatName.chain((format) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...FORMAT_VALUES[format]!).map((value) => ({ format, value: value })) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom(...FORMAT_VALUES[format]!), fc.nat(), fc.constantFrom(...TRICKY_CHARS))
        .map(([v, at, c]) => ({ format, value: v.slice(0, at % (v.length + 1)) + c + v.slice(at % (v.length + 1)) })),
    },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(1, 2.5, true, null, [], {}).map((value) => ({ format, value })) },
  ),
);
