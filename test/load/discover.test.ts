import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { discoverPipelineFiles } from '../../src/load/discover';
import { asUnprivileged, makeTemp, removeTemp } from '../helpers/cli';

describe('load/discover discoverPipelineFiles', () => {
  let dir = '';
  afterEach(() => {
    if (dir) removeTemp(dir);
    dir = '';
  });
  const touch = (rel: string) => {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), 'x: 1\n');
  };

  it('lists pipeline files in sorted, project-relative, forward-slash form, skipping hidden and _helper entries', () => {
    dir = makeTemp('discover');
    for (const f of [
      'pipelines/b.yaml',
      'pipelines/a.yml',
      'pipelines/sub/c.yaml',
      'pipelines/.hidden/d.yaml',
      'pipelines/.e.yaml',
      'pipelines/notes.txt',
      'pipelines/sql/x.sql',
      'pipelines/node_modules/e.yaml',
      'pipelines/_lib/f.yaml',
      'pipelines/_draft.yaml',
    ])
      touch(f);
    expect(discoverPipelineFiles(dir, 'pipelines', ['.yaml', '.yml'])).to.deep.equal({
      files: ['pipelines/a.yml', 'pipelines/b.yaml', 'pipelines/sub/c.yaml'],
      diagnostics: [],
    });
  });

  it('returns nothing for a folder that does not exist (the caller decides whether that is an error)', () => {
    dir = makeTemp('discover');
    expect(discoverPipelineFiles(dir, 'nope', ['.yaml'])).to.deep.equal({ files: [], diagnostics: [] });
  });

  it('finds a pipeline file that is a symbolic link', () => {
    dir = makeTemp('discover');
    touch('shared/common.yaml');
    touch('pipelines/own.yaml');
    symlinkSync(join('..', 'shared', 'common.yaml'), join(dir, 'pipelines', 'linked.yaml'));
    expect(discoverPipelineFiles(dir, 'pipelines', ['.yaml'])).to.deep.equal({
      files: ['pipelines/linked.yaml', 'pipelines/own.yaml'],
      diagnostics: [],
    });
  });

  const found = (d: string) => {
    const r = discoverPipelineFiles(d, 'pipelines', ['.yaml', '.ts']);
    return { files: r.files, diagnostics: r.diagnostics.map((x) => `${x.file}:${x.line}:${x.col}: ${x.code} ${x.message}`) };
  };

  it('reports a symbolic link whose target is missing, or that loops, instead of skipping it (DS141)', () => {
    dir = makeTemp('discover');
    touch('pipelines/own.yaml');
    symlinkSync(join('..', 'moved-away'), join(dir, 'pipelines', 'team'));
    symlinkSync('loop', join(dir, 'pipelines', 'loop'));
    expect(found(dir)).to.deep.equal({
      files: ['pipelines/own.yaml'],
      diagnostics: [
        'pipelines/loop:1:1: DS141 symbolic link that dagsmith cannot follow: it cannot be followed (ELOOP: too many symbolic links encountered)',
        'pipelines/team:1:1: DS141 symbolic link that dagsmith cannot follow: its target does not exist',
      ],
    });
  });

  it('does not follow links out of the project: a folder link to /usr and a file link to /etc/hostname (DS142)', () => {
    dir = makeTemp('discover');
    touch('pipelines/own.yaml');
    touch('shared/x.yaml');
    symlinkSync('/usr', join(dir, 'pipelines', 'usr'));
    symlinkSync('/etc/hostname', join(dir, 'pipelines', 'host.yaml'));
    symlinkSync(join('..', 'shared'), join(dir, 'pipelines', 'shared'));
    expect(found(dir)).to.deep.equal({
      files: ['pipelines/own.yaml', 'pipelines/shared/x.yaml'],
      diagnostics: [
        'pipelines/host.yaml:1:1: DS142 symbolic link to a file outside the project; dagsmith does not follow it',
        'pipelines/usr:1:1: DS142 symbolic link to a folder outside the project; dagsmith does not follow it',
      ],
    });
  });

  it('reports a folder it may not read (DS140), also when the tests run as root', () => {
    dir = makeTemp('discover');
    touch('pipelines/own.yaml');
    touch('pipelines/team/t.yaml');
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'pipelines', 'team'), 0);
    try {
      const r = asUnprivileged(() => found(dir));
      expect(r).to.deep.equal({
        files: ['pipelines/own.yaml'],
        diagnostics: ['pipelines/team:1:1: DS140 cannot read this folder (EACCES: permission denied); the pipelines in it cannot be compiled'],
      });
    } finally {
      chmodSync(join(dir, 'pipelines', 'team'), 0o755);
    }
  });

  it('reports a FIFO named like a pipeline instead of blocking on it (DS140)', () => {
    dir = makeTemp('discover');
    touch('pipelines/own.yaml');
    execFileSync('mkfifo', [join(dir, 'pipelines', 'pipe.yaml')]);
    expect(found(dir)).to.deep.equal({
      files: ['pipelines/own.yaml'],
      diagnostics: ['pipelines/pipe.yaml:1:1: DS140 not a regular file; a pipeline file must be one'],
    });
  });
});
