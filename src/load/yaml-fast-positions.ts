/**
 * Source positions for a document the fast YAML path loaded, from what js-yaml's listener saw while it parsed the
 * text: where each node opened and closed. They are turned into the ranges the `yaml` library gives its nodes
 * (`range[0]`, `range[1]`, and `range[2]` where a block collection ends at its last entry's) for the constructs
 * whose ranges are known here; a document with anything else (explicit keys, a block collection followed by
 * comments, an empty block scalar, ...) gets no table, and its positions come from the full parser as before.
 * The differential tests (test/load/yaml-fast.test.ts) compare every path of every fixture and fuzzed document.
 */
import type { JsonPath, SourceRange } from '../diagnostics/types';
import { nodeStart } from './yaml-fast-text';

const NEWLINE = 10;
const SPACE = 32;
const HASH = 35;

/** What the listener records while js-yaml composes one document: each node, in the order it closed. */
export class PositionRecorder {
  /** Per node, in closing order: open offset, close offset, depth, kind (0 empty, 1 scalar, 2 sequence, 3 mapping). */
  readonly nodes: number[] = [];
  /** Per node: its value (scalar keys are looked up by it; collections are checked against it). */
  readonly values: unknown[] = [];
  private readonly opened: number[] = [];

  open(position: number): void {
    this.opened.push(position);
  }

  close(position: number, kind: 'scalar' | 'sequence' | 'mapping' | null, value: unknown): void {
    const start = this.opened.pop()!;
    this.nodes.push(start, position, this.opened.length, kind === null ? 0 : kind === 'scalar' ? 1 : kind === 'sequence' ? 2 : 3);
    this.values.push(value);
  }
}

/** A node of the table: its range as `yaml` gives it, and its children. */
interface PositionNode {
  readonly start: number;
  readonly end: number;
  /** `range[2]` of a node that is the last entry of a block collection; NaN when it is not known here. */
  readonly after: number;
  readonly items?: readonly PositionNode[];
  /** Key text (String of the key's value) -> [key node, value node]. */
  readonly entries?: ReadonlyMap<string, readonly [PositionNode, PositionNode]>;
}

/** Thrown (and caught in `positionTable`) for a construct whose ranges are not known here. */
class Unknown extends Error {}

/** The table of a document's positions, or undefined when its constructs are not all covered (see the top). */
export function positionTable(text: string, recorder: PositionRecorder): PositionTable | undefined {
  if (text.startsWith('---')) return undefined;
  try {
    const root = build(text, recorder);
    return root ? new PositionTable(root, lineStarts(text)) : undefined;
  } catch (err) {
    if (err instanceof Unknown) return undefined;
    throw err;
  }
}

/** Answers `locate` as YamlLocator does over the `yaml` library's document. */
export class PositionTable {
  constructor(
    private readonly root: PositionNode,
    private readonly starts: readonly number[],
  ) {}

  locate(path: JsonPath, at: 'key' | 'value' = 'value'): SourceRange {
    let node = this.root;
    let keyNode: PositionNode | undefined;
    let reached = true;
    for (const segment of path) {
      let next: readonly [PositionNode, PositionNode] | undefined;
      if (node.items) {
        const item = typeof segment === 'number' ? node.items[segment] : undefined;
        next = item ? [item, item] : undefined;
      } else if (node.entries) {
        next = node.entries.get(String(segment));
      }
      if (!next) {
        reached = false;
        break;
      }
      keyNode = next[0];
      node = next[1];
    }
    const target = at === 'key' && reached && keyNode ? keyNode : node;
    const a = this.linePos(target.start);
    const b = this.linePos(target.end);
    return { line: a.line, col: a.col, endLine: b.line, endCol: b.col };
  }

  /** yaml's LineCounter.linePos over the same line starts. */
  private linePos(offset: number): { line: number; col: number } {
    const starts = this.starts;
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (starts[mid]! < offset) low = mid + 1;
      else high = mid;
    }
    if (starts[low] === offset) return { line: low + 1, col: 1 };
    if (low === 0) return { line: 0, col: offset };
    return { line: low, col: offset - starts[low - 1]! + 1 };
  }
}

