import { expect } from 'chai';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as publicApi from '../../src/index';
import * as sdk from '../../src/sdk/index';
import { loadSpecFiles } from '../../src/load/index';
import { PLANNED_KINDS, STEP_KINDS } from '../../src/steps/index';
import { makeTemp, removeTemp } from '../helpers/cli';

const { definePipeline, glue, s3 } = sdk;

describe('SDK', () => {
  it('compiles every step kind of spec v1 (none is left planned)', () => {
    expect(PLANNED_KINDS).to.deep.equal([]);
  });

  it('exports a namespace for every registered and planned kind, and a builder for every registered kind', () => {
    const namespaces = new Set([...STEP_KINDS.map((k) => k.kind), ...PLANNED_KINDS].map((k) => k.split('.')[0]!));
    for (const ns of namespaces) expect(sdk, `export '${ns}' in src/sdk/index.ts`).to.have.property(ns);
    for (const { kind } of STEP_KINDS) {
      const [ns, name] = kind.split('.') as [string, string];
      const builder = (sdk as unknown as Record<string, Record<string, (s: object) => object>>)[ns]![name]!;
      expect(builder({ id: 'x' }), kind).to.deep.equal({ id: 'x', kind });
    }
  });

  it('is re-exported by the package entry point', () => {
    for (const name of Object.keys(sdk)) expect((publicApi as Record<string, unknown>)[name], name).to.equal((sdk as Record<string, unknown>)[name]);
  });

  it('definePipeline returns the plain spec: version 1, step references as ids, undefined properties left out', () => {
    const wait = s3.wait({ id: 'wait', bucket: 'b', key: 'k' });
    const load = glue.job({ id: 'load', job: 'j', numberOfWorkers: undefined, dependsOn: [wait, 'other'] });
    const spec = definePipeline({ id: 'p', description: undefined, steps: [wait, load] });
    expect(spec).to.deep.equal({
      version: 1,
      id: 'p',
      steps: [
        { id: 'wait', kind: 's3.wait', bucket: 'b', key: 'k' },
        { id: 'load', kind: 'glue.job', job: 'j', dependsOn: ['wait', 'other'] },
      ],
    });
    expect(JSON.parse(JSON.stringify(spec))).to.deep.equal(spec);
    expect(Object.keys(spec.steps[1]!)).to.deep.equal(['id', 'kind', 'job', 'dependsOn']);
    // The builders' results are not shared with the spec: changing one later does not change the other.
    (load.dependsOn as unknown[]).push('late');
    expect(spec.steps[1]!.dependsOn).to.deep.equal(['wait', 'other']);
  });
});

describe('TypeScript locator', () => {
  let dir = '';
  before(() => {
    dir = makeTemp('locator');
    mkdirSync(join(dir, 'pipelines'));
    writeFileSync(
      join(dir, 'pipelines', 'p.ts'),
      [
        "import { definePipeline, glue } from 'dagsmith';", // 1
        "const defaults = { retries: 2, 'retryDelay': '5m' } as const;", // 2
        "const first = glue.job({ id: 'first', job: 'a', arguments: { '--run_date': '{{ ds }}' } });", // 3
        'const more = [1, 2].map((n) =>', // 4
        '  glue.job({ id: `more_${n}`, job: `m${n}`, dependsOn: [first] }));', // 5
        'export default definePipeline({', // 6
        "  id: 'p',", // 7
        '  defaults,', // 8
        '  steps: [first, ...more, glue.job({ id: "last", job: "z", dependsOn: more })],', // 9
        '});', // 10
      ].join('\n'),
    );
  });
  after(() => removeTemp(dir));

  const locate = (path: (string | number)[], at: 'key' | 'value' = 'value') => {
    const [loaded] = loadSpecFiles(dir, ['pipelines/p.ts']);
    expect(loaded!.diagnostics).to.deep.equal([]);
    const r = loaded!.spec!.locator.locate(path, at);
    return `${r.line}:${r.col}`;
  };

  it('follows literals, const names and shorthand properties', () => {
    expect(locate(['id'])).to.equal('7:7');
    expect(locate(['id'], 'key')).to.equal('7:3');
    expect(locate(['defaults', 'retries'])).to.equal('2:29');
    expect(locate(['defaults', 'retryDelay'], 'key')).to.equal('2:32');
  });

  it('starts a step at the builder call that made it, wherever it sits in `steps`', () => {
    expect(locate(['steps', 0, 'arguments', '--run_date'])).to.equal('3:76');
    expect(locate(['steps', 1, 'dependsOn', 0])).to.equal('5:57'); // made in a loop: the call in the loop body
    expect(locate(['steps', 2, 'job'])).to.equal('5:36');
    expect(locate(['steps', 3, 'dependsOn'])).to.equal('9:71'); // after a spread: counted from the end
    expect(locate(['steps', 3, 'dependsOn', 1])).to.equal('9:71'); // a computed list: the expression
  });
});

describe('TypeScript type-checking speed', () => {
  let dir = '';
  before(() => {
    dir = makeTemp('ts-speed');
    mkdirSync(join(dir, 'pipelines'));
    for (let i = 0; i < 10; i++) {
      writeFileSync(
        join(dir, 'pipelines', `p${i}.ts`),
        `import { definePipeline, glue, s3 } from 'dagsmith';
const loads = ['a', 'b', 'c'].map((t) => glue.job({ id: 'load_' + t, job: t, workerType: 'G.1X', numberOfWorkers: 2 }));
export default definePipeline({ id: 'p${i}', steps: [s3.wait({ id: 'w', bucket: 'b', key: 'k' }), ...loads] });
`,
      );
    }
  });
  after(() => removeTemp(dir));

  // One ts-morph Project for all files: the lib and SDK declarations are parsed once, each file adds little.
  for (const n of [1, 10]) {
    it(`loads ${n} file${n === 1 ? '' : 's'} (type-check + evaluate) in well under the budget`, function () {
      const files = Array.from({ length: n }, (_, i) => `pipelines/p${i}.ts`);
      const start = performance.now();
      const results = loadSpecFiles(dir, files);
      const ms = performance.now() - start;
      expect(results.flatMap((r) => r.diagnostics)).to.deep.equal([]);
      this.test!.title += ` [${Math.round(ms)} ms]`;
      expect(ms).to.be.below(n === 1 ? 5000 : 8000);
    });
  }
});
