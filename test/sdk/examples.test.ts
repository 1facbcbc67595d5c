import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ts } from 'ts-morph';
import { PIPELINE_COMPILER_OPTIONS } from '../../src/load/compiler-options';
import { runCli } from '../helpers/cli';

const ROOT = join(__dirname, '..', '..');

describe('TypeScript examples in pipelines/', () => {
  it('has at least two TypeScript pipelines and a shared helper in pipelines/_lib/', () => {
    expect(readdirSync(join(ROOT, 'pipelines')).filter((f) => f.endsWith('.ts')).length).to.be.at.least(2);
    expect(readdirSync(join(ROOT, 'pipelines', '_lib')).some((f) => f.endsWith('.ts'))).to.equal(true);
  });

  it('validate cleanly with the YAML examples (helpers in _lib/ are not pipelines)', async () => {
    const r = await runCli(['validate'], ROOT);
    expect(r.err.split('\n').filter((l) => / error /.test(l))).to.deep.equal([]);
    expect(r.code).to.equal(0);
  });
});

describe('pipelines/tsconfig.json', () => {
  it('holds the options dagsmith type-checks pipelines with (so the editor agrees with `dagsmith validate`)', () => {
    const text = readFileSync(join(ROOT, 'pipelines', 'tsconfig.json'), 'utf8');
    const { compilerOptions } = ts.parseConfigFileTextToJson('tsconfig.json', text).config as { compilerOptions?: unknown };
    expect(compilerOptions).to.deep.equal({ ...PIPELINE_COMPILER_OPTIONS, paths: { dagsmith: ['../src/sdk/index.ts'] } });
  });
});
