/**
 * Lint, graph and validate read IRs, not DAG text: their builds leave the text unwritten (`emit: false`), and a
 * pipeline's `content` is written when something reads it, the same text a compile writes.
 */
import { expect } from 'chai';
import { cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildProject } from '../../src/compile/project';
import { validateProject } from '../../src/use-cases/validate';
import { lintProject } from '../../src/use-cases/lint';
import { makeTemp, removeTemp } from '../helpers/cli';

const ROOT = join(__dirname, '..', '..');

describe('builds that write no DAG text', () => {
  let dir = '';
  before(() => {
    dir = makeTemp('emit-lazy');
    cpSync(join(ROOT, 'pipelines'), join(dir, 'pipelines'), { recursive: true });
    cpSync(join(ROOT, 'dagsmith.config.yaml'), join(dir, 'dagsmith.config.yaml'));
  });
  after(() => removeTemp(dir));

  it('give each pipeline the text a compile writes, when it is read', () => {
    const compiled = buildProject({ cwd: dir });
    const lazy = buildProject({ cwd: dir, emit: false });
    expect(compiled.pipelines.length).to.be.greaterThan(5);
    expect(lazy.diagnostics).to.deep.equal(compiled.diagnostics);
    expect(lazy.pipelines.map((p) => p.outPath)).to.deep.equal(compiled.pipelines.map((p) => p.outPath));
    expect(lazy.pipelines.map((p) => p.content)).to.deep.equal(compiled.pipelines.map((p) => p.content));
  });

  it('also from worker threads, and for the serverless target', () => {
    const compiled = buildProject({ cwd: dir, irs: false, jobs: 2, target: 'mwaa-serverless' });
    const lazy = buildProject({ cwd: dir, irs: false, jobs: 2, target: 'mwaa-serverless', emit: false });
    expect(lazy.pipelines.map((p) => p.content)).to.deep.equal(compiled.pipelines.map((p) => p.content));
  });

  it('validate and lint report what they reported with the text written', async () => {
    const v = validateProject({ cwd: dir });
    expect(v.diagnostics).to.deep.equal(buildProject({ cwd: dir }).diagnostics);
    const l = await lintProject({ cwd: dir, now: new Date('2026-12-01T00:00:00Z') });
    expect(l.project.pipelines.map((p) => p.content)).to.deep.equal(buildProject({ cwd: dir }).pipelines.map((p) => p.content));
  });

  it('with the cache, write and keep the text as a compile does', () => {
    const cached = buildProject({ cwd: dir, cache: true, emit: false });
    expect(cached.pipelines.map((p) => p.content)).to.deep.equal(buildProject({ cwd: dir }).pipelines.map((p) => p.content));
    expect(readdirSync(join(dir, '.dagsmith', 'cache')).length).to.equal(1);
  });
});
