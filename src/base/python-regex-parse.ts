/**
 * A port of CPython 3.11's regular expression parser (Lib/re/_parser.py) and of the checks its compiler adds
 * (Lib/re/_compiler.py: look-behind width, template repeats): it accepts exactly the str patterns `re.compile`
 * accepts, refuses the others with Python's own message, and yields Python's parse tree for python-regex.ts to
 * translate. Ported function by function, names kept, so that the two can be read side by side.
 */
import { pyDigitValue, pyIsIdentifier, pyIsSpace } from './python-unicode';

export const MAXREPEAT = 4294967295;
const MAXGROUPS = 1073741823;
const MAXCODE = 4294967295n;
const MAXWIDTH = 1n << 64n;

export const FLAG = { I: 2, L: 4, M: 8, S: 16, U: 32, X: 64, A: 256, T: 1 } as const;
const FLAGS: Readonly<Record<string, number>> = { i: FLAG.I, L: FLAG.L, m: FLAG.M, s: FLAG.S, x: FLAG.X, a: FLAG.A, t: FLAG.T, u: FLAG.U };
const TYPE_FLAGS = FLAG.A | FLAG.L | FLAG.U;
const GLOBAL_FLAGS = FLAG.T; // SRE_FLAG_DEBUG cannot be written inline

export type Category = 'DIGIT' | 'NOT_DIGIT' | 'SPACE' | 'NOT_SPACE' | 'WORD' | 'NOT_WORD';
export type At = 'BEGINNING' | 'BEGINNING_STRING' | 'BOUNDARY' | 'NON_BOUNDARY' | 'END' | 'END_STRING';
export type SetItem = { op: 'LITERAL'; c: number } | { op: 'RANGE'; lo: number; hi: number } | { op: 'CATEGORY'; cat: Category } | { op: 'NEGATE' };
export type Node =
  | { op: 'LITERAL' | 'NOT_LITERAL'; c: number }
  | { op: 'ANY' }
  | { op: 'IN'; items: SetItem[] }
  | { op: 'AT'; at: At }
  | { op: 'BRANCH'; alts: SubPattern[] }
  | { op: 'SUBPATTERN'; group: number | null; add: number; del: number; p: SubPattern }
  | { op: 'ATOMIC_GROUP'; p: SubPattern }
  | { op: 'MAX_REPEAT' | 'MIN_REPEAT' | 'POSSESSIVE_REPEAT'; min: number; max: number; item: SubPattern }
  | { op: 'ASSERT' | 'ASSERT_NOT'; dir: 1 | -1; p: SubPattern }
  | { op: 'GROUPREF'; group: number }
  | { op: 'GROUPREF_EXISTS'; group: number; yes: SubPattern; no: SubPattern | null };

const REPEATCODES = new Set(['MIN_REPEAT', 'MAX_REPEAT', 'POSSESSIVE_REPEAT']);
const UNITCODES = new Set(['ANY', 'RANGE', 'IN', 'LITERAL', 'NOT_LITERAL', 'CATEGORY']);

/** Python's `re.error` (or the ValueError/OverflowError/RecursionError that re.compile raises for some patterns). */
export class PythonRegexError extends Error {
  constructor(
    message: string,
    readonly pos?: number,
  ) {
    super(pos === undefined ? message : `${message} at position ${pos}`);
  }
}

export class State {
  flags = 0;
  readonly groupdict = new Map<string, number>();
  readonly groupwidths: ([bigint, bigint] | null)[] = [null];
  lookbehindgroups: number | null = null;
  readonly grouprefpos = new Map<number, number>();
  get groups(): number {
    return this.groupwidths.length;
  }
  opengroup(name: string | null): number {
    const gid = this.groups;
    this.groupwidths.push(null);
    if (this.groups > MAXGROUPS) throw new PythonRegexError('too many groups');
    if (name !== null) {
      const ogid = this.groupdict.get(name);
      if (ogid !== undefined) throw new PythonRegexError(`redefinition of group name ${pyRepr(name)} as group ${gid}; was group ${ogid}`);
      this.groupdict.set(name, gid);
    }
    return gid;
  }
  closegroup(gid: number, p: SubPattern): void {
    this.groupwidths[gid] = p.getwidth();
  }
  checkgroup(gid: number): boolean {
    return gid < this.groups && this.groupwidths[gid] !== null;
  }
  checklookbehindgroup(gid: number, source: Tokenizer): void {
    if (this.lookbehindgroups !== null) {
      if (!this.checkgroup(gid)) throw source.error('cannot refer to an open group');
      if (gid >= this.lookbehindgroups) throw source.error('cannot refer to group defined in the same lookbehind subpattern');
    }
  }
}

