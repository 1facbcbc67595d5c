/**
 * Where a step's SQL is written, so findings inside it land at the SQL's own line and column: inside the inline
 * block (`sql: |`, a quoted string, a TypeScript literal) or inside the `sqlFile`/`queryFile`, with the YAML field
 * kept as the related location.
 *
 * The IR holds the statements as the database gets them (variables resolved, split at `;`, trimmed). A position
 * inside a statement is found in the source by searching for the text that starts there, the same occurrence of
 * it: the text of one line of SQL appears as written in a block scalar, a plain or quoted scalar and a TypeScript
 * string alike, as long as the search stops before characters those formats escape (quotes, backslashes).
 */
import type { JsonPath, SourceRange } from '../diagnostics/types';
import type { StepIR } from '../ir/types';
import { fieldsOf } from '../ir/queries';
import { statement, type SqlStatement } from './sql';

/** A file's text with a way from offsets to 1-based lines and columns. */
export class TextIndex {
  /** Made on the first question: every pipeline's text gets an index, few are asked for a position. */
  private starts: number[] | undefined;

  constructor(readonly text: string) {}

  private get lineStarts(): number[] {
    if (!this.starts) {
      const starts = [0];
      for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
    }
    return this.starts;
  }

  position(offset: number): { line: number; col: number } {
    const lineStarts = this.lineStarts;
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - lineStarts[lo]! + 1 };
  }

  offset(line: number, col: number): number {
    const lineStarts = this.lineStarts;
    const start = lineStarts[Math.min(Math.max(line, 1), lineStarts.length) - 1] ?? 0;
    return Math.min(start + col - 1, this.text.length);
  }

  range(start: number, end: number): SourceRange {
    const a = this.position(start);
    const b = this.position(Math.max(start, end));
    return { line: a.line, col: a.col, endLine: b.line, endCol: b.col };
  }
}

/** One step's SQL, where it is written and its statements. */
export interface LocatedSql {
  readonly step: StepIR;
  readonly statements: readonly SqlStatement[];
  /** The file the SQL text is in: the pipeline file (inline) or the SQL file. */
  readonly file: string;
  /** Whether the SQL comes from `sqlFile`/`queryFile`. */
  readonly inFile: boolean;
  /** The spec path of the field that holds or names the SQL (`steps.3.sql`, `steps.3.sqlFile`). */
  readonly field: JsonPath;
  /** The range of a part of a statement (offsets into `statement.text`). */
  locate(st: SqlStatement, start: number, end: number): SourceRange;
}

/** What the lint engine knows of a pipeline's files. */
export interface SqlLookup {
  readonly pipelineFile: string;
  readonly pipelineText: TextIndex;
  /** The spec path's range in the pipeline file. */
  locateField(path: JsonPath): SourceRange;
  hasField(path: JsonPath): boolean;
  /** A SQL file named relative to the pipeline file: its project-relative name and text. */
  readSibling(rel: string): { readonly file: string; readonly text: TextIndex } | undefined;
  /** The raw spec value at a path (before variables), for the file name of `sqlFile`. */
  rawValue(path: JsonPath): unknown;
}

/** The SQL of a step (redshift.sql, athena.query), or undefined for other kinds. */
export function locatedSql(step: StepIR, look: SqlLookup): LocatedSql | undefined {
  const rs = fieldsOf(step, 'redshift.sql');
  const ath = fieldsOf(step, 'athena.query');
  if (!rs && !ath) return undefined;
  const texts = rs ? rs.statements : [ath!.query];
  const statements = texts.map((t, i) => statement(t, i, rs !== undefined));
  const [inlineName, fileName] = rs ? ['sql', 'sqlFile'] : ['query', 'queryFile'];
  const stepPath = step.origin.path;
  const filePath = [...stepPath, fileName];
  if (look.hasField(filePath)) {
    const rel = look.rawValue(filePath);
    const sib = typeof rel === 'string' ? look.readSibling(rel) : undefined;
    if (sib) {
      return locatedIn(step, statements, sib.file, true, filePath, sib.text, () => [{ start: 0, end: sib.text.text.length }]);
    }
    return fixed(step, statements, look.pipelineFile, filePath, () => look.locateField(filePath));
  }
  const inlinePath = [...stepPath, inlineName];
  const raw = look.rawValue(inlinePath);
  // `sql` may be a list of statements: each item is a window of its own.
  const paths: JsonPath[] = Array.isArray(raw) ? raw.map((_, i) => [...inlinePath, i]) : [inlinePath];
  const idx = look.pipelineText;
  // Positions are looked up only when a rule reports: locating a node parses the YAML with positions.
  const windows = () =>
    paths.map((p) => {
      const r = look.locateField(p);
      return { start: idx.offset(r.line, r.col), end: idx.offset(r.endLine, r.endCol) };
    });
  return locatedIn(step, statements, look.pipelineFile, false, inlinePath, idx, windows);
}

