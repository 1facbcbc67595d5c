/**
 * Python regular expressions (`re`, CPython 3.11) in JavaScript: whether Python compiles a pattern, and a JavaScript
 * RegExp that matches exactly the strings Python's `re.search` matches. JSON Schema's `pattern` and `format: regex`
 * are Python `re` patterns to Airflow, which checks param defaults with Python's jsonschema when it imports a DAG.
 *
 * The pattern is parsed by a port of Python's own parser (python-regex-parse.ts), so validity is Python's; the parse
 * tree is then written as a JavaScript `u` regex whose every class is spelled out from Python's tables
 * (python-unicode.ts), never JavaScript's own `\w`, `\d`, `\s`, `\b`, `.`, `$` or `i` flag, which mean other things:
 * `\w`, `\d`, `\b` are Unicode in Python and ASCII in JavaScript, `\s` differs in U+001C..U+001F, U+0085 and U+FEFF,
 * `.` excludes only `\n` in Python, `$` also matches before a final newline, `\B` never matches in an empty string,
 * and case-insensitive matching follows `_sre`'s lowercasing and its extra cases (`ſ` and `s`, `µ` and `μ`).
 * Possessive quantifiers and atomic groups (Python 3.11) become JavaScript's atomic idiom `(?=(X))\N`.
 *
 * What cannot be matched exactly is refused with a reason ('untranslatable'): conditionals `(?(1)a|b)`, `\N{NAME}`
 * (Unicode's name table), back-references to a group that may not have matched (JavaScript matches them as empty,
 * Python fails them) or under IGNORECASE, atomic forms inside a look-behind, and case-insensitive ranges that cross
 * U+FFFF.
 */
import {
  FLAG,
  MAXREPEAT,
  parsePythonRegex,
  PythonRegexError,
  UntranslatableNamedChar,
  combineFlags,
  type Category,
  type Node,
  type SetItem,
  type SubPattern,
} from './python-regex-parse';
import { CodePointSet, pythonChars, pyLower } from './python-unicode';

export type PythonRegex =
  | { readonly kind: 'ok'; readonly regex: RegExp; readonly source: string }
  /** Python's `re.compile` refuses the pattern; the message is Python's. */
  | { readonly kind: 'invalid'; readonly message: string }
  /** Python compiles the pattern, but dagsmith cannot match it exactly in JavaScript. */
  | { readonly kind: 'untranslatable'; readonly message: string };

class Untranslatable extends Error {}

const cache = new Map<string, PythonRegex>();

/** The pattern as Python's `re` reads it: a RegExp with `re.search`'s matches, or why there is none. */
export function pythonRegex(pattern: string): PythonRegex {
  const cached = cache.get(pattern);
  if (cached) return cached;
  let result: PythonRegex;
  try {
    const parsed = parsePythonRegex(pattern);
    // re.search tries each code point position. V8 also tries positions inside a surrogate pair when a pattern starts
    // with a look-around, even in u mode; anchoring at the start and stepping over whole code points avoids that.
    const source = `^${ANY}*?(?:${new Translator().sequence(parsed.pattern, parsed.flags, { lookbehind: false })})`;
    result = { kind: 'ok', regex: new RegExp(source, 'u'), source };
  } catch (err) {
    if (err instanceof PythonRegexError) result = { kind: 'invalid', message: err.message };
    else if (err instanceof UntranslatableNamedChar) {
      result = {
        kind: 'untranslatable',
        message: `\\N{${err.charName}}, a character name (dagsmith does not carry Unicode's names; write the character itself or \\uXXXX)`,
      };
    } else if (err instanceof Untranslatable) result = { kind: 'untranslatable', message: err.message };
    else throw err;
  }
  if (cache.size > 1000) cache.clear();
  cache.set(pattern, result);
  return result;
}

/**
 * Whether Python's `re.compile` accepts the pattern: 'ok', 'invalid' with Python's message, or 'unknown' where the
 * answer needs data dagsmith does not carry (`\N{NAME}` needs Unicode's character names).
 */
export function pythonRegexValidity(pattern: string): { kind: 'ok' } | { kind: 'invalid' | 'unknown'; message: string } {
  try {
    parsePythonRegex(pattern);
    return { kind: 'ok' };
  } catch (err) {
    if (err instanceof PythonRegexError) return { kind: 'invalid', message: err.message };
    if (err instanceof UntranslatableNamedChar)
      return { kind: 'unknown', message: `\\N{${err.charName}} needs Unicode's character names, which dagsmith does not carry` };
    throw err;
  }
}

