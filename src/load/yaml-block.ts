/**
 * A hand-written parser for the plain block YAML that pipelines are written in, tried before the fast path
 * (src/load/yaml-fast.ts): space indentation, whole-line and trailing comments, block mappings with plain or quoted
 * keys, block sequences (with `- key: value` compact mappings), single-line plain, single- and double-quoted scalars
 * and single-line flow sequences and mappings of such scalars. It builds the data and, as it goes, the positions
 * the `yaml` library gives every node (src/load/yaml-fast-positions.ts's PositionTable), so a lint finding costs
 * no second parse.
 *
 * Whenever the text holds anything else, it answers "not mine" (undefined) and the fast path runs as before; so a
 * refusal only costs speed. Every refusal below says why: mostly constructs whose data or ranges the `yaml`
 * library decides in ways not worth following here (they are rare in pipelines), or input it reports.
 * The differential test (test/load/yaml-block.test.ts) compares data and every position with the full path.
 */
import { MAX_DEPTH, MAX_KEYS_PER_MAPPING } from './yaml-limits';
import { clearUnsafeInteger, resolvePlainScalar, unsafeIntegerSeen } from './yaml-core';
import type { PositionArrays } from './yaml-fast-positions';

export interface BlockLoadResult {
  readonly data: unknown;
  /** The positions, or undefined where a construct's ranges are not known here (the locator parses again). */
  readonly positions: PositionArrays | undefined;
}

const SPACE = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;
const DQUOTE = 34;
const SQUOTE = 39;
const BACKSLASH = 92;
const OPEN_SEQ = 91; // [
const CLOSE_SEQ = 93; // ]
const OPEN_MAP = 123; // {
const CLOSE_MAP = 125; // }
const COMMA = 44;
const PIPE = 124;
const GREATER = 62;

/** Node kinds, as PositionTable numbers them. */
const EMPTY = 0;
const SCALAR = 1;
const SEQUENCE = 2;
const MAPPING = 3;

/**
 * Characters the parser never reads: control characters (tabs and carriage returns among them: indentation and
 * line ends the `yaml` library treats its own way; js-yaml refuses the others), NEL, the line and paragraph
 * separators, byte-order marks, the non-characters U+FFFE/U+FFFF and lone surrogates (yaml and js-yaml differ on
 * these, and the fast path's answer is the safe one).
 */
// eslint-disable-next-line no-control-regex -- the control characters are what it looks for
const UNREAD = /[\x00-\x09\x0B-\x1F\x7F-\x9F\u2028\u2029\uFEFF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Every character UNREAD looks for, and all surrogates (paired ones too): one character class, which the regular
 * expression engine scans about twice as fast as UNREAD's alternatives. Most texts hold none, so UNREAD (which tells
 * lone surrogates from pairs) runs only on the few that do.
 */
