import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { WORKFLOW_PATH } from '../../src/scaffold/workflow';
import { parseJsonAs, type SarifLog } from '../helpers/json';
import { makeTemp, removeTemp, runCli, type CliResult } from '../helpers/cli';
import { lacksAllEnvs, type Workflow } from '../helpers/workflow';

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

  const workflow = () => parse(readFileSync(join(dir, WORKFLOW_PATH), 'utf8')) as Workflow;

  it('is valid YAML: a check job with the checks as named steps, on current action majors', () => {
    const wf = workflow();
    expect(Object.keys(wf.on)).to.deep.equal(['pull_request', 'push']);
    expect(wf.permissions).to.deep.equal({ contents: 'read' });
    const check = wf.jobs.check!;
    expect(check.steps.map((s) => s.name)).to.deep.equal([
      'Check out',
      'Set up Node.js',
      'Install dagsmith',
      'Validate pipelines for every environment',
      'Lint pipelines',
      'Lint findings as SARIF',
      'Upload lint findings to code scanning',
      'Check generated DAGs are up to date for every environment',
      'Test pipelines',
      'Graph changed pipelines',
      'Post the graph on the pull request',
    ]);
    const byName = new Map(check.steps.map((s) => [s.name, s]));
    expect(byName.get('Check out')!.uses).to.equal('actions/checkout@v6');
    expect(byName.get('Set up Node.js')).to.deep.include({ uses: 'actions/setup-node@v6', with: { 'node-version': 22, cache: 'npm' } });
    expect(byName.get('Install dagsmith')!.run).to.equal('npm ci');
    // Findings as annotations for every pull request, forks included; SARIF for code scanning where the token may upload.
    expect(byName.get('Lint pipelines')!.run).to.match(/^npx dagsmith lint --format github\b/);
    expect(byName.get('Lint findings as SARIF')!.run).to.match(/^npx dagsmith lint --format sarif > dagsmith\.sarif \|\| \[ \$\? -eq 1 \]/);
    expect(byName.get('Upload lint findings to code scanning')!.uses).to.equal('github/codeql-action/upload-sarif@v4');
    expect(byName.get('Upload lint findings to code scanning')!.with).to.deep.equal({ sarif_file: 'dagsmith.sarif', category: 'dagsmith' });
    expect(byName.get('Check generated DAGs are up to date for every environment')!.run).to.equal('npx dagsmith compile --check --all-envs');
    expect(byName.get('Test pipelines')!.run).to.equal('npx dagsmith test');
    expect(byName.get('Graph changed pipelines')!.run).to.include('dagsmith graph --changed "origin/$BASE_REF"');
    expect(byName.get('Post the graph on the pull request')!.uses).to.equal('marocchino/sticky-pull-request-comment@v3');
    // actions: read lets upload-sarif work in private repositories.
    expect(check.permissions).to.deep.equal({ contents: 'read', actions: 'read', 'security-events': 'write', 'pull-requests': 'write' });
  });

  it('never writes to GitHub from a fork, and passes no event text through the shell', () => {
    const wf = workflow();
    const steps = wf.jobs.check!.steps;
    for (const name of ['Lint findings as SARIF', 'Upload lint findings to code scanning', 'Post the graph on the pull request']) {
      expect(steps.find((s) => s.name === name)!.if, name).to.include('github.event.pull_request.head.repo.full_name == github.repository');
    }
    for (const job of Object.values(wf.jobs)) for (const s of job.steps) if (s.run) expect(s.run, s.name).to.not.include('${{');
    for (const job of Object.values(wf.jobs)) expect(job.steps[0]!.with?.['persist-credentials']).to.equal(false);
  });

  it('deploys main to each environment in turn, through a GitHub environment (manual approval for prod), with --verify', () => {
    const wf = workflow();
    expect(Object.keys(wf.jobs)).to.deep.equal(['check', 'deploy-dev', 'deploy-prod']);
    for (const [name, needs] of [
      ['dev', 'check'],
      ['prod', 'deploy-dev'],
    ] as const) {
      const job = wf.jobs[`deploy-${name}`]!;
      expect(job).to.deep.include({ needs, environment: name, if: "github.event_name == 'push' && github.ref == 'refs/heads/main'" });
      expect(job.permissions).to.deep.equal({ contents: 'read', 'id-token': 'write' });
      expect(job.concurrency).to.deep.equal({ group: `dagsmith-deploy-${name}`, 'cancel-in-progress': false });
      const aws = job.steps.find((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'))!;
      expect(aws.uses).to.equal('aws-actions/configure-aws-credentials@v6');
      expect(aws.with).to.deep.equal({ 'role-to-assume': '${{ vars.DAGSMITH_DEPLOY_ROLE_ARN }}', 'aws-region': 'us-east-1' });
      expect(job.steps.at(-1)!.run).to.equal(`npx dagsmith sync --env ${name} --verify`);
    }
    expect(readFileSync(join(dir, WORKFLOW_PATH), 'utf8')).to.match(/# Manual approval: in Settings > Environments, give 'prod' required reviewers/);
  });

  it('runs the dagsmith commands of the check job on the project init wrote, and they pass (lint clean)', async () => {
    const run = async (args: string[]): Promise<CliResult> => {
      const r = await runCli(args, dir);
      if (!lacksAllEnvs(r)) return r;
      // Until --all-envs lands (issue 22, environments): the same check for no environment and each one.
      const rest = args.filter((a) => a !== '--all-envs');
      const results = [await runCli(rest, dir), await runCli([...rest, '--env', 'dev'], dir), await runCli([...rest, '--env', 'prod'], dir)];
      return results.find((x) => x.code !== 0) ?? results[0]!;
    };
    const steps = workflow().jobs.check!.steps.filter((s) => s.run?.startsWith('npx dagsmith ') && !s.run.includes('graph --changed'));
    expect(steps).to.have.length(5);
    for (const s of steps) {
      const args = s
        .run!.replace(/ *#.*$/, '')
        .replace(/ > \S+.*$/, '')
        .split(' ')
        .slice(2);
      const r = await run(args);
      expect(r.code, `${s.name}: ${s.run}\n${r.err}`).to.equal(0);
      if (args[0] === 'lint' && !args.includes('sarif')) expect(r.out, 'the scaffold is lint-clean').to.equal('0 errors, 0 warnings\n');
      if (args.includes('sarif')) expect(parseJsonAs<SarifLog>(r.out).runs[0]!.results).to.deep.equal([]);
      // A project without tests passes `dagsmith test` (and starts no Python).
      if (args[0] === 'test') expect(r).to.deep.equal({ code: 0, out: 'no tests: write tests/<name>.test.yaml (see docs/testing.md)\n', err: '' });
    }
  });
});
