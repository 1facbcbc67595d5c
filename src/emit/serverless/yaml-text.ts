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

export interface YamlTextOptions {
  /**
   * `escape` (the default, for dag-factory): `$` written as `\x24` in double quotes, and never in a literal block;
   * `keep`: `$` as it is (a dagsmith pipeline, which no expandvars reads).
   */
  readonly dollar?: 'escape' | 'keep';
  /** Comment lines before the entry at a path (`JSON.stringify(path)`; `[]`: the top of the document). One line each. */
  readonly comments?: ReadonlyMap<string, readonly string[]>;
}

type Path = readonly (string | number)[];

/** The document: a mapping at the top level, block style. */
export function yamlDocument(root: ReadonlyMap<string, YamlValue>, opts: YamlTextOptions = {}): string {
  const w = new Writer(opts);
  w.comments([], '');
  w.mapEntries(root, '', []);
  return w.lines.join('\n') + '\n';
}

class Writer {
  readonly lines: string[] = [];
  constructor(private readonly opts: YamlTextOptions) {}

  /** The comments of a path, each its own `#` line (a comment holds no line break: they are escaped). */
  comments(path: Path, indent: string): void {
    for (const c of this.opts.comments?.get(JSON.stringify(path)) ?? []) this.lines.push(`${indent}# ${c.replace(/[\r\n\u2028\u2029\u0085]/g, ' ')}`);
  }

  mapEntries(map: ReadonlyMap<string, YamlValue>, indent: string, path: Path): void {
    for (const [key, value] of map) {
      this.comments([...path, key], indent);
      this.entry(`${indent}${this.key(key)}:`, value, indent, [...path, key]);
    }
  }

  /** `head` is `key:` or `- key:` already indented; the value goes after it or in the lines below. */
  entry(head: string, value: YamlValue, indent: string, path: Path): void {
    const inner = indent + INDENT;
    if (isYamlMap(value)) {
      if (value.size === 0) this.lines.push(`${head} {}`);
      else {
        this.lines.push(head);
        this.mapEntries(value, inner, path);
      }
    } else if (Array.isArray(value)) {
      const flow = this.flowList(value as readonly YamlValue[]);
      if (flow !== undefined && head.length + 1 + flow.length <= FLOW_WIDTH) this.lines.push(`${head} ${flow}`);
      else {
        this.lines.push(head);
        this.listItems(value as readonly YamlValue[], indent, path);
      }
    } else {
      this.lines.push(`${head} ${this.scalar(value as null | boolean | number | string, inner)}`);
    }
  }

  /** Block list items at the indentation of their key (as PyYAML writes them): `- value`. */
  listItems(items: readonly YamlValue[], indent: string, path: Path): void {
    const inner = indent + INDENT;
    items.forEach((item, i) => {
      const here = [...path, i];
      this.comments(here, indent);
      if (isYamlMap(item) && item.size > 0) {
        let first = true;
        for (const [k, v] of item) {
          if (!first) this.comments([...here, k], inner);
          this.entry(`${first ? `${indent}- ` : inner}${this.key(k)}:`, v, inner, [...here, k]);
          first = false;
        }
      } else if (Array.isArray(item) && item.length > 0 && this.flowList(item as readonly YamlValue[]) === undefined) {
        this.lines.push(`${indent}-`);
        this.listItems(item as readonly YamlValue[], inner, here);
      } else if (Array.isArray(item)) {
        this.lines.push(`${indent}- ${this.flowList(item as readonly YamlValue[]) ?? '[]'}`);
      } else if (isYamlMap(item)) {
        this.lines.push(`${indent}- {}`);
      } else {
        this.lines.push(`${indent}- ${this.scalar(item as null | boolean | number | string, inner)}`);
      }
    });
  }

  /** `[a, b]` when every item is a one-line scalar (or the list is empty). */
  flowList(items: readonly YamlValue[]): string | undefined {
    const parts: string[] = [];
    for (const item of items) {
      if (item !== null && typeof item === 'object') return undefined;
      parts.push(typeof item === 'string' && !isPlain(item) ? doubleQuoted(item, this.opts.dollar) : this.scalar(item, ''));
    }
    return `[${parts.join(', ')}]`;
  }

  key(k: string): string {
    return isPlain(k) ? k : doubleQuoted(k, this.opts.dollar);
  }

  scalar(value: null | boolean | number | string, blockIndent: string): string {
    return typeof value === 'string' ? yamlString(value, blockIndent, this.opts.dollar) : yamlScalar(value, blockIndent);
  }
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
export function yamlString(s: string, blockIndent: string, dollar: 'escape' | 'keep' = 'escape'): string {
  if (isPlain(s)) return s;
  if (fitsLiteralBlock(s, dollar)) return literalBlock(s, blockIndent);
  return doubleQuoted(s, dollar);
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

function fitsLiteralBlock(s: string, dollar: 'escape' | 'keep'): boolean {
  // A first line starting with a space or tab would need an indentation indicator: quoted instead.
  return s.includes('\n') && !ESCAPE_IN_BLOCK.test(dollar === 'keep' ? s.replace(/\$/g, '') : s) && !/^[ \t\n]/.test(s);
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
export function doubleQuoted(s: string, dollar: 'escape' | 'keep' = 'escape'): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '$' && dollar === 'keep') out += ch;
    else if (ch === '"') out += '\\"';
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
