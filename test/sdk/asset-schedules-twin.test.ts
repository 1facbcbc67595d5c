/**
 * Asset schedules written with the SDK (all of a list, nested anyOf/allOf, assets or a time schedule) and the steps'
 * `produces`: each TypeScript twin of the good-asset-schedules golden case loads to the same spec object as its YAML
 * and compiles, within the whole project (the asset graph checks consumers against producers), to the same Python
 * for every target.
 */
import { expect } from 'chai';
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadSpecFiles } from '../../src/load/index';
import { buildProject } from '../../src/compile/project';
import { makeTemp, removeTemp, TARGETS } from '../helpers/cli';

const CASE = join(__dirname, '..', 'fixtures', 'good-asset-schedules');
const NAMES = readdirSync(join(CASE, 'pipelines'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.slice(0, -'.yaml'.length))
  .sort();

describe('asset schedules: YAML and TypeScript twins', function () {
  this.timeout(60_000);
  let yamlDir = '';
  let tsDir = '';

  before(() => {
    yamlDir = makeTemp('asset-twins-yaml');
    tsDir = makeTemp('asset-twins-ts');
    mkdirSync(join(yamlDir, 'pipelines'), { recursive: true });
    mkdirSync(join(tsDir, 'pipelines'), { recursive: true });
    for (const name of NAMES) {
      cpSync(join(CASE, 'pipelines', `${name}.yaml`), join(yamlDir, 'pipelines', `${name}.yaml`));
      cpSync(join(CASE, 'twin', `${name}.ts`), join(tsDir, 'pipelines', `${name}.ts`));
    }
  });
  after(() => {
    removeTemp(yamlDir);
    removeTemp(tsDir);
  });

  it('every pipeline of the case has a twin', () => {
    expect(
      readdirSync(join(CASE, 'twin'))
        .map((f) => f.replace(/\.ts$/, ''))
        .sort(),
    ).to.deep.equal(NAMES);
  });

  for (const name of NAMES) {
    it(`${name}: loads to the same spec object`, () => {
      const [yaml] = loadSpecFiles(yamlDir, [`pipelines/${name}.yaml`]);
      const [ts] = loadSpecFiles(tsDir, [`pipelines/${name}.ts`]);
      expect(ts!.diagnostics, 'the TypeScript twin loads').to.deep.equal([]);
      expect(ts!.spec!.data).to.deep.equal(yaml!.spec!.data);
    });
  }

  for (const airflow of TARGETS) {
    it(`the project compiles to the same Python for Airflow ${airflow}`, () => {
      const yaml = buildProject({ cwd: yamlDir, airflow });
      const ts = buildProject({ cwd: tsDir, airflow });
      expect(yaml.diagnostics).to.deep.equal([]);
      expect(ts.diagnostics).to.deep.equal([]);
      const body = (content: string) => content.split('\n').slice(2).join('\n');
      const byId = (r: typeof yaml) => new Map(r.pipelines.map((p) => [p.ir.id, body(p.content)]));
      expect(byId(ts)).to.deep.equal(byId(yaml));
      expect(ts.pipelines).to.have.length(NAMES.length);
    });
  }
});
