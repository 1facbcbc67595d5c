/**
 * Python's idea of characters, for the TypeScript ports of checks that Airflow runs in Python (cron fields, regular
 * expressions, JSON Schema formats): which code points `re` calls digits, word characters and whitespace, what `_sre`
 * lowercases them to, which ones the Unicode version of that Python assigns. JavaScript's own classes (`\d`, `\w`,
 * `\s`, `\p{...}`) answer differently (ASCII-only, or another Unicode version), so the tables are generated from the
 * Python itself (python-unicode.generated.ts).
 */
import { PYTHON_UNICODE } from './python-unicode.generated';

export interface PythonUnicodeTables {
  readonly python: string;
  readonly unicode: string;
  /** Ranges (flattened start, end, inclusive) of `re`'s `\d` in a str pattern. */
  readonly digit: readonly number[];
  /** The code points of value 0 that start each run of decimal digits. */
  readonly digitZeros: readonly number[];
  readonly word: readonly number[];
  /** `\s`, which is also `str.isspace()` and what `str.split()` splits on. */
  readonly space: readonly number[];
  /** `_sre.unicode_iscased`. */
  readonly cased: readonly number[];
  /** Pairs (code point, `_sre.unicode_tolower`) where the two differ. */
  readonly lower: readonly number[];
  /** Pairs (code point, simple uppercase) above U+FFFF where they differ. */
  readonly upperAstral: readonly number[];
  /** `re._casefix._EXTRA_CASES`, flattened as key, count, values... */
  readonly extraCases: readonly number[];
  /** Non-ASCII code points whose `str.lower()` holds ASCII: pairs (code point, lowered text). */
  readonly lowerToAscii: readonly (number | string)[];
  /** Ranges of code points that have a Unicode category other than Cn in this Python. */
  readonly assigned: readonly number[];
  /** `str.isidentifier()`: the code points a name may start with, and the ones that may follow. */
  readonly identifierStart: readonly number[];
  readonly identifierContinue: readonly number[];
}

export const MAX_CODE_POINT = 0x10ffff;

/** An immutable set of code points as sorted, disjoint, non-adjacent inclusive ranges. */
export class CodePointSet {
  private constructor(private readonly bounds: readonly number[]) {}

  static readonly EMPTY = new CodePointSet([]);
  static readonly ALL = new CodePointSet([0, MAX_CODE_POINT]);

  /** From flattened, possibly unsorted or overlapping [start, end] pairs. */
  static fromRanges(flat: readonly number[]): CodePointSet {
    const pairs: [number, number][] = [];
    for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i]!, flat[i + 1]!]);
    pairs.sort((a, b) => a[0] - b[0]);
    const out: number[] = [];
    for (const [a, b] of pairs) {
      if (a > b) continue;
      const n = out.length;
      if (n > 0 && a <= out[n - 1]! + 1) out[n - 1] = Math.max(out[n - 1]!, b);
      else out.push(a, b);
    }
    return new CodePointSet(out);
  }

  static of(...codePoints: number[]): CodePointSet {
    return CodePointSet.fromRanges(codePoints.flatMap((c) => [c, c]));
  }

  static range(start: number, end: number): CodePointSet {
    return CodePointSet.fromRanges([start, end]);
  }

  get ranges(): readonly number[] {
    return this.bounds;
  }

  get isEmpty(): boolean {
    return this.bounds.length === 0;
  }

  has(cp: number): boolean {
    let lo = 0;
    let hi = this.bounds.length / 2 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (cp < this.bounds[2 * mid]!) hi = mid - 1;
      else if (cp > this.bounds[2 * mid + 1]!) lo = mid + 1;
      else return true;
    }
    return false;
  }

  union(other: CodePointSet): CodePointSet {
    return CodePointSet.fromRanges([...this.bounds, ...other.bounds]);
  }

  complement(): CodePointSet {
    const out: number[] = [];
    let next = 0;
    for (let i = 0; i < this.bounds.length; i += 2) {
      if (this.bounds[i]! > next) out.push(next, this.bounds[i]! - 1);
      next = this.bounds[i + 1]! + 1;
    }
    if (next <= MAX_CODE_POINT) out.push(next, MAX_CODE_POINT);
    return new CodePointSet(out);
  }

  intersect(other: CodePointSet): CodePointSet {
    return this.complement().union(other.complement()).complement();
  }

  minus(other: CodePointSet): CodePointSet {
    return this.intersect(other.complement());
  }

  equals(other: CodePointSet): boolean {
    return this.bounds.length === other.bounds.length && this.bounds.every((b, i) => b === other.bounds[i]);
  }

  /** The set as the body of a JavaScript `u`-mode character class (without the brackets). */
  toClassBody(): string {
    let out = '';
    for (let i = 0; i < this.bounds.length; i += 2) {
      const a = this.bounds[i]!;
      const b = this.bounds[i + 1]!;
      out += a === b ? classChar(a) : b === a + 1 ? classChar(a) + classChar(b) : `${classChar(a)}-${classChar(b)}`;
    }
    return out;
  }
}

function classChar(cp: number): string {
  return `\\u{${cp.toString(16)}}`;
}

