/**
 * Checks on the source text for the fast YAML path: what js-yaml accepts and yaml in strict mode does not, found
 * by the differential test (test/load/yaml-fast.test.ts). Each is conservative: it may send a document yaml
 * accepts to the full path, never the other way round.
 */

const NEWLINE = 10;
const SPACE = 32;
const HASH = 35;
/** What yaml wants white space between it and a comment after it, inside a flow collection. */
const COMMENT_AFTER = new Set([...',"\']}'].map((c) => c.charCodeAt(0)));

/** Where the node that starts at or after `from` begins, past white space, comments and its anchor or tag. */
export function nodeStart(input: string, from: number, end: number): number {
  let i = from;
  while (i < end) {
    const c = input.charCodeAt(i);
    if (c === SPACE || c === NEWLINE) i++;
    else if (c === HASH) {
      const eol = input.indexOf('\n', i);
      i = eol === -1 ? end : eol;
    } else if (c === 0x26 /* & */ || c === 0x21 /* ! */) {
      while (i < end && input.charCodeAt(i) !== SPACE && input.charCodeAt(i) !== NEWLINE) i++;
    } else return i;
  }
  return i;
}

/** Column of the first token after the indentation and any `- ` sequence entry indicators of the line at `at`. */
function contentColumn(input: string, at: number): number {
  const lineStart = input.lastIndexOf('\n', at - 1) + 1;
  let i = lineStart;
  for (;;) {
    while (input.charCodeAt(i) === SPACE) i++;
    if (input.charCodeAt(i) === 0x2d /* - */ && input.charCodeAt(i + 1) === SPACE) i += 2;
    else return i - lineStart;
  }
}

/**
 * The problem yaml would report with the node js-yaml composed from `input[from, end)`, if it is written in flow
 * style (a flow collection, a quoted or a plain scalar): a comment not separated by white space (`,#`, `"#`, `]#`),
 * or a line of it indented no deeper than the block collection it sits in ("must be sufficiently indented";
 * checked here against the first key on the node's first line, which is at least as deep).
 */
export function flowNodeProblem(
  input: string,
  from: number,
  end: number,
  isCollection: boolean,
): 'comment-without-space' | 'flow-indentation' | undefined {
  const start = nodeStart(input, from, end);
  const first = input.charCodeAt(start);
  const isFlowCollection = first === 0x5b /* [ */ || first === 0x7b; /* { */
  if (isCollection !== isFlowCollection || first === 0x7c /* | */ || first === 0x3e /* > */) return undefined;
  // Without copying the node's text (this runs for every scalar): a `#` right after `,"']}`, then a line break.
  // Both as on the text with its trailing white space trimmed: neither that white space nor a line break in it
  // (only lines of white space follow) changes the answer.
  if (isFlowCollection) {
    for (let i = start + 1; i < end; i++)
      if (input.charCodeAt(i) === HASH && COMMENT_AFTER.has(input.charCodeAt(i - 1))) return 'comment-without-space';
  }
  const newline = input.indexOf('\n', start);
  if (newline === -1 || newline >= end) return undefined;
  const text = input.slice(start, end).trimEnd();
  if (!text.includes('\n')) return undefined;
  const least = contentColumn(input, start);
  for (const line of text.split('\n').slice(1)) {
    const indent = line.length - line.trimStart().length;
    if (indent < line.length && indent <= least) return 'flow-indentation';
  }
  return undefined;
}

/** yaml limits an implicit key to 1024 characters; a text whose lines are all shorter cannot exceed it. */
export function hasLongLine(text: string): boolean {
  for (let start = 0; start < text.length;) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    if (stop - start >= 1000) return true;
    start = stop + 1;
  }
  return false;
}

/**
 * A line that starts like a document marker (`---`, `...`), except a bare `---` as the first line: yaml's rules on
 * what may share its line, and on the documents after it, are its own.
 */
export function hasDocumentMarker(text: string): boolean {
  // Also `---x`: not a marker for yaml, but one for js-yaml 4.3.
  const markers = /^(?:---|\.\.\.)/gm;
  for (let m = markers.exec(text); m; m = markers.exec(text)) {
    if (!(m.index === 0 && text.startsWith('---\n'))) return true;
  }
  return false;
}
