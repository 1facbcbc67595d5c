import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LazyYamlLocator, loadYamlText, loadYamlTextFull } from '../../src/load/yaml';
import { blockLoadYaml } from '../../src/load/yaml-block';
import { lineStarts } from '../../src/load/yaml-fast-positions';
import { dagsmithYaml, describePipeline } from '../../scripts/bench/generate';
import { generateYaml, makeRng } from './yaml-generator';
import { difference, pathsOf, quietly, yamlFilesUnder } from './yaml-compare';

const ROOT = join(__dirname, '..', '..');
const FILE = 'pipelines/p.yaml';
const ABS = '/project/pipelines/p.yaml';

type Ran = 'refused' | 'block' | 'block, parsed again';

/**
 * The contract of the block parser: it refuses the text, or returns exactly the full path's data (and the full path
 * has no diagnostic), and its positions answer every `locate` (key and value, paths that exist and paths that do
 * not) exactly as the full path's locator; loadYamlText then returns the same. Returns what happened.
 */
function expectBlockSameAsFull(text: string): Ran {
  const stripped = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const block = blockLoadYaml(stripped);
  if (!block) return 'refused';
  const show = JSON.stringify(text.length > 3000 ? `${text.slice(0, 3000)}...` : text);
  const full = loadYamlTextFull(FILE, ABS, text);
  expect(full.diagnostics, show).to.deep.equal([]);
  expect(full.spec, show).to.not.equal(undefined);
  expect(difference(block.data, full.spec!.data), show).to.equal(undefined);
  const actual = loadYamlText(FILE, ABS, text);
  expect(actual.diagnostics, show).to.deep.equal([]);
  expect(difference(actual.spec!.data, full.spec!.data), show).to.equal(undefined);
  // The line starts the parser recorded as it read are the ones a second scan finds.
  if (block.positions) expect([...block.positions.lineStarts!], show).to.deep.equal([...lineStarts(stripped)]);
  const locator = new LazyYamlLocator(stripped, block.positions);
  for (const path of pathsOf(full.spec!.data, 5000)) {
    for (const at of ['key', 'value'] as const) {
      const want = full.spec!.locator.locate(path, at);
      expect(locator.locate(path, at), `${show} ${path.join('.')} ${at}`).to.deep.equal(want);
      expect(actual.spec!.locator.locate(path, at), `${show} ${path.join('.')} ${at}`).to.deep.equal(want);
    }
  }
  return block.positions ? 'block' : 'block, parsed again';
}

/** Pieces the mutations insert: the characters and spellings the block parser decides on. */
const EDITS: readonly string[] = [
  ' ',
  '  ',
  '#',
  ' #',
  ' # c',
  '\n# c\n',
  '\n  # c\n',
  ':',
  ': ',
  ' :',
  '"',
  "'",
  "''",
  '\\',
  '\\"',
  '\\n',
  '\\x41',
  '\\x4',
  '\\u00e9',
  '\\u0662',
  '\\ud83d',
  '\\uD83D\\uDE00',
  '\\u12',
  '[',
  ']',
  '{',
  '}',
  ',',
  ', ',
  '[]',
  '{}',
  '- ',
  '-',
  '\n- ',
  '\n-\n',
  '\n',
  '\n\n',
  '\n  ',
  'x',
  'x: 1',
  'x:',
  '|',
  '|-',
  '>',
  '&a ',
  '*a',
  '!',
  '!!str ',
  '?',
  '? ',
  '~',
  'null',
  '0',
  '-1',
  '0x1F',
  '1e3',
  '.5',
  'true',
  '<<',
  '__proto__',
  '%',
  '@',
  '`',
  '---',
  '...',
  '\t',
  '\r',
  'é',
  '9007199254740993',
  ' - ',
  '"a": 1',
  '{ a: 1 }',
];

