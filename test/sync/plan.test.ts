/** The sync plan as a pure function: local files + remote listing + manifest -> what to upload, keep, delete. */
import { expect } from 'chai';
import { MANIFEST_FORMAT, type Manifest, type ManifestEntry } from '../../src/sync/manifest';
import { planSync, type PlanInput, type PlanLocalFile, type RemoteObject } from '../../src/sync/plan';

const sha = (c: string) => c.repeat(64);
const local = (name: string, c: string, summary?: Record<string, unknown>): PlanLocalFile => ({
  name,
  sha256: sha(c),
  size: 10,
  ...(summary ? { summary } : {}),
});
const entry = (name: string, c: string, etag: string, summary?: Record<string, unknown>): ManifestEntry => ({
  name,
  sha256: sha(c),
  size: 10,
  etag,
  ...(summary ? { summary } : {}),
});
const obj = (name: string, etag: string): RemoteObject => ({ name, size: 10, etag });
const manifest = (files: ManifestEntry[], pruning: ManifestEntry[] = []): Manifest => ({
  format: MANIFEST_FORMAT,
  airflow: '2.10.3',
  files,
  pruning,
});
const plan = (p: Partial<PlanInput>) => planSync({ local: [], remote: [], manifest: undefined, airflow: '2.10.3', prune: false, ...p });

