/**
 * THE one way a value from a spec reaches Python source: `pyLiteral`. Its output is a Python expression that
 * `ast.literal_eval` reads back as the same value (fuzz-tested against Python itself).
 *
 * Strings are double-quoted with every character that could change how the source is read escaped: controls,
 * line and paragraph separators, and the bidirectional/zero-width characters of "Trojan Source" attacks.
 * Other printable characters, including non-BMP ones, are kept as they are so the output stays readable.
 */

export class LiteralError extends Error {
  override readonly name = 'LiteralError';
  constructor(
    message: string,
    readonly kind: 'string' | 'number' | 'type',
  ) {
    super(message);
  }
}

/**
 * Characters escaped although Python would accept them raw: format characters (bidi controls, zero-width, BOM,
 * tag characters), unassigned and private-use code points, and line/paragraph separators. Raw, they make the
 * source read differently from what it does ("Trojan Source").
 */
const INVISIBLE = /^[\p{Cf}\p{Cn}\p{Co}\p{Zl}\p{Zp}]$/u;

/**
 * Any character `escapeOf` escapes, or a lone surrogate (`\p{Cs}` matches only unpaired halves under /u): one test
 * over the whole string lets the common case, a string with nothing to escape, skip the per-character walk. Kept
 * equal to `escapeOf` by an exhaustive test over the BMP and samples of every astral plane.
 */
const NEEDS_ESCAPE = /[\\"\p{Cc}\p{Cf}\p{Cn}\p{Co}\p{Zl}\p{Zp}\p{Cs}]/u;

function escapeCodePoint(cp: number): string {
  if (cp <= 0xff) return `\\x${cp.toString(16).padStart(2, '0')}`;
  if (cp <= 0xffff) return `\\u${cp.toString(16).padStart(4, '0')}`;
  return `\\U${cp.toString(16).padStart(8, '0')}`;
}

const SIMPLE_ESCAPES: ReadonlyMap<number, string> = new Map([
  [0x5c, '\\\\'],
  [0x22, '\\"'],
  [0x0a, '\\n'],
  [0x0d, '\\r'],
  [0x09, '\\t'],
]);

/** How one code point is written inside a double-quoted Python string: its escape, or undefined to keep it raw. */
function escapeOf(cp: number): string | undefined {
  const simple = SIMPLE_ESCAPES.get(cp);
  if (simple !== undefined) return simple;
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return escapeCodePoint(cp);
  if (cp > 0x7f && INVISIBLE.test(String.fromCodePoint(cp))) return escapeCodePoint(cp);
  return undefined;
}

/** A Python `str` literal in double quotes. Throws LiteralError on a lone surrogate (not valid UTF-8). */
export function pyStr(value: string): string {
  return NEEDS_ESCAPE.test(value) ? pyStrByCodePoint(value) : `"${value}"`;
}

/**
 * pyStr without the whole-string fast path: every code point through `escapeOf`. Exported for the test that holds
 * the fast path to it; use pyStr.
 */
export function pyStrByCodePoint(value: string): string {
  // Raw runs are copied as slices between the characters that need an escape.
  let out = '"';
  let runStart = 0;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    // Printable ASCII other than `"` and `\` is never escaped: skip the lookup for the most common characters.
    if (unit >= 0x20 && unit < 0x7f && unit !== 0x22 && unit !== 0x5c) continue;
    const cp = value.codePointAt(i)!;
    if (cp >= 0xd800 && cp <= 0xdfff) {
      throw new LiteralError(`lone surrogate U+${cp.toString(16).toUpperCase()} at offset ${i}`, 'string');
    }
    const width = cp > 0xffff ? 2 : 1;
    const escaped = escapeOf(cp);
    if (escaped !== undefined) {
      out += value.slice(runStart, i) + escaped;
      runStart = i + width;
    }
    i += width - 1;
  }
  return out + value.slice(runStart) + '"';
}

/** A Python number literal. Integers beyond 2^53 are written exactly as the double holds them. */
export function pyNumber(value: number): string {
  if (Number.isNaN(value)) throw new LiteralError('NaN has no Python literal', 'number');
  if (value === Infinity) return '1e999';
  if (value === -Infinity) return '-1e999';
  if (Object.is(value, -0)) return '-0.0';
  if (Number.isInteger(value)) return BigInt(value).toString();
  return String(value);
}

export interface LiteralOptions {
  /** Current indentation (spaces) where the literal starts; used when the literal spans several lines. */
  indent?: string;
  /** Split strings with newlines longer than this into one quoted piece per line. */
  splitStringsLongerThan?: number;
}

const INDENT_STEP = '    ';
/** Source width that a literal written on one line may reach, indentation included. */
const WIDTH = 100;

/**
 * `maxIndent` of what is written on one line at any indentation, and of what never is. Small integers rather
 * than ±Infinity: V8 stores them in the object unboxed, and layouts are made by the hundred thousand.
 */