export class SubPattern {
  private width: [bigint, bigint] | null = null;
  constructor(
    readonly state: State,
    public data: Node[] = [],
  ) {}
  get length(): number {
    return this.data.length;
  }
  getwidth(): [bigint, bigint] {
    if (this.width) return this.width;
    let lo = 0n;
    let hi = 0n;
    for (const node of this.data) {
      if (node.op === 'BRANCH') {
        let i = MAXWIDTH;
        let j = 0n;
        for (const alt of node.alts) {
          const [l, h] = alt.getwidth();
          i = l < i ? l : i;
          j = h > j ? h : j;
        }
        lo += i;
        hi += j;
      } else if (node.op === 'ATOMIC_GROUP' || node.op === 'SUBPATTERN') {
        const [i, j] = node.p.getwidth();
        lo += i;
        hi += j;
      } else if (REPEATCODES.has(node.op)) {
        const r = node as { min: number; max: number; item: SubPattern };
        const [i, j] = r.item.getwidth();
        lo += i * BigInt(r.min);
        hi = r.max === MAXREPEAT && j !== 0n ? MAXWIDTH : hi + j * BigInt(r.max);
      } else if (UNITCODES.has(node.op)) {
        lo += 1n;
        hi += 1n;
      } else if (node.op === 'GROUPREF') {
        const [i, j] = this.state.groupwidths[node.group]!;
        lo += i;
        hi += j;
      } else if (node.op === 'GROUPREF_EXISTS') {
        let [i, j] = node.yes.getwidth();
        if (node.no !== null) {
          const [l, h] = node.no.getwidth();
          i = l < i ? l : i;
          j = h > j ? h : j;
        } else {
          i = 0n;
        }
        lo += i;
        hi += j;
      }
    }
    this.width = [lo < MAXWIDTH ? lo : MAXWIDTH, hi < MAXWIDTH ? hi : MAXWIDTH];
    return this.width;
  }
}