/** The tables, decoded once when first needed. */
export interface PythonChars {
  readonly digit: CodePointSet;
  readonly word: CodePointSet;
  readonly space: CodePointSet;
  readonly cased: CodePointSet;
  readonly assigned: CodePointSet;
  readonly identifierStart: CodePointSet;
  readonly identifierContinue: CodePointSet;
  /** `_sre.unicode_tolower` where it changes the code point. */
  readonly lower: ReadonlyMap<number, number>;
  /** The code points that `lower` changes. */
  readonly lowerChanges: CodePointSet;
  /** The code points that lowercase to each code point (not including itself). */
  readonly lowerPreimage: ReadonlyMap<number, readonly number[]>;
  readonly upperAstral: ReadonlyMap<number, number>;
  readonly extraCases: ReadonlyMap<number, readonly number[]>;
  readonly lowerToAscii: ReadonlyMap<number, string>;
  readonly digitZeros: readonly number[];
}

let decoded: PythonChars | undefined;

export function pythonChars(): PythonChars {
  if (decoded) return decoded;
  const t = PYTHON_UNICODE;
  const lower = new Map<number, number>();
  const preimage = new Map<number, number[]>();
  for (let i = 0; i < t.lower.length; i += 2) {
    lower.set(t.lower[i]!, t.lower[i + 1]!);
    const list = preimage.get(t.lower[i + 1]!) ?? [];
    list.push(t.lower[i]!);
    preimage.set(t.lower[i + 1]!, list);
  }
  const upperAstral = new Map<number, number>();
  for (let i = 0; i < t.upperAstral.length; i += 2) upperAstral.set(t.upperAstral[i]!, t.upperAstral[i + 1]!);
  const extraCases = decodeExtraCases(t.extraCases);
  const lowerToAscii = new Map<number, string>();
  for (let i = 0; i < t.lowerToAscii.length; i += 2) lowerToAscii.set(t.lowerToAscii[i] as number, t.lowerToAscii[i + 1] as string);
  decoded = {
    digit: CodePointSet.fromRanges(t.digit),
    word: CodePointSet.fromRanges(t.word),
    space: CodePointSet.fromRanges(t.space),
    cased: CodePointSet.fromRanges(t.cased),
    assigned: CodePointSet.fromRanges(t.assigned),
    identifierStart: CodePointSet.fromRanges(t.identifierStart),
    identifierContinue: CodePointSet.fromRanges(t.identifierContinue),
    lower,
    lowerChanges: CodePointSet.fromRanges([...lower.keys()].flatMap((c) => [c, c])),
    lowerPreimage: preimage,
    upperAstral,
    extraCases,
    lowerToAscii,
    digitZeros: t.digitZeros,
  };
  return decoded;
}

/** `_EXTRA_CASES` flattened by the generator as key, count, values... */
function decodeExtraCases(flat: readonly number[]): Map<number, number[]> {
  const result = new Map<number, number[]>();
  for (let i = 0; i < flat.length;) {
    const count = flat[i + 1]!;
    result.set(flat[i]!, flat.slice(i + 2, i + 2 + count));
    i += 2 + count;
  }
  return result;
}

/** `_sre.unicode_tolower`. */
export function pyLower(cp: number): number {
  return pythonChars().lower.get(cp) ?? cp;
}

/** The decimal value of a Python digit (`\d`), as `int()` reads it; undefined for anything else. */
export function pyDigitValue(cp: number): number | undefined {
  if (cp >= 0x30 && cp <= 0x39) return cp - 0x30;
  const chars = pythonChars();
  if (!chars.digit.has(cp)) return undefined;
  let zero = 0;
  for (const z of chars.digitZeros) if (z <= cp) zero = z;
  return (cp - zero) % 10;
}

/** Whether the code point is whitespace to Python (`str.isspace()`, `str.split()`, `re`'s `\s`). */
export function pyIsSpace(cp: number): boolean {
  return pythonChars().space.has(cp);
}

/** `str.split()` with no argument: runs of Python whitespace separate, leading and trailing ones are dropped. */
export function pySplit(text: string): string[] {
  const out: string[] = [];
  let current = '';
  for (const ch of text) {
    if (pyIsSpace(ch.codePointAt(0)!)) {
      if (current !== '') out.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (current !== '') out.push(current);
  return out;
}

/** `str.isidentifier()`. */
export function pyIsIdentifier(text: string): boolean {
  const chars = pythonChars();
  const cps = [...text].map((c) => c.codePointAt(0)!);
  return cps.length > 0 && chars.identifierStart.has(cps[0]!) && cps.slice(1).every((c) => chars.identifierContinue.has(c));
}

/**
 * The first code point of `text` that the tables' Python (3.11, Unicode 14.0) does not assign, or undefined. MWAA runs
 * some targets on Python 3.12 (Unicode 15.0), which classifies such characters (`\w`, `\d`, case) where 3.11 does not:
 * dagsmith's verdict on them holds for 3.11 only.
 */
export function unassignedInTables(text: string): number | undefined {
  const assigned = pythonChars().assigned;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (!assigned.has(cp)) return cp;
  }
  return undefined;
}

/** A code point as `U+XXXX`. */
export function uPlus(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}
