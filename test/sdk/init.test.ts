import { expect } from 'chai';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scaffold } from '../../src/scaffold/files';
import { publicSchemaText } from '../../src/schema/validate';
import { hashTree, makeTemp, removeTemp, runCli } from '../helpers/cli';
import { readJsonAs } from '../helpers/json';

describe('dagsmith init', () => {
  let dir = '';
  beforeEach(() => (dir = makeTemp('init')));
  afterEach(() => removeTemp(dir));

  it('scaffolds a project whose YAML and TypeScript examples validate and compile', async () => {
    const init = await runCli(['init'], dir);
    expect(init.err).to.equal('');
    expect(init.code).to.equal(0);
    for (const file of Object.keys(scaffold())) {
      expect(existsSync(join(dir, file)), file).to.equal(true);
      expect(init.out).to.contain(`created ${file}`);
    }
    expect(readFileSync(join(dir, 'pipelines/example_events.yaml'), 'utf8')).to.match(
      /^# yaml-language-server: \$schema=\.\.\/schemas\/pipeline\.schema\.json\n/,
    );
    expect(readFileSync(join(dir, 'schemas/pipeline.schema.json'), 'utf8')).to.equal(publicSchemaText());
    const tsconfig = readJsonAs<{ compilerOptions: { strict?: boolean } }>(join(dir, 'pipelines/tsconfig.json'));
    expect(tsconfig.compilerOptions.strict).to.equal(true);

    const compile = await runCli(['compile'], dir);
    expect(compile.err).to.equal('');
    expect(compile.code).to.equal(0);
    expect(existsSync(join(dir, 'dags-out/example_events.py'))).to.equal(true);
    expect(existsSync(join(dir, 'dags-out/example_table_loads.py'))).to.equal(true);
  });

  it('refuses to overwrite existing files (exit 2, nothing written) unless --force', async () => {
    writeFileSync(join(dir, 'dagsmith.config.yaml'), 'pipelines: mine\n');
    const before = hashTree(dir);
    const refused = await runCli(['init'], dir);
    expect(refused.code).to.equal(2);
    expect(refused.err).to.equal('error: dagsmith init would overwrite dagsmith.config.yaml; nothing was written (use --force to overwrite)\n');
    expect(hashTree(dir)).to.deep.equal(before);

    const forced = await runCli(['init', '--force'], dir);
    expect(forced.code).to.equal(0);
    expect(forced.out).to.contain('overwrote dagsmith.config.yaml');
    expect(readFileSync(join(dir, 'dagsmith.config.yaml'), 'utf8')).to.not.equal('pipelines: mine\n');
  });
});
