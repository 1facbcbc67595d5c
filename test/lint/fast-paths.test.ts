import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dagsmithYaml, describePipeline } from '../../scripts/bench/generate';
import { inertText } from '../../src/diagnostics/inert';
import { stringsIn } from '../../src/ir/queries';
import { GITLEAKS_RULES } from '../../src/lint/secrets/gitleaks-rules';
import { keywordsIn, knownSecrets } from '../../src/lint/secrets/detect';
import { eachNamed, named, pathOf } from '../../src/lint/rules/possible-secret';
import { escapedAt, TextIndex } from '../../src/lint/sql-sources';
import { eachString } from '../../src/lint/strings';
import { tokenize, type SqlToken, type TokenType } from '../../src/lint/sql';
import { jinjaSpanEnd } from '../../src/steps/sql-text';
import { makeRng as random } from '../load/yaml-generator';

// Lint's fast paths (issue 17, item 7) against the plain code they stand for: the same answer on every input.

const KEYWORDS = [...new Set(GITLEAKS_RULES.flatMap((r) => r.keywords))];

/** Text made of pieces of keywords, keyword-like letters, separators and some non-ASCII characters. */
function keywordSoup(rnd: () => number, length: number): string {
  const pieces = ['', ' ', '\n', ':', '=', '_', '-', 'é', 'İ', '\u2028', '😀', 'aws', 'x', 'Q', '~'];
  let s = '';
  while (s.length < length) {
    const r = rnd();
    if (r < 0.4) {
      const k = KEYWORDS[Math.floor(rnd() * KEYWORDS.length)]!;
      // A whole keyword, or its start (a near miss), or its end.
      const cut = Math.floor(rnd() * (k.length + 1));
      s += rnd() < 0.5 ? k : rnd() < 0.5 ? k.slice(0, cut) : k.slice(cut);
    } else s += pieces[Math.floor(rnd() * pieces.length)]!;
  }
  return s;
}

// eslint-disable-next-line no-control-regex
const UNSAFE_PLAIN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** What `inertText` replaces, written out as it was before its fast path. */
function inertTextPlain(text: string): string {
  return text
    .replace(UNSAFE_PLAIN, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/##\[/g, '#\\u0023[')
    .replace(/^(\s*)::/, '$1\\u003a:');
}

/** `stringsIn` as a recursive walk: depth first, items and properties in order, items under their list's key. */
function stringsInPlain(
  value: unknown,
  path: (string | number)[] = [],
  key: string | null = null,
): { path: (string | number)[]; text: string; key: string | null }[] {
  if (typeof value === 'string') return [{ path, text: value, key }];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringsInPlain(v, [...path, i], key));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => stringsInPlain(v, [...path, k], k));
  return [];
}

/** lint/sql.ts's tokenizer as it was with regular expressions for its character classes. */
function tokenizePlain(text: string, opts: { readonly backslashEscapes: boolean } = { backslashEscapes: true }): SqlToken[] {
  const out: SqlToken[] = [];
  let depth = 0;
  let i = 0;
  const push = (type: TokenType, start: number, end: number, value?: string) => {
    const t = text.slice(start, end);
    out.push({ type, text: t, value: value ?? (type === 'word' ? t.toUpperCase() : t), start, end, depth });
  };
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    const jinja = jinjaSpanEnd(text, i);
    if (jinja > i) {
      if (next !== '#') push('jinja', i, jinja);
      i = jinja;
    } else if (c === '-' && next === '-') {
      const j = text.indexOf('\n', i);
      i = j < 0 ? text.length : j + 1;
    } else if (c === '/' && next === '*') {
      const j = text.indexOf('*/', i + 2);
      i = j < 0 ? text.length : j + 2;
    } else if (c === "'") {
      const end = quotedEndPlain(text, i, "'", opts.backslashEscapes);
      push('string', i, end, text.slice(i + 1, Math.max(i + 1, end - 1)).replace(/''/g, "'"));
      i = end;
    } else if (c === '"') {
      const end = quotedEndPlain(text, i, '"', false);
      push('quoted-ident', i, end, text.slice(i + 1, Math.max(i + 1, end - 1)).replace(/""/g, '"'));
      i = end;
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < text.length && /[A-Za-z0-9_$]/.test(text[j]!)) j++;
      push('word', i, j);
      i = j;
    } else if (/[0-9]/.test(c)) {
      let j = i + 1;
      while (j < text.length && /[0-9.eE]/.test(text[j]!)) j++;
      push('number', i, j);
      i = j;
    } else if (c === ':' && next !== undefined && /[A-Za-z_]/.test(next) && text[i - 1] !== ':') {
      let j = i + 1;
      while (j < text.length && /[A-Za-z0-9_]/.test(text[j]!)) j++;
      push('param', i, j);
      i = j;
    } else if (/\s/.test(c)) {
      i++;
    } else {
      if (c === ')') depth = Math.max(0, depth - 1);
      push('punct', i, i + 1);
      if (c === '(') depth++;
      i++;
    }
  }
  return out;
}
function quotedEndPlain(text: string, i: number, q: string, backslash: boolean): number {
  let j = i + 1;
  while (j < text.length) {
    const jinja = jinjaSpanEnd(text, j);
    if (jinja > j) j = jinja;
    else if (backslash && text[j] === '\\') j += 2;
    else if (text[j] === q) {
      if (text[j + 1] !== q) return j + 1;
      j += 2;
    } else j++;
  }
  return text.length;
}

