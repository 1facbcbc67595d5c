/**
 * `--all-envs`: one run writes (or checks) every environment's folder, byte for byte what `compile --env E` writes
 * for each (issue 19's requirement), with the work they share done once.
 */
import { expect } from 'chai';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mergeEnvironmentDiagnostics } from '../../src/compile/environments';
import { buildProject, SharedWork } from '../../src/compile/project';
import type { Diagnostic } from '../../src/diagnostics/types';
import { makeTemp, readTree, removeTemp, runCli } from '../helpers/cli';

const ROOT = join(__dirname, '..', '..');

/** The repository's own project: dev on Airflow 2.10.3, prod on 3.0.6, YAML and TypeScript pipelines, SQL files. */
function copyProject(prefix: string): string {
  const dir = makeTemp(prefix);
  cpSync(join(ROOT, 'pipelines'), join(dir, 'pipelines'), { recursive: true });
  cpSync(join(ROOT, 'dagsmith.config.yaml'), join(dir, 'dagsmith.config.yaml'));
  return dir;
}

/** Three environments, two of them on the same target with the same values for some pipelines (results reused). */
function sameTargetProject(prefix: string): string {
  const dir = makeTemp(prefix);
  mkdirSync(join(dir, 'pipelines'));
  writeFileSync(
    join(dir, 'dagsmith.config.yaml'),
    [
      'vars: { team: ml }',
      'environmentVars: [rawBucket]',
      'environments:',
      '  dev: { vars: { rawBucket: acme-raw-dev } }',
      '  staging: { vars: { rawBucket: acme-raw-dev } }',
      '  prod: { vars: { rawBucket: acme-raw-prod } }',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'pipelines', 'landing.yaml'),
    ['version: 1', 'id: landing', 'steps:', '  - { id: wait, kind: s3.wait, bucket: "${rawBucket}", key: k }', ''].join('\n'),
  );
  writeFileSync(
    join(dir, 'pipelines', 'shared.yaml'),
    ['version: 1', 'id: shared', 'owner: "${team}"', 'steps:', '  - { id: crawl, kind: glue.crawler, crawler: raw }', ''].join('\n'),
  );
  return dir;
}

function outputs(dir: string): Map<string, string> {
  return new Map([...readTree(dir)].filter(([p]) => p.startsWith('dags-out/')).map(([p, b]) => [p, b.toString('utf8')]));
}

describe('compile --all-envs', function () {
  this.timeout(120_000);
  const dirs: string[] = [];
  after(() => dirs.forEach(removeTemp));

  for (const [name, make, envs] of [
    ['the repository project (two targets)', copyProject, ['dev', 'prod']],
    ['three environments on one target', sameTargetProject, ['dev', 'staging', 'prod']],
  ] as const) {
    it(`writes, byte for byte, what compile --env writes for each environment: ${name}`, async () => {
      const all = make('all-envs');
      const each = make('each-env');
      dirs.push(all, each);
      const r = await runCli(['compile', '--all-envs'], all);
      expect(r.err).to.equal('');
      expect(r.code).to.equal(0);
      for (const env of envs) expect((await runCli(['compile', '--env', env], each)).code, env).to.equal(0);
      const got = outputs(all);
      expect(got.size).to.be.greaterThan(envs.length);
      expect([...got.keys()]).to.deep.equal([...outputs(each).keys()]);
      for (const [path, text] of outputs(each)) expect(got.get(path), path).to.equal(text);
      // And --check agrees with both trees; then the cache makes the second run a no-op.
      expect((await runCli(['compile', '--all-envs', '--check'], all)).code).to.equal(0);
      expect((await runCli(['compile', '--all-envs', '--check'], each)).code).to.equal(0);
      const again = await runCli(['compile', '--all-envs'], all);
      for (const env of envs) expect(again.out).to.include(`into dags-out/${env}/: 0 created, 0 updated`);
    });
  }

  it('does shared work once: files are loaded once, and a file is compiled once per distinct set of the values it uses', () => {
    const dir = sameTargetProject('shared-work');
    dirs.push(dir);
    const shared = new SharedWork();
    let loads = 0;
    const load = shared.load;
    (shared as { load: typeof load }).load = (cwd, files) => {
      loads += files.length;
      return load(cwd, files);
    };
    const recompiled = ['dev', 'staging', 'prod'].map((env) => buildProject({ cwd: dir, env, shared, irs: false }));
    // dev compiles both files; staging has dev's values for both and reuses them; prod reuses shared.yaml (team is
    // the same) and compiles landing.yaml, whose text SharedWork loaded for dev already.
    expect(loads).to.equal(3);
    const results = recompiled.map((r) => r.pipelines.map((p) => [p.outPath, p.content.length]));
    expect(results[1]!.map(([p]) => p)).to.deep.equal(['dags-out/staging/landing.py', 'dags-out/staging/shared.py']);
    // staging has dev's values: its DAGs are dev's text in its own folder.
    expect(recompiled[1]!.pipelines.map((p) => p.content)).to.deep.equal(recompiled[0]!.pipelines.map((p) => p.content));
    expect(recompiled[2]!.pipelines[0]!.content).to.include('"acme-raw-prod"');
  });

  it('checks every environment and names each in its summary (validate, lint, compile --check)', async () => {
    const dir = sameTargetProject('all-envs-commands');
    dirs.push(dir);
    const v = await runCli(['validate', '--all-envs'], dir);
    expect(v.out).to.equal('2 pipeline files valid for every environment: dev (Airflow 2.10.3), staging (Airflow 2.10.3), prod (Airflow 2.10.3)\n');
    const l = await runCli(['lint', '--all-envs', '--format', 'json'], dir);
    expect(l.code).to.equal(0);
    const stale = await runCli(['compile', '--all-envs', '--check'], dir);
    expect(stale.code).to.equal(1);
    expect(stale.err).to.include("dags-out/prod/ is out of date: run 'dagsmith compile --all-envs'");
  });

  it('is a usage error with --env, with --watch, and in a project without environments', async () => {
    const dir = sameTargetProject('all-envs-usage');
    dirs.push(dir);
    expect((await runCli(['compile', '--all-envs', '--env', 'dev'], dir)).code).to.equal(2);
    expect((await runCli(['validate', '--all-envs', '--env', 'dev'], dir)).code).to.equal(2);
    expect((await runCli(['lint', '--all-envs', '--env', 'dev'], dir)).code).to.equal(2);
    expect((await runCli(['compile', '--all-envs', '--watch'], dir)).code).to.equal(2);
    writeFileSync(join(dir, 'dagsmith.config.yaml'), 'vars: { team: ml, rawBucket: b }\n');
    const none = await runCli(['validate', '--all-envs'], dir);
    expect(none.code).to.equal(2);
    expect(none.err).to.include('defines no environments');
  });
});

describe('mergeEnvironmentDiagnostics', () => {
  const d = (message: string, line = 1): Diagnostic => ({ code: 'DS302', severity: 'error', message, file: 'p.yaml', line, col: 1, path: [] });
  it('prints what every environment reports once, and marks what only some report', () => {
    const merged = mergeEnvironmentDiagnostics([
      ['dev', [d('everywhere'), d('dev and qa', 2)]],
      ['qa', [d('everywhere'), d('dev and qa', 2), d("names environment 'qa' itself", 3)]],
      ['prod', [d('everywhere'), d('prod only', 4)]],
    ]);
    expect(merged.map((m) => m.message)).to.deep.equal([
      'everywhere',
      'dev and qa [environments dev, qa]',
      "names environment 'qa' itself",
      'prod only [environment prod]',
    ]);
  });
});
