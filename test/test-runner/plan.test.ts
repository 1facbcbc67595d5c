/**
 * What the engine's Node side decides before a runner starts, without Python: the classes a test may run for a
 * pipeline (operators.ts), the emulated account it expects (account.ts), and how runner messages are read
 * (engine.ts parseMessage). Pipelines are the examples, compiled in-process.
 */
import { expect } from 'chai';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PipelineIR } from '../../src/ir/types';
import { buildProject } from '../../src/compile/project';
import { resolveTarget } from '../../src/targets';
import { accountFor, mergeGiven } from '../../src/test-runner/account';
import { parseMessage } from '../../src/test-runner/engine';
import { allowedClassesFor, refusedTasks, SNS_NOTIFIER, taskClassesOf } from '../../src/test-runner/operators';
import { PROTOCOL_VERSION } from '../../src/test-runner/protocol';

const ROOT = join(__dirname, '..', '..');
const AWS = 'airflow.providers.amazon.aws';

function examples(target: string): Map<string, PipelineIR> {
  const built = buildProject({ cwd: ROOT, airflow: target });
  expect(built.diagnostics.filter((d) => d.severity === 'error')).to.deep.equal([]);
  return new Map(built.pipelines.map((p) => [p.ir.id, p.ir]));
}

describe('test runner: allowed classes, the account a pipeline expects, runner messages', () => {
  let oldest = new Map<string, PipelineIR>();
  let newest = new Map<string, PipelineIR>();
  before(() => {
    oldest = examples('2.10.3');
    newest = examples('3.3.1');
  });

  it('lists every task a pipeline compiles to with its class, the sensors and teardowns kinds add included', () => {
    expect(taskClassesOf(oldest.get('emr_spot_features')!, resolveTarget('2.10.3')).map((t) => [t.taskId, t.cls])).to.deep.equal([
      ['wait_sessions', `${AWS}.sensors.s3.S3KeySensor`],
      ['create_cluster', `${AWS}.operators.emr.EmrCreateJobFlowOperator`],
      ['build_features', `${AWS}.operators.emr.EmrAddStepsOperator`],
      ['build_features_wait', `${AWS}.sensors.emr.EmrStepSensor`],
      ['catalog_features', `${AWS}.operators.glue_crawler.GlueCrawlerOperator`],
    ]);
    const flink = taskClassesOf(oldest.get('flink_enrichment_backfill')!, resolveTarget('2.10.3'));
    expect(flink.map((t) => t.cls)).to.include(`${AWS}.operators.kinesis_analytics.KinesisAnalyticsV2StopApplicationOperator`);
  });

  it('allows the classes of typed steps (per target) and the alert notifier; an airflow.operator class only when named', () => {
    const target = resolveTarget('3.3.1');
    const customer = newest.get('customer_features')!;
    expect(allowedClassesFor(customer, target)).to.deep.equal([
      SNS_NOTIFIER,
      `${AWS}.operators.athena.AthenaOperator`,
      `${AWS}.operators.glue.GlueJobOperator`,
      // On 3.3 (provider 9.34) a crawler that exists is run with GlueCrawlerRunOperator.
      `${AWS}.operators.glue_crawler.GlueCrawlerRunOperator`,
      `${AWS}.operators.redshift_data.RedshiftDataOperator`,
      `${AWS}.sensors.s3.S3KeySensor`,
    ]);
    expect(allowedClassesFor(oldest.get('customer_features')!, resolveTarget('2.10.3'))).to.include(
      `${AWS}.operators.glue_crawler.GlueCrawlerOperator`,
    );
    // The Amazon provider's sensors run by default (they only read AWS state, which is the emulator's here).
    const orders = newest.get('orders_partition_landing')!;
    const sensor = `${AWS}.sensors.lambda_function.LambdaFunctionStateSensor`;
    expect(allowedClassesFor(orders, target)).to.include(sensor);
    expect(refusedTasks(orders, target)).to.deep.equal([]);
    expect(allowedClassesFor(orders, target, ['airflow.operators.bash.BashOperator'])).to.not.include('airflow.operators.bash.BashOperator');
  });

  it('runs an airflow.operator step of another class (an operator, a sensor of another provider) only when it is named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dagsmith-allowed-'));
    try {
      mkdirSync(join(dir, 'pipelines'));
      const step = (id: string, operator: string) => `  - id: ${id}\n    kind: airflow.operator\n    operator: ${operator}\n`;
      const transform = `${AWS}.operators.s3.S3FileTransformOperator`;
      const httpSensor = 'airflow.providers.http.sensors.http.HttpSensor';
      const lookalike = `${AWS}.sensors.s3.S3KeySensorButNot.Other`;
      writeFileSync(
        join(dir, 'pipelines', 'p.yaml'),
        `version: 1\nid: p\nsteps:\n${step('transform', transform)}${step('http', httpSensor)}${step('odd', lookalike)}${step('poke', `${AWS}.sensors.sqs.SqsSensor`)}`,
      );
      const built = buildProject({ cwd: dir, airflow: '3.3.1' });
      const ir = built.pipelines[0]!.ir;
      const target = resolveTarget('3.3.1');
      expect(refusedTasks(ir, target).map((t) => t.taskId)).to.deep.equal(['transform', 'http', 'odd']);
      expect(allowedClassesFor(ir, target)).to.deep.equal([`${AWS}.sensors.sqs.SqsSensor`]);
      expect(refusedTasks(ir, target, [transform, httpSensor]).map((t) => t.taskId)).to.deep.equal(['odd']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sets up what customer_features names and does not create: its crawler and job, database, workgroup, topic, buckets', () => {
    const account = accountFor(oldest.get('customer_features')!);
    expect(account.buckets).to.deep.equal(['acme-features-dev', 'acme-raw-dev']);
    expect(
      account.calls!.map((c) => [c.service, c.operation, c.args?.Name ?? (c.args?.DatabaseInput as { Name: string } | undefined)?.Name]),
    ).to.deep.equal([
      ['glue', 'CreateDatabase', 'default'],
      ['glue', 'CreateCrawler', 'raw-events'],
      ['glue', 'CreateJob', 'clean-events'],
      ['athena', 'CreateWorkGroup', 'ml-features'],
      ['sns', 'CreateTopic', 'ml-alerts'],
    ]);
    expect(account.calls!.every((c) => c.ignoreExisting === true)).to.equal(true);
  });

  it('leaves to the Glue operator what it creates itself, and sets up the role it looks up by name', () => {
    const account = accountFor(oldest.get('raw_event_landing')!);
    const ops = account.calls!.map((c) => `${c.service} ${c.operation}`);
    expect(ops)
      .to.include('iam CreateRole')
      .and.include('glue CreateDatabase')
      .and.not.include('glue CreateJob')
      .and.not.include('glue CreateCrawler');
    expect(account.calls!.find((c) => c.operation === 'CreateRole')!.args).to.include({ RoleName: 'glue-etl' });
  });

  it("leaves out names rendered at run time, and merges a test's own given after the account", () => {
    const dir = mkdtempSync(join(tmpdir(), 'dagsmith-account-'));
    try {
      mkdirSync(join(dir, 'pipelines'));
      writeFileSync(
        join(dir, 'pipelines', 'p.yaml'),
        'version: 1\nid: p\nsteps:\n  - id: w\n    kind: s3.wait\n    bucket: "raw-{{ ds_nodash }}"\n    key: k\n  - id: c\n    kind: s3.copy\n    from: "s3://src-bucket/a"\n    to: "s3://dst-bucket/b"\n',
      );
      const built = buildProject({ cwd: dir, airflow: '2.10.3' });
      const account = accountFor(built.pipelines[0]!.ir);
      expect(account.buckets).to.deep.equal(['dst-bucket', 'src-bucket']);
      const merged = mergeGiven(account, { buckets: ['extra', 'src-bucket'], s3: [{ bucket: 'src-bucket', key: 'a', body: 'x' }] });
      expect(merged.buckets).to.deep.equal(['dst-bucket', 'extra', 'src-bucket']);
      expect(merged.s3).to.deep.equal([{ bucket: 'src-bucket', key: 'a', body: 'x' }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads runner messages, and refuses a runner of another protocol or a result without its lists', () => {
    expect(parseMessage(JSON.stringify({ type: 'pong', id: 'x' }))).to.deep.equal({ type: 'pong', id: 'x' });
    expect(() => parseMessage(JSON.stringify({ type: 'ready', protocol: PROTOCOL_VERSION + 1 }))).to.throw(/protocol/);
    expect(() => parseMessage(JSON.stringify({ type: 'result', id: 'x', status: 'ran', calls: [] }))).to.throw(/without outcomes/);
    expect(() => parseMessage('[1]')).to.throw(/not a runner message/);
    expect(() => parseMessage(JSON.stringify({ type: 'surprise' }))).to.throw(/unknown runner message type/);
    const refused = parseMessage(JSON.stringify({ type: 'result', id: 'x', status: 'refused', refusals: [{ code: 'DS700', message: 'm' }] }));
    expect(refused.type === 'result' && refused.status).to.equal('refused');
  });
});
