/**
 * Asset aliases and deadline alerts written with the SDK: the TypeScript twins of the good-asset-alias and
 * good-airflow3-features golden cases load to the same spec objects (the SDK's types accept `producesAlias`,
 * `{ alias }` in asset schedules and `deadline`; the loader type-checks them) and compile to the same Python on each
 * target the case compiles for.
 */
import { expect } from 'chai';
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadSpecFiles } from '../../src/load/index';
import { buildProject } from '../../src/compile/project';
import { makeTemp, removeTemp, TARGETS } from '../helpers/cli';

const FIXTURES = join(__dirname, '..', 'fixtures');

const TWINS = [
  { fixture: 'good-asset-alias', name: 'clickstream_landing', targets: TARGETS, expect: 'post_execute=_dagsmith_alias_events(' },
  { fixture: 'good-airflow3-features', name: 'features_on_alias', targets: ['3.3.1'], expect: 'schedule=AssetAlias("clickstream-daily")' },
  { fixture: 'good-airflow3-features', name: 'serving_refresh', targets: ['3.3.1'], expect: 'reference=DeadlineReference.DAGRUN_LOGICAL_DATE' },
] as const;

describe('asset aliases and deadlines: YAML and TypeScript twins', function () {
  let dir = '';

  before(() => {
    dir = makeTemp('airflow3-features-twin');
    mkdirSync(join(dir, 'pipelines'), { recursive: true });
    for (const t of TWINS) {
      cpSync(join(FIXTURES, t.fixture, 'pipelines', `${t.name}.yaml`), join(dir, 'pipelines', `${t.name}.yaml`));
      cpSync(join(FIXTURES, t.fixture, 'twin', `${t.name}.ts`), join(dir, 'pipelines', `${t.name}.ts`));
    }
  });
  after(() => removeTemp(dir));

  for (const t of TWINS) {
    const yamlFile = `pipelines/${t.name}.yaml`;
    const tsFile = `pipelines/${t.name}.ts`;

    it(`${t.name}: loads to the same spec object`, () => {
      const [yaml] = loadSpecFiles(dir, [yamlFile]);
      const [ts] = loadSpecFiles(dir, [tsFile]);
      expect(ts!.diagnostics, 'the TypeScript twin loads').to.deep.equal([]);
      expect(ts!.spec!.data).to.deep.equal(yaml!.spec!.data);
    });

    for (const airflow of t.targets) {
      it(`${t.name}: compiles to the same Python for Airflow ${airflow}`, () => {
        const yaml = buildProject({ cwd: dir, airflow, files: [yamlFile] });
        const ts = buildProject({ cwd: dir, airflow, files: [tsFile] });
        expect(ts.diagnostics).to.deep.equal([]);
        expect(yaml.diagnostics).to.deep.equal([]);
        const body = (content: string) => content.split('\n').slice(2).join('\n');
        expect(body(ts.pipelines[0]!.content)).to.equal(body(yaml.pipelines[0]!.content));
        expect(ts.pipelines[0]!.content).to.contain(t.expect);
      });
    }
  }
});
