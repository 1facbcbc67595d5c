/**
 * Every file write is safe against links (issue 16, finding 1 as a class): src/util/safe-write.ts, and the commands
 * that write through it (compile's DAG files and cache index, init). A project from a pull request may hold links
 * at any name dagsmith writes; what they point to must never be written.
 */
import { expect } from 'chai';
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureRealFolder, UnsafePathError, writeFileSafely, writeNewFile } from '../../src/util/safe-write';
import { WORKFLOW_PATH } from '../../src/scaffold/workflow';
import { makeTemp, removeTemp, runCli } from '../helpers/cli';

describe('safe writes: never through a link dagsmith did not make', () => {
  let root = '';
  let outside = '';
  beforeEach(() => {
    root = makeTemp('safe-write');
    outside = makeTemp('safe-write-outside');
    writeFileSync(join(outside, 'victim'), 'precious\n');
  });
  afterEach(() => {
    removeTemp(root);
    removeTemp(outside);
  });
  const victim = () => readFileSync(join(outside, 'victim'), 'utf8');

  it('creates folders name by name and refuses a link or a file on the way', () => {
    expect(ensureRealFolder(root, 'a/b/c')).to.deep.equal([join(root, 'a'), join(root, 'a/b'), join(root, 'a/b/c')]);
    expect(ensureRealFolder(root, 'a/b/c')).to.deep.equal([]);
    symlinkSync(outside, join(root, 'a', 'link'));
    expect(() => ensureRealFolder(root, 'a/link/d')).to.throw(UnsafePathError, 'a/link is a symbolic link');
    writeFileSync(join(root, 'a', 'file'), '');
    expect(() => ensureRealFolder(root, 'a/file/d')).to.throw(UnsafePathError, 'a/file is not a folder');
    expect(readdirSync(outside)).to.deep.equal(['victim']);
    expect(() => ensureRealFolder(root, '../x')).to.throw('not a path inside its root');
  });

  it('creates new files exclusively: an existing name, a dangling link included, is never opened', () => {
    symlinkSync(join(outside, 'victim'), join(root, 'to-victim'));
    symlinkSync(join(outside, 'not-there'), join(root, 'dangling'));
    expect(() => writeNewFile(join(root, 'to-victim'), 'x')).to.throw(/EEXIST/);
    expect(() => writeNewFile(join(root, 'dangling'), 'x')).to.throw(/EEXIST/);
    expect(victim()).to.equal('precious\n');
    expect(readdirSync(outside)).to.deep.equal(['victim']);
  });

  it('replaces a link at the target with a file of its own, and leaves no temp file', () => {
    mkdirSync(join(root, 'd'));
    symlinkSync(join(outside, 'victim'), join(root, 'd', 'index.json'));
    writeFileSafely(root, 'd', 'index.json', 'ours\n');
    expect(victim()).to.equal('precious\n');
    expect(lstatSync(join(root, 'd', 'index.json')).isFile()).to.equal(true);
    expect(readFileSync(join(root, 'd', 'index.json'), 'utf8')).to.equal('ours\n');
    expect(readdirSync(join(root, 'd'))).to.deep.equal(['index.json']);
    symlinkSync(outside, join(root, 'linked'));
    expect(() => writeFileSafely(root, 'linked', 'x', 'y')).to.throw(UnsafePathError);
    expect(readdirSync(outside)).to.deep.equal(['victim']);
  });

  it('init --force replaces links at the names it writes, and refuses a folder that is a link (nothing written)', async () => {
    mkdirSync(join(root, '.github', 'workflows'), { recursive: true });
    symlinkSync(join(outside, 'victim'), join(root, WORKFLOW_PATH));
    symlinkSync(join(outside, 'victim'), join(root, 'dagsmith.config.yaml'));
    const r = await runCli(['init', '--force'], root);
    expect(r.code, r.err).to.equal(0);
    expect(victim()).to.equal('precious\n');
    expect(lstatSync(join(root, WORKFLOW_PATH)).isFile()).to.equal(true);
    expect(lstatSync(join(root, 'dagsmith.config.yaml')).isFile()).to.equal(true);

    const other = makeTemp('safe-write-init');
    try {
      symlinkSync(outside, join(other, 'pipelines'));
      const refused = await runCli(['init'], other);
      expect(refused.code).to.equal(2);
      expect(refused.err).to.match(/^error: cannot write pipelines\/\S+: a folder on its path is a symbolic link or a file; nothing was written/);
      expect(readdirSync(outside)).to.deep.equal(['victim']);
      expect(readdirSync(other)).to.deep.equal(['pipelines']);
      expect(readlinkSync(join(other, 'pipelines'))).to.equal(outside);
    } finally {
      removeTemp(other);
    }
  });
});