/** `repr()` of a str, enough for error messages. */
function pyRepr(text: string): string {
  return text.includes("'") && !text.includes('"') ? `"${text}"` : `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

class Tokenizer {
  private readonly chars: string[];
  index = 0;
  next: string | null = null;
  constructor(readonly pattern: string) {
    this.chars = Array.from(pattern);
    this.advance();
  }
  private advance(): void {
    let index = this.index;
    const char = this.chars[index];
    if (char === undefined) {
      this.next = null;
      return;
    }
    let token = char;
    if (char === '\\') {
      index += 1;
      const following = this.chars[index];
      if (following === undefined) throw new PythonRegexError('bad escape (end of pattern)', this.chars.length - 1);
      token += following;
    }
    this.index = index + 1;
    this.next = token;
  }
  match(char: string): boolean {
    if (char === this.next) {
      this.advance();
      return true;
    }
    return false;
  }
  get(): string | null {
    const current = this.next;
    this.advance();
    return current;
  }
  getwhile(n: number, charset: ReadonlySet<string>): string {
    let result = '';
    for (let i = 0; i < n; i++) {
      const c = this.next;
      if (c === null || !charset.has(c)) break;
      result += c;
      this.advance();
    }
    return result;
  }
  getuntil(terminator: string, name: string): string {
    let result = '';
    for (;;) {
      const c = this.next;
      this.advance();
      if (c === null) {
        if (!result) throw this.error(`missing ${name}`);
        throw this.error(`missing ${terminator}, unterminated name`, [...result].length);
      }
      if (c === terminator) {
        if (!result) throw this.error(`missing ${name}`, 1);
        break;
      }
      result += c;
    }
    return result;
  }
  tell(): number {
    return this.index - (this.next === null ? 0 : [...this.next].length);
  }
  seek(index: number): void {
    this.index = index;
    this.advance();
  }
  error(msg: string, offset = 0): PythonRegexError {
    return new PythonRegexError(msg, this.tell() - offset);
  }
  checkgroupname(name: string, offset: number): void {
    if (!pyIsIdentifier(name)) throw this.error(`bad character in group name ${pyRepr(name)}`, [...name].length + offset);
  }
}

const SPECIAL_CHARS = new Set('.\\[{()*+?^$|');
const REPEAT_CHARS = new Set('*+?{');
const DIGITS = new Set('0123456789');
const OCTDIGITS = new Set('01234567');
const HEXDIGITS = new Set('0123456789abcdefABCDEF');
const ASCIILETTERS = new Set('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ');
const WHITESPACE = new Set(' \t\n\r\v\f');

const ESCAPES: ReadonlyMap<string, Node> = new Map(
  Object.entries({ '\\a': 7, '\\b': 8, '\\f': 12, '\\n': 10, '\\r': 13, '\\t': 9, '\\v': 11, '\\\\': 92 }).map(([k, c]) => [k, { op: 'LITERAL', c }]),
);
const CATEGORIES: ReadonlyMap<string, Node> = new Map<string, Node>([
  ['\\A', { op: 'AT', at: 'BEGINNING_STRING' }],
  ['\\b', { op: 'AT', at: 'BOUNDARY' }],
  ['\\B', { op: 'AT', at: 'NON_BOUNDARY' }],
  ['\\d', { op: 'IN', items: [{ op: 'CATEGORY', cat: 'DIGIT' }] }],
  ['\\D', { op: 'IN', items: [{ op: 'CATEGORY', cat: 'NOT_DIGIT' }] }],
  ['\\s', { op: 'IN', items: [{ op: 'CATEGORY', cat: 'SPACE' }] }],
  ['\\S', { op: 'IN', items: [{ op: 'CATEGORY', cat: 'NOT_SPACE' }] }],
  ['\\w', { op: 'IN', items: [{ op: 'CATEGORY', cat: 'WORD' }] }],
  ['\\W', { op: 'IN', items: [{ op: 'CATEGORY', cat: 'NOT_WORD' }] }],
  ['\\Z', { op: 'AT', at: 'END_STRING' }],
]);

const copy = (node: Node): Node => (node.op === 'IN' ? { op: 'IN', items: [...node.items] } : { ...node });
const ord = (c: string) => c.codePointAt(0)!;

/** The escapes both contexts share: \x, \u, \U, \N. Undefined when `escape` is none of them. */
function commonEscape(source: Tokenizer, escape: string): Node | undefined {
  const c = escape.slice(1);
  if (c === 'x' || c === 'u' || c === 'U') {
    const want = c === 'x' ? 2 : c === 'u' ? 4 : 8;
    const full = escape + source.getwhile(want, HEXDIGITS);
    if (full.length !== want + 2) throw source.error(`incomplete escape ${full}`, full.length);
    const cp = parseInt(full.slice(2), 16);
    if (cp > 0x10ffff) throw source.error(`bad escape ${full}`, full.length); // chr() raises ValueError
    return { op: 'LITERAL', c: cp };
  }
  if (c === 'N') {
    if (!source.match('{')) throw source.error('missing {');
    throw new UntranslatableNamedChar(source.getuntil('}', 'character name'));
  }
  return undefined;
}

function classEscape(source: Tokenizer, escape: string): Node {
  const esc = ESCAPES.get(escape);
  if (esc) return copy(esc);
  const cat = CATEGORIES.get(escape);
  if (cat && cat.op === 'IN') return copy(cat);
  const common = commonEscape(source, escape);
  if (common) return common;
  const c = escape.slice(1);
  if (OCTDIGITS.has(c)) {
    const full = escape + source.getwhile(2, OCTDIGITS);
    const value = parseInt(full.slice(1), 8);
    if (value > 0o377) throw source.error(`octal escape value ${full} outside of range 0-0o377`, full.length);
    return { op: 'LITERAL', c: value };
  }
  if (!DIGITS.has(c) && [...escape].length === 2) {
    if (ASCIILETTERS.has(c)) throw source.error(`bad escape ${escape}`, 2);
    return { op: 'LITERAL', c: ord(c) };
  }
  throw source.error(`bad escape ${escape}`, [...escape].length);
}

function escapeOutside(source: Tokenizer, escape: string, state: State): Node {
  const cat = CATEGORIES.get(escape);
  if (cat) return copy(cat);
  const esc = ESCAPES.get(escape);
  if (esc) return copy(esc);
  const common = commonEscape(source, escape);
  if (common) return common;
  const c = escape.slice(1);
  if (c === '0') {
    const full = escape + source.getwhile(2, OCTDIGITS);
    return { op: 'LITERAL', c: parseInt(full.slice(1), 8) };
  }
  if (DIGITS.has(c)) {
    let full = escape;
    if (source.next !== null && DIGITS.has(source.next)) {
      full += source.get();
      if (OCTDIGITS.has(full[1]!) && OCTDIGITS.has(full[2]!) && source.next !== null && OCTDIGITS.has(source.next)) {
        full += source.get();
        const value = parseInt(full.slice(1), 8);
        if (value > 0o377) throw source.error(`octal escape value ${full} outside of range 0-0o377`, full.length);
        return { op: 'LITERAL', c: value };
      }
    }
    const group = parseInt(full.slice(1), 10);
    if (group < state.groups) {
      if (!state.checkgroup(group)) throw source.error('cannot refer to an open group', full.length);
      state.checklookbehindgroup(group, source);
      return { op: 'GROUPREF', group };
    }
    throw source.error(`invalid group reference ${group}`, full.length - 1);
  }
  if ([...escape].length === 2) {
    if (ASCIILETTERS.has(c)) throw source.error(`bad escape ${escape}`, 2);
    return { op: 'LITERAL', c: ord(c) };
  }
  throw source.error(`bad escape ${escape}`, [...escape].length);
}

/**
 * Groups nested deeper than this are refused: CPython's parser recurses twice per level and raises RecursionError at
 * its recursion limit (1000 frames; about 490 levels on CPython 3.11, less what importing the DAG file already uses).
 */
export const MAX_GROUP_DEPTH = 200;

/** Python compares parse-tree tuples: equal values, but the SubPattern objects inside by identity. */
function sameNode(a: Node, b: Node): boolean {
  if (a === b) return true;
  if (a.op !== b.op) return false;
  switch (a.op) {
    case 'LITERAL':
    case 'NOT_LITERAL':
      return a.c === (b as typeof a).c;
    case 'AT':
      return a.at === (b as typeof a).at;
    case 'ANY':
      return true;
    case 'GROUPREF':
      return a.group === (b as typeof a).group;
    case 'IN':
      return JSON.stringify(a.items) === JSON.stringify((b as typeof a).items);
    default:
      return false;
  }
}

function parseSub(source: Tokenizer, state: State, verbose: boolean, nested: number): SubPattern {
  if (nested > 2 * MAX_GROUP_DEPTH) {
    throw new PythonRegexError(`groups nested more than ${MAX_GROUP_DEPTH} deep, where Python's parser runs out of recursion (RecursionError)`);
  }
  const items: SubPattern[] = [];
  for (;;) {
    items.push(parse(source, state, verbose, nested + 1, nested === 0 && items.length === 0));
    if (!source.match('|')) break;
    if (nested === 0) verbose = (state.flags & FLAG.X) !== 0;
  }
  if (items.length === 1) return items[0]!;
  const subpattern = new SubPattern(state);
  // Move a prefix that all alternatives share out of the branch (as Python does; it changes no match).
  for (;;) {
    let prefix: Node | undefined;
    let common = true;
    for (const item of items) {
      if (item.length === 0) {
        common = false;
        break;
      }
      if (prefix === undefined) prefix = item.data[0];
      else if (!sameNode(item.data[0]!, prefix)) {
        common = false;
        break;
      }
    }
    if (!common || prefix === undefined) break;
    for (const item of items) item.data.splice(0, 1);
    subpattern.data.push(prefix);
  }
  const set: SetItem[] = [];
  let allSet = true;
  for (const item of items) {
    if (item.length !== 1) {
      allSet = false;
      break;
    }
    const node = item.data[0]!;
    if (node.op === 'LITERAL') set.push({ op: 'LITERAL', c: node.c });
    else if (node.op === 'IN' && node.items[0]?.op !== 'NEGATE') set.push(...node.items);
    else {
      allSet = false;
      break;
    }
  }
  if (allSet) {
    subpattern.data.push({ op: 'IN', items: uniq(set) });
    return subpattern;
  }
  subpattern.data.push({ op: 'BRANCH', alts: items });
  return subpattern;
}

