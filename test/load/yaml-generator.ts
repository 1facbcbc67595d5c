/**
 * A seeded generator of YAML texts for the differential test of the fast loader: documents built from pieces of
 * every shape the YAML 1.2 core schema resolves, in every quoting style, with block scalars, flow collections,
 * comments, anchors, aliases, merge keys, duplicate keys and deep nesting; then, for some, mutated character by
 * character (tabs, CRLF, a BOM, stray indicators) so that the fast path meets broken and odd input too.
 */

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function makeRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const chance = (rng: Rng, p: number): boolean => rng() < p;
const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));

/** Plain-scalar texts of every core-schema shape, and near misses of each. */
export const SCALAR_SHAPES: readonly string[] = [
  '0',
  '-0',
  '+0',
  '12',
  '+12',
  '-12',
  '012',
  '0012',
  '0o7',
  '0o17',
  '0o8',
  '0O7',
  '0x1F',
  '0x1f',
  '0X1F',
  '0xg',
  '0x',
  '0o',
  '-0x1',
  '+0o7',
  '0b1',
  '0b101',
  '1_000',
  '1,000',
  '9007199254740991',
  '9007199254740992',
  '9007199254740993',
  '-9007199254740993',
  '99999999999999999999',
  '0x20000000000001',
  '0o400000000000000001',
  '1e3',
  '1E3',
  '1e+3',
  '1e-3',
  '-1e3',
  '1.5e3',
  '.5e3',
  '1.e3',
  '1e',
  'e3',
  '1e400',
  '-1e400',
  '1e20',
  '1e15',
  '.5',
  '5.',
  '-.5',
  '+.5',
  '1.0',
  '1.10',
  '-0.0',
  '0.',
  '.',
  '1.2.3',
  '.inf',
  '.Inf',
  '.INF',
  '-.inf',
  '+.inf',
  '.iNf',
  'inf',
  '.nan',
  '.NaN',
  '.NAN',
  '-.nan',
  'nan',
  'NaN',
  '~',
  'null',
  'Null',
  'NULL',
  'nULL',
  'true',
  'True',
  'TRUE',
  'tRUE',
  'false',
  'False',
  'FALSE',
  'yes',
  'no',
  'on',
  'off',
  'Yes',
  'y',
  'n',
  '2026-01-01',
  '2026-01-01T10:00:00Z',
  '12:30:45',
  '1:20',
  '=',
  '<<',
  '-',
  '--',
  '...x',
  'a-b',
  'a:b',
  'a: b',
  'a #b',
  'a#b',
  'hello world',
  'x',
  'id',
  'steps',
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'é',
  'naïve',
  '日本語',
  '😀',
  'a\u00a0b',
  'a\u2028b',
  '0 * * * *',
  '*/5 * * * *',
  'SELECT * FROM t',
  "it's",
  'say "hi"',
  'back\\slash',
  'a{b}c',
  'a[b]c',
  'a,b',
  '@x',
  '`x',
  '%x',
  '!x',
  '&x',
  '*x',
  '|x',
  '>x',
  '?x',
  ':x',
  '? x',
  '- x',
  '#x',
  '{{ ds }}',
  '${var}',
  '',
  ' ',
  'trailing ',
  ' leading',
];

const ESCAPES = [
  '\\x41',
  '\\u00e9',
  '\\U0001F600',
  '\\0',
  '\\a',
  '\\b',
  '\\e',
  '\\N',
  '\\_',
  '\\L',
  '\\P',
  '\\/',
  '\\t',
  '\\n',
  '\\"',
  '\\\\',
  '\\ ',
  '\\q',
];

