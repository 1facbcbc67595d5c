import type { Locator } from '../diagnostics/reporter';
import type { JsonPath, SourceRange } from '../diagnostics/types';

/**
 * Where characters of a string value are in its file: `offset` and `length` count in the value as the loader
 * produced it (YAML unescaped, TypeScript evaluated). A value written as is (a plain or simply quoted scalar, a string
 * literal without escapes) maps character for character; otherwise the `{{` / `{%` at `offset` is found as the same
 * occurrence in the source text of the node (Jinja's delimiters are never escaped). When neither works, the whole
 * value's range.
 */
export function rangeInValue(text: string, locator: Locator, path: JsonPath, value: string, offset: number, length: number): SourceRange {
  const node = locator.locate(path, 'value');
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lines = lineStartsOf(source);
  const start = (lines[node.line - 1] ?? 0) + node.col - 1;
  const end = (lines[node.endLine - 1] ?? 0) + node.endCol - 1;
  const written = source.slice(start, end);
  let at: number | undefined;
  if (written === value) at = start + offset;
  else if (written.length >= 2 && /^['"`]$/.test(written[0]!) && written.slice(1, -1) === value) at = start + 1 + offset;
  else {
    const snippet = value.slice(offset, offset + 2);
    if (snippet.length === 2) {
      let n = 0;
      for (let i = value.indexOf(snippet); i >= 0 && i < offset; i = value.indexOf(snippet, i + 1)) n++;
      let j = written.indexOf(snippet);
      for (let k = 0; k < n && j >= 0; k++) j = written.indexOf(snippet, j + 1);
      if (j >= 0) at = start + j;
    }
  }
  if (at === undefined) return node;
  return rangeOfOffsets(lines, at, at + length);
}

/** Offsets at which each line of `text` starts. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The 1-based range of [start, end) in a text whose line starts are `lines`. */
export function rangeOfOffsets(lines: readonly number[], start: number, end: number): SourceRange {
  const pos = (offset: number) => {
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - lines[lo]! + 1 };
  };
  const a = pos(start);
  const b = pos(Math.max(start, end));
  return { line: a.line, col: a.col, endLine: b.line, endCol: b.col };
}
