import { expect } from 'chai';
import { createHash } from 'node:crypto';
import type { JsonPath, SourceRange } from '../../src/diagnostics/types';
import { loadYamlText } from '../../src/load/yaml';

function load(text: string) {
  const r = loadYamlText('pipelines/p.yaml', '/project/pipelines/p.yaml', text);
  return { ...r, diags: r.diagnostics.map((d) => [d.code, d.severity, d.line, d.col] as const) };
}

function locator(text: string): (path: JsonPath, at?: 'key' | 'value') => SourceRange {
  const r = load(text);
  expect(r.diagnostics, 'loads cleanly').to.deep.equal([]);
  return (path, at) => r.spec!.locator.locate(path, at);
}

const at = (line: number, col: number, endLine: number, endCol: number): SourceRange => ({ line, col, endLine, endCol });

const PIPELINE = [
  'version: 1', //                          1
  'id: nightly', //                         2
  'steps:', //                              3
  '  - id: clean', //                       4
  '    kind: glue.job', //                  5
  '    arguments:', //                      6
  '      "--run_date": "{{ ds }}"', //      7
  '    dependsOn: [a, b]', //               8
  '    job:', //                            9
  '',
].join('\n');

describe('load/yaml', () => {
  describe('YamlLocator', () => {
    const locate = locator(PIPELINE);

    it('points at the value, or at the key when asked', () => {
      expect(locate(['id'])).to.deep.equal(at(2, 5, 2, 12));
      expect(locate(['id'], 'key')).to.deep.equal(at(2, 1, 2, 3));
      expect(locate(['steps', 0, 'kind'])).to.deep.equal(at(5, 11, 5, 19));
      expect(locate(['steps', 0, 'kind'], 'key')).to.deep.equal(at(5, 5, 5, 9));
      expect(locate(['steps', 0, 'arguments', '--run_date'], 'key')).to.deep.equal(at(7, 7, 7, 19));
      expect(locate(['steps', 0, 'arguments', '--run_date'])).to.deep.equal(at(7, 21, 7, 31));
    });

    it('points at list items by index', () => {
      expect(locate(['steps', 0, 'dependsOn', 0])).to.deep.equal(at(8, 17, 8, 18));
      expect(locate(['steps', 0, 'dependsOn', 1])).to.deep.equal(at(8, 20, 8, 21));
    });

    it('points at the mapping itself for a path that ends at it (where a missing key belongs)', () => {
      expect(locate(['steps', 0]).line).to.equal(4);
      expect(locate(['steps', 0]).col).to.equal(5);
      expect(locate([])).to.deep.include({ line: 1, col: 1 });
    });

    it('stops at the deepest node that exists', () => {
      expect(locate(['steps', 0, 'nope']), 'missing key').to.deep.include({ line: 4, col: 5 });
      expect(locate(['steps', 0, 'nope'], 'key'), 'missing key, key asked').to.deep.include({ line: 4, col: 5 });
      expect(locate(['steps', 0, 'dependsOn', 7]), 'index past the end').to.deep.include({ line: 8, col: 16 });
      expect(locate(['nope', 'deeper'])).to.deep.include({ line: 1, col: 1 });
    });

    it('finds a key with no value', () => {
      expect(locate(['steps', 0, 'job'], 'key')).to.deep.equal(at(9, 5, 9, 8));
    });

    it('follows aliases into the anchored node', () => {
      const l = locator(['a: &x', '  k: 1', 'b: *x', 'c: [*x]', ''].join('\n'));
      expect(l(['b'])).to.deep.equal(at(3, 4, 3, 6));
      expect(l(['b', 'k'], 'key')).to.deep.equal(at(2, 3, 2, 4));
      expect(l(['b', 'k'])).to.deep.equal(at(2, 6, 2, 7));
      expect(l(['c', 0, 'k'])).to.deep.equal(at(2, 6, 2, 7));
    });

    it('finds keys that arrive through << merges, where they are written', () => {
      const text = [
        'steps:', //                   1
        '  - &base', //                2
        '    id: a', //                3
        '    kind: glue.job', //       4
        '    workerTyp: G.1X', //      5
        '  - <<: *base', //            6
        '    id: b', //                7
        '  - <<: [*base]', //          8
        '    id: c', //                9
        '',
      ].join('\n');
      const l = locator(text);
      // Keys written in the merging mapping win and are found there.
      expect(l(['steps', 1, 'id'], 'key')).to.deep.equal(at(7, 5, 7, 7));
      // Keys that only come from the merge are found in the anchored mapping.
      expect(l(['steps', 1, 'workerTyp'], 'key')).to.deep.equal(at(5, 5, 5, 14));
      expect(l(['steps', 1, 'kind'])).to.deep.equal(at(4, 11, 4, 19));
      expect(l(['steps', 2, 'kind'])).to.deep.equal(at(4, 11, 4, 19));
    });

    it('counts lines the same with CRLF line ends', () => {
      const l = locator('version: 1\r\nid: x\r\nsteps:\r\n  - id: a\r\n');
      expect(l(['id'])).to.deep.equal(at(2, 5, 2, 6));
      expect(l(['steps', 0, 'id'])).to.deep.equal(at(4, 9, 4, 10));
    });

    it('does not count a byte-order mark as a column', () => {
      const l = locator('\ufeffversion: 1\nid: x\n');
      expect(l(['version'], 'key')).to.deep.equal(at(1, 1, 1, 8));
      expect(l(['id'])).to.deep.equal(at(2, 5, 2, 6));
    });
  });

  describe('loadYamlText', () => {
    it('reads YAML 1.2: yes/on/no stay strings, dates stay strings, 0o17 is octal, merges apply', () => {
      const r = load('on: yes\nno: off\nd: 2026-01-01\nt: 12:30\no: 0o17\nn: ~\nm:\n  <<: {a: 1, b: 2}\n  b: 3\n');
      expect(r.diagnostics).to.deep.equal([]);
      expect(r.spec!.data).to.deep.equal({ on: 'yes', no: 'off', d: '2026-01-01', t: '12:30', o: 15, n: null, m: { a: 1, b: 3 } });
    });

    it('records the file, its text and its sha256', () => {
      const r = load('version: 1\n');
      expect(r.spec!.file).to.equal('pipelines/p.yaml');
      expect(r.spec!.format).to.equal('yaml');
      expect(r.spec!.text).to.equal('version: 1\n');
      expect(r.spec!.sha256).to.equal(createHash('sha256').update('version: 1\n').digest('hex'));
    });

    it('reports a duplicate key at the second occurrence, and yields no data', () => {
      const r = load('a: 1\nb: 2\na: 3\n');
      expect(r.diags).to.deep.equal([['DS102', 'error', 3, 1]]);
      expect(r.spec).to.equal(undefined);
    });

    it('reports an extra document at its start', () => {
      const r = load('a: 1\n---\nb: 2\n---\nc: 3\n');
      expect(r.diags).to.deep.equal([
        ['DS104', 'error', 2, 1],
        ['DS104', 'error', 4, 1],
      ]);
      expect(r.spec).to.equal(undefined);
    });

    it('reports empty, comment-only and blank files once, at 1:1', () => {
      for (const text of ['', '# just a comment\n', '\n\n  \n']) {
        expect(load(text).diags, JSON.stringify(text)).to.deep.equal([['DS103', 'error', 1, 1]]);
      }
    });

    it('reports syntax errors with a position inside the file', () => {
      const r = load('version: 1\nid: a: b\n');
      expect(r.diags).to.deep.equal([['DS101', 'error', 2, 5]]);
    });

    it('reports an unresolved alias at the alias', () => {
      const r = load('version: 1\nid: *name\n');
      expect(r.diags).to.deep.equal([['DS105', 'error', 2, 5]]);
      expect(r.diagnostics[0]!.message).to.not.match(/expand too far/);
      expect(r.diagnostics[0]!.message).to.contain('name');
    });

    it('stops a billion-laughs document instead of expanding it', () => {
      const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
      for (const [i, name] of ['b', 'c', 'd', 'e', 'f', 'g'].entries()) {
        const prev = String.fromCharCode('a'.charCodeAt(0) + i);
        lines.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]`);
      }
      const started = Date.now();
      const r = load(lines.join('\n') + '\n');
      expect(r.diags).to.deep.equal([['DS108', 'error', 1, 1]]);
      expect(Date.now() - started).to.be.lessThan(2000);
    });
  });
});