/** Why Python's `re.compile` refuses the pattern (or why dagsmith cannot tell), or undefined. */
export function pythonRegexCompileError(pattern: string): string | undefined {
  const v = pythonRegexValidity(pattern);
  return v.kind === 'ok' ? undefined : v.message;
}

interface Context {
  /** Inside a look-behind, where JavaScript matches right to left. */
  readonly lookbehind: boolean;
}

const ASCII_WORD = CodePointSet.fromRanges([0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a]);
const ASCII_DIGIT = CodePointSet.range(0x30, 0x39);
const ASCII_SPACE = CodePointSet.fromRanges([9, 13, 32, 32]);
const ASCII_UPPER = CodePointSet.range(0x41, 0x5a);
const NEWLINE = CodePointSet.of(10);
const ANY = '[\\s\\S]';

function categorySet(cat: Category, flags: number): CodePointSet {
  const unicode = (flags & FLAG.U) !== 0;
  const chars = pythonChars();
  const base = cat.endsWith('DIGIT')
    ? unicode
      ? chars.digit
      : ASCII_DIGIT
    : cat.endsWith('SPACE')
      ? unicode
        ? chars.space
        : ASCII_SPACE
      : unicode
        ? chars.word
        : ASCII_WORD;
  return cat.startsWith('NOT_') ? base.complement() : base;
}

function asciiLower(cp: number): number {
  return cp >= 0x41 && cp <= 0x5a ? cp + 32 : cp;
}

/** The code points whose `_sre` lowercase (Unicode, or ASCII-only) is in `set`. */
function lowerPreimage(set: CodePointSet, unicode: boolean): CodePointSet {
  if (!unicode) {
    const upper = [...Array(26).keys()].map((i) => 0x41 + i).filter((c) => set.has(c + 32));
    return set.minus(ASCII_UPPER).union(CodePointSet.of(...upper));
  }
  const chars = pythonChars();
  const extra: number[] = [];
  for (const [cp, lower] of chars.lower) if (set.has(lower)) extra.push(cp);
  return set.minus(chars.lowerChanges).union(CodePointSet.of(...extra));
}

/** What one literal matches under `flags` (sre's LITERAL, LITERAL_IGNORE, LITERAL_UNI_IGNORE, IN_UNI_IGNORE). */
function literalSet(c: number, flags: number): CodePointSet {
  if ((flags & FLAG.I) === 0) return CodePointSet.of(c);
  if ((flags & FLAG.U) === 0) {
    const cased = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
    return cased ? lowerPreimage(CodePointSet.of(asciiLower(c)), false) : CodePointSet.of(c);
  }
  const chars = pythonChars();
  if (!chars.cased.has(c)) return CodePointSet.of(c);
  const lo = pyLower(c);
  return lowerPreimage(CodePointSet.of(lo, ...(chars.extraCases.get(lo) ?? [])), true);
}

/** What a character set matches under `flags`, following `_optimize_charset` and sre's IN / IN_IGNORE / IN_UNI_IGNORE. */
function charsetSet(items: readonly SetItem[], flags: number): CodePointSet {
  const negate = items[0]?.op === 'NEGATE';
  const members = items.filter((i) => i.op !== 'NEGATE');
  let result: CodePointSet;
  if ((flags & FLAG.I) === 0) {
    result = members.reduce((acc, item) => acc.union(itemSet(item, flags)), CodePointSet.EMPTY);
  } else {
    const unicode = (flags & FLAG.U) !== 0;
    const chars = pythonChars();
    const iscased = (c: number) => (unicode ? chars.cased.has(c) : (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a));
    const lower = (set: CodePointSet) => lowerImage(set, unicode);
    let charmap = CodePointSet.EMPTY;
    let tail = CodePointSet.EMPTY;
    let hascased = false;
    for (const item of members) {
      if (item.op === 'LITERAL') {
        const lo = unicode ? pyLower(item.c) : asciiLower(item.c);
        if (lo > 0xffff) {
          if (!unicode) throw new Untranslatable('a case-insensitive ASCII character set with characters above U+FFFF');
          hascased = true;
          tail = tail.union(CodePointSet.of(item.c));
        } else {
          charmap = charmap.union(withFixes(CodePointSet.of(lo), unicode));
          if (!hascased && iscased(item.c)) hascased = true;
        }
      } else if (item.op === 'RANGE') {
        const bmp = CodePointSet.range(item.lo, Math.min(item.hi, 0xffff));
        if (item.lo <= 0xffff) charmap = charmap.union(withFixes(lower(bmp), unicode));
        if (item.hi > 0xffff) {
          if (!unicode || item.lo <= 0xffff) throw new Untranslatable('a case-insensitive character range that crosses U+FFFF');
          hascased = true;
          tail = tail.union(rangeUniIgnore(item.lo, item.hi));
        } else if (!hascased) {
          hascased = !CodePointSet.range(item.lo, item.hi).intersect(unicode ? chars.cased : CodePointSet.fromRanges([0x41, 0x5a, 0x61, 0x7a]))
            .isEmpty;
        }
      } else if (item.op === 'CATEGORY') {
        tail = tail.union(categorySet(item.cat, flags));
      }
    }
    const matched = charmap.union(tail);
    result = hascased ? lowerPreimage(matched, unicode) : matched;
  }
  return negate ? result.complement() : result;
}

