/** The stored manifest: checked in full before it is trusted (it comes from a bucket), stored in a stable form. */
import { expect } from 'chai';
import { MANIFEST_FORMAT, ManifestError, parseManifest, sameManifest, serializeManifest, type Manifest } from '../../src/sync/manifest';

const entry = (name: string, extra: Record<string, unknown> = {}) => ({ name, sha256: 'a'.repeat(64), size: 3, etag: '"e"', ...extra });
const doc = (files: unknown[], more: Record<string, unknown> = {}) => JSON.stringify({ format: 1, airflow: '3.0.6', files, pruning: [], ...more });

describe('sync manifest', () => {
  it('round-trips, sorted by name, with the summary kept as given', () => {
    const m: Manifest = {
      format: MANIFEST_FORMAT,
      airflow: '3.0.6',
      files: [entry('b.py', { summary: { steps: ['x'] } }), entry('a.py')],
      pruning: [],
    };
    const text = serializeManifest(m, 'dagsmith 0.1.0');
    const back = parseManifest(text);
    expect(back.files.map((e) => e.name)).to.deep.equal(['a.py', 'b.py']);
    expect(back.files[1]!.summary).to.deep.equal({ steps: ['x'] });
    expect(sameManifest(back, m)).to.equal(true);
    expect(serializeManifest(back, 'dagsmith 0.1.0')).to.equal(text);
    expect(sameManifest(back, { ...m, files: [entry('a.py'), entry('b.py', { summary: { steps: ['y'] } })] })).to.equal(false);
  });

  it('refuses what it cannot trust: not JSON, another format, bad fields, unsafe or repeated names', () => {
    const bad: [string, string][] = [
      ['{', 'not JSON'],
      [doc([], { format: 2 }), '/format'],
      [doc([entry('a.py', { sha256: 'xyz' })]), '/files/0/sha256'],
      [doc([entry('a.py', { size: -1 })]), '/files/0/size'],
      [doc([entry('a.py', { extra: 1 })]), 'must NOT have additional properties'],
      [doc([entry('a.py', { summary: [] })]), '/files/0/summary'],
      [doc([entry('../x.py')]), "'../x.py'"],
      [doc([entry('/abs.py')]), "'/abs.py'"],
      [doc([entry('a//b.py')]), "'a//b.py'"],
      [doc([entry('a.py'), entry('a.py')]), "lists 'a.py' twice"],
      [doc([entry('a.py')], { pruning: [entry('a.py')] }), "lists 'a.py' twice"],
    ];
    for (const [text, message] of bad) {
      expect(() => parseManifest(text), text).to.throw(ManifestError, message);
    }
  });
});
