/**
 * The run settings (alerts per pipeline and per step, pool, poolSlots, priorityWeight, weightRule, queue,
 * maxActiveTasks) written with the SDK: the TypeScript twin of the good-run-settings golden case loads to the same
 * spec object (the SDK's types accept every field; the loader type-checks it) and compiles to the same Python.
 */
import { expect } from 'chai';
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadSpecFiles } from '../../src/load/index';
import { buildProject } from '../../src/compile/project';
import { makeTemp, removeTemp, TARGETS } from '../helpers/cli';

const ROOT = join(__dirname, '..', '..');
const YAML = join(ROOT, 'test', 'fixtures', 'good-run-settings', 'pipelines', 'run_settings.yaml');
const TS = join(ROOT, 'test', 'fixtures', 'good-run-settings', 'twin', 'run_settings.ts');

describe('run settings: YAML and TypeScript twin', function () {
  let dir = '';
  const yamlFile = 'pipelines/run_settings.yaml';
  const tsFile = 'pipelines/run_settings.ts';

  before(() => {
    dir = makeTemp('run-settings-twin');
    mkdirSync(join(dir, 'pipelines'), { recursive: true });
    cpSync(YAML, join(dir, yamlFile));
    cpSync(TS, join(dir, tsFile));
  });
  after(() => removeTemp(dir));

  it('load to the same spec object', () => {
    const [yaml] = loadSpecFiles(dir, [yamlFile]);
    const [ts] = loadSpecFiles(dir, [tsFile]);
    expect(ts!.diagnostics, 'the TypeScript twin loads').to.deep.equal([]);
    expect(ts!.spec!.data).to.deep.equal(yaml!.spec!.data);
  });

  for (const airflow of TARGETS) {
    it(`compile to the same Python for Airflow ${airflow}`, () => {
      const yaml = buildProject({ cwd: dir, airflow, files: [yamlFile] });
      const ts = buildProject({ cwd: dir, airflow, files: [tsFile] });
      expect(ts.diagnostics).to.deep.equal([]);
      expect(yaml.diagnostics).to.deep.equal([]);
      const body = (content: string) => content.split('\n').slice(2).join('\n');
      expect(body(ts.pipelines[0]!.content)).to.equal(body(yaml.pipelines[0]!.content));
      expect(ts.pipelines[0]!.content).to.contain('on_success_callback=SnsNotifier(');
    });
  }
});
