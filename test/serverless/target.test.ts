/**
 * MWAA Serverless as a target: how it is chosen (--target, the environment's `target`, the config's), what it
 * runs (Airflow 3.0.6 with amazon provider 9.30.0, seen by the kinds' checks), the cache that keeps its outputs
 * apart from the Python target's, where the service's paths land in a spec, and the value translation and rule
 * checks of the workflow builder.
 */
import { expect } from 'chai';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { call, dict, lit, list, name, timedeltaExpr } from '../../src/base/python-expr';
import { parseDuration } from '../../src/base/durations';
import { buildProject } from '../../src/compile/project';
import { matchesRule } from '../../src/emit/serverless/workflow';
import { translate } from '../../src/emit/serverless/values';
import { parseRule } from '../../src/serverless/validator-schema';
import { specPathOf } from '../../src/sync/serverless/positions';
import { providerAtLeast, resolveTarget } from '../../src/targets';
import { compileProject } from '../../src/use-cases/compile';
import { makeTemp, removeTemp, runCli } from '../helpers/cli';

const PIPELINE = `version: 1
id: sl
schedule: "0 5 * * *"
startDate: 2026-01-01
maxActiveRuns: 2
params:
  mode: { default: full }
defaults:
  retries: 1
steps:
  - id: wait
    kind: s3.wait
    group: land
    bucket: acme
    key: "k/{{ run_id }}"
  - id: raw
    kind: airflow.operator
    operator: airflow.providers.amazon.aws.sensors.glue.GlueJobSensor
    arguments: { job_name: j, run_id: r }
    retries: 2
    dependsOn: [wait]
`;

