/**
 * Writes workflow-definition values as YAML text for dag-factory 1.0.1, which reads a file in two steps: first
 * `os.path.expandvars` over the whole text (every `$NAME` and `${NAME}` naming an environment variable of the worker
 * is replaced, with no escape), then PyYAML's FullLoader (YAML 1.1: `yes`/`on` are booleans, a float needs a dot).
 * So every string from a spec goes through `yamlString`:
 *  - plain only when PyYAML reads it back as that very string (a name-like text that is no YAML 1.1 keyword);
 *  - a literal block (`|`) for multi-line text of printable characters without `$`;
 *  - otherwise double-quoted, with `"`, `\`, control and non-printable characters escaped, and `$` written as
 *    `\x24`, which expandvars does not see and PyYAML turns back into `$`.
 * No tag, anchor or alias is ever written. test/emit/serverless/yaml-text.test.ts checks the rules; the @airflow
 * suite reads hostile strings back through dag-factory's own loader.
 */
import { isYamlMap, type YamlValue } from './values';

const INDENT = '  ';
/** Width a list of scalars may take on one line (`[a, b]`) before it is written one item a line. */
const FLOW_WIDTH = 100;

/** The document: a mapping at the top level, block style. */
export function yamlDocument(root: ReadonlyMap<string, YamlValue>): string {
  const lines: string[] = [];
  writeMapEntries(root, '', lines);
  return lines.join('\n') + '\n';
}

function writeMapEntries(map: ReadonlyMap<string, YamlValue>, indent: string, lines: string[]): void {
  for (const [key, value] of map) writeEntry(`${indent}${yamlKey(key)}:`, value, indent, lines);
}

/** `head` is `key:` or `- key:` already indented; the value goes after it or in the lines below. */
function writeEntry(head: string, value: YamlValue, indent: string, lines: string[]): void {
  const inner = indent + INDENT;
  if (isYamlMap(value)) {
    if (value.size === 0) lines.push(`${head} {}`);
    else {
      lines.push(head);
      writeMapEntries(value, inner, lines);
    }
  } else if (Array.isArray(value)) {
    const flow = flowList(value as readonly YamlValue[]);
    if (flow !== undefined && head.length + 1 + flow.length <= FLOW_WIDTH) lines.push(`${head} ${flow}`);
    else {
      lines.push(head);
      writeListItems(value as readonly YamlValue[], indent, lines);
    }
  } else {
    const scalar = yamlScalar(value as null | boolean | number | string, inner);
    lines.push(scalar.startsWith('|') ? `${head} ${scalar}` : `${head} ${scalar}`);
  }
}

/** Block list items at the indentation of their key (as PyYAML writes them): `- value`. */
function writeListItems(items: readonly YamlValue[], indent: string, lines: string[]): void {
  const inner = indent + INDENT;
  for (const item of items) {
    if (isYamlMap(item) && item.size > 0) {
      let first = true;
      for (const [k, v] of item) {
        writeEntry(`${first ? `${indent}- ` : inner}${yamlKey(k)}:`, v, inner, lines);
        first = false;
      }
    } else if (Array.isArray(item) && item.length > 0 && flowList(item as readonly YamlValue[]) === undefined) {
      lines.push(`${indent}-`);
      writeListItems(item as readonly YamlValue[], inner, lines);
    } else if (Array.isArray(item)) {
      lines.push(`${indent}- ${flowList(item as readonly YamlValue[]) ?? '[]'}`);
    } else if (isYamlMap(item)) {
      lines.push(`${indent}- {}`);
    } else {
      lines.push(`${indent}- ${yamlScalar(item as null | boolean | number | string, inner)}`);
    }
  }
}

/** `[a, b]` when every item is a one-line scalar (or the list is empty). */
function flowList(items: readonly YamlValue[]): string | undefined {
  const parts: string[] = [];
  for (const item of items) {
    if (item !== null && typeof item === 'object') return undefined;
    if (typeof item === 'string' && !isPlain(item)) {
      const q = doubleQuoted(item);
      parts.push(q);
    } else parts.push(yamlScalar(item, ''));
  }
  return `[${parts.join(', ')}]`;
}

export function yamlScalar(value: null | boolean | number | string, blockIndent: string): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return yamlNumber(value);
  return yamlString(value, blockIndent);
}

