/**
 * Jinja2's lexer (jinja2/lexer.py of Jinja2 3.1), ported to TypeScript for the environment Airflow renders templates
 * with: the default delimiters, no line statements or line comments, no trim_blocks / lstrip_blocks, no trailing
 * newline kept. It yields the same tokens, lazily (errors surface when the parser pulls the token, as in Jinja), and
 * raises the same TemplateSyntaxError messages with the same line numbers. test/base/jinja.test.ts holds it, with the
 * parser, to the real jinja2 of the Airflow virtualenvs.
 *
 * Each token also carries where it is: its offset, and the offset of the tag (`{{`, `{%`) it is part of, so a
 * diagnostic can point at the offending `{{` inside a string (Jinja itself knows only line numbers).
 */

export class TemplateSyntaxError extends Error {
  override readonly name = 'TemplateSyntaxError';
  constructor(
    message: string,
    /** Jinja's line number (1-based). */
    readonly lineno: number,
    /** Offset, in the text as given, of the tag the error is in (`{{`, `{%`), or of the token itself outside tags. */
    readonly offset: number,
    /** Jinja's exception class: TemplateAssertionError (a TemplateSyntaxError) for a few checks of the parser. */
    readonly kind: 'TemplateSyntaxError' | 'TemplateAssertionError' = 'TemplateSyntaxError',
  ) {
    super(message);
  }
}

export interface Token {
  readonly lineno: number;
  readonly type: string;
  readonly value: string;
  /** Offset of the token in the lexer's (newline-normalized) source. */
  readonly offset: number;
  /** Offset of the `{{` / `{%` that opened the tag this token is in (the token's own offset outside tags). */
  readonly tag: number;
}

export const OPERATORS: Readonly<Record<string, string>> = {
  '+': 'add',
  '-': 'sub',
  '/': 'div',
  '//': 'floordiv',
  '*': 'mul',
  '%': 'mod',
  '**': 'pow',
  '~': 'tilde',
  '[': 'lbracket',
  ']': 'rbracket',
  '(': 'lparen',
  ')': 'rparen',
  '{': 'lbrace',
  '}': 'rbrace',
  '==': 'eq',
  '!=': 'ne',
  '>': 'gt',
  '>=': 'gteq',
  '<': 'lt',
  '<=': 'lteq',
  '=': 'assign',
  '.': 'dot',
  ':': 'colon',
  '|': 'pipe',
  ',': 'comma',
  ';': 'semicolon',
};
const REVERSE_OPERATORS = new Map(Object.entries(OPERATORS).map(([k, v]) => [v, k]));

const IGNORED = new Set(['comment_begin', 'comment', 'comment_end', 'whitespace', 'linecomment_begin', 'linecomment_end', 'linecomment']);
const IGNORE_IF_EMPTY = new Set(['whitespace', 'data', 'comment', 'linecomment']);

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  comment_begin: 'begin of comment',
  comment_end: 'end of comment',
  comment: 'comment',
  linecomment: 'comment',
  block_begin: 'begin of statement block',
  block_end: 'end of statement block',
  variable_begin: 'begin of print statement',
  variable_end: 'end of print statement',
  linestatement_begin: 'begin of line statement',
  linestatement_end: 'end of line statement',
  data: 'template data / text',
  eof: 'end of template',
};

function describeTokenType(type: string): string {
  return REVERSE_OPERATORS.get(type) ?? DESCRIPTIONS[type] ?? type;
}

export function describeToken(token: Pick<Token, 'type' | 'value'>): string {
  return token.type === 'name' ? token.value : describeTokenType(token.type);
}

export function describeTokenExpr(expr: string): string {
  const colon = expr.indexOf(':');
  if (colon >= 0) {
    const type = expr.slice(0, colon);
    if (type === 'name') return expr.slice(colon + 1);
    return describeTokenType(type);
  }
  return describeTokenType(expr);
}

/** Python's repr() of a str, as Jinja's messages show names and descriptions (`'endif'`, `"it's"`). */
export function pyRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (cp > 0x7f && !isPrintable(ch)) {
      out +=
        cp <= 0xff
          ? `\\x${cp.toString(16).padStart(2, '0')}`
          : cp <= 0xffff
            ? `\\u${cp.toString(16).padStart(4, '0')}`
            : `\\U${cp.toString(16).padStart(8, '0')}`;
    } else out += ch;
  }
  return out + quote;
}

