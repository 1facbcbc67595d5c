/**
 * SQL as the lint rules read it: a statement split into tokens, with offsets, so a rule asks targeted questions
 * ("is this a GRANT ... TO PUBLIC?", "which options does this UNLOAD set?") of the statement's structure instead
 * of matching regular expressions over raw text, and reports at the token's own position. Quoted strings,
 * comments and Airflow Jinja spans are single tokens: a `token = :token` inside a comparison, a `'http://%'`
 * pattern or a `{{ var.value.key }}` reference is never read as an assignment, a URL or a secret.
 */
import { jinjaSpanEnd } from '../steps/sql-text';

export type TokenType = 'word' | 'string' | 'quoted-ident' | 'number' | 'param' | 'jinja' | 'punct';

export interface SqlToken {
  readonly type: TokenType;
  /** The text as written (a string token keeps its quotes). */
  readonly text: string;
  /** Words: upper case; strings: the content with '' unescaped; others: the text. */
  readonly value: string;
  /** Offset in the statement text. */
  readonly start: number;
  readonly end: number;
  /** Parenthesis depth at the token (0: top level of the statement). */
  readonly depth: number;
}

/** The tokens of one statement; comments and whitespace are dropped. */
export function tokenize(text: string, opts: { readonly backslashEscapes: boolean } = { backslashEscapes: true }): SqlToken[] {
  // Called for every statement of every step: character codes rather than one-character strings, the Jinja test
  // only at a '{', and each token written as one literal (all of one shape) rather than through a helper closure.
  const out: SqlToken[] = [];
  const n = text.length;
  let depth = 0;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) {
      i++;
      continue;
    }
    const next = text.charCodeAt(i + 1);
    const jinja = code === OPEN_BRACE ? jinjaSpanEnd(text, i) : i;
    if (jinja > i) {
      if (next !== HASH) {
        const t = text.slice(i, jinja);
        out.push({ type: 'jinja', text: t, value: t, start: i, end: jinja, depth });
      }
      i = jinja;
    } else if (code === DASH && next === DASH) {
      const j = text.indexOf('\n', i);
      i = j < 0 ? n : j + 1;
    } else if (code === SLASH && next === STAR) {
      const j = text.indexOf('*/', i + 2);
      i = j < 0 ? n : j + 2;
    } else if (code === QUOTE) {
      const end = quotedEnd(text, i, QUOTE, opts.backslashEscapes);
      const inner = text.slice(i + 1, Math.max(i + 1, end - 1));
      out.push({ type: 'string', text: text.slice(i, end), value: inner.includes("''") ? inner.replace(/''/g, "'") : inner, start: i, end, depth });
      i = end;
    } else if (code === DOUBLE_QUOTE) {
      const end = quotedEnd(text, i, DOUBLE_QUOTE, false);
      const inner = text.slice(i + 1, Math.max(i + 1, end - 1));
      out.push({
        type: 'quoted-ident',
        text: text.slice(i, end),
        value: inner.includes('""') ? inner.replace(/""/g, '"') : inner,
        start: i,
        end,
        depth,
      });
      i = end;
    } else if (isWordStart(code)) {
      let j = i + 1;
      for (let c = text.charCodeAt(j); isWordPart(c) || c === DOLLAR; c = text.charCodeAt(++j));
      const t = text.slice(i, j);
      out.push({ type: 'word', text: t, value: t.toUpperCase(), start: i, end: j, depth });
      i = j;
    } else if (isDigit(code)) {
      let j = i + 1;
      while (j < n && isNumberPart(text.charCodeAt(j))) j++;
      const t = text.slice(i, j);
      out.push({ type: 'number', text: t, value: t, start: i, end: j, depth });
      i = j;
    } else if (code === COLON && isWordStart(next) && text.charCodeAt(i - 1) !== COLON) {
      let j = i + 1;
      while (j < n && isWordPart(text.charCodeAt(j))) j++;
      const t = text.slice(i, j);
      out.push({ type: 'param', text: t, value: t, start: i, end: j, depth });
      i = j;
    } else if (code >= 0x80 && /\s/.test(text[i]!)) {
      i++;
    } else {
      if (code === CLOSE_PAREN) depth = Math.max(0, depth - 1);
      const t = text[i]!;
      out.push({ type: 'punct', text: t, value: t, start: i, end: i + 1, depth });
      if (code === OPEN_PAREN) depth++;
      i++;
    }
  }
  return out;
}