/** A number as PyYAML reads it back: integers in digits, floats with a dot (and a signed exponent). */
export function yamlNumber(n: number): string {
  if (Number.isNaN(n)) throw new Error('internal error: NaN reached the YAML writer');
  if (n === Infinity) return '.inf';
  if (n === -Infinity) return '-.inf';
  // Integers beyond 2^53 do not come from a spec (DS107): such a number is a float (1e300), written as one.
  if (Number.isSafeInteger(n)) return String(n === 0 ? 0 : n);
  const text = Math.abs(n) >= 2 ** 53 ? n.toExponential() : String(n); // shortest round-trip: "0.5", "1e-7", "1.5e+300"
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([-+])(\d+))?$/.exec(text);
  if (!m) throw new Error(`internal error: cannot write the number ${text}`);
  const [, sign, int, frac, expSign, exp] = m;
  return `${sign}${int}.${frac ?? '0'}${exp !== undefined ? `e${expSign}${exp}` : ''}`;
}

/** A mapping key: plain when PyYAML reads it back as that string, else double-quoted. */
export function yamlKey(key: string): string {
  return isPlain(key) ? key : doubleQuoted(key);
}

/** A string value (see the module comment); `blockIndent` is the indentation of a literal block's lines. */
export function yamlString(s: string, blockIndent: string): string {
  if (isPlain(s)) return s;
  if (fitsLiteralBlock(s)) return literalBlock(s, blockIndent);
  return doubleQuoted(s);
}

/**
 * Plain scalars PyYAML resolves to the string itself: a letter or `_` first, then letters, digits and `_ . / -`
 * (no `: `, `#`, flow indicators or spaces), and not one of YAML 1.1's words for booleans and null.
 */
const PLAIN = /^[A-Za-z_][A-Za-z0-9_./-]*$/;
const YAML11_WORDS = new Set(
  ['y', 'n', 'yes', 'no', 'true', 'false', 'on', 'off', 'null'].flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1), w.toUpperCase()]),
);

function isPlain(s: string): boolean {
  return PLAIN.test(s) && !YAML11_WORDS.has(s) && s.length <= 200;
}

/**
 * Characters written escaped, in double quotes, never raw: controls (PyYAML refuses most raw), `$` (expandvars), and
 * as in the Python target's literals (src/emit/python/literal.ts) the format, unassigned and private-use characters
 * and the line and paragraph separators, which make a text read differently from what it holds ("Trojan Source").
 */
const NEEDS_ESCAPE = /[\p{Cc}\p{Cf}\p{Cn}\p{Co}\p{Zl}\p{Zp}\p{Cs}$]/u;
// Cc but tab and line feed, and the rest as in NEEDS_ESCAPE.
const ESCAPE_IN_BLOCK = /(?![\t\n])[\p{Cc}\p{Cf}\p{Cn}\p{Co}\p{Zl}\p{Zp}\p{Cs}$]/u;

function fitsLiteralBlock(s: string): boolean {
  // A first line starting with a space or tab would need an indentation indicator: quoted instead.
  return s.includes('\n') && !ESCAPE_IN_BLOCK.test(s) && !/^[ \t\n]/.test(s);
}

/** `|`, `|-` or `|+` by the text's trailing line breaks; empty lines stay empty, the others get the indentation. */
function literalBlock(s: string, indent: string): string {
  const trailing = /\n*$/.exec(s)![0].length;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  const body = trailing === 0 ? s : s.slice(0, -trailing);
  const lines = body.split('\n').map((l) => (l === '' ? '' : indent + l));
  // Keep (`+`): the extra line breaks after the last line are empty lines of the block.
  for (let i = 1; i < trailing; i++) lines.push('');
  return `|${chomp}\n${lines.join('\n')}`;
}

/** A double-quoted scalar that holds exactly `s`, with no raw line break, control or invisible character, or `$`. */
export function doubleQuoted(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (NEEDS_ESCAPE.test(ch)) out += cp <= 0xff ? `\\x${hex(cp, 2)}` : cp <= 0xffff ? `\\u${hex(cp, 4)}` : `\\U${hex(cp, 8)}`;
    else out += ch;
  }
  return out + '"';
}

function hex(cp: number, width: number): string {
  return cp.toString(16).padStart(width, '0');
}