describe('sync plan (pure)', () => {
  it('uploads every file on a first sync and writes a manifest', () => {
    const p = plan({ local: [local('b.py', 'b'), local('a.py', 'a')] });
    expect(p.uploads.map((u) => [u.file.name, u.reason])).to.deep.equal([
      ['a.py', 'new'],
      ['b.py', 'new'],
    ]);
    expect(p.writes).to.equal(true);
    expect(p.manifest.files.map((e) => e.name)).to.deep.equal(['a.py', 'b.py']);
  });

  it('plans nothing when the manifest, the listing and the local hashes agree (no write at all)', () => {
    const p = plan({
      local: [local('a.py', 'a'), local('b.py', 'b')],
      remote: [obj('a.py', '"ea"'), obj('b.py', '"eb"')],
      manifest: manifest([entry('a.py', 'a', '"ea"'), entry('b.py', 'b', '"eb"')]),
    });
    expect(p.uploads).to.deep.equal([]);
    expect(p.unchanged.map((e) => e.name)).to.deep.equal(['a.py', 'b.py']);
    expect(p.writes).to.equal(false);
  });

  it('uploads a changed file only, and an entry whose summary alone changed rewrites only the manifest', () => {
    const remote = [obj('a.py', '"ea"'), obj('b.py', '"eb"')];
    const m = manifest([entry('a.py', 'a', '"ea"'), entry('b.py', 'b', '"eb"', { steps: 1 })]);
    const changed = plan({ local: [local('a.py', 'x'), local('b.py', 'b', { steps: 1 })], remote, manifest: m });
    expect(changed.uploads.map((u) => [u.file.name, u.reason])).to.deep.equal([['a.py', 'changed']]);
    const summary = plan({ local: [local('a.py', 'a'), local('b.py', 'b', { steps: 2 })], remote, manifest: m });
    expect(summary.uploads).to.deep.equal([]);
    expect(summary.writes).to.equal(true);
    expect(summary.manifest.files[1]!.summary).to.deep.equal({ steps: 2 });
  });

  it('restores managed objects that are missing or were changed outside dagsmith', () => {
    const p = plan({
      local: [local('a.py', 'a'), local('b.py', 'b')],
      remote: [obj('b.py', '"other"')],
      manifest: manifest([entry('a.py', 'a', '"ea"'), entry('b.py', 'b', '"eb"')]),
    });
    expect(p.uploads.map((u) => [u.file.name, u.reason])).to.deep.equal([
      ['a.py', 'missing remotely'],
      ['b.py', 'changed remotely'],
    ]);
  });

  it('never deletes without --prune; with it, deletes only managed objects still as dagsmith wrote them', () => {
    const remote = [obj('a.py', '"ea"'), obj('gone.py', '"eg"'), obj('edited.py', '"hand"'), obj('hand.py', '"eh"')];
    const m = manifest([
      entry('a.py', 'a', '"ea"'),
      entry('gone.py', 'g', '"eg"'),
      entry('edited.py', 'e', '"ee"'),
      entry('vanished.py', 'v', '"ev"'),
    ]);
    const keep = plan({ local: [local('a.py', 'a')], remote, manifest: m });
    expect(keep.deletes).to.deep.equal([]);
    expect(keep.kept.map((e) => e.name)).to.deep.equal(['gone.py']);
    expect(keep.dropped).to.deep.equal([
      { name: 'edited.py', reason: 'changed outside dagsmith' },
      { name: 'vanished.py', reason: 'gone' },
    ]);
    expect(keep.unmanaged).to.deep.equal(['hand.py']);
    expect(keep.manifest.files.map((e) => e.name)).to.deep.equal(['a.py', 'gone.py']);

    // With --prune, the object to delete is probed first (HEAD): its own metadata must carry the manifest's hash.
    const first = plan({ local: [local('a.py', 'a')], remote, manifest: m, prune: true });
    expect(first.probe).to.deep.equal(['gone.py']);
    expect(first.deletes).to.deep.equal([]);
    const probes = new Map([['gone.py', { etag: '"eg"', sha256: sha('g') }]]);
    const prune = plan({ local: [local('a.py', 'a')], remote, manifest: m, prune: true, probes });
    expect(prune.probe).to.deep.equal([]);
    expect(prune.deletes.map((e) => e.name)).to.deep.equal(['gone.py']);
    expect(prune.unmanaged).to.deep.equal(['hand.py']);
    // The manifest written before the deletes no longer lists the object, and holds it as pending deletion.
    expect(prune.manifest.files.map((e) => e.name)).to.deep.equal(['a.py']);
    expect(prune.manifest.pruning.map((e) => e.name)).to.deep.equal(['gone.py']);
  });

  it("deletes with --prune only what the object itself proves is ours: its metadata hash is the manifest entry's", () => {
    const m = manifest([entry('a.py', 'a', '"ea"'), entry('theirs.py', 't', '"et"'), entry('other.py', 'o', '"eo"'), entry('ours.py', 'u', '"eu"')]);
    const remote = [obj('a.py', '"ea"'), obj('theirs.py', '"et"'), obj('other.py', '"eo"'), obj('ours.py', '"eu"')];
    const probes = new Map([
      ['theirs.py', { etag: '"et"', sha256: undefined }],
      ['other.py', { etag: '"eo"', sha256: sha('x') }],
      ['ours.py', { etag: '"eu"', sha256: sha('u') }],
    ]);
    const p = plan({ local: [local('a.py', 'a')], remote, manifest: m, prune: true, probes });
    expect(p.deletes.map((e) => e.name)).to.deep.equal(['ours.py']);
    expect(p.dropped).to.deep.equal([
      { name: 'other.py', reason: 'not uploaded by dagsmith' },
      { name: 'theirs.py', reason: 'not uploaded by dagsmith' },
    ]);
    // Forgotten: the manifest written no longer claims them, and nothing deletes them.
    expect([...p.manifest.files, ...p.manifest.pruning].map((e) => e.name)).to.deep.equal(['a.py', 'ours.py']);
    // An answer about another version of the object (its ETag changed since the HEAD) proves nothing: probe again.
    const stale = plan({
      local: [local('a.py', 'a')],
      remote,
      manifest: m,
      prune: true,
      probes: new Map([...probes, ['ours.py', { etag: '"x"', sha256: sha('u') }]]),
    });
    expect(stale.probe).to.deep.equal(['ours.py']);
    expect(stale.deletes).to.deep.equal([]);
  });

  it('finishes an interrupted prune with --prune, keeps it pending without, and forgets it once gone', () => {
    const m = manifest([entry('a.py', 'a', '"ea"')], [entry('old.py', 'o', '"eo"')]);
    const remote = [obj('a.py', '"ea"'), obj('old.py', '"eo"')];
    const without = plan({ local: [local('a.py', 'a')], remote, manifest: m });
    expect(without.deletes).to.deep.equal([]);
    expect(without.unmanaged).to.deep.equal([]);
    expect(without.writes).to.equal(false);
    const probes = new Map([['old.py', { etag: '"eo"', sha256: sha('o') }]]);
    expect(plan({ local: [local('a.py', 'a')], remote, manifest: m, prune: true, probes }).deletes.map((e) => e.name)).to.deep.equal(['old.py']);
    const done = plan({ local: [local('a.py', 'a')], remote: [obj('a.py', '"ea"')], manifest: m, prune: true });
    expect(done.deletes).to.deep.equal([]);
    expect(done.manifest.pruning).to.deep.equal([]);
  });

  it('asks to probe objects at our names that no manifest lists, then adopts, replaces or refuses them', () => {
    const input = {
      local: [local('a.py', 'a'), local('b.py', 'b'), local('c.py', 'c')],
      remote: [obj('a.py', '"ea"'), obj('b.py', '"eb"'), obj('c.py', '"ec"')],
    };
    const first = plan(input);
    expect(first.probe).to.deep.equal(['a.py', 'b.py', 'c.py']);
    const probes = new Map([
      ['a.py', { etag: '"ea"', sha256: sha('a') }],
      ['b.py', { etag: '"eb"', sha256: sha('x') }],
      ['c.py', { etag: '"ec"', sha256: undefined }],
    ]);
    const second = plan({ ...input, probes });
    expect(second.probe).to.deep.equal([]);
    expect(second.adopted).to.deep.equal(['a.py']);
    expect(second.uploads.map((u) => [u.file.name, u.reason])).to.deep.equal([['b.py', 'replaces an unrecorded upload']]);
    expect(second.conflicts).to.deep.equal(['c.py']);
    // A probe answer for another version of the object (its ETag changed since) does not count.
    expect(plan({ ...input, probes: new Map([...probes, ['a.py', { etag: '"old"', sha256: sha('a') }]]) }).probe).to.deep.equal(['a.py']);
  });

  it('treats names like constructor and __proto__ as data', () => {
    const p = plan({ local: [local('constructor', 'a')], remote: [obj('__proto__', '"e"'), obj('toString', '"t"')] });
    expect(p.uploads.map((u) => u.file.name)).to.deep.equal(['constructor']);
    expect(p.unmanaged).to.deep.equal(['__proto__', 'toString']);
  });
});