/** Python's str.isprintable() for one non-ASCII character: not in the Other or Separator categories. */
function isPrintable(ch: string): boolean {
  return !/^[\p{C}\p{Z}]$/u.test(ch);
}

export function isIdentifier(text: string): boolean {
  return /^[\p{ID_Start}_][\p{ID_Continue}]*$/u.test(text);
}

// Jinja's rules for tags (lexer.py); Python's \d and \w are Unicode-aware, hence \p{Nd} and \p{L}\p{N}.
const WHITESPACE = /\s+/uy;
const FLOAT = /(?<!\.)(\p{Nd}+_)*\p{Nd}+((\.(\p{Nd}+_)*\p{Nd}+)?[eE][+-]?(\p{Nd}+_)*\p{Nd}+|\.(\p{Nd}+_)*\p{Nd}+)/uy;
const INTEGER = /(0[bB](_?[0-1])+|0[oO](_?[0-7])+|0[xX](_?[\p{Nd}a-fA-F])+|[1-9](_?\p{Nd})*|0(_?0)*)/uy;
/** jinja2/_identifier.py: \w and the combining characters Python allows inside identifiers. */
const NAME =
  // eslint-disable-next-line no-misleading-character-class -- the combining marks are members on purpose, as in Jinja's own pattern
  /[\p{L}\p{N}_\u00b7\u0300-\u036f\u0387\u0483-\u0487\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed\u0711\u0730-\u074a\u07a6-\u07b0\u07eb-\u07f3\u07fd\u0816-\u0819\u081b-\u0823\u0825-\u0827\u0829-\u082d\u0859-\u085b\u08d3-\u08e1\u08e3-\u0903\u093a-\u093c\u093e-\u094f\u0951-\u0957\u0962\u0963\u0981-\u0983\u09bc\u09be-\u09c4\u09c7\u09c8\u09cb-\u09cd\u09d7\u09e2\u09e3\u09fe\u0a01-\u0a03\u0a3c\u0a3e-\u0a42\u0a47\u0a48\u0a4b-\u0a4d\u0a51\u0a70\u0a71\u0a75\u0a81-\u0a83\u0abc\u0abe-\u0ac5\u0ac7-\u0ac9\u0acb-\u0acd\u0ae2\u0ae3\u0afa-\u0aff\u0b01-\u0b03\u0b3c\u0b3e-\u0b44\u0b47\u0b48\u0b4b-\u0b4d\u0b56\u0b57\u0b62\u0b63\u0b82\u0bbe-\u0bc2\u0bc6-\u0bc8\u0bca-\u0bcd\u0bd7\u0c00-\u0c04\u0c3e-\u0c44\u0c46-\u0c48\u0c4a-\u0c4d\u0c55\u0c56\u0c62\u0c63\u0c81-\u0c83\u0cbc\u0cbe-\u0cc4\u0cc6-\u0cc8\u0cca-\u0ccd\u0cd5\u0cd6\u0ce2\u0ce3\u0d00-\u0d03\u0d3b\u0d3c\u0d3e-\u0d44\u0d46-\u0d48\u0d4a-\u0d4d\u0d57\u0d62\u0d63\u0d82\u0d83\u0dca\u0dcf-\u0dd4\u0dd6\u0dd8-\u0ddf\u0df2\u0df3\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u0eb1\u0eb4-\u0eb9\u0ebb\u0ebc\u0ec8-\u0ecd\u0f18\u0f19\u0f35\u0f37\u0f39\u0f3e\u0f3f\u0f71-\u0f84\u0f86\u0f87\u0f8d-\u0f97\u0f99-\u0fbc\u0fc6\u102b-\u103e\u1056-\u1059\u105e-\u1060\u1062-\u1064\u1067-\u106d\u1071-\u1074\u1082-\u108d\u108f\u109a-\u109d\u135d-\u135f\u1712-\u1714\u1732-\u1734\u1752\u1753\u1772\u1773\u17b4-\u17d3\u17dd\u180b-\u180d\u1885\u1886\u18a9\u1920-\u192b\u1930-\u193b\u1a17-\u1a1b\u1a55-\u1a5e\u1a60-\u1a7c\u1a7f\u1ab0-\u1abd\u1b00-\u1b04\u1b34-\u1b44\u1b6b-\u1b73\u1b80-\u1b82\u1ba1-\u1bad\u1be6-\u1bf3\u1c24-\u1c37\u1cd0-\u1cd2\u1cd4-\u1ce8\u1ced\u1cf2-\u1cf4\u1cf7-\u1cf9\u1dc0-\u1df9\u1dfb-\u1dff\u203f\u2040\u2054\u20d0-\u20dc\u20e1\u20e5-\u20f0\u2118\u212e\u2cef-\u2cf1\u2d7f\u2de0-\u2dff\u302a-\u302f\u3099\u309a\ua66f\ua674-\ua67d\ua69e\ua69f\ua6f0\ua6f1\ua802\ua806\ua80b\ua823-\ua827\ua880\ua881\ua8b4-\ua8c5\ua8e0-\ua8f1\ua8ff\ua926-\ua92d\ua947-\ua953\ua980-\ua983\ua9b3-\ua9c0\ua9e5\uaa29-\uaa36\uaa43\uaa4c\uaa4d\uaa7b-\uaa7d\uaab0\uaab2-\uaab4\uaab7\uaab8\uaabe\uaabf\uaac1\uaaeb-\uaaef\uaaf5\uaaf6\uabe3-\uabea\uabec\uabed\ufb1e\ufe00-\ufe0f\ufe20-\ufe2f\ufe33\ufe34\ufe4d-\ufe4f\uff3f\u{101fd}\u{102e0}\u{10376}-\u{1037a}\u{10a01}-\u{10a03}\u{10a05}\u{10a06}\u{10a0c}-\u{10a0f}\u{10a38}-\u{10a3a}\u{10a3f}\u{10ae5}\u{10ae6}\u{10d24}-\u{10d27}\u{10f46}-\u{10f50}\u{11000}-\u{11002}\u{11038}-\u{11046}\u{1107f}-\u{11082}\u{110b0}-\u{110ba}\u{11100}-\u{11102}\u{11127}-\u{11134}\u{11145}\u{11146}\u{11173}\u{11180}-\u{11182}\u{111b3}-\u{111c0}\u{111c9}-\u{111cc}\u{1122c}-\u{11237}\u{1123e}\u{112df}-\u{112ea}\u{11300}-\u{11303}\u{1133b}\u{1133c}\u{1133e}-\u{11344}\u{11347}\u{11348}\u{1134b}-\u{1134d}\u{11357}\u{11362}\u{11363}\u{11366}-\u{1136c}\u{11370}-\u{11374}\u{11435}-\u{11446}\u{1145e}\u{114b0}-\u{114c3}\u{115af}-\u{115b5}\u{115b8}-\u{115c0}\u{115dc}\u{115dd}\u{11630}-\u{11640}\u{116ab}-\u{116b7}\u{1171d}-\u{1172b}\u{1182c}-\u{1183a}\u{11a01}-\u{11a0a}\u{11a33}-\u{11a39}\u{11a3b}-\u{11a3e}\u{11a47}\u{11a51}-\u{11a5b}\u{11a8a}-\u{11a99}\u{11c2f}-\u{11c36}\u{11c38}-\u{11c3f}\u{11c92}-\u{11ca7}\u{11ca9}-\u{11cb6}\u{11d31}-\u{11d36}\u{11d3a}\u{11d3c}\u{11d3d}\u{11d3f}-\u{11d45}\u{11d47}\u{11d8a}-\u{11d8e}\u{11d90}\u{11d91}\u{11d93}-\u{11d97}\u{11ef3}-\u{11ef6}\u{16af0}-\u{16af4}\u{16b30}-\u{16b36}\u{16f51}-\u{16f7e}\u{16f8f}-\u{16f92}\u{1bc9d}\u{1bc9e}\u{1d165}-\u{1d169}\u{1d16d}-\u{1d172}\u{1d17b}-\u{1d182}\u{1d185}-\u{1d18b}\u{1d1aa}-\u{1d1ad}\u{1d242}-\u{1d244}\u{1da00}-\u{1da36}\u{1da3b}-\u{1da6c}\u{1da75}\u{1da84}\u{1da9b}-\u{1da9f}\u{1daa1}-\u{1daaf}\u{1e000}-\u{1e006}\u{1e008}-\u{1e018}\u{1e01b}-\u{1e021}\u{1e023}\u{1e024}\u{1e026}-\u{1e02a}\u{1e8d0}-\u{1e8d6}\u{1e944}-\u{1e94a}\u{e0100}-\u{e01ef}]+/uy;
