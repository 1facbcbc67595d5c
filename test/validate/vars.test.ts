import { expect } from 'chai';
import { Reporter, START_OF_FILE } from '../../src/diagnostics/reporter';
import { resolveVariables } from '../../src/validate/vars';

function resolve(data: unknown, vars: Record<string, string>) {
  const reporter = new Reporter('p.yaml', { locate: () => START_OF_FILE });
  const result = resolveVariables(data, new Map(Object.entries(vars)), reporter);
  return { ...result, diags: reporter.diagnostics.map((d) => [d.code, d.path.join('.'), d.message, d.hint ?? null]) };
}

describe('validate/vars resolveVariables', () => {
  it('substitutes ${name} in every string value, at any depth, and leaves other values alone', () => {
    const r = resolve(
      { id: 'f_${team}', n: 3, b: true, z: null, list: ['${a}${b}', 'x'], map: { deep: 's3://${a}/${b}/k' } },
      { team: 'ml', a: 'A', b: 'B' },
    );
    expect(r.diags).to.deep.equal([]);
    expect(r.unresolved).to.deep.equal([]);
    expect(r.data).to.deep.equal({ id: 'f_ml', n: 3, b: true, z: null, list: ['AB', 'x'], map: { deep: 's3://A/B/k' } });
  });

  it('never substitutes in keys, and leaves $${, lone $ and Jinja as written', () => {
    const r = resolve({ '${a}': 'x $${a} $ $$ {{ a }} ${a}$' }, { a: 'A' });
    expect(r.diags).to.deep.equal([]);
    expect(r.data).to.deep.equal({ '${a}': 'x ${a} $ $$ {{ a }} A$' });
  });

  it('does not substitute again inside a value that contains ${', () => {
    const r = resolve({ v: '${a}' }, { a: '${b}', b: 'no' });
    expect(r.data).to.deep.equal({ v: '${b}' });
  });

  it('reports an undefined variable with a hint, and returns its path', () => {
    const r = resolve({ steps: [{ job: 'x-${tem}' }] }, { team: 'ml', other: 'o' });
    expect(r.diags).to.deep.equal([['DS312', 'steps.0.job', "variable 'tem' is not defined in the selected environment", "did you mean 'team'?"]]);
    expect(r.unresolved).to.deep.equal([['steps', 0, 'job']]);
    expect(r.data).to.deep.equal({ steps: [{ job: 'x-${tem}' }] });
  });

  it('lists the defined variables, or says where to define one', () => {
    expect(resolve({ v: '${zzz}' }, { a: '1', b: '2' }).diags[0]![3]).to.equal('defined: a, b');
    expect(resolve({ v: '${zzz}' }, {}).diags[0]![3]).to.equal('define it under vars: in dagsmith.config.yaml');
  });

  it('reports malformed references', () => {
    for (const text of ['${', 'a${b', '${}', '${a b}', '${1x}', '${a}}${']) {
      const r = resolve({ v: text }, { a: 'A', b: 'B' });
      expect(
        r.diags.map((d) => d[0]),
        text,
      ).to.deep.equal(['DS320']);
      expect(r.unresolved, text).to.deep.equal([['v']]);
    }
  });

  it('reports every undefined variable in one string, not only the first', () => {
    const r = resolve({ description: 'from ${rawBuckt} to ${featureBuckt}' }, { rawBucket: 'r', featureBucket: 'f' });
    expect(r.diags.map((d) => d[2])).to.deep.equal([
      "variable 'rawBuckt' is not defined in the selected environment",
      "variable 'featureBuckt' is not defined in the selected environment",
    ]);
  });
});
