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

function escapeCodePoint(cp: number): string {
  if (cp <= 0xff) return `\\x${cp.toString(16).padStart(2, '0')}`;
  if (cp <= 0xffff) return `\\u${cp.toString(16).padStart(4, '0')}`;
  return `\\U${cp.toString(16).padStart(8, '0')}`;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A Python `str` literal in double quotes. Throws LiteralError on a lone surrogate (not valid UTF-8). */
export function pyStr(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const cp = value.codePointAt(i)!;
    if (cp >= 0xd800 && cp <= 0xdfff) {
      throw new LiteralError(`lone surrogate U+${cp.toString(16).toUpperCase()} at offset ${i}`, 'string');
    }
    const ch = String.fromCodePoint(cp);
    if (cp > 0xffff) i++;
    const simple = SIMPLE_ESCAPES[ch];
    if (simple !== undefined) out += simple;
    else if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || INVISIBLE.test(ch)) out += escapeCodePoint(cp);
    else out += ch;
  }
  return out + '"';
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

/**
 * Any JSON-like value as a Python literal: str, int/float, True/False/None, list, dict (keys are strings).
 * Multi-line strings become parenthesized implicit concatenations, one source line per text line.
 */
export function pyLiteral(value: unknown, opts: LiteralOptions = {}): string {
  const indent = opts.indent ?? '';
  const split = opts.splitStringsLongerThan ?? 60;
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return pyNumber(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string') return multiLineStr(value, indent, split);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((v) => pyLiteral(v, { indent: indent + INDENT_STEP, splitStringsLongerThan: split }));
    return bracket('[', ']', items, indent);
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '{}';
    const items = entries.map(
      ([k, v]) => `${pyStr(k)}: ${pyLiteral(v, { indent: indent + INDENT_STEP, splitStringsLongerThan: split })}`,
    );
    return bracket('{', '}', items, indent);
  }
  throw new LiteralError(`a ${typeof value} cannot be written as a Python literal`, 'type');
}

function bracket(open: string, close: string, items: string[], indent: string): string {
  const inline = `${open}${items.join(', ')}${close}`;
  if (inline.length + indent.length <= 100 && !inline.includes('\n')) return inline;
  const inner = indent + INDENT_STEP;
  return `${open}\n${items.map((i) => `${inner}${i},`).join('\n')}\n${indent}${close}`;
}

function multiLineStr(value: string, indent: string, split: number): string {
  const nl = value.indexOf('\n');
  if (nl < 0 || nl === value.length - 1 || value.length <= split) return pyStr(value);
  const pieces = value.split(/(?<=\n)/);
  const inner = indent + INDENT_STEP;
  return `(\n${pieces.map((p) => `${inner}${pyStr(p)}`).join('\n')}\n${indent})`;
}