const STRING = /('([^'\\]*(?:\\.[^'\\]*)*)'|"([^"\\]*(?:\\.[^"\\]*)*)")/suy;
const OPERATOR = /(\/\/|\*\*|==|!=|>=|<=|\+|-|\/|\*|%|~|\[|\]|\(|\)|\{|\}|>|<|=|\.|:|\||,|;)/uy;

interface Rule {
  readonly re: RegExp;
  /** A token type, or a list of group tokens; `lstrip`: the first is data that a `-` sign strips. */
  readonly tokens: string | readonly string[];
  readonly lstrip?: boolean;
  readonly failure?: string;
  readonly state?: '#pop' | '#bygroup';
}

const TAG_RULES: readonly Rule[] = [
  { re: WHITESPACE, tokens: 'whitespace' },
  { re: FLOAT, tokens: 'float' },
  { re: INTEGER, tokens: 'integer' },
  { re: NAME, tokens: 'name' },
  { re: STRING, tokens: 'string' },
  { re: OPERATOR, tokens: 'operator' },
];

/** Named groups in the order Python's groupdict() lists them. */
const ROOT_GROUPS = ['raw_begin', 'variable_begin', 'comment_begin', 'block_begin'] as const;

const RULES: Readonly<Record<string, readonly Rule[]>> = {
  root: [
    {
      re: /(.*?)(?:(?<raw_begin>\{%(-|\+|)\s*raw\s*(?:-%\}\s*|%\}))|(?<variable_begin>\{\{(-|\+|))|(?<comment_begin>\{#(-|\+|))|(?<block_begin>\{%(-|\+|)))/suy,
      tokens: ['data', '#bygroup'],
      lstrip: true,
      state: '#bygroup',
    },
    { re: /.+/suy, tokens: 'data' },
  ],
  comment_begin: [
    { re: /(.*?)((?:\+#\}|-#\}\s*|#\}))/suy, tokens: ['comment', 'comment_end'], state: '#pop' },
    { re: /(.)/suy, tokens: [], failure: 'Missing end of comment tag' },
  ],
  block_begin: [{ re: /(?:\+%\}|-%\}\s*|%\})/suy, tokens: 'block_end', state: '#pop' }, ...TAG_RULES],
  variable_begin: [{ re: /-\}\}\s*|\}\}/suy, tokens: 'variable_end', state: '#pop' }, ...TAG_RULES],
  raw_begin: [
    { re: /(.*?)((?:\{%(-|\+|))\s*endraw\s*(?:\+%\}|-%\}\s*|%\}))/suy, tokens: ['data', 'raw_end'], lstrip: true, state: '#pop' },
    { re: /(.)/suy, tokens: [], failure: 'Missing end of raw directive' },
  ],
};