function itemSet(item: SetItem, flags: number): CodePointSet {
  switch (item.op) {
    case 'LITERAL':
      return CodePointSet.of(item.c);
    case 'RANGE':
      return CodePointSet.range(item.lo, item.hi);
    case 'CATEGORY':
      return categorySet(item.cat, flags);
    case 'NEGATE':
      return CodePointSet.EMPTY;
  }
}

/** `{lower(x) : x in set}`. */
function lowerImage(set: CodePointSet, unicode: boolean): CodePointSet {
  if (!unicode) {
    const lowered = [...Array(26).keys()]
      .map((i) => 0x41 + i)
      .filter((c) => set.has(c))
      .map((c) => c + 32);
    return set.minus(ASCII_UPPER).union(CodePointSet.of(...lowered));
  }
  const chars = pythonChars();
  const images: number[] = [];
  for (const [cp, lower] of chars.lower) if (set.has(cp)) images.push(lower);
  return set.minus(chars.lowerChanges).union(CodePointSet.of(...images));
}

/** The set plus `_EXTRA_CASES` of its members (Unicode IGNORECASE only). */
function withFixes(set: CodePointSet, unicode: boolean): CodePointSet {
  if (!unicode) return set;
  const extra: number[] = [];
  for (const [key, values] of pythonChars().extraCases) if (set.has(key)) extra.push(...values);
  return set.union(CodePointSet.of(...extra));
}

/** sre's RANGE_UNI_IGNORE (above U+FFFF): x with a <= x <= b, or a <= upper(x) <= b. */
function rangeUniIgnore(a: number, b: number): CodePointSet {
  const extra: number[] = [];
  for (const [cp, upper] of pythonChars().upperAstral) if (upper >= a && upper <= b) extra.push(cp);
  return CodePointSet.range(a, b).union(CodePointSet.of(...extra));
}

function cls(set: CodePointSet): string {
  if (set.isEmpty) return '[]';
  const r = set.ranges;
  if (r.length === 2 && r[0] === r[1]) return `\\u{${r[0]!.toString(16)}}`;
  return `[${set.toClassBody()}]`;
}

class Translator {
  private jsGroups = 0;
  /** Python group number -> JavaScript group number. */
  private readonly groupMap = new Map<number, number>();
  /** Python groups that might not take part in a match that reaches a later point (JavaScript would match them as empty). */
  private readonly uncertain = new Set<number>();
  private uncertainDepth = 0;

  sequence(p: SubPattern, flags: number, ctx: Context): string {
    return p.data.map((node) => this.node(node, flags, ctx)).join('');
  }

  private uncertainly<T>(f: () => T): T {
    this.uncertainDepth++;
    try {
      return f();
    } finally {
      this.uncertainDepth--;
    }
  }