export const ANY_INDENT = 2 ** 29;
export const NO_INDENT = -(2 ** 29);

/**
 * Any JSON-like value as a Python literal: str, int/float, True/False/None, list, dict (keys are strings).
 * Multi-line strings become parenthesized implicit concatenations, one source line per text line. A list or dict
 * stays on one line when it fits (and holds no multi-line string), else it puts one item a line.
 */
export function pyLiteral(value: unknown, opts: LiteralOptions = {}): string {
  return writeLiteral(layoutLiteral(value, opts.splitStringsLongerThan), opts.indent ?? '');
}

/**
 * A literal measured once for layout: its one-line text and the deepest indentation (in characters) at which
 * pyLiteral writes it on one line (NO_INDENT: never, e.g. a list holding a multi-line string). The expression
 * layout reads these to choose its own shape, then writes the literal with writeLiteral, measuring nothing twice.
 */
export interface LiteralLayout {
  /** The one-line text; meaningless when maxIndent is NO_INDENT. */
  readonly text: string;
  readonly maxIndent: number;
  /** A string written one quoted piece per line (maxIndent is then NO_INDENT). */
  readonly lines: string | undefined;
  /** A list's items, or a dict's values (with their quoted keys), when it spans lines. */
  readonly items: readonly LiteralLayout[] | undefined;
  readonly keys: readonly string[] | undefined;
}

/** Measures `value` (see LiteralLayout). Throws LiteralError for what has no Python literal. */
export function layoutLiteral(value: unknown, splitStringsLongerThan = 60): LiteralLayout {
  const split = splitStringsLongerThan;
  if (value === null || value === undefined) return oneLine('None');
  if (value === true) return oneLine('True');
  if (value === false) return oneLine('False');
  if (typeof value === 'number') return oneLine(pyNumber(value));
  if (typeof value === 'bigint') return oneLine(value.toString());
  if (typeof value === 'string') {
    if (spansLines(value, split)) return { text: '', maxIndent: NO_INDENT, lines: value, items: undefined, keys: undefined };
    return oneLine(pyStr(value));
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return oneLine('[]');
    return container(
      '[',
      ']',
      value.map((v) => layoutLiteral(v, split)),
      undefined,
    );
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return oneLine('{}');
    const keys = entries.map(([k]) => pyStr(k));
    return container(
      '{',
      '}',
      entries.map(([, v]) => layoutLiteral(v, split)),
      keys,
    );
  }
  throw new LiteralError(`a ${typeof value} cannot be written as a Python literal`, 'type');
}

/** Writes a measured literal starting at `indent`: on one line where it fits, else one item (or text line) a line. */
export function writeLiteral(layout: LiteralLayout, indent: string): string {
  if (indent.length <= layout.maxIndent) return layout.text;
  const { items, keys } = layout;
  if (items === undefined) return multiLineStr(layout.lines!, indent);
  // Items are written one level deeper, where they were measured to fit (or not) on their own.
  const inner = indent + INDENT_STEP;
  let out = keys === undefined ? '[' : '{';
  for (let i = 0; i < items.length; i++) {
    out += `\n${inner}${keys === undefined ? '' : `${keys[i]}: `}${writeLiteral(items[i]!, inner)},`;
  }
  return `${out}\n${indent}${keys === undefined ? ']' : '}'}`;
}

function oneLine(text: string): LiteralLayout {
  return { text, maxIndent: ANY_INDENT, lines: undefined, items: undefined, keys: undefined };
}

function container(open: string, close: string, items: LiteralLayout[], keys: string[] | undefined): LiteralLayout {
  let text = open;
  // On one line the items sit one level deeper than the bracket, so each needs 4 more characters of room.
  let maxIndent = ANY_INDENT;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    text += `${i === 0 ? '' : ', '}${keys === undefined ? '' : `${keys[i]}: `}${item.text}`;
    maxIndent = Math.min(maxIndent, item.maxIndent - INDENT_STEP.length);
  }
  text += close;
  return { text, maxIndent: Math.min(maxIndent, WIDTH - text.length), lines: undefined, items, keys };
}

/** Whether a string is written as one quoted piece per line: it has a line break before its end and is long. */
function spansLines(value: string, split: number): boolean {
  const nl = value.indexOf('\n');
  return nl >= 0 && nl !== value.length - 1 && value.length > split;
}

function multiLineStr(value: string, indent: string): string {
  const inner = indent + INDENT_STEP;
  let out = '(';
  // One piece per line, each keeping its '\n'; the last piece may have none.
  for (let start = 0; start < value.length;) {
    const nl = value.indexOf('\n', start);
    const end = nl < 0 ? value.length : nl + 1;
    out += `\n${inner}${pyStr(value.slice(start, end))}`;
    start = end;
  }
  return `${out}\n${indent})`;
}
