import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LazyYamlLocator, loadYamlText, loadYamlTextFull } from '../../src/load/yaml';
import { checkData, fastLoadYaml, type FallbackReason } from '../../src/load/yaml-fast';
import { MAX_DEPTH, MAX_KEYS_PER_MAPPING } from '../../src/load/yaml-limits';
import { dagsmithYaml, describePipeline } from '../../scripts/bench/generate';
import { generateYaml } from './yaml-generator';
import { difference, pathsOf, quietly, yamlFilesUnder } from './yaml-compare';

const ROOT = join(__dirname, '..', '..');
const FILE = 'pipelines/p.yaml';
const ABS = '/project/pipelines/p.yaml';

/**
 * The contract: `loadYamlText` returns what the full path returns (data, diagnostics, positions), and the fast path
 * either falls back or returns exactly the full path's data with no diagnostic. Returns which path ran.
 */
function expectSameAsFull(text: string): FallbackReason | 'fast' | 'fast, parsed again' {
  const stripped = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const fast = fastLoadYaml(stripped);
  const full = loadYamlTextFull(FILE, ABS, text);
  const actual = loadYamlText(FILE, ABS, text);
  const show = JSON.stringify(text.length > 2000 ? `${text.slice(0, 2000)}...` : text);
  expect(actual.diagnostics, show).to.deep.equal(full.diagnostics);
  expect(actual.spec === undefined, show).to.equal(full.spec === undefined);
  if (!full.spec || !actual.spec) return fast.ok ? 'fast' : fast.reason;
  expect(difference(actual.spec.data, full.spec.data), show).to.equal(undefined);
  if (!fast.ok) return fast.reason;
  expect(full.diagnostics, show).to.deep.equal([]);
  expect(difference(fast.data, full.spec.data), show).to.equal(undefined);
  for (const path of pathsOf(full.spec.data, 200)) {
    for (const at of ['key', 'value'] as const) {
      expect(actual.spec.locator.locate(path, at), `${show} ${path.join('.')} ${at}`).to.deep.equal(full.spec.locator.locate(path, at));
    }
  }
  return (actual.spec.locator as LazyYamlLocator).parsedAgain ? 'fast, parsed again' : 'fast';
}