const count = (text: string, ch: string): number => {
  let n = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) n++;
  return n;
};

/** Python's str.rstrip(): Unicode whitespace off the end. */
const rstrip = (text: string): string => text.replace(/\s+$/u, '');

/** A template's text as Jinja's lexer sees it: newlines normalized, the last one dropped; and where each offset was. */
export interface LexerSource {
  readonly text: string;
  /** The offset in the original text of each offset of `text` (one more entry: the end). */
  readonly original: readonly number[];
}

export function lexerSource(original: string): LexerSource {
  // lexer.py: newline_re.split(source)[::2], the last (empty) line dropped, joined with "\n".
  let text = '';
  const map: number[] = [];
  let i = 0;
  while (i < original.length) {
    const c = original[i]!;
    if (c === '\r' && original[i + 1] === '\n') {
      map.push(i);
      text += '\n';
      i += 2;
    } else {
      map.push(i);
      text += c === '\r' ? '\n' : c;
      i++;
    }
  }
  if (text.endsWith('\n')) {
    text = text.slice(0, -1);
    map.pop();
  }
  map.push(original.length);
  return { text, original: map };
}

/** Raw tokens (lexer.py tokeniter): [lineno, type, value, offset, tag offset]. */
function* tokeniter(source: string): Generator<readonly [number, string, string, number, number]> {
  let pos = 0;
  let lineno = 1;
  const stack: string[] = ['root'];
  let rules = RULES.root!;
  const balancing: string[] = [];
  let newlinesStripped = 0;
  let tag = 0;
  outer: for (;;) {
    for (const rule of rules) {
      rule.re.lastIndex = pos;
      const m = rule.re.exec(source);
      if (!m) continue;
      if (balancing.length > 0 && (rule.tokens === 'variable_end' || rule.tokens === 'block_end' || rule.tokens === 'linestatement_end')) continue;
      if (typeof rule.tokens !== 'string') {
        if (rule.failure) throw new TemplateSyntaxError(rule.failure, lineno, tag);
        const groups: (string | undefined)[] = m.slice(1);
        let at = pos;
        if (rule.lstrip) {
          const text = groups[0]!;
          let sign: string | undefined;
          for (let g = 2; g < groups.length; g += 2) {
            if (groups[g] !== undefined) {
              sign = groups[g];
              break;
            }
          }
          if (sign === '-') {
            const stripped = rstrip(text);
            newlinesStripped = count(text.slice(stripped.length), '\n');
            groups[0] = stripped;
          }
        }
        for (let idx = 0; idx < rule.tokens.length; idx++) {
          const token = rule.tokens[idx]!;
          if (token === '#bygroup') {
            const key = ROOT_GROUPS.find((k) => m.groups?.[k] !== undefined)!;
            const value = m.groups![key]!;
            tag = m.index + m[1]!.length;
            yield [lineno, key, value, tag, tag];
            lineno += count(value, '\n');
          } else {
            const data = groups[idx]!;
            if (data || !IGNORE_IF_EMPTY.has(token)) yield [lineno, token, data, at, token === 'data' ? at : tag];
            at += (m[idx + 1] ?? '').length;
            lineno += count(data, '\n') + newlinesStripped;
            newlinesStripped = 0;
          }
        }
      } else {
        const data = m[0];
        if (rule.tokens === 'operator') {
          if (data === '{') balancing.push('}');
          else if (data === '(') balancing.push(')');
          else if (data === '[') balancing.push(']');
          else if (data === '}' || data === ')' || data === ']') {
            if (balancing.length === 0) throw new TemplateSyntaxError(`unexpected '${data}'`, lineno, tag);
            const expected = balancing.pop()!;
            if (expected !== data) throw new TemplateSyntaxError(`unexpected '${data}', expected '${expected}'`, lineno, tag);
          }
        }
        if (data || !IGNORE_IF_EMPTY.has(rule.tokens)) yield [lineno, rule.tokens, data, m.index, rule.tokens === 'data' ? m.index : tag];
        lineno += count(data, '\n');
      }
      const pos2 = m.index + m[0].length;
      if (rule.state === '#pop') {
        stack.pop();
      } else if (rule.state === '#bygroup') {
        stack.push(ROOT_GROUPS.find((k) => m.groups?.[k] !== undefined)!);
      } else if (pos2 === pos) {
        throw new Error(`internal error: the Jinja lexer rule ${String(rule.re)} matched nothing without a state change`);
      }
      rules = RULES[stack[stack.length - 1]!]!;
      pos = pos2;
      continue outer;
    }
    if (pos >= source.length) return;
    throw new TemplateSyntaxError(`unexpected char ${pyRepr(String.fromCodePoint(source.codePointAt(pos)!))} at ${pos}`, lineno, tag);
  }
}