// Character codes the tokenizer compares with.
const DOLLAR = 0x24;
const OPEN_BRACE = 0x7b;
const HASH = 0x23;
const DASH = 0x2d;
const SLASH = 0x2f;
const STAR = 0x2a;
const QUOTE = 0x27;
const DOUBLE_QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;

// Character classes by code (called for every character of the SQL): [A-Za-z_], [A-Za-z0-9_], [0-9], [0-9.eE].
// A code past the end of the text (NaN) is in none of them.
function isWordStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
}
function isWordPart(c: number): boolean {
  return isWordStart(c) || isDigit(c);
}
function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
function isNumberPart(c: number): boolean {
  return isDigit(c) || c === 0x2e || c === 0x65 || c === 0x45;
}

/** The index just past the quoted text that starts at `i` (a doubled quote inside it is one quote). */
function quotedEnd(text: string, i: number, q: number, backslash: boolean): number {
  const n = text.length;
  let j = i + 1;
  while (j < n) {
    const c = text.charCodeAt(j);
    const jinja = c === OPEN_BRACE ? jinjaSpanEnd(text, j) : j;
    if (jinja > j) j = jinja;
    else if (backslash && c === BACKSLASH) j += 2;
    else if (c === q) {
      if (text.charCodeAt(j + 1) !== q) return j + 1;
      j += 2;
    } else j++;
  }
  return n;
}

/** A statement of a step's SQL: its text (variables resolved, as the IR holds it) and its tokens. */
export interface SqlStatement {
  readonly text: string;
  readonly tokens: readonly SqlToken[];
  /** Index of the statement in the step's SQL (0-based). */
  readonly index: number;
}

export function statement(text: string, index: number, backslashEscapes = true): SqlStatement {
  return { text, tokens: tokenize(text, { backslashEscapes }), index };
}

/** The first words of a statement, upper case (`['GRANT', 'SELECT']`), skipping a leading `WITH ... AS (...)`? No: as written. */
export function leadingWords(s: SqlStatement, n: number): string[] {
  const words: string[] = [];
  for (const t of s.tokens) {
    if (t.type !== 'word') break;
    words.push(t.value);
    if (words.length === n) break;
  }
  return words;
}

/** The statement's verb: its first word (`INSERT`, `UNLOAD`, `GRANT`, ...), or '' when it starts otherwise. */
export function verb(s: SqlStatement): string {
  const t = s.tokens[0];
  return t?.type === 'word' ? t.value : '';
}

/** Top-level word tokens with one of these values (options of COPY/UNLOAD, clauses). */
export function topWords(s: SqlStatement, ...values: string[]): SqlToken[] {
  const set = new Set(values);
  return s.tokens.filter((t) => t.depth === 0 && t.type === 'word' && set.has(t.value));
}

/** The token after `t` in the statement. */
export function after(s: SqlStatement, t: SqlToken, skip = 1): SqlToken | undefined {
  const i = s.tokens.indexOf(t);
  return i < 0 ? undefined : s.tokens[i + skip];
}

/** A qualified name starting at token index `i` (`schema.table`, `"a"."b"`), lower case, and the index after it. */
export function qualifiedName(s: SqlStatement, i: number): { name: string; next: number } | undefined {
  const parts: string[] = [];
  let j = i;
  for (;;) {
    const t = s.tokens[j];
    if (!t || (t.type !== 'word' && t.type !== 'quoted-ident' && t.type !== 'jinja')) break;
    parts.push(t.type === 'word' ? t.value.toLowerCase() : t.value);
    j++;
    if (s.tokens[j]?.text !== '.') break;
    j++;
  }
  return parts.length > 0 ? { name: parts.join('.'), next: j } : undefined;
}

/** Whether a string token's content is an Airflow Jinja reference or a deploy-time variable, not a literal. */
export function isTemplated(value: string): boolean {
  return value.includes('{{') || value.includes('{%') || value.includes('${');
}
