import { expect } from 'chai';
import { Reporter, START_OF_FILE } from '../../src/diagnostics/reporter';
import { originalOffset, resolveFileVariables, resolveText, resolveVariables } from '../../src/validate/vars';

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
    expect(r.diags).to.deep.equal([['DS312', 'steps.0.job', "variable 'tem' is not defined", "did you mean 'team'?"]]);
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
    expect(r.diags.map((d) => d[2])).to.deep.equal(["variable 'rawBuckt' is not defined", "variable 'featureBuckt' is not defined"]);
  });
});

describe('validate/vars in files and offsets', () => {
  it('resolves ${name} in a file, with each problem at its line and column in the file', () => {
    const text = 'SELECT 1\nFROM "${db}".t -- $${literal}\nWHERE x = \'${missing}\' AND y = ${db}\n';
    const r = resolveFileVariables('pipelines/sql/q.sql', text, new Map([['db', 'analytics']]));
    expect(r.text).to.equal('SELECT 1\nFROM "analytics".t -- ${literal}\nWHERE x = \'${missing}\' AND y = analytics\n');
    expect(r.names).to.deep.equal(['db', 'db']);
    expect(r.diagnostics.map((d) => [d.code, d.file, d.line, d.col, d.endCol])).to.deep.equal([['DS312', 'pipelines/sql/q.sql', 3, 12, 22]]);
    const bad = resolveFileVariables('q.sql', 'a\n  ${not closed', new Map());
    expect(bad.diagnostics.map((d) => [d.code, d.line, d.col])).to.deep.equal([['DS320', 2, 3]]);
  });

  it('maps an offset of the resolved text back to the original: around references, and inside one to its ${', () => {
    const text = 'a${x}b$${c}d';
    const r = resolveText(text, new Map([['x', 'LONGVALUE']]));
    expect(r.text).to.equal('aLONGVALUEb${c}d');
    const back = (s: string) => originalOffset(r.substitutions, r.text.indexOf(s));
    expect(back('a')).to.equal(0);
    expect(back('VALUE')).to.equal(1); // inside ${x}
    expect(back('b')).to.equal(text.indexOf('b'));
    expect(back('{c}')).to.equal(text.indexOf('$${')); // inside the escape: at its start
    expect(back('d')).to.equal(text.indexOf('d'));
  });
});
