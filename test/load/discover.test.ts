import { expect } from 'chai';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { discoverPipelineFiles } from '../../src/load/discover';
import { makeTemp, removeTemp } from '../helpers/cli';

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
    for (const f of ['pipelines/b.yaml', 'pipelines/a.yml', 'pipelines/sub/c.yaml', 'pipelines/.hidden/d.yaml', 'pipelines/.e.yaml', 'pipelines/notes.txt', 'pipelines/sql/x.sql', 'pipelines/node_modules/e.yaml', 'pipelines/_lib/f.yaml', 'pipelines/_draft.yaml']) touch(f);
    expect(discoverPipelineFiles(dir, 'pipelines', ['.yaml', '.yml'])).to.deep.equal(['pipelines/a.yml', 'pipelines/b.yaml', 'pipelines/sub/c.yaml']);
  });

  it('returns nothing for a folder that does not exist (the caller decides whether that is an error)', () => {
    dir = makeTemp('discover');
    expect(discoverPipelineFiles(dir, 'nope', ['.yaml'])).to.deep.equal([]);
  });

  it('finds a pipeline file that is a symbolic link', () => {
    dir = makeTemp('discover');
    touch('shared/common.yaml');
    touch('pipelines/own.yaml');
    symlinkSync(join('..', 'shared', 'common.yaml'), join(dir, 'pipelines', 'linked.yaml'));
    expect(discoverPipelineFiles(dir, 'pipelines', ['.yaml'])).to.deep.equal(['pipelines/linked.yaml', 'pipelines/own.yaml']);
  });
});