/** lexer.py wrap(): drops what the parser ignores, converts values, checks names and string escapes. */
export function* tokenize(source: string): Generator<Token> {
  for (const [lineno, rawType, value, offset, tag] of tokeniter(source)) {
    if (IGNORED.has(rawType) || rawType === 'raw_begin' || rawType === 'raw_end') continue;
    let type = rawType;
    let v = value;
    if (type === 'name') {
      if (!isIdentifier(value)) throw new TemplateSyntaxError('Invalid character in identifier', lineno, tag);
    } else if (type === 'string') {
      try {
        v = unescapeString(value.slice(1, -1).replace(/\r\n|\r|\n/g, '\n'));
      } catch (err) {
        throw new TemplateSyntaxError((err as Error).message, lineno, tag);
      }
    } else if (type === 'operator') {
      type = OPERATORS[value]!;
    }
    yield { lineno, type, value: v, offset, tag };
  }
}

/**
 * Python's "unicode-escape" decoding of a string literal's body (after lexer.py's backslashreplace, which maps every
 * non-ASCII character to an escape that decodes back to it). Throws with the part of Python's message Jinja keeps.
 */
export function unescapeString(body: string): string {
  let out = '';
  let i = 0;
  const hex = (n: number, what: string) => {
    const digits = body.slice(i, i + n);
    if (digits.length < n || !/^[0-9a-fA-F]+$/.test(digits)) throw new Error(`truncated ${what} escape`);
    i += n;
    return parseInt(digits, 16);
  };
  while (i < body.length) {
    const c = body[i]!;
    if (c !== '\\') {
      out += c;
      i++;
      continue;
    }
    const e = body[i + 1];
    i += 2;
    switch (e) {
      case undefined:
        throw new Error('\\ at end of string');
      case '\n':
        break;
      case '\\':
      case "'":
      case '"':
        out += e;
        break;
      case 'a':
        out += '\x07';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'v':
        out += '\v';
        break;
      case 'x':
        out += String.fromCharCode(hex(2, '\\xXX'));
        break;
      case 'u':
        out += String.fromCharCode(hex(4, '\\uXXXX'));
        break;
      case 'U': {
        const cp = hex(8, '\\UXXXXXXXX');
        if (cp > 0x10ffff) throw new Error('illegal Unicode character');
        out += String.fromCodePoint(cp);
        break;
      }
      case 'N': {
        const close = body[i] === '{' ? body.indexOf('}', i) : -1;
        if (close < 0 || close === i + 1) throw new Error('malformed \\N character escape');
        // Unicode character names are Python's database; the name is kept unchecked.
        out += `\\N${body.slice(i, close + 1)}`;
        i = close + 1;
        break;
      }
      default:
        if (/[0-7]/.test(e)) {
          let digits = e;
          while (digits.length < 3 && /[0-7]/.test(body[i] ?? '')) digits += body[i++];
          out += String.fromCodePoint(parseInt(digits, 8));
        } else {
          out += `\\${e}`;
        }
    }
  }
  return out;
}