function randomValue(rnd: () => number, depth: number): unknown {
  const r = rnd();
  if (depth <= 0 || r < 0.35) return rnd() < 0.7 ? `s${Math.floor(rnd() * 100)}` : rnd() < 0.5 ? Math.floor(rnd() * 10) : rnd() < 0.5 ? null : true;
  const n = Math.floor(rnd() * 4);
  if (r < 0.65) return Array.from({ length: n }, () => randomValue(rnd, depth - 1));
  return Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}${Math.floor(rnd() * 3)}`, randomValue(rnd, depth - 1)]));
}

describe('lint fast paths', () => {
  it('keywordsIn finds exactly the keywords a text includes', () => {
    const plain = (lower: string) => new Set(KEYWORDS.filter((k) => lower.includes(k)));
    const texts = ['', 'e', 'ey', 'xey', 'q~', 'sk', 'aws_secret_access_key', dagsmithYaml(describePipeline(7)).toLowerCase()];
    for (let seed = 1; seed <= 300; seed++) texts.push(keywordSoup(random(seed), 1 + (seed % 200)).toLowerCase());
    for (const text of texts) expect([...keywordsIn(text)].sort(), JSON.stringify(text)).to.deep.equal([...plain(text)].sort());
  });

  it('knownSecrets still finds a password in a URL beside s3:// URLs, and the secrets of the lint corpus', () => {
    // The keyword prefilter and the URL check's '@' prefilter skip work only: a text with a password URL is found.
    expect(knownSecrets('url: s3://bucket/key and postgres://app:Hunter2x@db.example.com/x').map((h) => h.what)).to.deep.equal([
      'a password in a connection URL',
    ]);
    expect(knownSecrets('url: postgres://app:Hunter2x@db.example.com/x').map((h) => h.what)).to.deep.equal(['a password in a connection URL']);
    expect(knownSecrets('url: s3://app:Hunter2x/db.example.com/x')).to.deep.equal([]);
    const dir = join(__dirname, '..', 'lint-corpus', 'pipelines');
    let found = 0;
    for (const f of readdirSync(dir)) found += knownSecrets(readFileSync(join(dir, f), 'utf8')).length;
    expect(found).to.be.greaterThan(0);
  });

  it('inertText returns what its three replacements make of a text', () => {
    const texts = ['', 'plain', '::x::', '  ::warning::x', 'a ::b', '##[group]', 'a\nb', '\t::x', '\u2028::x', 'x\u202ey', 'é😀', ':', '#[', '##'];
    const rnd = random(17);
    const alphabet = ['a', ' ', '\t', '\n', ':', '#', '[', '\u0085', '\u2028', '\u202e', 'é', '\u0000', '\u007f'];
    for (let i = 0; i < 2000; i++) {
      let s = '';
      for (let n = Math.floor(rnd() * 8); n > 0; n--) s += alphabet[Math.floor(rnd() * alphabet.length)]!;
      texts.push(s);
    }
    for (const t of texts) expect(inertText(t), JSON.stringify(t)).to.equal(inertTextPlain(t));
  });

  it('stringsIn gives what a recursive walk gives (paths, texts, keys, order)', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const value = randomValue(random(seed), 5);
      expect(JSON.parse(JSON.stringify(stringsIn(value))), `seed ${seed}`).to.deep.equal(stringsInPlain(value));
    }
    expect(stringsIn('x')).to.deep.equal([{ path: [], text: 'x', key: null }]);
    expect(stringsIn(3)).to.deep.equal([]);
  });

  it('eachString visits what stringsIn gives (paths, texts, keys, order)', () => {
    const visited = (value: unknown) => {
      const out: { path: (string | number)[]; text: string; key: string | null }[] = [];
      eachString(value, (text, key, path) => out.push({ path: [...path], text, key }));
      return out;
    };
    for (let seed = 1; seed <= 500; seed++) {
      const value = randomValue(random(seed), 5);
      expect(visited(value), `seed ${seed}`).to.deep.equal(JSON.parse(JSON.stringify(stringsIn(value))));
    }
    expect(visited('x')).to.deep.equal([{ path: [], text: 'x', key: null }]);
    expect(visited(3)).to.deep.equal([]);
    // Past the nesting the recursive walk takes (512), the explicit stack goes on with the same paths and keys.
    let deep: unknown = 'bottom';
    for (let i = 0; i < 1_500; i++) deep = i % 3 === 0 ? { [`k${i}`]: deep, s: `t${i}` } : i % 3 === 1 ? [`u${i}`, deep] : [deep];
    expect(visited(deep)).to.deep.equal(JSON.parse(JSON.stringify(stringsIn(deep))));
    // And far deeper than a recursive walk could go.
    let deeper: unknown = 'bottom';
    for (let i = 0; i < 100_000; i++) deeper = [deeper];
    expect(visited(deeper)).to.have.length(1);
  });

  it('eachNamed visits what named gives (texts, names, paths, order), flags in argument lists included', () => {
    // Some strings made flags ('--p3'), which name the item after them.
    const withFlags = (v: unknown): unknown =>
      typeof v === 'string'
        ? Number(v.slice(1)) % 3 === 0
          ? `--p${v.slice(1)}`
          : v
        : Array.isArray(v)
          ? v.map(withFlags)
          : typeof v === 'object' && v !== null
            ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withFlags(x)]))
            : v;
    const visited = (value: unknown) => {
      const out: { text: string; key: string | null; path: (string | number)[] }[] = [];
      eachNamed(value, (text, key, path) => out.push({ text, key, path: [...path] }));
      return out;
    };
    const plain = (value: unknown) => named(value).map((s) => ({ text: s.v, key: s.key, path: [...pathOf([], s)] }));
    for (let seed = 1; seed <= 500; seed++) {
      const value = withFlags(randomValue(random(seed), 5));
      expect(visited(value), `seed ${seed}`).to.deep.equal(plain(value));
    }
    expect(visited('x')).to.deep.equal([{ text: 'x', key: null, path: [] }]);
    expect(visited(['--password', 'x'])).to.deep.equal(plain(['--password', 'x']));
    // Past the nesting the recursive walk takes (512), `named` goes on with the same paths and names.
    let deep: unknown = 'bottom';
    for (let i = 0; i < 1_500; i++) deep = i % 3 === 0 ? { [`k${i}`]: deep, s: `t${i}` } : i % 3 === 1 ? ['--flag', deep] : [deep, `u${i}`];
    expect(visited(deep)).to.deep.equal(plain(deep));
  });

  it('TextIndex, made lazily, places offsets as a table made up front does', () => {
    const text = 'a\nbc\n\ndef\n';
    const starts = [0, 2, 5, 6, 10];
    const idx = new TextIndex(text);
    for (let o = 0; o <= text.length; o++) {
      const line = starts.filter((s) => s <= o).length;
      expect(idx.position(o)).to.deep.equal({ line, col: o - starts[line - 1]! + 1 });
    }
    expect(new TextIndex(text).offset(4, 2)).to.equal(7);
    expect(new TextIndex('').position(0)).to.deep.equal({ line: 1, col: 1 });
  });

  it('the SQL tokenizer, with character-code classes, gives the tokens the regular expressions gave', () => {
    const alphabet = [
      'a',
      'Z',
      '_',
      '$',
      '0',
      '9',
      '.',
      'e',
      'E',
      ':',
      '::',
      ' ',
      '\t',
      '\n',
      '\u00a0',
      '\u2028',
      'é',
      "'",
      '"',
      '\\',
      '(',
      ')',
      '-',
      '--',
      '/*',
      '*/',
      '{{ ds }}',
      '{#',
      '{',
      '{{',
      '{%',
      '%}',
      '}}',
      '#}',
      "''",
      '""',
      ';',
      '=',
      'SELECT',
      'x1',
    ];
    const texts = [
      '',
      'SELECT 1',
      "INSERT INTO f_2 SELECT * FROM raw_2 WHERE dt = '{{ ds }}'",
      'a::b :p :1 x$y 1.5e3',
      ':a',
      'a:',
      "'it''s'",
      '"a""b"',
      "'{{ '' }}'",
    ];
    const rnd = random(99);
    for (let i = 0; i < 5000; i++) {
      let s = '';
      for (let n = Math.floor(rnd() * 14); n > 0; n--) s += alphabet[Math.floor(rnd() * alphabet.length)]!;
      texts.push(s);
    }
    for (const t of texts) {
      for (const backslashEscapes of [true, false])
        expect(tokenize(t, { backslashEscapes }), JSON.stringify(t)).to.deep.equal(tokenizePlain(t, { backslashEscapes }));
    }
  });

  it("findAt's escape test by character code is the regular expression's class, for every UTF-16 code unit", () => {
    const ESCAPED = /['"\\\n\r\t]/;
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      expect(escapedAt(`a${ch}`, 1), `U+${c.toString(16)}`).to.equal(ESCAPED.test(ch));
    }
  });
});