function uniq(items: SetItem[]): SetItem[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    const key = JSON.stringify(i);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function parse(source: Tokenizer, state: State, verbose: boolean, nested: number, first = false): SubPattern {
  const subpattern = new SubPattern(state);
  const data = subpattern.data;
  for (;;) {
    let current = source.next;
    if (current === null) break;
    if (current === '|' || current === ')') break;
    source.get();
    if (verbose) {
      if (WHITESPACE.has(current)) continue;
      if (current === '#') {
        for (;;) {
          current = source.get();
          if (current === null || current === '\n') break;
        }
        continue;
      }
    }
    if (current[0] === '\\') {
      data.push(escapeOutside(source, current, state));
    } else if (!SPECIAL_CHARS.has(current)) {
      data.push({ op: 'LITERAL', c: ord(current) });
    } else if (current === '[') {
      const here = source.tell() - 1;
      const set: SetItem[] = [];
      const negate = source.match('^');
      for (;;) {
        const item = source.get();
        if (item === null) throw source.error('unterminated character set', source.tell() - here);
        if (item === ']' && set.length > 0) break;
        let code1: Node;
        if (item[0] === '\\') code1 = classEscape(source, item);
        else code1 = { op: 'LITERAL', c: ord(item) };
        if (source.match('-')) {
          const that = source.get();
          if (that === null) throw source.error('unterminated character set', source.tell() - here);
          if (that === ']') {
            set.push(toSetItem(code1));
            set.push({ op: 'LITERAL', c: 0x2d });
            break;
          }
          const code2: Node = that[0] === '\\' ? classEscape(source, that) : { op: 'LITERAL', c: ord(that) };
          if (code1.op !== 'LITERAL' || code2.op !== 'LITERAL') {
            throw source.error(`bad character range ${item}-${that}`, [...item].length + 1 + [...that].length);
          }
          if (code2.c < code1.c) throw source.error(`bad character range ${item}-${that}`, [...item].length + 1 + [...that].length);
          set.push({ op: 'RANGE', lo: code1.c, hi: code2.c });
        } else {
          set.push(toSetItem(code1));
        }
      }
      const unique = uniq(set);
      const only = unique.length === 1 ? unique[0]! : undefined;
      if (only?.op === 'LITERAL') {
        data.push({ op: negate ? 'NOT_LITERAL' : 'LITERAL', c: only.c });
      } else {
        if (negate) unique.unshift({ op: 'NEGATE' });
        data.push({ op: 'IN', items: unique });
      }
    } else if (REPEAT_CHARS.has(current)) {
      const here = source.tell();
      let min: number;
      let max: number;
      if (current === '?') [min, max] = [0, 1];
      else if (current === '*') [min, max] = [0, MAXREPEAT];
      else if (current === '+') [min, max] = [1, MAXREPEAT];
      else {
        if (source.next === '}') {
          data.push({ op: 'LITERAL', c: ord(current) });
          continue;
        }
        [min, max] = [0, MAXREPEAT];
        let lo = '';
        let hi = '';
        while (source.next !== null && DIGITS.has(source.next)) lo += source.get();
        if (source.match(',')) {
          while (source.next !== null && DIGITS.has(source.next)) hi += source.get();
        } else {
          hi = lo;
        }
        if (!source.match('}')) {
          data.push({ op: 'LITERAL', c: ord(current) });
          source.seek(here);
          continue;
        }
        if (lo) {
          if (BigInt(lo) >= BigInt(MAXREPEAT)) throw new PythonRegexError('the repetition number is too large');
          min = Number(lo);
        }
        if (hi) {
          if (BigInt(hi) >= BigInt(MAXREPEAT)) throw new PythonRegexError('the repetition number is too large');
          max = Number(hi);
          if (max < min) throw source.error('min repeat greater than max repeat', source.tell() - here);
        }
      }
      const last = data[data.length - 1];
      if (last === undefined || last.op === 'AT') throw source.error('nothing to repeat', source.tell() - here + [...current].length);
      if (REPEATCODES.has(last.op)) throw source.error('multiple repeat', source.tell() - here + [...current].length);
      let item = new SubPattern(state, [last]);
      if (last.op === 'SUBPATTERN' && last.group === null && last.add === 0 && last.del === 0) item = last.p;
      const op = source.match('?') ? 'MIN_REPEAT' : source.match('+') ? 'POSSESSIVE_REPEAT' : 'MAX_REPEAT';
      data[data.length - 1] = { op, min, max, item };
    } else if (current === '.') {
      data.push({ op: 'ANY' });
    } else if (current === '(') {
      const start = source.tell() - 1;
      let capture = true;
      let atomic = false;
      let name: string | null = null;
      let add = 0;
      let del = 0;
      if (source.match('?')) {
        const char = source.get();
        if (char === null) throw source.error('unexpected end of pattern');
        if (char === 'P') {
          if (source.match('<')) {
            name = source.getuntil('>', 'group name');
            source.checkgroupname(name, 1);
          } else if (source.match('=')) {
            const ref = source.getuntil(')', 'group name');
            source.checkgroupname(ref, 1);
            const gid = state.groupdict.get(ref);
            if (gid === undefined) throw source.error(`unknown group name ${pyRepr(ref)}`, [...ref].length + 1);
            if (!state.checkgroup(gid)) throw source.error('cannot refer to an open group', [...ref].length + 1);
            state.checklookbehindgroup(gid, source);
            data.push({ op: 'GROUPREF', group: gid });
            continue;
          } else {
            const next = source.get();
            if (next === null) throw source.error('unexpected end of pattern');
            throw source.error(`unknown extension ?P${next}`, [...next].length + 2);
          }
        } else if (char === ':') {
          capture = false;
        } else if (char === '#') {
          for (;;) {
            if (source.next === null) throw source.error('missing ), unterminated comment', source.tell() - start);
            if (source.get() === ')') break;
          }
          continue;
        } else if (char === '=' || char === '!' || char === '<') {
          let kind = char;
          let dir: 1 | -1 = 1;
          let outerLookbehind: number | null = null;
          if (char === '<') {
            const next = source.get();
            if (next === null) throw source.error('unexpected end of pattern');
            if (next !== '=' && next !== '!') throw source.error(`unknown extension ?<${next}`, [...next].length + 2);
            kind = next;
            dir = -1;
            outerLookbehind = state.lookbehindgroups;
            if (outerLookbehind === null) state.lookbehindgroups = state.groups;
          }
          const p = parseSub(source, state, verbose, nested + 1);
          if (dir < 0 && outerLookbehind === null) state.lookbehindgroups = null;
          if (!source.match(')')) throw source.error('missing ), unterminated subpattern', source.tell() - start);
          data.push({ op: kind === '=' ? 'ASSERT' : 'ASSERT_NOT', dir, p });
          continue;
        } else if (char === '(') {
          const condname = source.getuntil(')', 'group name');
          let condgroup: number;
          if (pyIsIdentifier(condname)) {
            source.checkgroupname(condname, 1);
            const gid = state.groupdict.get(condname);
            if (gid === undefined) throw source.error(`unknown group name ${pyRepr(condname)}`, [...condname].length + 1);
            condgroup = gid;
          } else {
            // int(): optional sign and whitespace, ASCII or other Unicode decimal digits, underscores between digits.
            const value = pyIntLiteral(condname);
            if (value === undefined || value < 0n) throw source.error(`bad character in group name ${pyRepr(condname)}`, [...condname].length + 1);
            if (value === 0n) throw source.error('bad group number', [...condname].length + 1);
            if (value >= BigInt(MAXGROUPS)) throw source.error(`invalid group reference ${value}`, [...condname].length + 1);
            condgroup = Number(value);
            if (!state.grouprefpos.has(condgroup)) state.grouprefpos.set(condgroup, source.tell() - [...condname].length - 1);
          }
          state.checklookbehindgroup(condgroup, source);
          const yes = parse(source, state, verbose, nested + 1);
          let no: SubPattern | null = null;
          if (source.match('|')) {
            no = parse(source, state, verbose, nested + 1);
            if (source.next === '|') throw source.error('conditional backref with more than two branches');
          }
          if (!source.match(')')) throw source.error('missing ), unterminated subpattern', source.tell() - start);
          data.push({ op: 'GROUPREF_EXISTS', group: condgroup, yes, no });
          continue;
        } else if (char === '>') {
          capture = false;
          atomic = true;
        } else if (Object.hasOwn(FLAGS, char) || char === '-') {
          const flags = parseFlags(source, state, char);
          if (flags === null) {
            if (!first || data.length > 0) throw source.error('global flags not at the start of the expression', source.tell() - start);
            verbose = (state.flags & FLAG.X) !== 0;
            continue;
          }
          [add, del] = flags;
          capture = false;
        } else {
          throw source.error(`unknown extension ?${char}`, [...char].length + 1);
        }
      }
      const group = capture ? state.opengroup(name) : null;
      const subVerbose = (verbose || (add & FLAG.X) !== 0) && (del & FLAG.X) === 0;
      const p = parseSub(source, state, subVerbose, nested + 1);
      if (!source.match(')')) throw source.error('missing ), unterminated subpattern', source.tell() - start);
      if (group !== null) state.closegroup(group, p);
      if (atomic) data.push({ op: 'ATOMIC_GROUP', p });
      else data.push({ op: 'SUBPATTERN', group, add, del, p });
    } else if (current === '^') {
      data.push({ op: 'AT', at: 'BEGINNING' });
    } else if (current === '$') {
      data.push({ op: 'AT', at: 'END' });
    }
  }
  // Unpack non-capturing groups without flags.
  for (let i = data.length - 1; i >= 0; i--) {
    const node = data[i]!;
    if (node.op === 'SUBPATTERN' && node.group === null && node.add === 0 && node.del === 0) data.splice(i, 1, ...node.p.data);
  }
  return subpattern;
}

function toSetItem(node: Node): SetItem {
  if (node.op === 'LITERAL') return { op: 'LITERAL', c: node.c };
  if (node.op === 'IN') return node.items[0]!;
  throw new Error(`internal error: ${node.op} in a character set`);
}

/** `\N{NAME}`: its code point (and whether the name exists) needs Unicode's name table, which dagsmith does not carry. */
export class UntranslatableNamedChar extends Error {
  constructor(readonly charName: string) {
    super(`\\N{${charName}}`);
  }
}

/** Python's int() of a str: whitespace around, a sign, decimal digits of any script with single underscores between. */
function pyIntLiteral(text: string): bigint | undefined {
  let ascii = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const digit = pyDigitValue(cp);
    ascii += digit !== undefined ? String(digit) : pyIsSpace(cp) ? ' ' : cp < 0x80 ? ch : '?';
  }
  const m = /^\s*([+-]?)([0-9](?:_?[0-9])*)\s*$/.exec(ascii);
  if (!m) return undefined;
  const value = BigInt(m[2]!.replace(/_/g, ''));
  return m[1] === '-' ? -value : value;
}

