import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { makeTemp, removeTemp } from '../helpers/cli';
import { CLEAN } from '../lint/helpers';
import { userProject } from './entry-points';

// scripts/setup-python.js is plain CommonJS without types.
const setupPython = require('../../scripts/setup-python.js') as { venvPaths(): Record<string, { dir: string; ready: boolean }> };

const HOOKS_FILE = join(__dirname, '..', '..', '.pre-commit-hooks.yaml');

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' },
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

describe('.pre-commit-hooks.yaml through the real pre-commit @python', function () {
  this.timeout(300_000);
  const dirs: string[] = [];
  after(() => dirs.forEach(removeTemp));
  let preCommit: string;
  let hookRepo: string;
  let rev: string;

  before(() => {
    const env = setupPython.venvPaths()['pre-commit'];
    if (!env?.ready) throw new Error('the pre-commit virtualenv is missing: run node scripts/setup-python.js');
    preCommit = join(env.dir, 'bin', 'pre-commit');
    // The hook repository as pre-commit clones it: a git repository whose commit holds .pre-commit-hooks.yaml.
    hookRepo = makeTemp('hook-repo');
    dirs.push(hookRepo);
    git(hookRepo, 'init', '-q');
    copyFileSync(HOOKS_FILE, join(hookRepo, '.pre-commit-hooks.yaml'));
    git(hookRepo, 'add', '.');
    git(hookRepo, 'commit', '-qm', 'hooks');
    rev = git(hookRepo, 'rev-parse', 'HEAD');
  });

  /** A user's repository with the three hooks configured and everything committed. */
  function userRepo(pipeline = CLEAN): string {
    const dir = makeTemp('user-repo');
    dirs.push(dir);
    userProject(dir, pipeline);
    git(dir, 'init', '-q');
    writeFileSync(
      join(dir, '.pre-commit-config.yaml'),
      `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: dagsmith-validate\n      - id: dagsmith-lint\n      - id: dagsmith-compile-check\n`,
    );
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'init');
    return dir;
  }

  const run = (dir: string) =>
    spawnSync(preCommit, ['run', '--all-files', '--color', 'never'], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH!, HOME: process.env.HOME!, PRE_COMMIT_HOME: join(dir, '.pre-commit-home') },
    });

  it('declares validate, lint and compile --check', () => {
    const hooks = parse(readFileSync(HOOKS_FILE, 'utf8')) as { id: string; entry: string; pass_filenames: boolean }[];
    expect(hooks.map((h) => [h.id, h.entry, h.pass_filenames])).to.deep.equal([
      ['dagsmith-validate', 'npx --no-install dagsmith validate', false],
      ['dagsmith-lint', 'npx --no-install dagsmith lint', false],
      ['dagsmith-compile-check', 'npx --no-install dagsmith compile --check', false],
    ]);
  });

  it('pass on a clean repository', () => {
    const r = run(userRepo());
    expect(r.status, r.stdout + r.stderr).to.equal(0);
    expect(r.stdout).to.match(/dagsmith validate\.+Passed/);
    expect(r.stdout).to.match(/dagsmith lint\.+Passed/);
    expect(r.stdout).to.match(/dagsmith compile --check\.+Passed/);
  });

  it('fail on a secret and on a stale DAG, naming the finding', () => {
    const dir = userRepo();
    mkdirSync(join(dir, 'pipelines'), { recursive: true });
    writeFileSync(
      join(dir, 'pipelines', 'clean.yaml'),
      CLEAN.replace('job: clean-events', 'job: clean-events\n    arguments: { "--k": "AKIA4TPIHTKGWRKL4TUG" }'),
    );
    git(dir, 'add', '.');
    const r = run(dir);
    expect(r.status).to.equal(1);
    expect(r.stdout).to.match(/dagsmith validate\.+Passed/);
    expect(r.stdout).to.match(/dagsmith lint\.+Failed/);
    expect(r.stdout).to.include('error DS403');
    expect(r.stdout).to.match(/dagsmith compile --check\.+Failed/);
  });
});