/** A bench pipeline with 1 to 4 random edits: characters inserted or deleted, lines indented, moved, repeated. */
function mutant(rng: () => number, n: number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
  let text = dagsmithYaml(describePipeline(n % 50));
  // Smaller documents make more of them affordable: keep the head and a few steps.
  text = text.slice(0, text.indexOf('\n  - id:', 600 + Math.floor(rng() * 800)) + 1 || undefined);
  // Half of them write their SQL as block scalars, as people do: literal or folded, clip or strip, over a few lines
  // with empty lines between, and sometimes empty lines after.
  if (rng() < 0.5) {
    text = text.replace(/^( +)(sql|query): "(.*)"$/gm, (_, indent: string, key: string, sql: string) => {
      const header = pick(['|', '|-', '>', '>-', '| # sql', '>- # sql']);
      const deeper = `${indent}${pick(['  ', '    ', ' '])}`;
      const words = sql.split(' ');
      const lines: string[] = [];
      while (words.length > 0) lines.push(words.splice(0, 1 + Math.floor(rng() * 5)).join(' '));
      const body = lines.map((l) => `${deeper}${l}`).join(pick(['\n', '\n', '\n\n', `\n${indent}\n`]));
      return `${indent}${key}: ${header}\n${body}${pick(['', '', '\n', `\n${indent}`])}`;
    });
  }
  for (let i = 1 + Math.floor(rng() * 4); i > 0; i--) {
    const r = rng();
    const at = Math.floor(rng() * (text.length + 1));
    if (r < 0.45) text = text.slice(0, at) + pick(EDITS) + text.slice(at);
    else if (r < 0.6) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(rng() * 4));
    else {
      const lines = text.split('\n');
      const a = Math.floor(rng() * lines.length);
      if (r < 0.67) lines[a] = ` ${lines[a]}`;
      else if (r < 0.74) lines[a] = lines[a]!.replace(/^ {1,2}/, '');
      else if (r < 0.78) lines[a] = `  ${lines[a]}`;
      else if (r < 0.82) lines.splice(a, 0, lines[a]!);
      else if (r < 0.85) lines.splice(a, 1);
      // A comment line (yaml's ranges around comments after a collection's last entry are the locator's business).
      else lines.splice(a, 0, `${' '.repeat(Math.floor(rng() * 6))}# note`);
      text = lines.join('\n');
    }
  }
  return text;
}

