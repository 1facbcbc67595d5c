import { expect } from 'chai';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config/project-config';
import { SCAFFOLD_ENVIRONMENTS, scaffold } from '../../src/scaffold/files';
import { WORKFLOW_PATH } from '../../src/scaffold/workflow';
import { publicSchemaText } from '../../src/schema/validate';
import { VERSION } from '../../src/util/version';
import { hashTree, makeTemp, removeTemp, runCli } from '../helpers/cli';
import { readJsonAs } from '../helpers/json';

const NODE_NOTE = Number(process.versions.node.split('.')[0]) < 22;

describe('dagsmith init', () => {
  let dir = '';
  beforeEach(() => (dir = makeTemp('init')));
  afterEach(() => removeTemp(dir));

  it('scaffolds a project, package.json and .gitignore included, and compiles it so that compile --check passes', async () => {
    const init = await runCli(['init'], dir);
    expect(init.err).to.equal('');
    expect(init.code).to.equal(0);
    for (const file of [...Object.keys(scaffold()), 'package.json', '.gitignore']) {
      expect(existsSync(join(dir, file)), file).to.equal(true);
      expect(init.out).to.contain(`created ${file}\n`);
    }
    expect(readFileSync(join(dir, 'pipelines/example_events.yaml'), 'utf8')).to.match(
      /^# yaml-language-server: \$schema=\.\.\/schemas\/pipeline\.schema\.json\n/,
    );
    expect(readFileSync(join(dir, 'schemas/pipeline.schema.json'), 'utf8')).to.equal(publicSchemaText());
    const tsconfig = readJsonAs<{ compilerOptions: { strict?: boolean } }>(join(dir, 'pipelines/tsconfig.json'));
    expect(tsconfig.compilerOptions.strict).to.equal(true);
    // dagsmith at the version that wrote the project; TypeScript (ts-morph's, the one pipelines are checked with) for its .ts pipeline.
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as unknown;
    const { ts } = require('ts-morph') as typeof import('ts-morph');
    expect(pkg).to.deep.include({ private: true, devDependencies: { dagsmith: VERSION, typescript: `~${ts.version}` } });
    expect(readFileSync(join(dir, '.gitignore'), 'utf8').split('\n')).to.include.members(['.dagsmith/', 'node_modules/']);
    expect(init.out).to.contain('compiled 2 pipelines for Airflow 2.10.3 into dags-out/\n');
    expect(init.out).to.contain('compiled 2 pipelines for Airflow 2.10.3 into dags-out/prod/ (environment prod)\n');
    expect(init.out.includes('note: you run Node.js'), 'the Node.js note, on Node.js 20 only').to.equal(NODE_NOTE);

    for (const env of [[], ['--env', 'dev'], ['--env', 'prod']]) {
      const check = await runCli(['compile', '--check', ...env], dir);
      expect(check, `compile --check ${env.join(' ')}`).to.deep.include({ code: 0, err: '' });
    }
    expect(existsSync(join(dir, 'dags-out/dev/example_table_loads.py'))).to.equal(true);
  });

  it('the workflow deploys each environment of the scaffolded config', () => {
    const { config } = loadConfig(dir);
    expect(config!.environments.size, 'an empty folder has no config').to.equal(0);
    writeFileSync(join(dir, 'dagsmith.config.yaml'), scaffold()['dagsmith.config.yaml']!);
    const envs = [...loadConfig(dir).config!.environments.values()].map((e) => ({
      name: e.name,
      mwaa: e.mwaa !== undefined,
      region: e.mwaa?.region,
    }));
    expect(envs).to.deep.equal(SCAFFOLD_ENVIRONMENTS);
  });

  it('a second init explains --update and writes nothing; --force writes the scaffold again', async () => {
    expect((await runCli(['init'], dir)).code).to.equal(0);
    writeFileSync(join(dir, 'dagsmith.config.yaml'), 'pipelines: pipelines\n');
    const before = hashTree(dir);
    const again = await runCli(['init'], dir);
    expect(again.code).to.equal(2);
    expect(again.out).to.equal('');
    expect(again.err).to.match(/^error: this is a dagsmith project already \(dagsmith\.config\.yaml, .* exist\); nothing was written\.\n/);
    expect(again.err).to.contain(
      '`dagsmith init --update` refreshes what dagsmith owns (schemas/pipeline.schema.json, .github/workflows/dagsmith.yml)',
    );
    expect(hashTree(dir)).to.deep.equal(before);

    const forced = await runCli(['init', '--force'], dir);
    expect(forced.code).to.equal(0);
    expect(forced.out).to.contain('overwrote dagsmith.config.yaml');
    expect(forced.out).to.not.match(/^(created|overwrote) package\.json$/m);
  });

  it('refuses to overwrite files of another kind of project (exit 2, nothing written) unless --force', async () => {
    mkdirSync(join(dir, 'pipelines'));
    writeFileSync(join(dir, 'pipelines/example_events.yaml'), 'mine\n');
    const before = hashTree(dir);
    const refused = await runCli(['init'], dir);
    expect(refused.code).to.equal(2);
    expect(refused.err).to.equal(
      'error: dagsmith init would overwrite pipelines/example_events.yaml; nothing was written (use --force to overwrite)\n',
    );
    expect(hashTree(dir)).to.deep.equal(before);
  });

  it('init --update refreshes the schema and the workflow (for the config as it is now) and leaves the user files', async () => {
    expect((await runCli(['init'], dir)).code).to.equal(0);
    const config =
      readFileSync(join(dir, 'dagsmith.config.yaml'), 'utf8') +
      '  staging:\n    bucket: s3://acme-airflow-staging/dags/\n    vars: { rawBucket: my-raw-bucket-staging, lakeBucket: my-lake-bucket-staging }\n';
    writeFileSync(join(dir, 'dagsmith.config.yaml'), config);
    writeFileSync(join(dir, 'pipelines/example_events.yaml'), readFileSync(join(dir, 'pipelines/example_events.yaml'), 'utf8') + '# mine\n');
    writeFileSync(join(dir, 'schemas/pipeline.schema.json'), '{}\n');
    const userFiles = ['dagsmith.config.yaml', 'pipelines/example_events.yaml', 'package.json', '.gitignore'].map((f) => readFileSync(join(dir, f)));

    const update = await runCli(['init', '--update'], dir);
    expect(update.code).to.equal(0);
    expect(update.out).to.match(/^updated schemas\/pipeline\.schema\.json\nupdated \.github\/workflows\/dagsmith\.yml\n/);
    expect(readFileSync(join(dir, 'schemas/pipeline.schema.json'), 'utf8')).to.equal(publicSchemaText());
    const jobs = (parse(readFileSync(join(dir, WORKFLOW_PATH), 'utf8')) as { jobs: Record<string, { needs: string; steps: { run?: string }[] }> })
      .jobs;
    expect(Object.keys(jobs)).to.deep.equal(['check', 'deploy-dev', 'deploy-prod', 'deploy-staging']);
    expect(jobs['deploy-staging']!.needs).to.equal('deploy-prod');
    // A bucket environment has no MWAA API to ask whether the DAGs imported.
    expect(jobs['deploy-staging']!.steps.at(-1)!.run).to.equal('npx dagsmith sync --env staging');
    expect(
      ['dagsmith.config.yaml', 'pipelines/example_events.yaml', 'package.json', '.gitignore'].map((f) => readFileSync(join(dir, f))),
    ).to.deep.equal(userFiles);

    const again = await runCli(['init', '--update'], dir);
    expect(again.out).to.match(/^unchanged schemas\/pipeline\.schema\.json\nunchanged \.github\/workflows\/dagsmith\.yml\n/);
  });

  it('init --update outside a project says so (exit 2)', async () => {
    expect(await runCli(['init', '--update'], dir)).to.deep.equal({
      code: 2,
      out: '',
      err: 'error: there is no dagsmith.config.yaml here, so nothing to update; `dagsmith init` scaffolds a project\n',
    });
  });

  it("keeps the user's package.json and .gitignore, and says what they lack", async () => {
    writeFileSync(join(dir, 'package.json'), '{ "name": "mine" }\n');
    writeFileSync(join(dir, '.gitignore'), 'node_modules\n');
    const init = await runCli(['init'], dir);
    expect(init.code).to.equal(0);
    expect(readFileSync(join(dir, 'package.json'), 'utf8')).to.equal('{ "name": "mine" }\n');
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).to.equal('node_modules\n');
    expect(init.out).to.contain(
      'note: package.json exists and does not name dagsmith: add it, so that CI runs this version (npm install --save-dev dagsmith)\n',
    );
    expect(init.out).to.contain("note: .gitignore exists: add .dagsmith/ to it (dagsmith's compile cache is not to be committed)\n");
  });

  it('writes no file through a symbolic link', async () => {
    const elsewhere = makeTemp('init-elsewhere');
    try {
      symlinkSync(elsewhere, join(dir, '.github'));
      const init = await runCli(['init'], dir);
      expect(init.code).to.equal(2);
      expect(init.err).to.equal(
        'error: cannot write .github/workflows/dagsmith.yml: a folder on its path is a symbolic link or a file; nothing was written\n',
      );
      expect(readdirSync(dir)).to.deep.equal(['.github']);
      expect(hashTree(elsewhere)).to.deep.equal({});
    } finally {
      removeTemp(elsewhere);
    }
  });
});
