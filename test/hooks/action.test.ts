import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { makeTemp, removeTemp } from '../helpers/cli';
import { CLEAN } from '../lint/helpers';
import { userProject } from './entry-points';

interface ActionStep {
  name: string;
  id?: string;
  if?: string;
  shell: string;
  'working-directory'?: string;
  env?: Record<string, string>;
  run: string;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

const ACTION = parse(readFileSync(join(__dirname, '..', '..', 'action.yml'), 'utf8')) as Action;

/** `${{ inputs.x }}` and `${{ inputs.x == 'true' }}`: the only expressions the action uses. */
function expr(text: string, inputs: Record<string, string>): string {
  return text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, e: string) => {
    const cmp = /^inputs\.([\w-]+)\s*==\s*'([^']*)'$/.exec(e);
    if (cmp) return String(inputs[cmp[1]!] === cmp[2]);
    const ref = /^inputs\.([\w-]+)$/.exec(e);
    if (ref) {
      if (!(ref[1]! in inputs)) throw new Error(`action.yml names an input it does not declare: ${ref[1]}`);
      return inputs[ref[1]!]!;
    }
    throw new Error(`expression the test does not evaluate: ${e}`);
  });
}

/** Runs the action's steps as the runner does (bash --noprofile --norc -eo pipefail), in order, stopping at a failure. */
function runAction(repo: string, given: Record<string, string> = {}) {
  const inputs = Object.fromEntries(Object.entries(ACTION.inputs).map(([k, v]) => [k, given[k] ?? v.default ?? '']));
  const githubOutput = join(repo, '.github-output');
  writeFileSync(githubOutput, '');
  const steps: { name: string; code: number | null; out: string; err: string }[] = [];
  for (const step of ACTION.runs.steps) {
    if (step.if !== undefined && expr(step.if, inputs) !== 'true') continue;
    expect(step.shell).to.equal('bash');
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expr(v, inputs)]));
    expect(step.run, `${step.name}: inputs reach the script only through env`).to.not.match(/\$\{\{/);
    const cwd = join(repo, expr(step['working-directory'] ?? '.', inputs));
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], {
      cwd,
      encoding: 'utf8',
      env: { PATH: process.env.PATH!, HOME: process.env.HOME!, GITHUB_OUTPUT: githubOutput, ...env },
    });
    steps.push({ name: step.name, code: r.status, out: r.stdout, err: r.stderr });
    if (r.status !== 0) break;
  }
  return { steps, output: readFileSync(githubOutput, 'utf8') };
}

describe('action.yml (composite action)', function () {
  this.timeout(120_000);
  const dirs: string[] = [];
  after(() => dirs.forEach(removeTemp));
  const repo = () => {
    const d = makeTemp('action');
    dirs.push(d);
    return d;
  };

  it('is a composite action whose steps are validate, lint with SARIF, compile --check', () => {
    expect(ACTION.runs.using).to.equal('composite');
    expect(ACTION.runs.steps.map((s) => s.name)).to.deep.equal(['dagsmith validate', 'dagsmith lint', 'dagsmith compile --check']);
    for (const input of ['working-directory', 'env', 'airflow', 'validate', 'lint', 'sarif-file', 'max-warnings', 'compile-check']) {
      expect(ACTION.inputs, input).to.have.property(input);
    }
  });

  it('passes on a clean project in a subfolder, writing the SARIF file and its output', () => {
    const dir = repo();
    const sub = join(dir, 'data');
    mkdirSync(sub);
    userProject(sub);
    const r = runAction(dir, { 'working-directory': 'data' });
    expect(r.steps.map((s) => [s.name, s.code, s.err])).to.deep.equal([
      ['dagsmith validate', 0, ''],
      ['dagsmith lint', 0, ''],
      ['dagsmith compile --check', 0, ''],
    ]);
    const sarif = JSON.parse(readFileSync(join(sub, 'dagsmith.sarif'), 'utf8')) as { version: string };
    expect(sarif.version).to.equal('2.1.0');
    expect(r.output).to.equal('sarif-file=data/dagsmith.sarif\n');
  });

  it('fails lint on an error finding but still writes the SARIF, with annotations for the pull request', () => {
    const dir = repo();
    userProject(dir, CLEAN.replace('job: clean-events', 'job: clean-events\n    arguments: { "--k": "AKIA4TPIHTKGWRKL4TUG" }'));
    const r = runAction(dir);
    expect(r.steps.map((s) => [s.name, s.code])).to.deep.equal([
      ['dagsmith validate', 0],
      ['dagsmith lint', 1],
    ]);
    expect(r.steps[1]!.out).to.match(/^::error file=pipelines\/clean\.yaml,line=20,col=\d+,.*DS403/m);
    const sarif = JSON.parse(readFileSync(join(dir, 'dagsmith.sarif'), 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
    expect(sarif.runs[0]!.results.map((x) => x.ruleId)).to.include('DS403');
  });

  it('fails compile --check when the committed DAG is stale; inputs turn steps off', () => {
    const dir = repo();
    userProject(dir);
    writeFileSync(join(dir, 'pipelines', 'clean.yaml'), CLEAN.replace('retries: 2', 'retries: 3'));
    const r = runAction(dir, { lint: 'false', validate: 'false' });
    expect(r.steps.map((s) => [s.name, s.code])).to.deep.equal([['dagsmith compile --check', 1]]);
    expect(existsSync(join(dir, 'dagsmith.sarif'))).to.equal(false);
  });
});
