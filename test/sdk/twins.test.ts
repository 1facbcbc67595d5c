/**
 * YAML/TypeScript twins: each pipelines/<id>.yaml example has an SDK twin in test/fixtures-ts/twins/<id>.ts.
 * Both load to the same spec object and compile to the same Python, byte for byte, except the two header lines that
 * name the source file and its SHA-256: those say which file to edit, so they name the file that was compiled.
 */
import { expect } from 'chai';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from '../../src/util/hash';
import { loadSpecFiles } from '../../src/load/index';
import { buildProject } from '../../src/compile/project';
import { makeTemp, removeTemp, TARGETS } from '../helpers/cli';

const ROOT = join(__dirname, '..', '..');
const TWINS_DIR = join(ROOT, 'test', 'fixtures-ts', 'twins');
const twins = readdirSync(TWINS_DIR)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -3))
  .sort();

describe('YAML/TypeScript twins', function () {
  let dir = '';
  const yamlFiles = twins.map((n) => `pipelines/${n}.yaml`);
  const tsFiles = twins.map((n) => `pipelines/${n}.ts`);

  before(() => {
    dir = makeTemp('twins');
    cpSync(join(ROOT, 'dagsmith.config.yaml'), join(dir, 'dagsmith.config.yaml'));
    cpSync(join(ROOT, 'pipelines', 'sql'), join(dir, 'pipelines', 'sql'), { recursive: true });
    for (const n of twins) {
      cpSync(join(ROOT, 'pipelines', `${n}.yaml`), join(dir, 'pipelines', `${n}.yaml`));
      cpSync(join(TWINS_DIR, `${n}.ts`), join(dir, 'pipelines', `${n}.ts`));
    }
  });
  after(() => removeTemp(dir));

  it('has several pairs', () => {
    expect(twins.length).to.be.at.least(3);
  });

  it('load to the same spec object', () => {
    const yaml = loadSpecFiles(dir, yamlFiles);
    const ts = loadSpecFiles(dir, tsFiles);
    twins.forEach((name, i) => {
      expect(ts[i]!.diagnostics, `${name}.ts loads`).to.deep.equal([]);
      expect(ts[i]!.spec!.data, name).to.deep.equal(yaml[i]!.spec!.data);
    });
  });

  for (const airflow of TARGETS) {
    it(`compile to the same Python for Airflow ${airflow}`, () => {
      const yaml = buildProject({ cwd: dir, airflow, files: yamlFiles });
      const ts = buildProject({ cwd: dir, airflow, files: tsFiles });
      expect(
        ts.diagnostics.filter((d) => d.severity === 'error'),
        'TypeScript errors',
      ).to.deep.equal([]);
      expect(yaml.pipelines.map((p) => p.outPath)).to.deep.equal(ts.pipelines.map((p) => p.outPath));
      // The same warnings, at their own file's positions.
      const codes = (r: typeof ts) => r.diagnostics.map((d) => `${d.code} ${d.message}`);
      expect(codes(ts)).to.deep.equal(codes(yaml));
      twins.forEach((name, i) => {
        const [y0, y1, ...yRest] = yaml.pipelines[i]!.content.split('\n');
        const [t0, t1, ...tRest] = ts.pipelines[i]!.content.split('\n');
        expect(tRest.join('\n'), `${name}: everything after the two source lines`).to.equal(yRest.join('\n'));
        expect(t0, `${name}: line 1 names the source file`).to.equal(y0!.replace(`${name}.yaml`, `${name}.ts`));
        expect(y1).to.equal(`# source sha256: ${sha256(readFileSync(join(dir, yamlFiles[i]!), 'utf8'))}`);
        expect(t1).to.equal(`# source sha256: ${sha256(readFileSync(join(dir, tsFiles[i]!), 'utf8'))}`);
      });
    });
  }

  it('compile to the same MWAA Serverless workflow definitions, or fail with the same diagnostics', () => {
    const yaml = buildProject({ cwd: dir, target: 'mwaa-serverless', files: yamlFiles });
    const ts = buildProject({ cwd: dir, target: 'mwaa-serverless', files: tsFiles });
    const codes = (r: typeof ts) => r.diagnostics.map((d) => `${d.code} ${d.message}`);
    expect(codes(ts)).to.deep.equal(codes(yaml));
    expect(ts.pipelines.map((p) => p.outPath)).to.deep.equal(yaml.pipelines.map((p) => p.outPath));
    expect(yaml.pipelines.length, 'some twins are expressible on MWAA Serverless').to.be.at.least(2);
    yaml.pipelines.forEach((p, i) => {
      const rest = (text: string) => text.split('\n').slice(2).join('\n');
      expect(rest(ts.pipelines[i]!.content), p.outPath).to.equal(rest(p.content));
    });
  });
});