/** The parser's view of the tokens (lexer.py TokenStream): current token, push back, look ahead, expect. */
export class TokenStream {
  current: Token;
  private readonly pushed: Token[] = [];
  private iter: Iterator<Token> | undefined;

  constructor(generator: Iterator<Token>) {
    this.iter = generator;
    this.current = { lineno: 1, type: 'initial', value: '', offset: 0, tag: 0 };
    this.next();
  }

  /** bool(stream) in Python: tokens pushed back, or not at the end. */
  get more(): boolean {
    return this.pushed.length > 0 || this.current.type !== 'eof';
  }

  push(token: Token): void {
    this.pushed.push(token);
  }

  look(): Token {
    const old = this.next();
    const result = this.current;
    this.push(result);
    this.current = old;
    return result;
  }

  skip(n = 1): void {
    for (let i = 0; i < n; i++) this.next();
  }

  nextIf(expr: string): Token | undefined {
    return test(this.current, expr) ? this.next() : undefined;
  }

  skipIf(expr: string): boolean {
    return this.nextIf(expr) !== undefined;
  }

  /** Goes one token ahead and returns the old one. */
  next(): Token {
    const rv = this.current;
    if (this.pushed.length > 0) {
      this.current = this.pushed.shift()!;
    } else if (this.current.type !== 'eof') {
      const r = this.iter?.next();
      if (!r || r.done) this.close();
      else this.current = r.value;
    }
    return rv;
  }

  close(): void {
    this.current = { lineno: this.current.lineno, type: 'eof', value: '', offset: this.current.offset, tag: this.current.tag };
    this.iter = undefined;
  }

  expect(expr: string): Token {
    if (!test(this.current, expr)) {
      const described = describeTokenExpr(expr);
      if (this.current.type === 'eof') {
        throw new TemplateSyntaxError(`unexpected end of template, expected ${pyRepr(described)}.`, this.current.lineno, this.current.tag);
      }
      throw new TemplateSyntaxError(
        `expected token ${pyRepr(described)}, got ${pyRepr(describeToken(this.current))}`,
        this.current.lineno,
        this.current.tag,
      );
    }
    return this.next();
  }
}

/** Token.test: a type, or `type:value`. */
export function test(token: Token, expr: string): boolean {
  if (token.type === expr) return true;
  const colon = expr.indexOf(':');
  return colon >= 0 && expr.slice(0, colon) === token.type && expr.slice(colon + 1) === token.value;
}

export function testAny(token: Token, ...exprs: readonly string[]): boolean {
  return exprs.some((e) => test(token, e));
}