  private node(node: Node, flags: number, ctx: Context): string {
    switch (node.op) {
      case 'LITERAL':
        return cls(literalSet(node.c, flags));
      case 'NOT_LITERAL':
        return cls(literalSet(node.c, flags).complement());
      case 'ANY':
        return (flags & FLAG.S) !== 0 ? ANY : cls(NEWLINE.complement());
      case 'IN':
        return cls(charsetSet(node.items, flags));
      case 'AT':
        return this.at(node.at, flags);
      case 'BRANCH':
        return `(?:${this.uncertainly(() => node.alts.map((alt) => this.sequence(alt, flags, ctx)).join('|'))})`;
      case 'SUBPATTERN': {
        const inner = combineFlags(flags, node.add, node.del);
        if (node.group === null) return `(?:${this.sequence(node.p, inner, ctx)})`;
        const js = ++this.jsGroups;
        this.groupMap.set(node.group, js);
        if (this.uncertainDepth > 0) this.uncertain.add(node.group);
        return `(${this.sequence(node.p, inner, ctx)})`;
      }
      case 'ATOMIC_GROUP':
        return this.atomic(() => this.sequence(node.p, flags, ctx), ctx);
      case 'MAX_REPEAT':
      case 'MIN_REPEAT':
      case 'POSSESSIVE_REPEAT': {
        const body = () => `(?:${this.sequence(node.item, flags, ctx)})`;
        const item = () => (node.min === 0 ? this.uncertainly(body) : body());
        const quantifier =
          node.min === 0 && node.max === 1
            ? '?'
            : node.max === MAXREPEAT
              ? node.min === 0
                ? '*'
                : node.min === 1
                  ? '+'
                  : `{${node.min},}`
              : node.min === node.max
                ? `{${node.min}}`
                : `{${node.min},${node.max}}`;
        if (node.op === 'MIN_REPEAT') return `${item()}${quantifier}?`;
        if (node.op === 'MAX_REPEAT') return `${item()}${quantifier}`;
        // JavaScript numbers groups by their opening parenthesis: the atomic idiom's group comes first.
        return this.atomic(() => `${item()}${quantifier}`, ctx);
      }
      case 'ASSERT':
      case 'ASSERT_NOT': {
        const inner = { lookbehind: ctx.lookbehind || node.dir < 0 };
        const body = node.op === 'ASSERT_NOT' ? this.uncertainly(() => this.sequence(node.p, flags, inner)) : this.sequence(node.p, flags, inner);
        return `(?${node.dir < 0 ? '<' : ''}${node.op === 'ASSERT' ? '=' : '!'}${body})`;
      }
      case 'GROUPREF': {
        if ((flags & FLAG.I) !== 0) throw new Untranslatable(`a back-reference (\\${node.group}) under case-insensitive matching`);
        if (this.uncertain.has(node.group)) {
          throw new Untranslatable(
            `a back-reference to group ${node.group}, which may not have matched (it sits in an alternative, an optional part or a negative look-around): Python then fails the match, JavaScript matches it as empty`,
          );
        }
        return `(?:\\${this.groupMap.get(node.group)!})`;
      }
      case 'GROUPREF_EXISTS':
        throw new Untranslatable('a conditional group (?(group)yes|no), which JavaScript has no counterpart for');
    }
  }

  /** `(?>X)` as `(?=(X))\N`: the look-ahead takes X's first match and never backtracks into it. */
  private atomic(inner: () => string, ctx: Context): string {
    if (ctx.lookbehind) throw new Untranslatable('an atomic group or possessive quantifier inside a look-behind');
    const js = ++this.jsGroups;
    return `(?:(?=(${inner()}))\\${js})`;
  }

  private at(at: string, flags: number): string {
    const multiline = (flags & FLAG.M) !== 0;
    const word = cls((flags & FLAG.U) !== 0 ? pythonChars().word : ASCII_WORD);
    switch (at) {
      case 'BEGINNING':
        return multiline ? '(?<![^\\n])' : `(?<!${ANY})`;
      case 'BEGINNING_STRING':
        return `(?<!${ANY})`;
      case 'END':
        return multiline ? `(?=\\n|(?!${ANY}))` : `(?=\\n?(?!${ANY}))`;
      case 'END_STRING':
        return `(?!${ANY})`;
      case 'BOUNDARY':
        return `(?:(?<=${word})(?!${word})|(?<!${word})(?=${word}))`;
      default:
        // NON_BOUNDARY: never in an empty string (sre returns 0 when the string is empty).
        return `(?:(?<=${ANY})|(?=${ANY}))(?:(?<=${word})(?=${word})|(?<!${word})(?!${word}))`;
    }
  }
}

/** `re.search(pattern, subject) is not None`, or the reason dagsmith cannot say. */
export function pythonSearch(pattern: string, subject: string): boolean | Exclude<PythonRegex, { kind: 'ok' }> {
  const compiled = pythonRegex(pattern);
  return compiled.kind === 'ok' ? compiled.regex.test(subject) : compiled;
}