/** Texts that cannot be written plain (yaml refuses them): mostly quoted, so most documents stay valid. */
const NEEDS_QUOTES = /^[-?:,[\]{}#&*!|>'"%@`]|: | #|^\s|\s$|^$/;

function plainOrQuoted(rng: Rng, text: string): string {
  const style = rng();
  if (style < 0.5 && !(NEEDS_QUOTES.test(text) && chance(rng, 0.9))) return text;
  if (style < 0.7) return `'${text.replace(/'/g, "''")}'`;
  if (style < 0.9) return JSON.stringify(text);
  // Double-quoted with YAML's own escapes, some invalid.
  return `"${text.replace(/["\\]/g, '')}${chance(rng, 0.9) ? pick(rng, ESCAPES.slice(0, -1)) : '\\q'}"`;
}

function scalar(rng: Rng): string {
  return plainOrQuoted(rng, pick(rng, SCALAR_SHAPES));
}

function key(rng: Rng, previous: readonly string[]): string {
  const r = rng();
  if (r < 0.015 && previous.length > 0) return pick(rng, previous); // a duplicate
  if (r < 0.025) return '<<';
  if (r < 0.04) return pick(rng, ['~', 'null', '""', "''", '1', '"1"', '1.0', 'true', '.nan', '-0', '0x1F', '[a]', '{a: 1}', '[]']);
  if (r < 0.042) return 'k'.repeat(int(rng, 1020, 1030));
  if (r < 0.5) return scalar(rng);
  return pick(rng, ['id', 'kind', 'name', 'steps', 'a', 'b', 'c', 'dependsOn', 'params', 'x_1', 'a b', '"quoted key"', "'single'", 'é']);
}

function blockScalar(rng: Rng, indent: number): string {
  const header = chance(rng, 0.98) ? pick(rng, ['|', '|-', '>', '>-']) : pick(rng, ['|+', '>+', '|2', '>1-', '|+2']);
  const pad = ' '.repeat(indent + 2);
  const lines: string[] = [];
  for (let i = int(rng, 0, 4); i > 0; i--) {
    const r = rng();
    lines.push(r < 0.15 ? '' : r < 0.3 ? `${pad}  more indented ${pick(rng, SCALAR_SHAPES)}` : `${pad}${pick(rng, SCALAR_SHAPES)}`);
  }
  for (let i = int(rng, 0, 2); i > 0; i--) lines.push('');
  return `${header}${chance(rng, 0.1) ? ' # c' : ''}\n${lines.join('\n')}`;
}

function flow(rng: Rng, depth: number): string {
  if (depth > 4 || chance(rng, 0.3)) return scalar(rng);
  const n = int(rng, 0, 4);
  const items: string[] = [];
  const isMap = chance(rng, 0.5);
  const keys: string[] = [];
  for (let i = 0; i < n; i++) {
    if (isMap) {
      const k = key(rng, keys);
      keys.push(k);
      items.push(chance(rng, 0.1) ? k : `${k}: ${flow(rng, depth + 1)}`);
    } else items.push(chance(rng, 0.1) ? `${key(rng, keys)}: ${flow(rng, depth + 1)}` : flow(rng, depth + 1));
  }
  const sep = chance(rng, 0.1) ? ',\n  ' : ', ';
  const trailing = chance(rng, 0.1) ? ',' : '';
  return isMap ? `{${items.join(sep)}${trailing}}` : `[${items.join(sep)}${trailing}]`;
}

interface State {
  readonly anchors: string[];
}

function value(rng: Rng, indent: number, depth: number, st: State): string {
  let props = '';
  if (chance(rng, 0.02)) {
    const name = pick(rng, ['a', 'b', 'base', 'x1']);
    st.anchors.push(name);
    props = `&${name} `;
  }
  if (chance(rng, 0.01))
    props += `${pick(rng, ['!!str', '!!int', '!!float', '!!bool', '!!null', '!!map', '!!seq', '!', '!foo', '!<tag:yaml.org,2002:str>'])} `;
  const r = rng();
  if (r < 0.02 && st.anchors.length > 0) return ` *${pick(rng, st.anchors)}`;
  if (r < 0.08) return props ? ` ${props.trimEnd()}` : '';
  if (depth < 5 && r < 0.25) return ` ${props}\n${blockMap(rng, indent + 2, depth + 1, st)}`.replace(/^ \n/, '\n');
  if (depth < 5 && r < 0.35) return ` ${props}\n${blockSeq(rng, chance(rng, 0.3) ? indent : indent + 2, depth + 1, st)}`.replace(/^ \n/, '\n');
  if (r < 0.52) return ` ${props}${blockScalar(rng, indent)}`;
  if (r < 0.65) return ` ${props}${flow(rng, 0)}`;
  return ` ${props}${scalar(rng)}${chance(rng, 0.1) ? pick(rng, [' # comment', ' #', ' # comment', '#no-space']) : ''}`;
}

function blockMap(rng: Rng, indent: number, depth: number, st: State): string {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  const keys: string[] = [];
  for (let i = int(rng, 1, 4); i > 0; i--) {
    const k = key(rng, keys);
    keys.push(k);
    if (chance(rng, 0.05)) lines.push(`${pad}# a comment line`);
    if (k === '<<' && st.anchors.length > 0) {
      lines.push(`${pad}<<: ${chance(rng, 0.5) ? `*${pick(rng, st.anchors)}` : `[${st.anchors.map((a) => `*${a}`).join(', ')}]`}`);
    } else if (chance(rng, 0.04)) lines.push(`${pad}? ${k}\n${pad}:${value(rng, indent, depth, st)}`);
    else lines.push(`${pad}${k}:${value(rng, indent, depth, st)}`);
  }
  return lines.join('\n');
}

function blockSeq(rng: Rng, indent: number, depth: number, st: State): string {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  for (let i = int(rng, 1, 4); i > 0; i--) {
    if (depth < 5 && chance(rng, 0.25)) lines.push(`${pad}- ${blockMap(rng, indent + 2, depth + 1, st).trimStart()}`);
    else lines.push(`${pad}-${value(rng, indent, depth, st)}`);
  }
  return lines.join('\n');
}

function deep(rng: Rng): string {
  const levels = int(rng, 60, 70);
  if (chance(rng, 0.5)) return `a: ${'['.repeat(levels)}x${']'.repeat(levels)}\n`;
  let out = '';
  for (let i = 0; i < levels; i++) out += `${' '.repeat(i)}k${i}:\n`;
  return `${out}${' '.repeat(levels)}v\n`;
}

function wide(rng: Rng): string {
  const n = chance(rng, 0.5) ? 2000 : 2001;
  return Array.from({ length: n }, (_, i) => `k${i}: ${i}`).join('\n') + '\n';
}

const MUTATION_CHARS = [
  ' ',
  '  ',
  '\t',
  '\r\n',
  '\r',
  '\n',
  ':',
  ': ',
  '-',
  '- ',
  '#',
  ' #',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  ',',
  '&a',
  '*a',
  '!',
  '|',
  '>',
  '?',
  '? ',
  '%',
  '@',
  '`',
  '\uFEFF',
  'é',
  '\\',
  '---\n',
  '...\n',
  '%YAML 1.2\n---\n',
  '\u0000',
  '\u0085',
  '<<: ',
];

function mutate(rng: Rng, text: string): string {
  let out = text;
  for (let i = int(rng, 1, 3); i > 0; i--) {
    const at = int(rng, 0, out.length);
    const r = rng();
    if (r < 0.5) out = out.slice(0, at) + pick(rng, MUTATION_CHARS) + out.slice(at);
    else if (r < 0.7) out = out.slice(0, at) + out.slice(at + int(rng, 1, 5));
    else {
      const lines = out.split('\n');
      const a = int(rng, 0, lines.length - 1);
      if (r < 0.8) lines.splice(a, 0, lines[a]!);
      else if (r < 0.9) lines[a] = ` ${lines[a]}`;
      else lines[a] = lines[a]!.replace(/^ /, '');
      out = lines.join('\n');
    }
  }
  return out;
}

/** The `n`-th document of the sequence for `seed`. */
export function generateYaml(seed: number, n: number): string {
  const rng = makeRng(seed * 1_000_003 + n);
  const r = rng();
  let text: string;
  if (r < 0.01) text = deep(rng);
  else if (r < 0.0105) text = wide(rng);
  else {
    const st: State = { anchors: [] };
    const body = chance(rng, 0.85) ? blockMap(rng, 0, 1, st) : chance(rng, 0.5) ? blockSeq(rng, 0, 1, st) : flow(rng, 0);
    const start = chance(rng, 0.1) ? pick(rng, ['---\n', '--- # doc\n', '%YAML 1.2\n---\n', '# header\n', '\n', '--- ']) : '';
    const end = chance(rng, 0.05) ? pick(rng, ['\n...\n', '\n---\nsecond: doc\n', '\n--- \n']) : chance(rng, 0.8) ? '\n' : '';
    text = start + body + end;
  }
  if (chance(rng, 0.25)) text = mutate(rng, text);
  if (chance(rng, 0.02)) text = text.replace(/\n/g, '\r\n');
  if (chance(rng, 0.02)) text = `\uFEFF${text}`;
  return text;
}