/** The offsets yaml's lexer reports as line starts: 0 and the offset after each newline. */
function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

interface Raw {
  readonly open: number;
  readonly close: number;
  readonly depth: number;
  readonly kind: number;
  readonly value: unknown;
  readonly children: Raw[];
}

/** The recorded nodes as a tree (children in source order), then as position nodes. */
function build(text: string, recorder: PositionRecorder): PositionNode | undefined {
  const { nodes, values } = recorder;
  const done: Raw[] = [];
  for (let i = 0, n = 0; i < nodes.length; i += 4, n++) {
    const depth = nodes[i + 2]!;
    let first = done.length;
    while (first > 0 && done[first - 1]!.depth > depth) first--;
    const children = done.splice(first);
    if (children.some((c) => c.depth !== depth + 1)) throw new Unknown();
    // js-yaml adds a newline to a text that does not end with one: its offsets may pass the end by one.
    done.push({
      open: Math.min(nodes[i]!, text.length),
      close: Math.min(nodes[i + 1]!, text.length),
      depth,
      kind: nodes[i + 3]!,
      value: values[n],
      children,
    });
  }
  if (done.length !== 1) return undefined;
  return node(text, done[0]!, undefined);
}

/** One node's ranges. `keyEnd`: for an empty mapping value, where its key ended. */
function node(text: string, raw: Raw, keyEnd: number | undefined): PositionNode {
  // js-yaml reads a node in block context first as the key of a mapping that may follow it: that node comes back
  // as the only child of the same node.
  const only = raw.children.length === 1 ? raw.children[0]! : undefined;
  if (only && only.kind === raw.kind && only.value === raw.value) return node(text, only, keyEnd);
  if (raw.kind === 0) {
    // An empty value: `yaml` puts it after the `:` and the spaces that follow.
    if (raw.value !== null || keyEnd === undefined || raw.children.length > 0) throw new Unknown();
    let p = skipSpaces(text, keyEnd);
    if (text.charCodeAt(p) !== 0x3a /* : */ || raw.open !== p + 1) throw new Unknown();
    p = skipSpaces(text, p + 1);
    // Its range[2]: itself, or past a comment on its line; comment lines below stretch it (not known here).
    const line = text.charCodeAt(p) === HASH ? pastLine(text, p) : p;
    const after = text.slice(line, Math.max(line, raw.close)).includes('#') ? NaN : line;
    return { start: p, end: p, after };
  }
  const start = nodeStart(text, raw.open, raw.close);
  const first = text.charCodeAt(start);
  if (raw.kind === 1) {
    if (raw.children.length > 0) throw new Unknown();
    if (first === 0x7c /* | */ || first === 0x3e /* > */) {
      const end = blockScalarEnd(text, start, raw.close);
      return { start, end, after: end };
    }
    if (first === 0x3f /* ? */ || first === 0x2d /* - */ || first === 0x3a /* : */) {
      // Plain scalars may start so (`-1`, `:x`), but also explicit keys and indicators: only the certain ones.
      const next = text.charCodeAt(start + 1);
      if (first === 0x3f || next === SPACE || next === NEWLINE || Number.isNaN(next)) throw new Unknown();
    }
    const end = trimEnd(text, start, raw.close);
    return { start, end, after: afterValue(text, end) };
  }
  const flow = first === 0x5b /* [ */ || first === 0x7b; /* { */
  if (raw.kind === 2) {
    if (!Array.isArray(raw.value) || raw.value.length !== raw.children.length) throw new Unknown();
    const items = raw.children.map((c) => node(text, c, undefined));
    return collection(text, raw, start, flow, items, undefined);
  }
  if (typeof raw.value !== 'object' || raw.value === null || Array.isArray(raw.value)) throw new Unknown();
  if (raw.children.length !== 2 * Object.keys(raw.value).length) throw new Unknown();
  const entries = new Map<string, readonly [PositionNode, PositionNode]>();
  let last: PositionNode | undefined;
  for (let i = 0; i < raw.children.length; i += 2) {
    const k = raw.children[i]!;
    if (k.kind !== 1 || (typeof k.value === 'object' && k.value !== null)) throw new Unknown();
    const key = node(text, k, undefined);
    // An explicit key (`? key`): its ranges are the full parser's business.
    let before = key.start - 1;
    while (text.charCodeAt(before) === SPACE) before--;
    if (text.charCodeAt(before) === 0x3f /* ? */) throw new Unknown();
    const value = node(text, raw.children[i + 1]!, key.end);
    const name = String(k.value);
    if (entries.has(name)) throw new Unknown();
    entries.set(name, [key, value]);
    last = value;
  }
  return collection(text, raw, start, flow, undefined, entries, last);
}

