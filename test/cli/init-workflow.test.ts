import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { WORKFLOW_PATH } from '../../src/scaffold/workflow';
import { makeTemp, removeTemp, runCli } from '../helpers/cli';

interface Step {
  name: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}

describe('dagsmith init: the GitHub Actions workflow', function () {
  this.timeout(120_000);
  let dir = '';
  before(async () => {
    dir = makeTemp('init-workflow');
    const r = await runCli(['init'], dir);
    expect(r.code, r.err).to.equal(0);
    expect(r.out).to.include(`created ${WORKFLOW_PATH}`);
  });
  after(() => removeTemp(dir));

  const workflow = () =>
    parse(readFileSync(join(dir, WORKFLOW_PATH), 'utf8')) as {
      on: Record<string, unknown>;
      permissions: Record<string, string>;
      jobs: Record<string, { permissions: Record<string, string>; steps: Step[] }>;
    };

  it('is valid YAML with the checks as named steps', () => {
    const wf = workflow();
    expect(Object.keys(wf.on)).to.deep.equal(['pull_request', 'push']);
    expect(wf.permissions).to.deep.equal({ contents: 'read' });
    const steps = wf.jobs.check!.steps;
    expect(steps.map((s) => s.name)).to.deep.equal([
      'Check out',
      'Set up Node.js',
      'Install dagsmith',
      'Validate pipelines',
      'Lint pipelines',
      'Upload lint findings to code scanning',
      'Check generated DAGs are up to date',
      'Test pipelines',
      'Graph changed pipelines',
      'Post the graph on the pull request',
    ]);
    const byName = new Map(steps.map((s) => [s.name, s]));
    expect(byName.get('Lint pipelines')!.run).to.equal('npx dagsmith lint --format sarif > dagsmith.sarif');
    expect(byName.get('Upload lint findings to code scanning')!.uses).to.match(/^github\/codeql-action\/upload-sarif@v\d+$/);
    expect(byName.get('Upload lint findings to code scanning')!.with).to.deep.equal({ sarif_file: 'dagsmith.sarif', category: 'dagsmith' });
    expect(byName.get('Check generated DAGs are up to date')!.run).to.equal('npx dagsmith compile --check');
    expect(byName.get('Test pipelines')!.run).to.equal('npx dagsmith test');
    expect(byName.get('Graph changed pipelines')!.run).to.include('dagsmith graph --changed "origin/$BASE_REF"');
    expect(wf.jobs.check!.permissions['security-events']).to.equal('write');
  });

  it('never writes to GitHub from a fork, and passes no event text through the shell', () => {
    const steps = workflow().jobs.check!.steps;
    for (const name of ['Upload lint findings to code scanning', 'Post the graph on the pull request']) {
      expect(steps.find((s) => s.name === name)!.if, name).to.include('github.event.pull_request.head.repo.full_name == github.repository');
    }
    for (const s of steps) if (s.run) expect(s.run, s.name).to.not.include('${{');
  });

  it('runs the commands it names on the project init wrote: validate, lint (clean), compile, compile --check, test', async () => {
    expect((await runCli(['validate'], dir)).code).to.equal(0);
    const lint = await runCli(['lint'], dir);
    expect(lint, 'the scaffold is lint-clean').to.deep.equal({ code: 0, out: '2 pipeline files: no lint findings\n', err: '' });
    const sarif = await runCli(['lint', '--format', 'sarif'], dir);
    expect(JSON.parse(sarif.out).runs[0].results).to.deep.equal([]);
    expect((await runCli(['compile'], dir)).code).to.equal(0);
    expect((await runCli(['compile', '--check'], dir)).code).to.equal(0);
    // A project without tests passes `dagsmith test` (and starts no Python).
    expect(await runCli(['test'], dir)).to.deep.equal({ code: 0, out: 'no tests: write tests/<name>.test.yaml (see docs/testing.md)\n', err: '' });
  });
});
