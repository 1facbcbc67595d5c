/**
 * Inputs that are large but legitimate (a 5,000-step chain) or built to hurt (a 20,000-character unknown
 * dependency among 400 long ids, a 5,000-step cycle) give their normal result: no stack overflow, no hang.
 * How fast they are is measured by `npm run bench:hostile`, not asserted here.
 */
import { expect } from 'chai';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildProject } from '../../src/compile/project';
import { makeTemp, removeTemp } from '../helpers/cli';
import { chainPipeline } from '../../scripts/hostile-inputs';

describe('large and hostile inputs', () => {
  let dir = '';
  afterEach(() => {
    if (dir) removeTemp(dir);
    dir = '';
  });
  const build = (text: string) => {
    dir = makeTemp('scale');
    mkdirSync(join(dir, 'pipelines'));
    writeFileSync(join(dir, 'pipelines', 'p.yaml'), text);
    return buildProject({ cwd: dir });
  };

  it('a 5,000-step chain compiles (the cycle check is iterative)', () => {
    const res = build(chainPipeline(5000));
    expect(res.diagnostics).to.deep.equal([]);
    expect(res.pipelines).to.have.length(1);
    expect(res.pipelines[0]!.content).to.contain('s4999');
  });

  it('a 5,000-step cycle is one DS304 naming its ends', () => {
    const res = build(chainPipeline(5000, { cycle: true }));
    expect(res.diagnostics.map((d) => `${d.line}:${d.col} ${d.code} ${d.message}`)).to.deep.equal([
      '8:17 DS304 dependency cycle: s0 -> s4999 -> s4998 -> s4997 -> s4996 -> s4995 -> ... (4990 more) -> s4 -> s3 -> s2 -> s1 -> s0',
    ]);
  });

  it('a 20,000-character unknown dependency among 400 long ids is DS302 without a suggestion', () => {
    const res = build(chainPipeline(400, { idPrefix: 'a_rather_long_step_identifier_'.repeat(2), unknownDependency: 'x'.repeat(20_000) }));
    expect(res.diagnostics.map((d) => [d.code, d.hint])).to.deep.equal([['DS302', undefined]]);
  });
});
