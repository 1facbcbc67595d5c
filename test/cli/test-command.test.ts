/**
 * `dagsmith test` on the repository's examples, through the CLI, on the default target (dagsmith.config.yaml's) and
 * on the newest MWAA target: every example pipeline has a test in tests/ and every test passes. The reports show the
 * effect of each kind the emulator serves, and for each kind it cannot run (DataBrew, Flink, Lambda code, ...) that
 * a declared outcome answered. The JUnit output of the newest target's run validates against the vendored schema.
 * One full run per target (each is a few minutes on two cores); what each checks is in the case titles.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { buildProject } from '../../src/compile/project';
import { loadConfig } from '../../src/config/project-config';
import { TARGET_VERSIONS } from '../../src/targets';
import type { TestResult } from '../../src/use-cases/test';
import { runCli } from '../helpers/cli';

const ROOT = join(__dirname, '..', '..');
const NEWEST = TARGET_VERSIONS[TARGET_VERSIONS.length - 1]!;
const XSD = readFileSync(join(ROOT, 'schemas', 'vendor', 'junit', 'junit-4.xsd'), 'utf8');

describe('dagsmith test: the examples on the default target, as JSON @airflow', function () {
  this.timeout(1_800_000);
  let result: TestResult;
  let code = -1;
  let err = '';
  before(async () => {
    const r = await runCli(['test', '--json'], ROOT);
    code = r.code;
    err = r.err;
    result = JSON.parse(r.out) as TestResult;
  });

  it(`passes every example test on the default target (${loadConfig(ROOT).config!.airflow}), and every example pipeline has one`, () => {
    const failed = result.tests.filter((t) => t.status !== 'passed');
    expect(
      failed.map((t) => ({ name: t.name, failures: t.failures, problems: t.problems, log: t.log?.slice(-3000) })),
      err,
    ).to.deep.equal([]);
    expect(code).to.equal(0);
    expect(result.targets).to.deep.equal([loadConfig(ROOT).config!.airflow]);
    const pipelines = buildProject({ cwd: ROOT }).pipelines.map((p) => p.ir.id);
    expect(pipelines.filter((id) => !result.tests.some((t) => t.pipeline === id))).to.deep.equal([]);
    expect(result.tests.every((t) => t.ran && t.tasks.length > 0)).to.equal(true);
  });

  it('shows the effect of every kind the emulator serves in a change report', () => {
    const started = new Set(result.tests.flatMap((t) => t.changes!.started.filter((s) => s.answeredBy === 'emulator').map((s) => s.what)));
    for (const what of [
      'Glue crawler run',
      'Glue crawler created',
      'Glue job run',
      'Athena query',
      'EMR cluster',
      'EMR steps',
      'Step Functions execution',
      'EventBridge events',
      'SNS message',
    ])
      expect(started, what).to.include(what);
    const s3 = result.tests.map((t) => t.changes!.s3);
    expect(
      s3.some((c) => c.copied.length > 0),
      's3.copy',
    ).to.equal(true);
    expect(
      s3.some((c) => c.deleted.length > 0),
      's3.delete',
    ).to.equal(true);
    expect(
      s3.some((c) => c.created.some((e) => e.task !== null && e.outcome === undefined)),
      's3.put (an object a task wrote itself)',
    ).to.equal(true);
  });

  it('answers what the emulator cannot run with the declared outcome, and the report says so', () => {
    const uses = result.tests.flatMap((t) => t.outcomes.map((o) => ({ test: t.name, ...o })));
    for (const kind of ['databrew.job', 'flink.application', 'lambda.invoke', 'emr-serverless.job', 'glue.job', 'redshift.statement', 'emr.step'])
      expect(
        uses.some((u) => u.kind === kind && u.declared),
        `${kind}: ${JSON.stringify(uses.filter((u) => u.kind === kind))}`,
      ).to.equal(true);
    const flink = result.tests.find((t) => t.name === 'flink_enrichment_backfill')!;
    expect(flink.changes!.started.filter((s) => s.answeredBy !== 'emulator').map((s) => [s.what, s.answeredBy, s.result])).to.deep.equal([
      ['Flink application start', 'declared outcome', 'started'],
      ['EMR Serverless job run', 'declared outcome', 'success'],
      ['DataBrew job run', 'declared outcome', 'succeeded'],
      ['Flink application stop', 'default outcome', 'stopped'],
    ]);
    const lambda = result.tests.find((t) => t.name === 'orders_partition_landing')!;
    expect(lambda.changes!.started.find((s) => s.what === 'Lambda invocation')).to.include({ answeredBy: 'declared outcome', result: 'returned' });
  });

  it('runs the failure scenarios: the task fails, what follows does not run, the alert fires', () => {
    const late = result.tests.find((t) => t.name === 'customer_features_export_late')!;
    expect(late.tasks.map((t) => [t.taskId, t.state])).to.deep.equal([
      ['wait_raw', 'failed'],
      ['crawl_raw', 'upstream_failed'],
      ['clean_events', 'upstream_failed'],
      ['build_features', 'upstream_failed'],
      ['load_features', 'upstream_failed'],
      ['refresh_views', 'upstream_failed'],
    ]);
    expect(late.tasks[0]!.duration, 'the 6 h sensor waited seconds').to.be.below(60);
    expect(late.adjustments).to.deep.include({
      taskId: 'wait_raw',
      setting: 'timeout',
      from: 21600,
      to: 10,
      why: 'test limit: a sensor waits seconds',
    });
    // A deferred Glue job whose run failed: the task fails through Airflow's own failure path, and alerts.
    const fanin = result.tests.find((t) => t.name === 'product_features_fanin_source_fails')!;
    expect(fanin.tasks.find((t) => t.taskId === 'reviews.score_reviews')!.state).to.equal('failed');
    expect(fanin.seconds, 'no retry loop').to.be.below(120);
  });
});

describe(`dagsmith test: the examples on Airflow ${NEWEST}, as JUnit XML @airflow`, function () {
  this.timeout(1_800_000);

  it(`passes every example test on ${NEWEST}, and the JUnit report validates against the junit-4 schema`, async () => {
    const r = await runCli(['test', '--target', NEWEST, '--format', 'junit'], ROOT);
    const check = await validateXML({ xml: [{ fileName: 'junit.xml', contents: r.out }], schema: [XSD] });
    expect(check.errors).to.deep.equal([]);
    expect(r.out, r.err).to.not.include('<failure').and.not.include('<error');
    expect(r.code, r.out.slice(0, 20_000)).to.equal(0);
    const suite = /<testsuite name="dagsmith test on Airflow ([\d.]+)" tests="(\d+)" failures="0" errors="0"/.exec(r.out);
    expect(suite?.[1]).to.equal(NEWEST);
    expect(Number(suite?.[2])).to.be.at.least(15);
  });
});
