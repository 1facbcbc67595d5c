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

/**
 * Scratch space every parse records into (one parse at a time: js-yaml's load is synchronous and the listener
 * starts no other); `finish` copies out exactly what one document needs. The growing arrays are allocated once per
 * thread instead of once per file: a run loads thousands of files and keeps each one's record until positions are
 * asked for.
 */
let scratchNodes = new Int32Array(4 * 1024);
const scratchValues: unknown[] = [];
const scratchOpened: number[] = [];

/** What the listener records while js-yaml composes one document: each node, in the order it closed. */
export class PositionRecorder {
  /** Per node, in closing order: open offset, close offset, depth, kind (0 empty, 1 scalar, 2 sequence, 3 mapping). */
  nodes: Int32Array = scratchNodes;
  /** Per node: its value (scalar keys are looked up by it; collections are checked against it). */
  values: unknown[] = scratchValues;
  /** How many nodes closed. */
  count = 0;
  private depth = 0;

  open(position: number): void {
    scratchOpened[this.depth++] = position;
  }

  /** Records the node that closes at `position`; returns where it opened. */
  close(position: number, kind: 'scalar' | 'sequence' | 'mapping' | null, value: unknown): number {
    const start = scratchOpened[--this.depth]!;
    const at = 4 * this.count;
    if (at + 4 > scratchNodes.length) {
      const grown = new Int32Array(2 * scratchNodes.length);
      grown.set(scratchNodes);
      scratchNodes = this.nodes = grown;
    }
    const nodes = scratchNodes;
    nodes[at] = start;
    nodes[at + 1] = position;
    nodes[at + 2] = this.depth;
    nodes[at + 3] = kind === null ? 0 : kind === 'scalar' ? 1 : kind === 'sequence' ? 2 : 3;
    scratchValues[this.count++] = value;
    return start;
  }

  /** Copies the record out of the scratch space (call once, when the parse succeeded). */
  finish(): this {
    this.nodes = scratchNodes.slice(0, 4 * this.count);
    this.values = scratchValues.slice(0, this.count);
    // The scratch must not keep the document's data alive.
    scratchValues.fill(undefined, 0, this.count);
    return this;
  }
}

/**
 * A position table built elsewhere (by the block parser, src/load/yaml-block.ts), in PositionTable's layout: per
 * node (any numbering) its kind (0 empty, 1 scalar, 2 sequence, 3 mapping), its value (keys are looked up by it),
 * its children `kids[firstKid .. firstKid + kidCount)` (a mapping's alternate key, value) and its ranges
 * (`range[0]`, `range[1]`, `range[2]`: three per node).
 */
export interface PositionArrays {
  readonly root: number;
  readonly kinds: Int32Array;
  readonly values: readonly unknown[];
  readonly kids: Int32Array;
  readonly firstKid: Int32Array;
  readonly kidCount: Int32Array;
  readonly ranges: Int32Array;
  /** The text's line starts, as `lineStarts` gives them, when known (the block parser reads every line anyway). */
  readonly lineStarts?: Int32Array;
}

/** No nodes (a table's construction-time arrays once it is built). */
const NO_NODES: Int32Array = new Int32Array(0);

/** A `range[2]` not known here. */
const UNKNOWN = -1;

/** Thrown (and caught in `positionTable`) for a construct whose ranges are not known here. */
class Unknown extends Error {}

/** The table of a document's positions, or undefined when its constructs are not all covered (see the top). */
export function positionTable(text: string, recorder: PositionRecorder): PositionTable | undefined {
  if (text.startsWith('---')) return undefined;
  try {
    const table = new PositionTable(text, recorder);
    return table.root >= 0 ? table : undefined;
  } catch (err) {
    if (err instanceof Unknown) return undefined;
    throw err;
  }
}

/**
 * The positions of a document, in flat arrays indexed by node (its number in closing order): no object per node.
 * `children` of node i are `kids[firstKid[i] .. firstKid[i] + kidCount[i])` (a mapping's alternate key, value), each
 * the effective node that stands for the child (see the start of `node`); `ranges` holds, per effective node, its
 * start and end (`range[0]`, `range[1]` as `yaml` gives them) and `range[2]` where it is the last entry of a block
 * collection (UNKNOWN when that is not known here). All offsets, so 32-bit integers.
 */
export class PositionTable {
  /** The root's effective node; -1 when the record is not one tree. */
  readonly root: number;
  private readonly kinds: Int32Array;
  private readonly values: readonly unknown[];
  private readonly kids: Int32Array;
  private readonly firstKid: Int32Array;
  private readonly kidCount: Int32Array;
  private readonly ranges: Int32Array;
  private readonly starts: Int32Array;
  // Only while a table is built from a recorder: `effective` (see `node`) and the recorder's nodes (open and close
  // offsets are read from them). Once built, `kids` name effective nodes, as the block parser's do.
  private effective: Int32Array = NO_NODES;
  private nodes: Int32Array = NO_NODES;