describe('MWAA Serverless target', () => {
  let dir = '';
  before(() => {
    dir = makeTemp('serverless-target');
    mkdirSync(join(dir, 'pipelines'));
    writeFileSync(join(dir, 'pipelines', 'sl.yaml'), PIPELINE);
    writeFileSync(
      join(dir, 'dagsmith.config.yaml'),
      'airflow: "2.10.3"\nenvironments:\n  sl:\n    target: mwaa-serverless\n  old:\n    target: mwaa-serverless\n    airflow: "2.11.2"\n',
    );
  });
  after(() => removeTemp(dir));

  it('runs Airflow 3.0.6 with amazon provider 9.30.0, and refuses other Airflow versions', () => {
    const t = resolveTarget('3.0.6', 'mwaa-serverless');
    expect(t).to.deep.equal({
      version: '3.0.6',
      major: 3,
      provider: '9.30.0',
      platform: 'mwaa-serverless',
      label: 'MWAA Serverless (Airflow 3.0.6)',
    });
    expect(providerAtLeast(t, '9.22.0')).to.equal(true);
    expect(() => resolveTarget('2.10.3', 'mwaa-serverless')).to.throw('MWAA Serverless runs Airflow 3.0.6');
    expect(resolveTarget('2.10.3').label).to.equal('Airflow 2.10.3');
  });

  it('is chosen by --target, else the environment, else the config; the config-wide airflow: is for MWAA', () => {
    expect(buildProject({ cwd: dir, target: 'mwaa-serverless' }).target.label).to.equal('MWAA Serverless (Airflow 3.0.6)');
    expect(buildProject({ cwd: dir, env: 'sl' }).target.platform).to.equal('mwaa-serverless');
    expect(buildProject({ cwd: dir, env: 'sl', target: 'mwaa' }).target.label).to.equal('Airflow 2.10.3');
    expect(() => buildProject({ cwd: dir, env: 'old' })).to.throw('cannot be compiled for it with Airflow 2.11.2');
    expect(() => buildProject({ cwd: dir, target: 'mwaa-serverles' })).to.throw("unknown target 'mwaa-serverles'; use one of mwaa, mwaa-serverless");
  });

  it('writes dags-out/<id>.yaml, and the cache keeps the two targets apart (a .py left by the MWAA target is removed)', async () => {
    expect(compileProject({ cwd: dir, cache: true }).status).to.equal('written');
    expect(readdirSync(join(dir, 'dags-out')).sort()).to.deep.equal(['sl.py']);
    const r = compileProject({ cwd: dir, target: 'mwaa-serverless', cache: true });
    expect(r.status === 'written' && [r.created, r.removed]).to.deep.equal([['dags-out/sl.yaml'], ['dags-out/sl.py']]);
    const again = compileProject({ cwd: dir, target: 'mwaa-serverless', cache: true, check: true });
    expect(again.status).to.equal('up-to-date');
    const cli = await runCli(['compile', '--target', 'mwaa-serverless', '--airflow', '2.10.3'], dir);
    expect([cli.code, cli.err]).to.deep.equal([
      2,
      'error: MWAA Serverless runs Airflow 3.0.6; a pipeline cannot be compiled for it with Airflow 2.10.3\n',
    ]);
    const validate = await runCli(['validate', '--target', 'mwaa-serverless'], dir);
    expect(validate.out).to.equal('1 pipeline file valid for MWAA Serverless (Airflow 3.0.6)\n');
  });

  it("finds the spec position of the service's definition paths", () => {
    const ir = buildProject({ cwd: dir, target: 'mwaa-serverless' }).pipelines[0]!.ir;
    const cases: [string, unknown][] = [
      ['sl', ['id']],
      ['sl.schedule', ['schedule']],
      ['sl.start_date', ['startDate']],
      ['sl.max_active_runs', ['maxActiveRuns']],
      ['sl.params.mode', ['params', 'mode']],
      ['sl.default_args.retries', ['defaults', 'retries']],
      ['sl.default_args.owner', ['owner']],
      ['sl.tasks.land.wait', ['steps', 0]],
      ['sl.tasks.land.wait.bucket_key', ['steps', 0, 'kind']],
      ['sl.tasks.land.wait.aws_conn_id', ['defaults', 'awsConnId']],
      ['sl.tasks.raw.operator', ['steps', 1, 'operator']],
      ['sl.tasks.raw.job_name', ['steps', 1, 'arguments', 'job_name']],
      ['sl.tasks.raw.retries', ['steps', 1, 'retries']],
      ['sl.tasks.raw.dependencies', ['steps', 1, 'dependsOn']],
      ['sl.tasks.nope', ['steps']],
      ['other.schedule', undefined],
      ['slx.schedule', undefined],
    ];
    for (const [path, want] of cases) expect(specPathOf(ir, path), path).to.deep.equal(want);
  });

  it('translates the kinds’ arguments: literals, lists, dicts, durations; refuses calls, names and keys dag-factory runs', () => {
    expect(translate(dict([['a', list([lit(1), lit('x')])]]))).to.deep.equal({ ok: true, value: new Map([['a', [1, 'x']]]) });
    expect(translate(timedeltaExpr(parseDuration('1h30m')!))).to.deep.equal({
      ok: true,
      value: new Map<string, unknown>([
        ['__type__', 'datetime.timedelta'],
        ['hours', 1],
        ['minutes', 30],
      ]),
    });
    expect(translate(call('SnsNotifier'))).to.deep.include({ ok: false });
    expect(translate(name('default_args'))).to.deep.include({ ok: false });
    expect(translate(lit({ nested: { __type__: 'os.system' } }))).to.deep.include({ ok: false, key: '__type__' });
  });

  it("checks values against the validator schema's rules as Yamale does", () => {
    const yes = (rule: string, v: unknown) => matchesRule(parseRule(rule), v as never);
    expect(yes('int(required=False)', 3)).to.equal(true);
    expect(yes('int(required=False)', 'high')).to.equal(false);
    expect(yes('int(required=False)', null)).to.equal(true);
    expect(yes('str(required=False)', new Map())).to.equal(false);
    expect(yes('list(str(), required=False)', ['a'])).to.equal(true);
    expect(yes('list(str(), required=False)', [1])).to.equal(false);
    expect(yes('map(str(), str(), required=False)', new Map([['a', 'b']]))).to.equal(true);
    expect(yes('enum("a", "b", required=False)', 'c')).to.equal(false);
    expect(yes("str(regex('^[a-z]+$'))", 'abc')).to.equal(true);
    expect(yes("str(regex('^[a-z]+$'))", 'ABC')).to.equal(false);
    expect(yes('any(required=False)', new Map())).to.equal(true);
  });
});