// eslint-disable-next-line no-control-regex -- the control characters are what it looks for
const MAYBE_UNREAD = /[\x00-\x09\x0B-\x1F\x7F-\x9F\u2028\u2029\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/;

/**
 * Characters a plain scalar may not start with in this subset: YAML's indicators (`-`, `?`, `:` are handled
 * apart), the quotes (read as quoted scalars), and `%`, `@`, backtick (reserved or directives).
 */
const NOT_PLAIN_START = new Uint8Array(128);
for (const c of ',[]{}#&*!|>\'"%@`?:') NOT_PLAIN_START[c.charCodeAt(0)] = 1;

/** Whether a plain scalar may not start with character `c` (see NOT_PLAIN_START). */
function notPlainStart(c: number): boolean {
  return c < 128 && NOT_PLAIN_START[c] === 1;
}

/** Lines at least this long take the fast path (its `long-line` check: yaml limits implicit keys to 1024). */
const LONG_LINE = 1000;

/** Thrown for anything outside the subset; caught in `blockLoadYaml`. */
class NotMine extends Error {}
const NOT_MINE = new NotMine();

/** Grows on demand; shared by all parses (one at a time: the parser is synchronous). */
interface Scratch {
  kinds: Int32Array;
  ranges: Int32Array;
  firstKid: Int32Array;
  kidCount: Int32Array;
}
let scratch: Scratch = {
  kinds: new Int32Array(1024),
  ranges: new Int32Array(3 * 1024),
  firstKid: new Int32Array(1024),
  kidCount: new Int32Array(1024),
};
let scratchKids = new Int32Array(1024);
const scratchValues: unknown[] = [];
/** Children of the collections being parsed, innermost last (copied to `kids` when a collection closes). */
let kidStack = new Int32Array(1024);
/** The property name of each key on the kid stack (at the key's place; a value's place holds a stale name). */
const keyNames: string[] = [];
/** The offsets where lines start after the first (past each newline), in order. */
let scratchLines = new Int32Array(1024);

/**
 * Plain keys read before, by a hash of their length and three characters (see `plainKey`): each distinct key string
 * is made once, interned, and then reused, in this file and the next ones. Besides saving a copy, a mapping's
 * properties are then stored under names the engine already holds, instead of its looking each new string up.
 */
const KEY_CACHE_SIZE = 1024;
const keyCache: string[] = new Array<string>(KEY_CACHE_SIZE).fill('');

/**
 * The position arrays of many files are cut from one buffer (SLAB numbers long): a typed array of their size
 * lives outside the heap, and allocating one per file cost more than filling it. A file whose arrays are larger
 * than a quarter of that gets a buffer of its own.
 */
const SLAB = 64 * 1024;
let slab = new Int32Array(0);
let slabUsed = 0;

function slabArray(length: number): Int32Array {
  if (length > SLAB / 4) return new Int32Array(length);
  if (slabUsed + length > slab.length) {
    slab = new Int32Array(SLAB);
    slabUsed = 0;
  }
  const out = slab.subarray(slabUsed, slabUsed + length);
  slabUsed += length;
  return out;
}

/**
 * Parses `text` (a byte-order mark already removed) when it is written in the subset; undefined otherwise.
 * The data is exactly what the full path returns, and the positions exactly what its locator answers.
 */
export function blockLoadYaml(text: string): BlockLoadResult | undefined {
  if (MAYBE_UNREAD.test(text) && UNREAD.test(text)) return undefined;
  const parser = new BlockParser(text);
  clearUnsafeInteger();
  try {
    const root = parser.document();
    // yaml reports integers beyond the safe range (DS107): the full path's business.
    if (unsafeIntegerSeen()) return undefined;
    return { data: scratchValues[root], positions: parser.unknown ? undefined : parser.arrays(root) };
  } catch (err) {
    if (err instanceof NotMine) return undefined;
    throw err;
  } finally {
    // The scratch must not keep the document's data alive.
    scratchValues.fill(undefined, 0, parser.count);
  }
}

/**
 * The first occurrence of one character at or after an offset. The answer is kept: the parser moves forward, so one
 * search serves every question up to that occurrence, instead of each key or scalar reading its characters one by one.
 */
class NextOf {
  private searched = 0;
  /** The first occurrence at or after `searched`; -1: none; -2: not searched yet. */
  private at = -2;

  constructor(
    private readonly text: string,
    private readonly char: string,
  ) {}

  from(i: number): number {
    if (this.searched > i || (this.at !== -1 && this.at < i)) {
      this.searched = i;
      this.at = this.text.indexOf(this.char, i);
    }
    return this.at;
  }
}

class BlockParser {
  /** Nodes recorded so far. */
  count = 0;
  /** Set for a construct whose ranges are not known here (comments after an entry that ends a collection, ...). */
  unknown = false;
  private kidsUsed = 0;
  private kidTop = 0;
  /** Line starts recorded in `scratchLines` (every line is read once, by `nextContent` or `blockScalar`). */
  private lines = 0;
  // The next `:`, `#` and backslash: found with indexOf, instead of reading keys and scalars character by character.
  private readonly colons: NextOf;
  private readonly hashes: NextOf;
  private readonly backslashes: NextOf;

  // The current content line (the first line at or after a position that is neither blank nor a comment).
  /** Offset of its first character that is not a space; text.length at the end. */
  private content = 0;
  /** Its indentation (spaces); -1 at the end of the text. */
  private indent = -1;
  /** Where it ends (its newline, or text.length). */
  private lineEnd = 0;
  /** Whether comment lines were passed to reach it. */
  private commentsSkipped = false;
  /** The value of the scalar `quoted` or `flowScalar` read last (they return where it ends). */
  private scalar: string | number | boolean | null = null;

  constructor(private readonly text: string) {
    this.colons = new NextOf(text, ':');
    this.hashes = new NextOf(text, '#');
    this.backslashes = new NextOf(text, '\\');
  }

  /** Parses the document; returns its root node (every node's value is `scratchValues[node]`). */
  document(): number {
    this.nextContent(0);
    // An empty (or comment-only) document: an error or `null` for the full path.
    if (this.indent === -1) throw NOT_MINE;
    const root = this.isEntry(this.content) ? this.sequence(this.indent, 1) : this.mapping(this.indent, 1);
    // Anything left (a line indented less than the first) is an error for yaml.
    if (this.indent !== -1) throw NOT_MINE;
    return root;
  }

  /** Copies the recorded positions out of the scratch space (into one buffer: one allocation of memory). */
  arrays(root: number): PositionArrays {
    const n = this.count;
    const k = this.kidsUsed;
    const lines = this.lines;
    const all = slabArray(6 * n + k + 1 + lines);
    all.set(scratch.kinds.subarray(0, n), 0);
    all.set(scratch.firstKid.subarray(0, n), n);
    all.set(scratch.kidCount.subarray(0, n), 2 * n);
    all.set(scratch.ranges.subarray(0, 3 * n), 3 * n);
    all.set(scratchKids.subarray(0, k), 6 * n);
    // The first line starts at 0 (the slab may hold an earlier file's numbers).
    const l = 6 * n + k;
    all[l] = 0;
    all.set(scratchLines.subarray(0, lines), l + 1);
    return {
      root,
      kinds: all.subarray(0, n),
      values: scratchValues.slice(0, n),
      kids: all.subarray(6 * n, l),
      firstKid: all.subarray(n, 2 * n),
      kidCount: all.subarray(2 * n, 3 * n),
      ranges: all.subarray(3 * n, 6 * n),
      lineStarts: all.subarray(l),
    };
  }

  // --- Lines ---

  /** Moves to the first content line starting at `lineStart`, past blank and comment lines. */
  private nextContent(lineStart: number): void {
    const text = this.text;
    this.commentsSkipped = false;
    let start = lineStart;
    while (start < text.length) {
      let eol = text.indexOf('\n', start);
      if (eol === -1) eol = text.length;
      else this.lineStart(eol + 1);
      if (eol - start >= LONG_LINE) throw NOT_MINE;
      let i = start;
      while (text.charCodeAt(i) === SPACE) i++;
      if (i === eol) {
        start = eol + 1;
        continue;
      }
      if (text.charCodeAt(i) === HASH) {
        this.commentsSkipped = true;
        start = eol + 1;
        continue;
      }
      // At the left margin: directives (`%`) and document markers (`---`, `...`) are the full path's business.
      if (i === start) {
        const c = text.charCodeAt(i);
        if (c === 0x25 /* % */ || text.startsWith('---', i) || text.startsWith('...', i)) throw NOT_MINE;
      }
      this.content = i;
      this.indent = i - start;
      this.lineEnd = eol;
      return;
    }
    this.content = text.length;
    this.indent = -1;
    this.lineEnd = text.length;
  }

  /** Records that a line starts at `at` (past a newline). */
  private lineStart(at: number): void {
    if (this.lines >= scratchLines.length) {
      const b = new Int32Array(2 * scratchLines.length);
      b.set(scratchLines);
      scratchLines = b;
    }
    scratchLines[this.lines++] = at;
  }

  /** Whether a sequence entry starts at `at`: `-` then a space (`-` alone, an empty entry, is refused). */
  private isEntry(at: number): boolean {
    if (this.text.charCodeAt(at) !== DASH) return false;
    const next = this.text.charCodeAt(at + 1);
    // An empty entry: js-yaml and yaml place what follows differently (the fast path's prescan refuses it too).
    if (at + 1 >= this.lineEnd || (next === SPACE && this.restIsComment(at + 1))) throw NOT_MINE;
    return next === SPACE;
  }

  /** Whether only spaces and perhaps a comment follow `from` on the current line. */
  private restIsComment(from: number): boolean {
    let i = from;
    while (this.text.charCodeAt(i) === SPACE) i++;
    return i >= this.lineEnd || this.text.charCodeAt(i) === HASH;
  }

  /**
   * After a value that ends at `end` on the current line: checks the rest of the line (spaces, then a comment
   * after at least one space) and moves to the next content line. Returns `range[2]` of the value: past the spaces,
   * the comment and the newline.
   */
  private endOfLine(end: number): number {
    const text = this.text;
    let i = end;
    while (text.charCodeAt(i) === SPACE) i++;
    let after: number;
    if (i >= this.lineEnd) after = i < text.length ? i + 1 : i;
    else if (text.charCodeAt(i) === HASH && i > end) after = this.lineEnd < text.length ? this.lineEnd + 1 : this.lineEnd;
    // Anything else after a value (`"a"b`, `[a] b`, `"a"#c`) is an error or a construct for yaml.
    else throw NOT_MINE;
    this.nextContent(this.lineEnd + 1);
    return after;
  }

  // --- Nodes ---

  private node(kind: number, value: unknown, start: number, end: number, after: number): number {
    const id = this.count++;
    if (id >= scratch.kinds.length) {
      const grow = (a: Int32Array, n: number): Int32Array => {
        const b = new Int32Array(n);
        b.set(a);
        return b;
      };
      const size = 2 * scratch.kinds.length;
      scratch = {
        kinds: grow(scratch.kinds, size),
        ranges: grow(scratch.ranges, 3 * size),
        firstKid: grow(scratch.firstKid, size),
        kidCount: grow(scratch.kidCount, size),
      };
    }
    scratch.kinds[id] = kind;
    scratchValues[id] = value;
    scratch.ranges[3 * id] = start;
    scratch.ranges[3 * id + 1] = end;
    scratch.ranges[3 * id + 2] = after;
    return id;
  }

  private pushKid(id: number): void {
    if (this.kidTop >= kidStack.length) {
      const b = new Int32Array(2 * kidStack.length);
      b.set(kidStack);
      kidStack = b;
    }
    kidStack[this.kidTop++] = id;
  }

  /** Closes collection `id`, whose children are the kid stack above `mark`. */
  private closeKids(id: number, mark: number): void {
    const n = this.kidTop - mark;
    if (this.kidsUsed + n > scratchKids.length) {
      const b = new Int32Array(2 * (this.kidsUsed + n));
      b.set(scratchKids);
      scratchKids = b;
    }
    const kids = scratchKids;
    const used = this.kidsUsed;
    for (let j = 0; j < n; j++) kids[used + j] = kidStack[mark + j]!;
    scratch.firstKid[id] = used;
    scratch.kidCount[id] = n;
    this.kidsUsed = used + n;
    this.kidTop = mark;
  }

  /** A block mapping whose first key is the current line's content, at column `indent`. */
  private mapping(indent: number, depth: number): number {
    if (depth > MAX_DEPTH) throw NOT_MINE;
    const text = this.text;
    const out: Record<string, unknown> = {};
    const id = this.node(MAPPING, out, this.content, 0, 0);
    const mark = this.kidTop;
    const start = this.content;
    let keys = 0;
    let end: number;
    for (;;) {
      const keyStart = this.content;
      let keyEnd: number;
      let key: string | number | boolean | null;
      const first = text.charCodeAt(keyStart);
      if (first === DQUOTE || first === SQUOTE) {
        keyEnd = this.quoted(keyStart, this.lineEnd);
        key = this.scalar;
        // The `:` right after the closing quote (`"a" : 1` is refused: one spelling is enough).
        if (text.charCodeAt(keyEnd) !== COLON) throw NOT_MINE;
      } else {
        keyEnd = this.plainKeyEnd(keyStart);
        key = this.plainKey(keyStart, keyEnd);
      }
      // After the `:`, a space or the end of the line (`a:b` is a plain scalar, not a pair).
      const afterColon = keyEnd + 1;
      if (afterColon < this.lineEnd && text.charCodeAt(afterColon) !== SPACE) throw NOT_MINE;
      const name = this.keyName(key, out, mark);
      const keyNode = this.node(SCALAR, key, keyStart, keyEnd, keyEnd);
      if (++keys > MAX_KEYS_PER_MAPPING) throw NOT_MINE;
      this.pushKid(keyNode);
      const value = this.value(afterColon, indent, true, depth);
      // A property named `__proto__` is refused in keyName: plain assignment defines an own property here.
      out[name] = scratchValues[value];
      this.pushKid(value);
      end = scratch.ranges[3 * value + 2]!;
      if (this.indent < indent) break;
      // Deeper: a continuation of a plain scalar, or an error; either way not this parser's.
      if (this.indent > indent) throw NOT_MINE;
      // A sequence entry where a key should be: an error for yaml.
      if (this.isEntry(this.content)) throw NOT_MINE;
    }
    this.closeCollection(id, mark, start, end);
    return id;
  }

  /** Where a plain key that starts at `at` ends: before the first `: ` (or `:` at the end of the line). */
  private plainKeyEnd(at: number): number {
    const text = this.text;
    const c = text.charCodeAt(at);
    // An indicator (`? key`, `&a`, `*a`, `!tag`, `[`, `{`, `|`, ...), or `-` then a space: not a plain key here.
    if (notPlainStart(c) || (c === DASH && text.charCodeAt(at + 1) === SPACE)) throw NOT_MINE;
    const lineEnd = this.lineEnd;
    let i = this.colons.from(at);
    for (;;) {
      // No `:`: a plain scalar (perhaps over several lines), not a mapping entry.
      if (i === -1 || i >= lineEnd) throw NOT_MINE;
      if (i + 1 === lineEnd || text.charCodeAt(i + 1) === SPACE) break;
      i = text.indexOf(':', i + 1);
    }
    // A `#` in a key: a comment after a space, part of the key otherwise; neither is worth telling apart here.
    const hash = this.hashes.from(at);
    if (hash !== -1 && hash < i) throw NOT_MINE;
    // Spaces before the `:` (`a : 1`): refused, so a key's range is its text.
    if (text.charCodeAt(i - 1) === SPACE) throw NOT_MINE;
    return i;
  }

  /**
   * The value of the plain key `text[start, end)` that `plainKeyEnd` just read: the same string as before when a
   * key with these characters was read before (see keyCache), which a string key stays (resolving depends on the
   * characters only).
   */
  private plainKey(start: number, end: number): string | number | boolean | null {
    const text = this.text;
    const length = end - start;
    // A hash of the length and three characters: a collision only costs a miss.
    const slot =
      (length * 0x9e3 + text.charCodeAt(start) * 31 + text.charCodeAt(start + (length >> 1)) * 1009 + text.charCodeAt(end - 1) * 7919) &
      (KEY_CACHE_SIZE - 1);
    const cached = keyCache[slot]!;
    if (cached.length === length && text.startsWith(cached, start)) return cached;
    const key = resolvePlainScalar(this.text, start, end);
    // Cached as the engine's own property name (interned): stores under it and comparisons with it are the cheapest.
    if (typeof key === 'string') keyCache[slot] = Object.keys({ [key]: 0 })[0]!;
    return key;
  }

  /**
   * The property name of `key` in mapping `out`, as yaml names it (String of the scalar's value). Refused: a null
   * key (yaml names it "", js-yaml "null"), a name already there (a duplicate for yaml, or two keys that become
   * one property), `<<` (a merge key for yaml) and `__proto__` (yaml defines it as an own property).
   */
  private keyName(key: string | number | boolean | null, out: Record<string, unknown>, mark: number): string {
    if (key === null) throw NOT_MINE;
    const name = typeof key === 'string' ? key : String(key);
    if (name === '<<' || name === '__proto__') throw NOT_MINE;
    // The keys so far are every other kid above `mark`: comparing names is cheaper than looking the name up in
    // `out` (a megamorphic property lookup) for the few keys a mapping usually has.
    const top = this.kidTop;
    if (top - mark <= 64) {
      for (let j = mark; j < top; j += 2) if (keyNames[j] === name) throw NOT_MINE;
    } else if (Object.prototype.hasOwnProperty.call(out, name)) throw NOT_MINE;
    // The caller pushes the key next: its name goes at its place.
    keyNames[top] = name;
    return name;
  }

  /** Closes a block collection: from `start` to its last entry's `range[2]`. */
  private closeCollection(id: number, mark: number, start: number, end: number): void {
    this.closeKids(id, mark);
    scratch.ranges[3 * id] = start;
    scratch.ranges[3 * id + 1] = end;
    scratch.ranges[3 * id + 2] = end;
    // Comment lines after the last entry: yaml stretches ranges over some of them, in ways not followed here.
    if (this.commentsSkipped) this.unknown = true;
  }

  /** A block sequence whose first entry (`- `) is the current line's content, at column `indent`. */
  private sequence(indent: number, depth: number): number {
    if (depth > MAX_DEPTH) throw NOT_MINE;
    const text = this.text;
    const out: unknown[] = [];
    const id = this.node(SEQUENCE, out, this.content, 0, 0);
    const mark = this.kidTop;
    const start = this.content;
    let end: number;
    for (;;) {
      let at = this.content + 1;
      while (text.charCodeAt(at) === SPACE) at++;
      let item: number;
      // `- - x`: a sequence in a sequence on one line.
      if (text.charCodeAt(at) === DASH && text.charCodeAt(at + 1) === SPACE) throw NOT_MINE;
      if (this.startsPair(at)) {
        // `- key: value`: a mapping whose keys sit at the column of the first one.
        // Its column: the entry's (the current line's content is the `-`) plus the distance to the key.
        this.indent += at - this.content;
        this.content = at;
        item = this.mapping(this.indent, depth + 1);
      } else {
        item = this.value(at - 1, indent, false, depth);
      }
      out.push(scratchValues[item]);
      this.pushKid(item);
      end = scratch.ranges[3 * item + 2]!;
      if (this.indent < indent) break;
      if (this.indent > indent) throw NOT_MINE;
      // At this column but not an entry: the next key of the mapping this sequence is the value of (`key:\n- a\nb: 1`).
      if (!this.isEntry(this.content)) break;
    }
    this.closeCollection(id, mark, start, end);
    return id;
  }

  /** Whether the current line holds a `key: ` pair from `at` on (a compact mapping in a sequence entry). */
  private startsPair(at: number): boolean {
    const text = this.text;
    const c = text.charCodeAt(at);
    if (c === DQUOTE || c === SQUOTE) {
      return text.charCodeAt(this.quoted(at, this.lineEnd)) === COLON;
    }
    if (c === OPEN_SEQ || c === OPEN_MAP) return false;
    for (let i = at; i < this.lineEnd; i++) {
      const ch = text.charCodeAt(i);
      if (ch === HASH && text.charCodeAt(i - 1) === SPACE) return false;
      if (ch === COLON && (i + 1 === this.lineEnd || text.charCodeAt(i + 1) === SPACE)) return true;
    }
    return false;
  }

  /**
   * The value after a mapping's `:` or a sequence's `-` at `from` (the indicator's end), in a collection at column
   * `indent`; moves to the next content line. `inMapping`: a sequence at the same column may be the value.
   */
  private value(from: number, indent: number, inMapping: boolean, depth: number): number {
    const text = this.text;
    let at = from;
    while (text.charCodeAt(at) === SPACE) at++;
    const c = text.charCodeAt(at);
    if (at >= this.lineEnd || c === HASH) {
      if (c === HASH && at === from) throw NOT_MINE;
      // Nothing on this line: a collection below, or an empty value.
      const lineEnd = this.lineEnd;
      this.nextContent(lineEnd + 1);
      if (this.indent > indent || (inMapping && this.indent === indent && this.isEntry(this.content))) {
        return this.isEntry(this.content) ? this.sequence(this.indent, depth + 1) : this.mapping(this.indent, depth + 1);
      }
      // The empty value yaml makes: at the end of the spaces after the `:`. A comment after it, on its line or
      // below, stretches its range[2] in ways not followed here.
      if (this.commentsSkipped || c === HASH) this.unknown = true;
      return this.node(EMPTY, null, at, at, at);
    }
    if (c === OPEN_SEQ || c === OPEN_MAP) {
      const flow = this.flow(at, depth + 1);
      scratch.ranges[3 * flow + 2] = this.endOfLine(scratch.ranges[3 * flow + 1]!);
      this.afterScalar(indent);
      return flow;
    }
    if (c === PIPE || c === GREATER) return this.blockScalar(at, indent);
    if (c === DQUOTE || c === SQUOTE) {
      const end = this.quoted(at, this.lineEnd);
      const value = this.scalar;
      const after = this.endOfLine(end);
      this.afterScalar(indent);
      return this.node(SCALAR, value, at, end, after);
    }
    // Indicators: block scalars (`|`, `>`), anchors, aliases, tags, explicit keys, reserved characters, a
    // sequence entry after a key, `:` alone.
    if (notPlainStart(c) || ((c === DASH || c === COLON) && (at + 1 >= this.lineEnd || text.charCodeAt(at + 1) === SPACE))) {
      throw NOT_MINE;
    }
    // A plain scalar: to the end of the line or a comment (` #`; `at` holds neither a space nor a `#`).
    const lineEnd = this.lineEnd;
    let stop = lineEnd;
    for (let hash = this.hashes.from(at); hash !== -1 && hash < lineEnd; hash = text.indexOf('#', hash + 1)) {
      if (text.charCodeAt(hash - 1) === SPACE) {
        stop = hash;
        break;
      }
    }
    // `: ` inside (or `:` last): a mapping where yaml allows none.
    for (let colon = this.colons.from(at); colon !== -1 && colon < stop; colon = text.indexOf(':', colon + 1)) {
      if (colon + 1 === lineEnd || text.charCodeAt(colon + 1) === SPACE) throw NOT_MINE;
    }
    let end = stop;
    while (text.charCodeAt(end - 1) === SPACE) end--;
    const value = resolvePlainScalar(text, at, end);
    const after = this.endOfLine(end);
    this.afterScalar(indent);
    return this.node(SCALAR, value, at, end, after);
  }

  /**
   * A block scalar (`|`, `|-`, `>`, `>-`: clip or strip chomping) at `at`, the value of an entry of a collection at
   * column `indent`; moves to the next content line. Refused: keep chomping (`|+`) and indentation indicators, an
   * empty scalar, a line of spaces deeper than the content's indentation (yaml's rules on those lines are
   * subtle), and in folded scalars more-indented lines and leading empty lines (folding keeps line breaks
   * around them).
   */
  private blockScalar(at: number, indent: number): number {
    const text = this.text;
    const folded = text.charCodeAt(at) === GREATER;
    let i = at + 1;
    const strip = text.charCodeAt(i) === DASH;
    if (strip) i++;
    // The header's end: nothing, or a comment after a space.
    let j = i;
    while (text.charCodeAt(j) === SPACE) j++;
    if (j < this.lineEnd && (text.charCodeAt(j) !== HASH || j === i)) throw NOT_MINE;
    const lines: string[] = [];
    let contentIndent = -1;
    let emptyLines = 0;
    let end = -1;
    let lineStart = this.lineEnd + 1;
    while (lineStart < text.length) {
      let eol = text.indexOf('\n', lineStart);
      if (eol === -1) eol = text.length;
      if (eol - lineStart >= LONG_LINE) throw NOT_MINE;
      let k = lineStart;
      while (text.charCodeAt(k) === SPACE) k++;
      const spaces = k - lineStart;
      if (k === eol) {
        // An empty line: spaces before the content's indentation is known, or beyond it, are refused.
        if (contentIndent === -1 ? spaces > 0 || folded : spaces > contentIndent) throw NOT_MINE;
        emptyLines++;
        if (eol < text.length) this.lineStart(eol + 1);
        lineStart = eol + 1;
        continue;
      }
      // The first line with content sets the indentation; a line indented less ends the scalar.
      if (contentIndent === -1) {
        if (spaces <= indent) break;
        contentIndent = spaces;
      }
      if (spaces < contentIndent) break;
      if (folded && spaces > contentIndent) throw NOT_MINE;
      for (; emptyLines > 0; emptyLines--) lines.push('');
      lines.push(text.slice(lineStart + contentIndent, eol));
      // yaml's range ends after the newline of the last line with content.
      end = eol < text.length ? eol + 1 : eol;
      // The line that ends the scalar (above) is read again by nextContent, which records its start.
      if (eol < text.length) this.lineStart(eol + 1);
      lineStart = eol + 1;
    }
    if (end === -1) throw NOT_MINE;
    let value: string;
    if (!folded) value = lines.join('\n');
    else {
      // Folding: a line break between two lines becomes a space; n empty lines between them, n line breaks.
      value = lines[0]!;
      let empty = 0;
      for (let n = 1; n < lines.length; n++) {
        const line = lines[n]!;
        if (line === '') empty++;
        else {
          value += (empty === 0 ? ' ' : '\n'.repeat(empty)) + line;
          empty = 0;
        }
      }
    }
    if (!strip) value += '\n';
    this.nextContent(Math.min(lineStart, text.length));
    // Comment lines after a block scalar: yaml's ranges around them are not followed here.
    if (this.commentsSkipped) this.unknown = true;
    this.afterScalar(indent);
    return this.node(SCALAR, value, at, end, end);
  }

  /** After a value on one line: a deeper line next continues it (a multi-line scalar) or is an error. */
  private afterScalar(indent: number): void {
    if (this.indent > indent) throw NOT_MINE;
  }

  /**
   * A quoted scalar on one line from `at` (its opening quote) to before `limit`. Refused: a line break inside
   * (folding), and escapes other than `\\`, `\"`, `\/`, `\n`, `\t`, `\xXX` and `\uXXXX` (not a surrogate).
   */
  private quoted(at: number, limit: number): number {
    const text = this.text;
    const quote = text.charCodeAt(at);
    if (quote === SQUOTE) {
      let value = '';
      let from = at + 1;
      for (;;) {
        const close = text.indexOf("'", from);
        if (close === -1 || close >= limit) throw NOT_MINE;
        if (text.charCodeAt(close + 1) !== SQUOTE) {
          this.scalar = from === at + 1 ? text.slice(from, close) : value + text.slice(from, close);
          return close + 1;
        }
        value += text.slice(from, close) + "'";
        from = close + 2;
      }
    }
    // Double-quoted: only `"` and `\` mean anything inside; both are found with indexOf, not character by character.
    let value = '';
    let from = at + 1;
    for (;;) {
      const close = text.indexOf('"', from);
      if (close === -1 || close >= limit) throw NOT_MINE;
      const i = this.backslashes.from(from);
      if (i === -1 || i > close) {
        this.scalar = from === at + 1 ? text.slice(from, close) : value + text.slice(from, close);
        return close + 1;
      }
      // An escape before the quote (perhaps of that quote).
      const e = text.charCodeAt(i + 1);
      value += text.slice(from, i);
      let decoded: string;
      let length = 2;
      if (e === BACKSLASH) decoded = '\\';
      else if (e === DQUOTE) decoded = '"';
      else if (e === 0x2f /* / */) decoded = '/';
      else if (e === 0x6e /* n */) decoded = '\n';
      else if (e === 0x74 /* t */) decoded = '\t';
      else if (e === 0x78 /* x */ || e === 0x75 /* u */) {
        // `\xXX`, `\uXXXX`: a code point; a surrogate is refused (yaml's handling of those is not followed here).
        const digits = e === 0x78 ? 2 : 4;
        const hex = text.slice(i + 2, i + 2 + digits);
        if (hex.length !== digits || !/^[0-9a-fA-F]+$/.test(hex)) throw NOT_MINE;
        const code = parseInt(hex, 16);
        if (code >= 0xd800 && code <= 0xdfff) throw NOT_MINE;
        decoded = String.fromCharCode(code);
        length += digits;
      } else throw NOT_MINE;
      value += decoded;
      from = i + length;
    }
  }

  /**
   * A flow sequence or mapping on one line from `at` (its bracket), of plain and quoted scalars and flow
   * collections. Refused: a line break inside, empty entries and trailing commas, pairs in sequences, keys
   * without values, and plain scalars holding `:` or `#` (yaml's rules on those in flow are subtle).
   */
  private flow(at: number, depth: number): number {
    if (depth > MAX_DEPTH) throw NOT_MINE;
    const text = this.text;
    const isMap = text.charCodeAt(at) === OPEN_MAP;
    const closer = isMap ? CLOSE_MAP : CLOSE_SEQ;
    const seq: unknown[] = [];
    const map: Record<string, unknown> = {};
    const id = this.node(isMap ? MAPPING : SEQUENCE, isMap ? map : seq, at, 0, 0);
    const mark = this.kidTop;
    let keys = 0;
    let i = this.skipSpaces(at + 1);
    if (text.charCodeAt(i) === closer) {
      i++;
    } else {
      for (;;) {
        if (isMap) {
          const keyEnd = this.flowScalar(i, true);
          const key = this.scalar;
          // `key: value`: the `:` right after the key, then a space.
          if (text.charCodeAt(keyEnd) !== COLON || text.charCodeAt(keyEnd + 1) !== SPACE) throw NOT_MINE;
          const name = this.keyName(key, map, mark);
          if (++keys > MAX_KEYS_PER_MAPPING) throw NOT_MINE;
          this.pushKid(this.node(SCALAR, key, i, keyEnd, keyEnd));
          const item = this.flowItem(this.skipSpaces(keyEnd + 1), depth);
          map[name] = scratchValues[item];
          this.pushKid(item);
          i = this.skipSpaces(scratch.ranges[3 * item + 1]!);
        } else {
          const item = this.flowItem(i, depth);
          seq.push(scratchValues[item]);
          this.pushKid(item);
          i = this.skipSpaces(scratch.ranges[3 * item + 1]!);
        }
        const c = text.charCodeAt(i);
        if (c === closer) {
          i++;
          break;
        }
        if (c !== COMMA) throw NOT_MINE;
        i = this.skipSpaces(i + 1);
        // `[a, ]`: a trailing comma.
        if (text.charCodeAt(i) === closer) throw NOT_MINE;
      }
    }
    if (i > this.lineEnd) throw NOT_MINE;
    this.closeKids(id, mark);
    scratch.ranges[3 * id + 1] = i;
    scratch.ranges[3 * id + 2] = i;
    return id;
  }

  private skipSpaces(from: number): number {
    let i = from;
    while (this.text.charCodeAt(i) === SPACE) i++;
    return i;
  }

  /** An entry of a flow collection at `at`: a flow collection or a scalar. */
  private flowItem(at: number, depth: number): number {
    const c = this.text.charCodeAt(at);
    if (c === OPEN_SEQ || c === OPEN_MAP) return this.flow(at, depth + 1);
    const end = this.flowScalar(at, false);
    return this.node(SCALAR, this.scalar, at, end, end);
  }

  /** A quoted or plain scalar in a flow collection at `at`; a key's plain text ends before `: `. */
  private flowScalar(at: number, isKey: boolean): number {
    const text = this.text;
    const c = text.charCodeAt(at);
    if (c === DQUOTE || c === SQUOTE) {
      const end = this.quoted(at, this.lineEnd);
      // `"a"#c`: yaml wants a space before a comment (and a comment inside a one-line flow collection is refused).
      if (text.charCodeAt(end) === HASH) throw NOT_MINE;
      return end;
    }
    if (notPlainStart(c) || (c === DASH && text.charCodeAt(at + 1) === SPACE)) throw NOT_MINE;
    let end = at;
    for (let i = at; i < this.lineEnd; i++) {
      const ch = text.charCodeAt(i);
      if (ch === COMMA || ch === CLOSE_SEQ || ch === CLOSE_MAP) break;
      if (isKey && ch === COLON && text.charCodeAt(i + 1) === SPACE) {
        // Spaces before the `:` (`{a : 1}`): refused, so a key's range is its text.
        if (end !== i) throw NOT_MINE;
        break;
      }
      if (ch === COLON || ch === HASH || ch === OPEN_SEQ || ch === OPEN_MAP) throw NOT_MINE;
      if (ch !== SPACE) end = i + 1;
    }
    // An empty entry (`[a, , b]`, `{: 1}`).
    if (end === at) throw NOT_MINE;
    this.scalar = resolvePlainScalar(text, at, end);
    return end;
  }
}