  constructor(
    private readonly text: string,
    source: PositionRecorder | PositionArrays,
  ) {
    if (!(source instanceof PositionRecorder)) {
      // Ranges computed by the block parser (src/load/yaml-block.ts): every node stands for itself.
      this.values = source.values;
      this.kinds = source.kinds;
      this.kids = source.kids;
      this.firstKid = source.firstKid;
      this.kidCount = source.kidCount;
      this.ranges = source.ranges;
      this.starts = source.lineStarts ?? lineStarts(text);
      this.root = source.root;
      return;
    }
    const recorder = source;
    const { nodes, values, count: n } = recorder;
    this.values = values;
    this.kinds = new Int32Array(n);
    this.kids = new Int32Array(n);
    this.firstKid = new Int32Array(n);
    this.kidCount = new Int32Array(n);
    this.effective = new Int32Array(n).fill(-1);
    this.ranges = new Int32Array(3 * n);
    this.starts = lineStarts(text);
    // The recorded nodes as a tree: a node's children are the nodes just before it (in closing order) one deeper.
    const stack = new Int32Array(n);
    let top = 0;
    let kidsUsed = 0;
    for (let i = 0; i < n; i++) {
      const depth = nodes[4 * i + 2]!;
      this.kinds[i] = nodes[4 * i + 3]!;
      let first = top;
      while (first > 0 && nodes[4 * stack[first - 1]! + 2]! > depth) first--;
      this.firstKid[i] = kidsUsed;
      this.kidCount[i] = top - first;
      for (let j = first; j < top; j++) {
        if (nodes[4 * stack[j]! + 2] !== depth + 1) throw new Unknown();
        this.kids[kidsUsed++] = stack[j]!;
      }
      top = first;
      stack[top++] = i;
    }
    this.nodes = nodes;
    this.root = top === 1 ? this.node(stack[0]!, -1) : -1;
    // Children as the effective nodes that stand for them (every child of a node reached has one), so that `locate`
    // reads a table built either way alike.
    for (let k = 0; k < kidsUsed; k++) {
      const e = this.effective[this.kids[k]!]!;
      if (e !== -1) this.kids[k] = e;
    }
    this.effective = this.nodes = NO_NODES;
  }

  /** Answers `locate` as YamlLocator does over the `yaml` library's document. */
  locate(path: JsonPath, at: 'key' | 'value' = 'value'): SourceRange {
    let node = this.root;
    let keyNode = -1;
    let reached = true;
    for (const segment of path) {
      const kind = this.kinds[node];
      const first = this.firstKid[node]!;
      const count = this.kidCount[node]!;
      let key = -1;
      let value = -1;
      if (kind === 2) {
        // As `items[segment]`: a whole number within the list.
        if (typeof segment === 'number' && Number.isInteger(segment) && segment >= 0 && segment < count) {
          key = value = this.kids[first + segment]!;
        }
      } else if (kind === 3) {
        const name = String(segment);
        for (let k = first; k < first + count; k += 2) {
          if (String(this.values[this.kids[k]!]) === name) {
            key = this.kids[k]!;
            value = this.kids[k + 1]!;
            break;
          }
        }
      }
      if (value === -1) {
        reached = false;
        break;
      }
      keyNode = key;
      node = value;
    }
    const target = at === 'key' && reached && keyNode !== -1 ? keyNode : node;
    const start = this.ranges[3 * target]!;
    const end = this.ranges[3 * target + 1]!;
    const line = this.lineOf(start);
    const endLine = this.lineOf(end);
    return { line, col: this.colOf(start, line), endLine, endCol: this.colOf(end, endLine) };
  }

