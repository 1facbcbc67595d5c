/**
 * Output is inert: text that came from outside dagsmith (a pipeline, a config, a file name, a TypeScript message, a
 * bucket) is data in every output, never markup or commands. Each output format has ONE escaping function here (the
 * GitHub annotation format's is in github.ts, the graph formats' in src/graph/), and every command uses it:
 *
 *  - `inertText`: a line of terminal or CI log output (stylish diagnostics, progress, summaries, errors);
 *  - `inertJson`: a JSON document (the json formats, SARIF, `sync --json`);
 *  - `sarifText`: the plain text of a SARIF message;
 *  - `markdownCode`: a value in Markdown (`plan`, `graph --changed`), as a code span;
 *  - `markdownText`: untrusted prose in Markdown (the cells of lint's job-summary table).
 *
 * What they guard against: GitHub Actions reads every line a step prints for workflow commands, `::name ...::data`
 * at the start of a line after blanks, and the older `##[name]data` anywhere in a line (actions/runner,
 * ActionCommand.TryParseV2 and TryParse); `::stop-commands::` would then hide the real annotations. Line breaks
 * (also U+0085, U+2028, U+2029), other control characters (ANSI sequences drive terminals) and bidi controls
 * (U+202A-U+202E, U+2066-U+2069, which reorder what a reviewer sees) are shown as `\uXXXX`.
 */

/** C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the bidi formatting characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** What JSON.stringify leaves as it is of UNSAFE: it escapes C0 controls itself (and its indentation is line feeds). */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** What `inertText` changes: an UNSAFE character, `##[`, or `::` after the blanks at its start (three cheap tests). */
const UNSAFE_ANY = new RegExp(UNSAFE.source);
const LEADING_COLONS = /^\s*::/;
const needsInert = (text: string): boolean => UNSAFE_ANY.test(text) || text.includes('##[') || LEADING_COLONS.test(text);

const hex = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Text for a line of terminal or log output: no line breaks or other control characters, no bidi controls, no
 * `##[` (shown as `#\u0023[`), and no `::` at its start (shown as `\u003a:`), so that it cannot begin a workflow
 * command even where it begins a line.
 */
export function inertText(text: string): string {
  // Most text has none of what the three replacements below change: it is returned as it is, without them.
  if (!needsInert(text)) return text;
  return text
    .replace(UNSAFE, hex)
    .replace(/##\[/g, '#\\u0023[')
    .replace(/^(\s*)::/, '$1\\u003a:');
}

/**
 * A JSON document (2-space indented) whose strings are exactly the data, and whose text is inert: JSON.stringify
 * already writes C0 controls as escapes; C1 controls, the line separators and bidi controls are escaped too, and
 * `##[` is written `#\u0023[`. Outside strings JSON has none of these characters, so the result parses back to
 * `value` unchanged, and no line of it starts with anything but indentation and JSON punctuation.
 */
export function inertJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(UNSAFE_IN_JSON, hex).replace(/##\[/g, '#\\u0023[');
}

/**
 * The plain text of a SARIF message: inert text with `\`, `[` and `]` escaped by a backslash, since SARIF reads
 * `[text](target)` in a plain text message as an embedded link (SARIF 2.1.0, 3.11.6).
 */
export function sarifText(text: string): string {
  return inertText(text).replace(/[\\[\]]/g, (c) => `\\${c}`);
}

/**
 * A value in Markdown, as a code span: nothing inside one is markup (no HTML, links, emphasis or headings), and its
 * fence is one backtick longer than any run of backticks in the value, so the value cannot end it early. The value
 * is inert text first (no line breaks: a code span cannot be left through a new block). In a table cell `|` is
 * written `\|`, which GitHub Flavored Markdown reads as a pipe inside the cell.
 */
export function markdownCode(text: string, opts: { readonly inTable?: boolean } = {}): string {
  let s = inertText(text);
  if (opts.inTable) s = s.replace(/\|/g, '\\|');
  if (s === '') return '` `';
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  // A code span drops one space at each end when it has one at both, and needs one next to a backtick at its edge.
  const pad = s.startsWith('`') || s.endsWith('`') || (s.startsWith(' ') && s.endsWith(' ')) ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}

/**
 * Untrusted prose in Markdown, e.g. the text of a table cell (lint's job summary): inert text first (no line breaks,
 * controls or bidi), then every ASCII punctuation character that Markdown or GitHub gives a meaning (emphasis, links,
 * HTML, `|`, `@mentions`, `#refs`) escaped by a backslash (`&`, `<` and `>` as entities), so it reads as written.
 */
export function markdownText(text: string): string {
  return inertText(text).replace(/[\\`*_{}[\]()<>#+\-.!|~@:&"'=$%^?;/,]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`,
  );
}
