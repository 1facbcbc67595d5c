/**
 * Retry policies written with the SDK: the TypeScript twin of the good-retry-policy golden case loads to the same spec
 * object (the SDK's types accept `retryPolicy` in defaults and on steps, the exception names as a union of the
 * allow-list; the loader type-checks them) and compiles to the same Python for Airflow 3.3.1. A name outside the
 * allow-list is a type error in the twin, before the schema sees it.
 */
import { expect } from 'chai';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSpecFiles } from '../../src/load/index';
import { buildProject } from '../../src/compile/project';
import { makeTemp, removeTemp } from '../helpers/cli';

const CASE = join(__dirname, '..', 'fixtures', 'good-retry-policy');

describe('retry policies: YAML and TypeScript twins', function () {
  let dir = '';

  before(() => {
    dir = makeTemp('retry-policy-twin');
    mkdirSync(join(dir, 'pipelines'), { recursive: true });
    cpSync(join(CASE, 'pipelines', 'orders_landing.yaml'), join(dir, 'pipelines', 'orders_landing.yaml'));
    cpSync(join(CASE, 'twin', 'orders_landing.ts'), join(dir, 'pipelines', 'orders_landing.ts'));
  });
  after(() => removeTemp(dir));

  it('loads to the same spec object', () => {
    const [yaml] = loadSpecFiles(dir, ['pipelines/orders_landing.yaml']);
    const [ts] = loadSpecFiles(dir, ['pipelines/orders_landing.ts']);
    expect(ts!.diagnostics, 'the TypeScript twin loads').to.deep.equal([]);
    expect(ts!.spec!.data).to.deep.equal(yaml!.spec!.data);
  });

  it('compiles to the same Python for Airflow 3.3.1', () => {
    const yaml = buildProject({ cwd: dir, airflow: '3.3.1', files: ['pipelines/orders_landing.yaml'] });
    const ts = buildProject({ cwd: dir, airflow: '3.3.1', files: ['pipelines/orders_landing.ts'] });
    expect(ts.diagnostics).to.deep.equal([]);
    expect(yaml.diagnostics).to.deep.equal([]);
    const body = (content: string) => content.split('\n').slice(2).join('\n');
    expect(body(ts.pipelines[0]!.content)).to.equal(body(yaml.pipelines[0]!.content));
    expect(ts.pipelines[0]!.content).to.contain('retry_policy=ExceptionRetryPolicy(');
  });

  it('an exception name outside the allow-list is a type error in the TypeScript pipeline', () => {
    const text = readFileSync(join(CASE, 'twin', 'orders_landing.ts'), 'utf8').replace("exception: 'ClientError'", "exception: 'os.system'");
    writeFileSync(join(dir, 'pipelines', 'typo.ts'), text);
    const [ts] = loadSpecFiles(dir, ['pipelines/typo.ts']);
    const found = ts!.diagnostics.map((d) => `${d.line}: ${d.message}`);
    // Line 29 of the twin is the step's rule; TypeScript names the value and the allowed names.
    expect(found).to.have.length(1);
    expect(found[0]).to.match(/^29: Type '"os\.system"' is not assignable to type '"ClientError" \| "BotoCoreError" \|/);
  });
});
