/**
 * SQL text handling shared by the SQL kinds. Airflow renders Jinja before the database sees the text, so Jinja
 * spans (`{{ }}`, `{% %}`, `{# #}`) are opaque here: never split inside, never escaped.
 */

export interface SqlDialect {
  /** Whether `\` escapes the next character inside '...' (Redshift, like PostgreSQL 8; not Athena/Trino). */
  readonly backslashEscapes: boolean;
}

export const REDSHIFT: SqlDialect = { backslashEscapes: true };
export const ATHENA: SqlDialect = { backslashEscapes: false };

const OPEN_BRACE = 0x7b; // {

/** The end of the Jinja span opened by `{` and the character code `next`: '}}', '%}' or '#}', or undefined. */
function jinjaClose(next: number): string | undefined {
  return next === 0x7b ? '}}' : next === 0x25 ? '%}' : next === 0x23 ? '#}' : undefined;
}

/** The index just past the Jinja span that starts at `i`, or `i` when none starts there. */
export function jinjaSpanEnd(text: string, i: number): number {
  // Called for every character of the SQL: character codes, no substrings.
  if (text.charCodeAt(i) !== OPEN_BRACE) return i;
  const close = jinjaClose(text.charCodeAt(i + 1));
  if (!close) return i;
  const j = text.indexOf(close, i + 2);
  return j < 0 ? text.length : j + 2;
}

const DOLLAR_TAG = /\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/y;

/** Whether the character at `i` is whitespace as `\s` has it (the ASCII ones without a regular expression). */
function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return /\s/.test(text[i]!);
}

/**
 * Splits SQL text into statements at top-level `;` (not inside quotes, comments, $$-bodies or Jinja). Each
 * statement is trimmed and has no `;`; pieces with only whitespace and comments are dropped.
 */
export function splitSqlStatements(text: string, dialect: SqlDialect): string[] {
  const out: string[] = [];
  let start = 0;
  let content = false;
  let i = 0;
  const end = (from: number, close: string) => {
    const j = text.indexOf(close, from);
    return j < 0 ? text.length : j + close.length;
  };
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    const jinja = jinjaSpanEnd(text, i);
    if (jinja > i) {
      if (next !== '#') content = true;
      i = jinja;
    } else if (c === '-' && next === '-') {
      i = end(i, '\n');
    } else if (c === '/' && next === '*') {
      i = end(i + 2, '*/');
    } else if (c === "'" || c === '"') {
      i = quotedEnd(text, i, c === "'" && dialect.backslashEscapes);
      content = true;
    } else if (c === '$' && !/[A-Za-z0-9_$]/.test(text[i - 1] ?? ' ') && matchAt(DOLLAR_TAG, text, i)) {
      const tag = matchAt(DOLLAR_TAG, text, i)!;
      i = end(i + tag.length, tag);
      content = true;
    } else if (c === ';') {
      if (content) out.push(text.slice(start, i).trim());
      start = i + 1;
      content = false;
      i++;
    } else {
      if (!content && !isSpaceAt(text, i)) content = true;
      i++;
    }
  }
  if (content) out.push(text.slice(start).trim());
  return out;
}

function matchAt(re: RegExp, text: string, i: number): string | undefined {
  re.lastIndex = i;
  return re.exec(text)?.[0];
}

/** The index just past the quoted string or identifier opened at `i` ('' and "" are escaped quotes). */
function quotedEnd(text: string, i: number, backslash: boolean): number {
  const q = text[i]!;
  let j = i + 1;
  while (j < text.length) {
    const jinja = jinjaSpanEnd(text, j);
    if (jinja > j) {
      j = jinja;
    } else if (backslash && text[j] === '\\') {
      j += 2;
    } else if (text[j] === q) {
      if (text[j + 1] !== q) return j + 1;
      j += 2;
    } else {
      j++;
    }
  }
  return text.length;
}

const BLOCK_TAGS = new Set(['for', 'if', 'macro', 'call', 'filter', 'raw', 'block', 'with', 'autoescape']);

/** Whether every Jinja block (`{% if %}` ... `{% endif %}`) opened in `statement` is closed in it. */
export function jinjaBlocksBalanced(statement: string): boolean {
  let depth = 0;
  for (const m of statement.matchAll(/\{%[-+]?\s*(\w+)([\s\S]*?)%\}/g)) {
    const tag = m[1]!;
    if (tag.startsWith('end')) depth--;
    else if (BLOCK_TAGS.has(tag) || (tag === 'set' && !m[2]!.includes('='))) depth++;
    if (depth < 0) return false;
  }
  return depth === 0;
}

/** A SQL string literal: `'` doubled outside Jinja spans, which Airflow renders first and are kept as written. */
export function sqlStringLiteral(value: string): string {
  let out = "'";
  let i = 0;
  while (i < value.length) {
    const jinja = jinjaSpanEnd(value, i);
    if (jinja > i) {
      out += value.slice(i, jinja);
      i = jinja;
    } else {
      out += value[i] === "'" ? "''" : value[i];
      i++;
    }
  }
  return out + "'";
}

/**
 * RedshiftDataOperator and AthenaOperator have `template_ext = ('.sql',)`: a templated string that ends in `.sql`
 * is read as a template FILE name. A trailing space (Airflow's documented workaround) keeps SQL text as text.
 */
export function notATemplatePath(sql: string): string {
  return sql.endsWith('.sql') ? `${sql} ` : sql;
}
