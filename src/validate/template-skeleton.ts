/**
 * The `{{ ... }}` expressions of a template, without the text around them, for templates where that text cannot
 * change what Jinja's lexer and parser make of the expressions.
 *
 * Pipelines hold thousands of templates that differ only in their plain text (`ingest_00042/3/{{ ds }}/_SUCCESS`):
 * their checks are those of the expressions alone, at other offsets. src/validate/templates.ts parses the skeleton
 * (the expressions joined) once and moves its findings back to the offsets of each text.
 *
 * That holds when the text outside the expressions is data to Jinja and nothing else: it holds no `{` (so no
 * `{%`, `{#`, `{% raw %}`, nor a `{{` the scan below would miss) and no `\r` (the lexer rewrites newlines, moving
 * offsets). Each expression ends where Jinja's lexer ends it: at the first `}}` outside a string literal with no
 * bracket open (lexer.py skips variable_end while its balancing stack is not empty). Anything the scan is unsure
 * of (an unterminated string, a bracket that does not match, a lone `}`) makes it decline, and the caller parses the
 * text itself. test/validate/template-skeleton.test.ts holds this to the parse of the whole text.
 */

export interface TemplateSkeleton {
  /** The expressions, `{{` to `}}` each, joined with nothing between them. */
  readonly text: string;
  /** For each expression: its offset in the template, then its offset in `text` (pairs, in order). */
  readonly starts: readonly number[];
}

const OPEN_BRACE = 0x7b; // {
const CLOSE_BRACE = 0x7d; // }

/** The skeleton of `text`, or undefined when the text around the expressions could matter (see above). */
export function templateSkeleton(text: string): TemplateSkeleton | undefined {
  if (text.includes('\r')) return undefined;
  const starts: number[] = [];
  let skeleton = '';
  for (let i = text.indexOf('{'); i >= 0; i = text.indexOf('{', i)) {
    if (text.charCodeAt(i + 1) !== OPEN_BRACE) return undefined;
    const end = expressionEnd(text, i + 2);
    if (end < 0) return undefined;
    starts.push(i, skeleton.length);
    skeleton += text.slice(i, end);
    i = end;
  }
  return { text: skeleton, starts };
}

/**
 * Where the expression whose body starts at `from` ends (after its `}}`), as Jinja's lexer finds it; -1 when the
 * lexer would fail or the scan is unsure. A quote can only start a string here: no other token holds one.
 */
function expressionEnd(text: string, from: number): number {
  const open: number[] = [];
  for (let k = from; k < text.length; k++) {
    const c = text.charCodeAt(k);
    switch (c) {
      case 0x22: // "
      case 0x27: {
        // '
        k = stringEnd(text, k, c);
        if (k < 0) return -1;
        break;
      }
      case 0x28: // (
        open.push(0x29);
        break;
      case 0x5b: // [
        open.push(0x5d);
        break;
      case OPEN_BRACE:
        open.push(CLOSE_BRACE);
        break;
      case 0x29: // )
      case 0x5d: // ]
        if (open.pop() !== c) return -1;
        break;
      case CLOSE_BRACE:
        if (open.length === 0) return text.charCodeAt(k + 1) === CLOSE_BRACE ? k + 2 : -1;
        if (open.pop() !== c) return -1;
        break;
    }
  }
  return -1;
}

/** The offset of the quote that closes the string opening at `at` (a backslash escapes the next character), or -1. */
function stringEnd(text: string, at: number, quote: number): number {
  for (let k = at + 1; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x5c) k++;
    else if (c === quote) return k;
  }
  return -1;
}