describe('load/yaml fast path', () => {
  it('reads every YAML file of the repository exactly as the full path does', () => {
    const files = [...yamlFilesUnder(join(ROOT, 'test')), ...yamlFilesUnder(join(ROOT, 'pipelines'))];
    expect(files.length).to.be.greaterThan(50);
    const ran = quietly(() => files.map((f) => expectSameAsFull(readFileSync(f, 'utf8'))));
    // Most fixtures are ordinary YAML: the fast path (positions included) must be the common path, not a rare one.
    expect(ran.filter((r) => r === 'fast').length).to.be.greaterThan(files.length / 2);
  });

  it('reads every pipeline of the bench generator on the fast path, positions included', () => {
    for (let i = 0; i < 200; i++) expect(expectSameAsFull(dagsmithYaml(describePipeline(i)))).to.equal('fast');
  });

  it('agrees with the full path on generated and mutated YAML', function () {
    const runs = Number(process.env.DAGSMITH_YAML_FUZZ_RUNS ?? 1000);
    const seed = Number(process.env.DAGSMITH_YAML_FUZZ_SEED ?? 1);
    this.timeout(Math.max(120_000, runs * 100));
    const counts = new Map<string, number>();
    quietly(() => {
      for (let n = 0; n < runs; n++) {
        const ran = expectSameAsFull(generateYaml(seed, n));
        counts.set(ran, (counts.get(ran) ?? 0) + 1);
      }
    });
    if (process.env.DAGSMITH_YAML_FUZZ_RUNS)
      console.log(`    seed ${seed}, ${runs} documents:`, Object.fromEntries([...counts].sort((a, b) => b[1] - a[1])));
    // The generator must exercise both paths, and both ways to positions, or the comparison proves nothing.
    expect(counts.get('fast') ?? 0).to.be.greaterThan(runs / 5);
    expect(counts.get('fast, parsed again') ?? 0).to.be.greaterThan(runs / 50);
    expect(runs - (counts.get('fast') ?? 0) - (counts.get('fast, parsed again') ?? 0)).to.be.greaterThan(runs / 5);
  });

  describe('falls back, and the full path reports as before', () => {
    const nested = (levels: number) => `a: ${'['.repeat(levels - 1)}x${']'.repeat(levels - 1)}\n`;
    const cases: readonly [FallbackReason, string][] = [
      ['parse-error', 'a: [1, 2\n'],
      ['parse-error', 'a: 1\na: 2\n'],
      ['parse-error', 'a: !!int 5\n'],
      ['parse-error', 'a: !custom x\n'],
      ['document-marker', 'a: 1\n---\nb: 2\n'],
      ['document-marker', '--- a: 1\n'],
      ['document-marker', 'a: 1\n...\n'],
      ['document-marker', '---x\n'],
      ['parse-error', `a:\n${' [\n'.repeat(5000)} x\n${' ]\n'.repeat(5000)}`],
      ['empty', ''],
      ['empty', '# only a comment\n'],
      ['empty', '~\n'],
      ['merge-key', 'base: {a: 1}\nchild:\n  <<: {b: 2}\n'],
      ['anchor-or-alias', 'a: &x {b: 1}\nc: *x\n'],
      ['anchor-or-alias', 'a: &x 1\nb: *x\n'],
      ['anchor-or-alias', 'a: &x\nb: *x\n'],
      ['anchor-or-alias', `a: &a [1]\nb: &b [*a, *a]\nc: &c [*b, *b]\n`],
      ['anchor-or-alias', 'a: &x 1\n'],
      ['tag', 'a: ! x\n'],
      ['tag', 'a: !<?> 1\n'],
      ['tag', '!x\n |-\n  a\n'],
      ['anchor-or-alias', '&x\n |-\n  a\n'],
      ['unsafe-integer', 'a: 9007199254740993\n'],
      ['unsafe-integer', '9007199254740993: a\n'],
      ['unsafe-integer', 'a: 0x20000000000001\n'],
      ['unsafe-integer', 'a: 1e20\n'],
      ['depth', nested(MAX_DEPTH + 1)],
      ['keys', Array.from({ length: MAX_KEYS_PER_MAPPING + 1 }, (_, i) => `k${i}: ${i}`).join('\n')],
      ['null-key', '~: 1\n'],
      ['null-key', '{: 1}\n'],
      ['collection-key', '[a]: 1\n'],
      ['collection-key', '? {a: 1}\n: 2\n'],
      ['collection-key', '[[]: []]\n'],
      ['empty-sequence-entry', '- - y\n  -\n- z\n'],
      ['empty-sequence-entry', 'a:\n  - x:\n      - y\n      - # c\n  - z\n'],
      ['tab', 'a:\tb\n'],
      ['carriage-return', 'a: b\r\nc: d\r\n'],
      ['byte-order-mark', 'a: b\n\uFEFF'],
      ['comment-without-space', 'a: "x"#c\n'],
      ['comment-without-space', 'a: {x: y,#c\n  }\n'],
      ['comment-without-space', 'a: {}#c\n'],
      ['comment-without-space', 'a: [b]#c\n'],
      ['block-scalar-header', 'a: |+\n  x\n\n'],
      ['block-scalar-header', 'a: >2-\n   x\n'],
      ['block-scalar-header', 'a: >\n   \n\n  x\n'],
      ['flow-indentation', 'a:\n  b: {x: 1,\n  y: 2}\n'],
      ['flow-indentation', 'a: "x\ny"\n'],
      ['directive', '%YAML 1.1\n---\na: yes\n'],
      ['long-line', `${'k'.repeat(1030)}: v\n`],
    ];
    for (const [reason, text] of cases) {
      it(`${reason}: ${JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}...` : text)}`, () => {
        const r = fastLoadYaml(text);
        expect(r.ok ? 'fast' : r.reason).to.equal(reason);
        quietly(() => expectSameAsFull(text));
      });
    }

    it('shared-object: data reachable twice, or containing itself (js-yaml builds it only through aliases)', () => {
      const shared = { a: 1 };
      expect(checkData({ x: shared, y: shared }, new Set())).to.equal('shared-object');
      const cyclic: unknown[] = [];
      cyclic.push(cyclic);
      expect(checkData({ x: cyclic }, new Set())).to.equal('shared-object');
      expect(checkData({ x: { a: 1 }, y: [{ a: 1 }] }, new Set())).to.equal(0);
    });

    it('accepts the limits themselves', () => {
      expect(fastLoadYaml(nested(MAX_DEPTH)).ok).to.equal(true);
      expect(fastLoadYaml('---\na: 1\n').ok).to.equal(true);
      expect(fastLoadYaml(Array.from({ length: MAX_KEYS_PER_MAPPING }, (_, i) => `k${i}: ${i}`).join('\n')).ok).to.equal(true);
      expect(fastLoadYaml('a: 9007199254740991\nb: 1e15\nc: 1.5e300\n').ok).to.equal(true);
    });
  });

  it('resolves scalars as the yaml library does with the YAML 1.2 core schema', () => {
    const cases: [string, unknown][] = [
      ['0b1', '0b1'],
      ['1_000', '1_000'],
      ['+12', 12],
      ['.5', 0.5],
      ['0o7', 7],
      ['0x1F', 31],
      ['1e3', 1000],
      ['~', null],
      ['Null', null],
      ['True', true],
      ['2026-01-01', '2026-01-01'],
      ['on', 'on'],
      ['yes', 'yes'],
      ['=', '='],
      ['-0', -0],
      ['012', 12],
      ['-0x1', '-0x1'],
      ['.NaN', NaN],
      ['-.inf', -Infinity],
      ['1.', 1],
      ['tRUE', 'tRUE'],
      ['"12"', '12'],
    ];
    for (const [text, want] of cases) {
      const r = fastLoadYaml(`v: ${text}\n`);
      expect(r.ok, text).to.equal(true);
      expect(Object.is((r as { data: { v: unknown } }).data.v, want), `${text} -> ${String(want)}`).to.equal(true);
      expectSameAsFull(`v: ${text}\n`);
    }
  });

  it('parses for positions only when one is asked for', () => {
    const r = loadYamlText(FILE, ABS, 'version: 1\nid: nightly\n');
    const locator = r.spec!.locator as LazyYamlLocator;
    expect(locator).to.be.instanceOf(LazyYamlLocator);
    expect(locator.materialized).to.equal(false);
    expect(locator.locate(['id'])).to.deep.equal({ line: 2, col: 5, endLine: 2, endCol: 12 });
    expect(locator.materialized).to.equal(true);
    expect(locator.locate(['id'], 'key')).to.deep.equal({ line: 2, col: 1, endLine: 2, endCol: 3 });
  });

  it('takes positions from the fast parse, and parses again only for what its table does not cover', () => {
    const plain = loadYamlText(FILE, ABS, 'id: nightly\nsteps:\n  - id: a\n    sql: |\n      SELECT 1\n\n');
    const table = plain.spec!.locator as LazyYamlLocator;
    expect(table.locate(['steps', 0, 'sql'])).to.deep.equal({ line: 4, col: 10, endLine: 6, endCol: 1 });
    expect(table.parsedAgain).to.equal(false);
    // A comment after the last entry: `yaml` stretches ranges over it in ways the table does not follow.
    const commented = loadYamlText(FILE, ABS, 'id: nightly\nsteps:\n  - id: a\n    # - id: b\n');
    const again = commented.spec!.locator as LazyYamlLocator;
    expect(again.locate(['steps', 0])).to.deep.equal(
      loadYamlTextFull(FILE, ABS, 'id: nightly\nsteps:\n  - id: a\n    # - id: b\n').spec!.locator.locate(['steps', 0]),
    );
    expect(again.parsedAgain).to.equal(true);
  });

  it('counts columns after a byte-order mark as the full path does', () => {
    const r = loadYamlText(FILE, ABS, '\uFEFFid: nightly\n');
    expect(r.spec!.locator).to.be.instanceOf(LazyYamlLocator);
    expect(r.spec!.locator.locate(['id'])).to.deep.equal({ line: 1, col: 5, endLine: 1, endCol: 12 });
    expect(r.spec!.text.startsWith('\uFEFF')).to.equal(true);
  });
});
