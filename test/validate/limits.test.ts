import { expect } from 'chai';
import { Reporter, START_OF_FILE } from '../../src/diagnostics/reporter';
import { loadYamlText, MAX_DEPTH, MAX_KEYS_PER_MAPPING } from '../../src/load/yaml';
import { checkDataLimits, MAX_STEPS } from '../../src/validate/limits';

/** The data limits apply to data from any source: a TypeScript pipeline's export, or YAML after its aliases. */
describe('validate/limits checkDataLimits', () => {
  const check = (data: unknown) => {
    const reporter = new Reporter('p.ts', { locate: () => START_OF_FILE });
    const ok = checkDataLimits(data, reporter);
    return { ok, diags: reporter.diagnostics.map((d) => `${d.code} ${d.path.join('.')}: ${d.message}`) };
  };
  const nested = (levels: number): unknown => {
    let v: unknown = 'bottom';
    for (let i = 0; i < levels; i++) v = [v];
    return v;
  };

  it(`accepts ${MAX_DEPTH} levels and refuses one more, naming where (DS148)`, () => {
    // The pipeline mapping, params, p: three levels before the default's own.
    expect(check({ params: { p: { default: nested(MAX_DEPTH - 3) } } })).to.deep.equal({ ok: true, diags: [] });
    expect(check({ params: { p: { default: nested(MAX_DEPTH - 2) } } })).to.deep.equal({
      ok: false,
      diags: [`DS148 params.p.default${'.0'.repeat(MAX_DEPTH - 3)}: values are nested more than ${MAX_DEPTH} levels deep here`],
    });
  });

  it('stops at a value that contains itself instead of walking it forever', () => {
    const loop: Record<string, unknown> = { id: 'x' };
    loop.self = loop;
    expect(check(loop).ok).to.equal(false);
  });

  it(`refuses more than ${MAX_STEPS} steps (DS146) and mappings over ${MAX_KEYS_PER_MAPPING} keys (DS147)`, () => {
    const steps = Array.from({ length: MAX_STEPS + 1 }, (_, i) => ({ id: `s${i}` }));
    expect(check({ steps }).diags).to.deep.equal([`DS146 steps: ${MAX_STEPS + 1} steps; a pipeline has at most ${MAX_STEPS}`]);
    expect(check({ steps: steps.slice(1) }).ok).to.equal(true);
    const wide = Object.fromEntries(Array.from({ length: MAX_KEYS_PER_MAPPING + 1 }, (_, i) => [`k${i}`, i]));
    expect(check({ steps: [{ id: 'a', arguments: wide }] }).diags).to.deep.equal([
      `DS147 steps.0.arguments: this mapping has ${MAX_KEYS_PER_MAPPING + 1} keys; dagsmith reads at most ${MAX_KEYS_PER_MAPPING} keys in one mapping`,
    ]);
  });

  it('measures YAML after aliases are expanded: shallow anchors can build a deep value', () => {
    // 40 levels under `a`, and 30 levels around the one alias of it under `b`: 71 levels, each part well within.
    const lines = [`a: &a ${'['.repeat(40)}x${']'.repeat(40)}`, `b: ${'['.repeat(30)}*a${']'.repeat(30)}`];
    const loaded = loadYamlText('p.yaml', '/p.yaml', lines.join('\n') + '\n');
    expect(loaded.diagnostics).to.deep.equal([]);
    const r = check(loaded.spec!.data);
    expect(r.ok).to.equal(false);
    expect(r.diags[0]).to.match(/^DS148 b(\.0)+: values are nested more than 64 levels deep here$/);
  });
});