  /**
   * The line of yaml's LineCounter.linePos over the same line starts (0 before the first start, as it answers);
   * `colOf` gives the column. Two numbers instead of a `{ line, col }` object per end of every range located.
   */
  private lineOf(offset: number): number {
    const starts = this.starts;
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (starts[mid]! < offset) low = mid + 1;
      else high = mid;
    }
    if (low < starts.length && starts[low] === offset) return low + 1;
    return low;
  }

  /** The column linePos gives for `offset` on `line` (from `lineOf`): 1 at a line start. */
  private colOf(offset: number, line: number): number {
    return line === 0 ? offset : offset - this.starts[line - 1]! + 1;
  }

  private set(i: number, start: number, end: number, after: number): number {
    this.ranges[3 * i] = start;
    this.ranges[3 * i + 1] = end;
    this.ranges[3 * i + 2] = after;
    this.effective[i] = i;
    return i;
  }

  /** Computes node i's ranges (and its children's); returns its effective node. `keyEnd`: for an empty mapping value, where its key ended (-1: none). */
  private node(i: number, keyEnd: number): number {
    const eff = this.rangesOf(i, keyEnd);
    this.effective[i] = eff;
    return eff;
  }

  private rangesOf(i: number, keyEnd: number): number {
    const text = this.text;
    const kind = this.kinds[i]!;
    const value = this.values[i];
    const first = this.firstKid[i]!;
    const count = this.kidCount[i]!;
    // js-yaml reads a node in block context first as the key of a mapping that may follow it: that node comes back
    // as the only child of the same node.
    if (count === 1) {
      const only = this.kids[first]!;
      if (this.kinds[only] === kind && this.values[only] === value) return this.node(only, keyEnd);
    }
    // js-yaml adds a newline to a text that does not end with one: its offsets may pass the end by one.
    const open = Math.min(this.nodes[4 * i]!, text.length);
    const close = Math.min(this.nodes[4 * i + 1]!, text.length);
    if (kind === 0) {
      // An empty value: `yaml` puts it after the `:` and the spaces that follow.
      if (value !== null || keyEnd === -1 || count > 0) throw new Unknown();
      let p = skipSpaces(text, keyEnd);
      if (text.charCodeAt(p) !== 0x3a /* : */ || open !== p + 1) throw new Unknown();
      p = skipSpaces(text, p + 1);
      // Its range[2]: itself, or past a comment on its line; comment lines below stretch it (not known here).
      const line = text.charCodeAt(p) === HASH ? pastLine(text, p) : p;
      return this.set(i, p, p, hasHash(text, line, close) ? UNKNOWN : line);
    }
    const start = nodeStart(text, open, close);
    const firstChar = text.charCodeAt(start);
    if (kind === 1) {
      if (count > 0) throw new Unknown();
      if (firstChar === 0x7c /* | */ || firstChar === 0x3e /* > */) {
        const end = blockScalarEnd(text, start, close);
        return this.set(i, start, end, end);
      }
      if (firstChar === 0x3f /* ? */ || firstChar === 0x2d /* - */ || firstChar === 0x3a /* : */) {
        // Plain scalars may start so (`-1`, `:x`), but also explicit keys and indicators: only the certain ones.
        const next = text.charCodeAt(start + 1);
        if (firstChar === 0x3f || next === SPACE || next === NEWLINE || Number.isNaN(next)) throw new Unknown();
      }
      const end = trimEnd(text, start, close);
      return this.set(i, start, end, afterValue(text, end));
    }
    const flow = firstChar === 0x5b /* [ */ || firstChar === 0x7b; /* { */
    let last = -1;
    if (kind === 2) {
      if (!Array.isArray(value) || value.length !== count) throw new Unknown();
      for (let k = first; k < first + count; k++) last = this.node(this.kids[k]!, -1);
    } else {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Unknown();
      // As many distinct key names as pairs: js-yaml names each property String(key), so no two keys share a name
      // (js-yaml refuses such duplicates already); a lookup by name then finds the one pair.
      if (count !== 2 * Object.keys(value).length) throw new Unknown();
      for (let k = first; k < first + count; k += 2) {
        const keyRaw = this.kids[k]!;
        const keyValue = this.values[keyRaw];
        if (this.kinds[keyRaw] !== 1 || (typeof keyValue === 'object' && keyValue !== null)) throw new Unknown();
        const key = this.node(keyRaw, -1);
        // An explicit key (`? key`): its ranges are the full parser's business.
        let before = this.ranges[3 * key]! - 1;
        while (text.charCodeAt(before) === SPACE) before--;
        if (text.charCodeAt(before) === 0x3f /* ? */) throw new Unknown();
        last = this.node(this.kids[k + 1]!, this.ranges[3 * key + 1]!);
      }
    }
    if (flow) {
      const end = trimEnd(text, start, close);
      const closer = text.charCodeAt(end - 1);
      if (closer !== (kind === 2 ? 0x5d /* ] */ : 0x7d) /* } */) throw new Unknown();
      return this.set(i, start, end, afterValue(text, end));
    }
    if (last === -1 || this.ranges[3 * last + 2] === UNKNOWN) throw new Unknown();
    const end = this.ranges[3 * last + 2]!;
    // Comments after the last entry may belong to it or to this collection (`yaml` stretches ranges over them).
    if (hasHash(text, end, close)) throw new Unknown();
    return this.set(i, start, end, end);
  }
}

/** The offsets yaml's lexer reports as line starts: 0 and the offset after each newline. */
export function lineStarts(text: string): Int32Array {
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  const out = new Int32Array(lines);
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) out[n++] = i + 1;
  return out;
}

/** Whether `text[from, to)` holds a `#` (as `text.slice(from, Math.max(from, to)).includes('#')`, without the copy). */
function hasHash(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === HASH) return true;
  return false;
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