function parseFlags(source: Tokenizer, state: State, first: string): [number, number] | null {
  let add = 0;
  let del = 0;
  let char: string | null = first;
  if (char !== '-') {
    for (;;) {
      const flag = FLAGS[char]!;
      if (char === 'L') throw source.error("bad inline flags: cannot use 'L' flag with a str pattern");
      add |= flag;
      if ((flag & TYPE_FLAGS) !== 0 && (add & TYPE_FLAGS) !== flag) throw source.error("bad inline flags: flags 'a', 'u' and 'L' are incompatible");
      char = source.get();
      if (char === null) throw source.error('missing -, : or )');
      if (char === ')' || char === '-' || char === ':') break;
      if (!Object.hasOwn(FLAGS, char)) throw source.error(/^\p{L}$/u.test(char) ? 'unknown flag' : 'missing -, : or )', [...char].length);
    }
  }
  if (char === ')') {
    state.flags |= add;
    return null;
  }
  if ((add & GLOBAL_FLAGS) !== 0) throw source.error('bad inline flags: cannot turn on global flag', 1);
  if (char === '-') {
    char = source.get();
    if (char === null) throw source.error('missing flag');
    if (!Object.hasOwn(FLAGS, char)) throw source.error(/^\p{L}$/u.test(char) ? 'unknown flag' : 'missing flag', [...char].length);
    for (;;) {
      const flag = FLAGS[char]!;
      if ((flag & TYPE_FLAGS) !== 0) throw source.error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'");
      del |= flag;
      char = source.get();
      if (char === null) throw source.error('missing :');
      if (char === ':') break;
      if (!Object.hasOwn(FLAGS, char)) throw source.error(/^\p{L}$/u.test(char) ? 'unknown flag' : 'missing :', [...char].length);
    }
  }
  if ((del & GLOBAL_FLAGS) !== 0) throw source.error('bad inline flags: cannot turn off global flag', 1);
  if ((add & del) !== 0) throw source.error('bad inline flags: flag turned on and off', 1);
  return [add, del];
}