function fixed(step: StepIR, statements: readonly SqlStatement[], file: string, field: JsonPath, at: () => SourceRange): LocatedSql {
  return { step, statements, file, inFile: false, field, locate: () => at() };
}

/**
 * Statements located in `windows` of `idx` (one window per list item, or one for the whole text): each statement's
 * start is searched for after the previous one's, and a position inside it after its start.
 */
function locatedIn(
  step: StepIR,
  statements: readonly SqlStatement[],
  file: string,
  inFile: boolean,
  field: JsonPath,
  idx: TextIndex,
  windowsOf: () => readonly { start: number; end: number }[],
): LocatedSql {
  let found: { starts: number[]; windows: readonly { start: number; end: number }[] } | undefined;
  const layout = () => {
    if (found) return found;
    const windows = windowsOf();
    const starts: number[] = [];
    let cursor = windows[0]?.start ?? 0;
    let w = 0;
    for (const st of statements) {
      let at = -1;
      while (w < windows.length) {
        const win = windows[w]!;
        at = findAt(idx.text, Math.max(cursor, win.start), win.end, st.text, 0);
        if (at >= 0) break;
        w++;
        if (w < windows.length) cursor = windows[w]!.start;
      }
      if (at < 0) at = windows[Math.min(w, windows.length - 1)]?.start ?? 0;
      starts.push(at);
      cursor = at + 1;
    }
    found = { starts, windows };
    return found;
  };
  return {
    step,
    statements,
    file,
    inFile,
    field,
    locate(st, start, end) {
      const { starts, windows } = layout();
      const base = starts[st.index] ?? 0;
      const stop = windows.find((win) => win.start <= base && base < win.end)?.end ?? idx.text.length;
      const from = findAt(idx.text, base, stop, st.text, start);
      const at = from >= 0 ? from : base;
      const len = Math.max(1, Math.min(end - start, lineRest(st.text, start)));
      return idx.range(at, Math.min(at + len, lineEndOf(idx.text, at)));
    },
  };
}

/**
 * Whether the character at `i` is one YAML and TypeScript may write differently than its value (an escape): a quote,
 * `\\`, a line feed, a carriage return, a tab (the class /['"\\\n\r\t]/). By its code: findAt asks it of up to 62
 * characters per position, and a regular expression test of a one-character string each time cost more than the
 * search itself.
 */
export function escapedAt(value: string, i: number): boolean {
  const c = value.charCodeAt(i);
  return c === 0x27 || c === 0x22 || c === 0x5c || c === 0x0a || c === 0x0d || c === 0x09;
}

/**
 * Where the text of `value` at `offset` starts in `text[from, to)`: the same occurrence (the n-th one after the
 * value's start) of the longest snippet that is written as it is. -1 when none is found.
 */
export function findAt(text: string, from: number, to: number, value: string, offset: number): number {
  let lead = 0;
  // A snippet may not start with an escaped character: start after it and step back.
  while (offset + lead < value.length && escapedAt(value, offset + lead) && lead < 2) lead++;
  const begin = offset + lead;
  let len = 0;
  while (begin + len < value.length && len < 60 && !escapedAt(value, begin + len)) len++;
  for (let n = len; n >= Math.min(len, 4) && n > 0; n = n > 8 ? n - Math.ceil(n / 3) : n - 1) {
    const snippet = value.slice(begin, begin + n);
    let k = 0;
    for (let p = value.indexOf(snippet); p >= 0 && p < begin; p = value.indexOf(snippet, p + 1)) k++;
    let at = text.indexOf(snippet, from);
    while (at >= 0 && at < to && k > 0) {
      at = text.indexOf(snippet, at + 1);
      k--;
    }
    if (at >= 0 && at + n <= to) return Math.max(from, at - lead);
  }
  return -1;
}

function lineRest(s: string, i: number): number {
  const j = s.indexOf('\n', i);
  return (j < 0 ? s.length : j) - i;
}

function lineEndOf(s: string, i: number): number {
  const j = s.indexOf('\n', i);
  return j < 0 ? s.length : j;
}
