/**
 * yaml's YAML 1.2 core schema for plain scalars, shared by the block parser (src/load/yaml-block.ts) and the fast
 * path (src/load/yaml-fast.ts). A module of its own so that a run whose files the block parser reads all never
 * loads js-yaml.
 */

/** yaml's `int`/`float` DS107 check: a number that is not a safe integer, written like an integer. */
const INTEGER_LIKE = /^[-+]?(0x|0o)?[0-9a-fA-F]+$/;

/** Set while one document is composed: js-yaml's constructors (and resolvePlainScalar) cannot return errors, so they raise this flag. */
let sawUnsafeInteger = false;

function number(value: number, source: string): number {
  if (!Number.isSafeInteger(value) && INTEGER_LIKE.test(source)) sawUnsafeInteger = true;
  return value;
}

/**
 * yaml's core schema (node_modules/yaml/dist/schema/core/*.js): its implicit scalar types, same test, same value, in
 * yaml's order (the first type whose test matches wins).
 */
export const CORE_TYPES: readonly (readonly [RegExp, (source: string) => unknown])[] = [
  [/^(?:~|[Nn]ull|NULL)?$/, () => null],
  [/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (s) => s[0] === 't' || s[0] === 'T'],
  [/^0o[0-7]+$/, (s) => number(parseInt(s.substring(2), 8), s)],
  [/^[-+]?[0-9]+$/, (s) => number(parseInt(s, 10), s)],
  [/^0x[0-9a-fA-F]+$/, (s) => number(parseInt(s.substring(2), 16), s)],
  [
    /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    (s) => (s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY),
  ],
  [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, (s) => number(parseFloat(s), s)],
  [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, (s) => number(parseFloat(s), s)],
];

/**
 * The first character every non-empty text one of CORE_TYPES matches starts with (`~`, `n`/`N`, `t`/`T`, `f`/`F`,
 * a digit, a sign, `.`). Most plain scalars (ids, names, keys) start otherwise and are strings without a test.
 */
const MAY_RESOLVE = /^[~nNtTfF0-9+\-.]/;

const TILDE = 0x7e;
const WORD_START = 1;
const NUMBER_START = 2;

/** Per ASCII character: WORD_START for `~`, n, t, f (either case), NUMBER_START for a digit, a sign and `.`. */
const RESOLVE_START = new Uint8Array(128);
for (const c of '~nNtTfF') RESOLVE_START[c.charCodeAt(0)] = WORD_START;
for (const c of '0123456789+-.') RESOLVE_START[c.charCodeAt(0)] = NUMBER_START;

/**
 * Every character a number of CORE_TYPES may hold (digits, hexadecimal digits, signs, `.`, the `o` of `0o`, the `x`
 * of `0x`, the letters of `.inf`/`.nan`): a scalar with any other is a string.
 */
const NUMBER_CHARS = new Uint8Array(128);
for (const c of '0123456789abcdefABCDEF+-.oxinIN') NUMBER_CHARS[c.charCodeAt(0)] = 1;

/** The null and boolean spellings of four and five characters (CORE_TYPES' first two), with their values. */
const WORDS = new Map<string, null | boolean>([
  ['null', null],
  ['Null', null],
  ['NULL', null],
  ['true', true],
  ['True', true],
  ['TRUE', true],
  ['false', false],
  ['False', false],
  ['FALSE', false],
]);

/**
 * The value of the plain scalar `text[start, end)`, as the core schema resolves it (for the block parser,
 * src/load/yaml-block.ts). An integer beyond the safe range sets the flag `unsafeIntegerSeen` reads.
 *
 * The same answer as CORE_TYPES, without a regular expression for nearly all scalars: one that starts with a letter
 * other than n, t or f (either case) is a string; one that starts with ~, n, t or f is null or a boolean when it is
 * one of their few spellings (no number starts so), a string otherwise; and one that starts with a digit, a sign or
 * a dot can only be a number when all its characters are among those numbers are written with (NUMBER_CHARS).
 */
export function resolvePlainScalar(text: string, start: number, end: number): string | number | boolean | null {
  const c = text.charCodeAt(start);
  const length = end - start;
  if (length === 0) return null;
  if (c < 128 && RESOLVE_START[c] === WORD_START) {
    if (length === 1) return c === TILDE ? null : text.slice(start, end);
    if (length !== 4 && length !== 5) return text.slice(start, end);
    const source = text.slice(start, end);
    const word = WORDS.get(source);
    return word === undefined ? source : word;
  }
  if (c >= 128 || RESOLVE_START[c] !== NUMBER_START) return text.slice(start, end);
  for (let i = start + 1; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch >= 128 || NUMBER_CHARS[ch] !== 1) return text.slice(start, end);
  }
  const source = text.slice(start, end);
  const index = coreTypeOf(source);
  return index === -1 ? source : (CORE_TYPES[index]![1](source) as number | boolean | null);
}

/** Clears the unsafe-integer flag (before a document is parsed). */
export function clearUnsafeInteger(): void {
  sawUnsafeInteger = false;
}

/** Whether a scalar resolved since `clearUnsafeInteger` was an integer yaml reports as unsafe (DS107). */
export function unsafeIntegerSeen(): boolean {
  return sawUnsafeInteger;
}

/** Index in CORE_TYPES of the type `source` resolves to, or -1 (a string). */
export function coreTypeOf(source: string): number {
  if (source.length > 0 && !MAY_RESOLVE.test(source)) return -1;
  for (let i = 0; i < CORE_TYPES.length; i++) if (CORE_TYPES[i]![0].test(source)) return i;
  return -1;
}