export interface ParsedPattern {
  readonly pattern: SubPattern;
  /** The global flags, with UNICODE added as re.compile does for a str pattern without ASCII. */
  readonly flags: number;
  readonly groups: number;
}

/** `re.compile(pattern)` for a str pattern: Python's parse tree, or a PythonRegexError with Python's message. */
export function parsePythonRegex(pattern: string): ParsedPattern {
  const source = new Tokenizer(pattern);
  const state = new State();
  const p = parseSub(source, state, false, 0);
  // fix_flags: ASCII and UNICODE cannot both be on (ValueError from re.compile).
  if ((state.flags & FLAG.A) !== 0 && (state.flags & FLAG.U) !== 0) throw new PythonRegexError('ASCII and UNICODE flags are incompatible');
  const flags = (state.flags & FLAG.A) === 0 ? state.flags | FLAG.U : state.flags;
  if (source.next !== null) throw source.error('unbalanced parenthesis');
  for (const [g, pos] of state.grouprefpos) if (g >= state.groups) throw new PythonRegexError(`invalid group reference ${g}`, pos);
  checkCompile(p, flags);
  return { pattern: p, flags, groups: state.groups };
}

/** What the compiler itself refuses: look-behinds that are not of fixed width, and repeats with the TEMPLATE flag. */
function checkCompile(p: SubPattern, flags: number): void {
  for (const node of p.data) {
    switch (node.op) {
      case 'MAX_REPEAT':
      case 'MIN_REPEAT':
      case 'POSSESSIVE_REPEAT':
        if ((flags & FLAG.T) !== 0) throw new PythonRegexError(`internal: unsupported template operator ${node.op}`);
        checkCompile(node.item, flags);
        break;
      case 'SUBPATTERN':
        checkCompile(node.p, combineFlags(flags, node.add, node.del));
        break;
      case 'ATOMIC_GROUP':
        checkCompile(node.p, flags);
        break;
      case 'ASSERT':
      case 'ASSERT_NOT':
        if (node.dir < 0) {
          const [lo, hi] = node.p.getwidth();
          if (lo > MAXCODE) throw new PythonRegexError('looks too much behind');
          if (lo !== hi) throw new PythonRegexError('look-behind requires fixed-width pattern');
        }
        checkCompile(node.p, flags);
        break;
      case 'BRANCH':
        for (const alt of node.alts) checkCompile(alt, flags);
        break;
      case 'GROUPREF_EXISTS':
        checkCompile(node.yes, flags);
        if (node.no) checkCompile(node.no, flags);
        break;
      default:
        break;
    }
  }
}

/** `_combine_flags`: a type flag (a, u, L) replaces the other type flags. */
export function combineFlags(flags: number, add: number, del: number): number {
  const base = (add & TYPE_FLAGS) !== 0 ? flags & ~TYPE_FLAGS : flags;
  return (base | add) & ~del;
}