function collection(
  text: string,
  raw: Raw,
  start: number,
  flow: boolean,
  items: readonly PositionNode[] | undefined,
  entries: ReadonlyMap<string, readonly [PositionNode, PositionNode]> | undefined,
  lastValue?: PositionNode,
): PositionNode {
  const kids = items ? { items } : { entries: entries! };
  if (flow) {
    const end = trimEnd(text, start, raw.close);
    const closer = text.charCodeAt(end - 1);
    if (closer !== (items ? 0x5d /* ] */ : 0x7d) /* } */) throw new Unknown();
    return { start, end, after: afterValue(text, end), ...kids };
  }
  const last = items ? items[items.length - 1] : lastValue;
  if (!last || Number.isNaN(last.after)) throw new Unknown();
  const end = last.after;
  // Comments after the last entry may belong to it or to this collection (`yaml` stretches ranges over them).
  if (text.slice(end, Math.max(end, raw.close)).includes('#')) throw new Unknown();
  return { start, end, after: end, ...kids };
}

function skipSpaces(text: string, from: number): number {
  let i = from;
  while (text.charCodeAt(i) === SPACE) i++;
  return i;
}

/** `end` moved back over the spaces and newlines js-yaml read past the node. */
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && (text.charCodeAt(e - 1) === SPACE || text.charCodeAt(e - 1) === NEWLINE)) e--;
  if (e === start) throw new Unknown();
  return e;
}

/** Past the spaces, a comment and the newline that follow a value on its line (`yaml`'s range[2]). */
function afterValue(text: string, end: number): number {
  const p = skipSpaces(text, end);
  const c = text.charCodeAt(p);
  if (c === HASH) return pastLine(text, p);
  return c === NEWLINE ? p + 1 : p;
}

function pastLine(text: string, from: number): number {
  const eol = text.indexOf('\n', from);
  return eol === -1 ? text.length : eol + 1;
}

/**
 * Where a block scalar (clip or strip chomping: `|+` and indentation indicators take the full path) ends for
 * `yaml`: after the newline of its last line with content (a line of spaces deeper than its indentation counts),
 * or at the end of the text.
 */
function blockScalarEnd(text: string, start: number, close: number): number {
  const headerEnd = text.indexOf('\n', start);
  if (headerEnd === -1 || headerEnd >= close) throw new Unknown();
  let indent = -1;
  let end = -1;
  for (let lineStart = headerEnd + 1; lineStart < close;) {
    const eol = text.indexOf('\n', lineStart);
    const lineEnd = eol === -1 ? text.length : eol;
    // A line js-yaml only began (the next node's indentation) is not part of the scalar.
    if (lineEnd > close || (eol !== -1 && eol >= close)) break;
    const spaces = countSpaces(text, lineStart);
    const blank = lineStart + spaces === lineEnd;
    if (!blank) {
      if (indent === -1) indent = spaces;
      // Less indented than its first line: not the scalar's (a comment js-yaml read past).
      if (spaces < indent) throw new Unknown();
      end = eol === -1 ? text.length : eol + 1;
    } else if (indent !== -1 && spaces > indent) {
      end = eol === -1 ? text.length : eol + 1;
    }
    if (eol === -1) break;
    lineStart = eol + 1;
  }
  // Nothing but the header: an empty block scalar.
  if (end === -1) throw new Unknown();
  return end;
}

function countSpaces(text: string, from: number): number {
  let i = from;
  while (text.charCodeAt(i) === SPACE) i++;
  return i - from;
}