describe('load/yaml block parser', () => {
  it('reads every YAML file of the repository it accepts exactly as the full path does', () => {
    const files = [...yamlFilesUnder(join(ROOT, 'test')), ...yamlFilesUnder(join(ROOT, 'pipelines'))];
    expect(files.length).to.be.greaterThan(50);
    const ran = quietly(() => files.map((f) => expectBlockSameAsFull(readFileSync(f, 'utf8'))));
    // Most fixtures are plain block YAML: the block parser must be the common path.
    expect(ran.filter((r) => r !== 'refused').length).to.be.greaterThan(files.length / 3);
  });

  it('reads every pipeline of the bench generator, positions included, without a second parse', function () {
    this.timeout(120_000);
    for (let i = 0; i < 220; i++) {
      const text = dagsmithYaml(describePipeline(i));
      expect(expectBlockSameAsFull(text), `pipeline ${i}`).to.equal('block');
      const locator = loadYamlText(FILE, ABS, text).spec!.locator as LazyYamlLocator;
      locator.locate(['steps', 0, 'id']);
      expect(locator.parsedAgain).to.equal(false);
    }
  });

  it('agrees with the full path on mutated bench pipelines', function () {
    const runs = Number(process.env.DAGSMITH_YAML_FUZZ_RUNS ?? 1500);
    const seed = Number(process.env.DAGSMITH_YAML_FUZZ_SEED ?? 1);
    this.timeout(Math.max(120_000, runs * 200));
    const rng = makeRng(seed);
    const counts = new Map<Ran, number>();
    let blockScalars = 0;
    quietly(() => {
      for (let n = 0; n < runs; n++) {
        const text = mutant(rng, n);
        const ran = expectBlockSameAsFull(text);
        counts.set(ran, (counts.get(ran) ?? 0) + 1);
        if (ran !== 'refused' && /: [|>]/.test(text)) blockScalars++;
      }
    });
    if (process.env.DAGSMITH_YAML_FUZZ_RUNS) console.log(`    seed ${seed}, ${runs} mutants:`, Object.fromEntries(counts), { blockScalars });
    // Block scalars, read by the parser, too.
    expect(blockScalars).to.be.greaterThan(runs / 20);
    // Both answers, and both ways to positions, must be exercised or the comparison proves little.
    expect(counts.get('block') ?? 0).to.be.greaterThan(runs / 5);
    expect(counts.get('block, parsed again') ?? 0).to.be.greaterThan(runs / 100);
    expect(counts.get('refused') ?? 0).to.be.greaterThan(runs / 5);
  });

  it('reads block scalars and escapes as yaml does', () => {
    const cases: [string, unknown][] = [
      ['a: |\n  x\n   y\n\n  z\n\nb: 1\n', { a: 'x\n y\n\nz\n', b: 1 }],
      ['a: |-\n  x\n  y\n', { a: 'x\ny' }],
      ['a: >\n  x\n  y\n\n  z\n', { a: 'x y\nz\n' }],
      ['a: >- # c\n  x\n  # y\n', { a: 'x # y' }],
      ['- |\n  x\n- y\n', ['x\n', 'y']],
      ['a: "t\\u00e4glich \\x41\\\\d"\n', { a: 't\u00e4glich A\\d' }],
      // Escapes and quotes in several scalars, before and after others without (the next backslash is searched once).
      [
        'a: "x"\nb: "y\\n\\"z\\""\nc: "w"\nd: [\'it\'\'s\', "\\\\", "v"]\ne: "\\t"\n',
        { a: 'x', b: 'y\n"z"', c: 'w', d: ["it's", '\\', 'v'], e: '\t' },
      ],
      ['- "\\"a"\n- b\n- "c\\""\n', ['"a', 'b', 'c"']],
    ];
    for (const [text, want] of cases) {
      expect(blockLoadYaml(text)?.data, text).to.deep.equal(want);
      expect(expectBlockSameAsFull(text), text).to.equal('block');
    }
  });

  it('reads colons and hashes inside plain keys and scalars as yaml does (they are found with indexOf)', () => {
    const cases = [
      'a: b:c\nd: e\n',
      'a: b#c # d\ne: f#\n',
      'a: x   # c\nb: y\n',
      'a:b: c\nd:e:f: g:h\n',
      'url: http://x:80/p#frag\nk: v\n',
      '- a:b\n- c:d\n- e\n- f#g\n- "h:i"\n- j\n',
      'a: "x\\\\" # c\nb: "y:z # w"\n',
      'k: v:\n',
      'k: v: w\n',
      'a#b: 1\n',
      'a #b: 1\n',
      'a: b #c: d\ne: 1\n',
    ];
    const ran = cases.map((text) => expectBlockSameAsFull(text));
    expect(ran.slice(0, 7), JSON.stringify(ran)).to.not.include('refused');
  });

  it('reads keys it has read before as it read them the first time (the key cache)', () => {
    // Keys of the same length whose hashes collide ("Aa" and "BB"), keys that resolve to numbers and booleans, and
    // keys that are prefixes of one another, over several documents so that the cache is warm.
    const docs = [
      'Aa: 1\nBB: 2\n',
      'BB: 3\nAa: 4\n',
      '- Aa: 1\n  BB: 2\n- BB: 3\n  Aa: 4\n  AaBB: 5\n  BBAa: 6\n',
      '1: a\n"1x": b\ntrue: c\nTrue1: d\n0x1F: e\n1.5: f\n',
      '"1": a\n',
      'id: a\nidx: b\ni: c\n',
      'idx: a\nid: b\n',
      'k: {Aa: 1, BB: 2, 1: 3}\n',
    ];
    for (let round = 0; round < 3; round++) for (const text of docs) expect(expectBlockSameAsFull(text), text).to.equal('block');
    // The same key written twice in one mapping is still a duplicate (refused) when both come from the cache.
    expect(blockLoadYaml('Aa: 1\nBB: 2\nAa: 3\n')).to.equal(undefined);
    expect(blockLoadYaml('1: a\n"1": b\n')).to.equal(undefined);
  });

  it('keeps the positions of many files apart (they share buffers)', function () {
    this.timeout(120_000);
    const texts = Array.from({ length: 120 }, (_, i) => dagsmithYaml(describePipeline(i)));
    // One larger than a shared buffer's quarter, which gets a buffer of its own.
    texts.push(
      `- ${Array.from({ length: 1500 }, (_, i) => `k${i}: [a, b, "c"]`).join('\n  ')}\n- ${Array.from({ length: 1500 }, (_, i) => `k${i}: 1`).join('\n  ')}\n`,
    );
    const blocks = texts.map((t) => blockLoadYaml(t)!);
    texts.forEach((text, i) => {
      const full = loadYamlTextFull(FILE, ABS, text);
      const locator = new LazyYamlLocator(text, blocks[i]!.positions);
      for (const path of pathsOf(full.spec!.data, 400)) {
        for (const at of ['key', 'value'] as const)
          expect(locator.locate(path, at), `${i} ${path.join('.')}`).to.deep.equal(full.spec!.locator.locate(path, at));
      }
    });
  });

  it('refuses what is outside its subset (the fast path reads it as before)', () => {
    const refused = [
      '',
      '# only a comment\n',
      'just a scalar\n',
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      '? a\n: 1\n',
      '%YAML 1.2\n---\na: 1\n',
      '---\na: 1\n',
      'a: 1\n...\n',
      'a:\tb\n',
      'a: b\r\n',
      'a: 1\na: 2\n',
      'a: 1\n"a": 2\n',
      '<<: {b: 1}\n',
      '__proto__: 1\n',
      '~: 1\n',
      '[a]: 1\n',
      'a: b\n  c\n',
      'a: "b\n  c"\n',
      'a: "\\q"\n',
      'a: "\\ud83d"\n',
      'a: [b,\n  c]\n',
      'a: [b, ]\n',
      'a: {b}\n',
      'a: {b: c: d}\n',
      'a: [b: c]\n',
      'a: "b"#c\n',
      'a: |+\n  x\n',
      'a: |2\n  x\n',
      'a: |\nb: 1\n',
      'a: >\n  x\n    y\n',
      '- - a\n',
      '-\n',
      'a: 9007199254740993\n',
      `${'k'.repeat(1000)}: v\n`,
    ];
    for (const text of refused) expect(blockLoadYaml(text), JSON.stringify(text)).to.equal(undefined);
  });

  it('agrees with the full path on generated YAML', function () {
    const runs = Number(process.env.DAGSMITH_YAML_FUZZ_RUNS ?? 1500);
    const seed = Number(process.env.DAGSMITH_YAML_FUZZ_SEED ?? 1);
    this.timeout(Math.max(120_000, runs * 200));
    const counts = new Map<Ran, number>();
    quietly(() => {
      for (let n = 0; n < runs; n++) {
        const ran = expectBlockSameAsFull(generateYaml(seed, n));
        counts.set(ran, (counts.get(ran) ?? 0) + 1);
      }
    });
    if (process.env.DAGSMITH_YAML_FUZZ_RUNS) console.log(`    seed ${seed}, ${runs} documents:`, Object.fromEntries(counts));
    expect(counts.get('block') ?? 0).to.be.greaterThan(runs / 50);
    expect(counts.get('refused') ?? 0).to.be.greaterThan(runs / 5);
  });
});
