/**
 * The engine of `dagsmith test` (python/dagsmith_runner driven through src/test-runner/engine.ts), on the oldest and
 * the newest MWAA target: real Airflow with MWAA's pins runs compiled example pipelines with dag.test() against a
 * moto server, through the recording proxy. One runner process per target serves every run of the suite.
 *
 * What each case proves is in its title; the runs happen in the cases themselves (one process, in order), so a
 * failing run names the case it belongs to.
 */
import { expect } from 'chai';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PipelineIR } from '../../src/ir/types';
import { buildProject } from '../../src/compile/project';
import { resolveTarget } from '../../src/targets';
import { accountFor, mergeGiven } from '../../src/test-runner/account';
import { changeReport, whatExistsInstead } from '../../src/test-runner/changes';
import { TestRunner } from '../../src/test-runner/engine';
import { allowedClassesFor, SNS_NOTIFIER } from '../../src/test-runner/operators';
import type { AwsCall, Given, RunRequest, RunResult, RunResultRan, TaskResult } from '../../src/test-runner/protocol';
import { AIRFLOW_VERSIONS, airflowPython, makeTemp, removeTemp, ROOT, startMoto, tail, type MotoServer } from '../airflow/harness';

const byVersion = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
const ALL = [...AIRFLOW_VERSIONS].sort(byVersion);
const TARGETS = [...new Set([ALL[0]!, ALL[ALL.length - 1]!])];

/** A pipeline that is not an example: an airflow.operator BashOperator that would leave a marker file. */
function bashPipeline(target: string, marker: string): string {
  const operator = target.startsWith('2.') ? 'airflow.operators.bash.BashOperator' : 'airflow.providers.standard.operators.bash.BashOperator';
  return `version: 1
id: shell_step
steps:
  - id: run_shell
    kind: airflow.operator
    operator: ${operator}
    arguments: { bash_command: "touch ${marker}" }
`;
}

/** A template that reaches for Python's internals: Airflow's sandboxed Jinja refuses it, as on MWAA. */
const UNSAFE_TEMPLATE = `version: 1
id: unsafe_template
steps:
  - id: write_marker
    kind: s3.put
    bucket: acme-raw-dev
    key: "markers/{{ ds }}.txt"
    data: "{{ ''.__class__.__mro__[1].__subclasses__() }}"
`;

interface Compiled {
  readonly ir: PipelineIR;
  readonly file: string;
}

function compile(cwd: string, target: string, files: readonly string[], out: string): Map<string, Compiled> {
  const built = buildProject({ cwd, airflow: target, files });
  const errors = built.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0)
    throw new Error(`does not compile for ${target}: ${errors.map((d) => `${d.file}:${d.line} ${d.code} ${d.message}`).join('; ')}`);
  const map = new Map<string, Compiled>();
  for (const p of built.pipelines) {
    mkdirSync(out, { recursive: true });
    const file = join(out, `${p.ir.id}.py`);
    writeFileSync(file, p.content);
    map.set(p.ir.id, { ir: p.ir, file });
  }
  return map;
}

/** The result of a run that ran; anything else fails with what the runner said. */
function ran(res: RunResult): RunResultRan {
  if (res.status !== 'ran')
    throw new Error(`the run did not run: ${JSON.stringify({ ...res, log: undefined }, null, 1)}\n--- log ---\n${tail(res.log ?? '', 60)}`);
  return res;
}

function states(res: RunResultRan): Record<string, string> {
  return Object.fromEntries((res.tasks ?? []).map((t) => [t.taskId, t.state]));
}

function task(res: RunResultRan, id: string): TaskResult {
  const t = (res.tasks ?? []).find((x) => x.taskId === id);
  if (!t) throw new Error(`no task ${id} in ${JSON.stringify(states(res))}`);
  return t;
}

function callsOf(res: RunResultRan, service: string, operation: string): AwsCall[] {
  return res.calls.filter((c) => c.service === service && c.operation === operation);
}

/** For assertion messages: the run without its log and call list, and the log's tail. */
function show(res: RunResult): string {
  return `${JSON.stringify({ ...res, log: undefined, calls: undefined }, null, 1).slice(0, 6000)}\n--- log ---\n${tail(res.log ?? '', 40)}`;
}

for (const target of TARGETS) {
  describe(`dagsmith test engine on Airflow ${target} (dag.test() against moto, one runner process) @airflow`, function () {
    this.timeout(240_000);
    let moto: MotoServer | undefined;
    let runner: TestRunner | undefined;
    let scratch = '';
    let examples = new Map<string, Compiled>();
    let shell: Compiled;
    let unsafe: Compiled;
    let marker = '';
    let seq = 0;
    const af = resolveTarget(target);

    function request(c: Compiled, logicalDate: string, extra: Partial<RunRequest> & { given?: Given } = {}): RunRequest {
      return {
        id: `${c.ir.id}-${++seq}`,
        dagFile: c.file,
        dagId: c.ir.id,
        logicalDate,
        moto: moto!.endpoint,
        allowedClasses: allowedClassesFor(c.ir, af),
        limits: { sensorTimeout: 3, runTimeout: 180 },
        ...extra,
        given: mergeGiven(accountFor(c.ir), extra.given),
      };
    }

    before(async function () {
      const python = airflowPython(target);
      scratch = makeTemp(`test-runner-${target}`);
      examples = compile(
        ROOT,
        target,
        [
          'pipelines/raw_event_landing.yaml',
          'pipelines/customer_features.yaml',
          'pipelines/orders_partition_landing.yaml',
          'pipelines/flink_enrichment_backfill.yaml',
        ],
        join(scratch, 'examples'),
      );
      const project = join(scratch, 'project');
      marker = join(scratch, 'bash-ran');
      mkdirSync(join(project, 'pipelines'), { recursive: true });
      writeFileSync(join(project, 'pipelines', 'shell_step.yaml'), bashPipeline(target, marker));
      writeFileSync(join(project, 'pipelines', 'unsafe_template.yaml'), UNSAFE_TEMPLATE);
      const own = compile(project, target, ['pipelines/shell_step.yaml', 'pipelines/unsafe_template.yaml'], join(scratch, 'project-dags'));
      shell = own.get('shell_step')!;
      unsafe = own.get('unsafe_template')!;
      moto = await startMoto();
      runner = await TestRunner.start({ python });
      expect(runner.ready.airflowVersion).to.equal(target);
      const warmed = await runner.warmUp();
      expect(warmed.dagRunState, JSON.stringify(warmed)).to.equal('success');
      console.log(
        `      runner ready on Airflow ${target} in ${runner.ready.seconds.total.toFixed(1)}s, warmed up in ${warmed.seconds?.toFixed(1)}s`,
      );
    });

    after(async () => {
      await runner?.close();
      await moto?.stop();
      removeTemp(scratch);
    });

    it('runs raw_event_landing for its hour: every task succeeds, and the report has its S3 effects, calls and rendered values', async () => {
      const c = examples.get('raw_event_landing')!;
      const res = ran(
        await runner!.run(
          request(c, '2026-03-02', {
            given: {
              s3: [
                { bucket: 'acme-raw-dev', key: 'inbox/clickstream/20260302T000000/part-0001.json.gz', body: '{"event":"click"}\n' },
                { bucket: 'acme-raw-dev', key: 'inbox/clickstream/20260302T000000/manifest.json', body: '{"files":["part-0001.json.gz"]}' },
                { bucket: 'acme-raw-dev', key: 'inbox/clickstream/20260302T010000/manifest.json', body: '{"files":[]}' },
              ],
            },
            outcomes: {
              glueJobs: [
                {
                  job: 'clickstream-to-parquet',
                  writes: [{ bucket: 'acme-features-dev', key: 'clickstream/hour=20260302T000000/part-0.parquet', body: 'PAR1' }],
                },
              ],
            },
          }),
        ),
      );
      expect(states(res), show(res)).to.deep.equal({
        wait_for_batch: 'success',
        copy_manifest: 'success',
        crawl_landing: 'success',
        to_parquet: 'success',
        clear_inbox: 'success',
      });
      expect(res.dagRunState).to.equal('success');
      // The scheduled run of that hour: logical date and data interval as the scheduler gives them.
      expect(res.logicalDate).to.equal('2026-03-02T00:00:00+00:00');
      expect(res.dataInterval).to.deep.equal({ start: '2026-03-02T00:00:00+00:00', end: '2026-03-02T01:00:00+00:00' });
      // Rendered values, as Airflow stored them.
      expect(task(res, 'wait_for_batch').rendered).to.include({
        bucket_name: 'acme-raw-dev',
        bucket_key: 'inbox/clickstream/20260302T000000/*.json.gz',
      });
      expect(task(res, 'clear_inbox').rendered).to.include({ bucket: 'acme-raw-dev', prefix: 'inbox/clickstream/20260302T000000/' });
      // What changed in S3, and who did it.
      const changes = res.s3.changes.map((ch) => ({
        change: ch.change,
        object: `${ch.bucket}/${ch.key}`,
        by: ch.by?.operation ?? ch.by?.outcome,
        task: ch.by?.task,
        source: ch.by?.source,
      }));
      expect(changes).to.deep.equal([
        {
          change: 'created',
          object: 'acme-features-dev/clickstream/hour=20260302T000000/part-0.parquet',
          by: 'glue.job clickstream-to-parquet',
          task: 'to_parquet',
          source: undefined,
        },
        {
          change: 'created',
          object: 'acme-raw-dev/landing/clickstream/hour=20260302T000000/manifest.json',
          by: 'CopyObject',
          task: 'copy_manifest',
          source: 's3://acme-raw-dev/inbox/clickstream/20260302T000000/manifest.json',
        },
        {
          change: 'deleted',
          object: 'acme-raw-dev/inbox/clickstream/20260302T000000/manifest.json',
          by: 'DeleteObjects',
          task: 'clear_inbox',
          source: undefined,
        },
        {
          change: 'deleted',
          object: 'acme-raw-dev/inbox/clickstream/20260302T000000/part-0001.json.gz',
          by: 'DeleteObjects',
          task: 'clear_inbox',
          source: undefined,
        },
      ]);
      expect(res.s3.changes.find((ch) => ch.key?.endsWith('landing/clickstream/hour=20260302T000000/manifest.json'))?.text).to.equal(
        '{"files":["part-0001.json.gz"]}',
      );
      // The next hour's batch is untouched.
      expect(res.s3.objectsAfter.map((o) => `${o.bucket}/${o.key}`)).to.include('acme-raw-dev/inbox/clickstream/20260302T010000/manifest.json');
      // Jobs and crawlers started, with their arguments; each call attributed to its task.
      const [start] = callsOf(res, 'glue', 'StartJobRun');
      expect(start?.task).to.equal('to_parquet');
      expect(start?.args).to.deep.include({
        JobName: 'clickstream-to-parquet',
        Arguments: {
          '--hour': '20260302T000000',
          '--source': 's3://acme-raw-dev/landing/clickstream/hour=20260302T000000/',
          '--target': 's3://acme-features-dev/clickstream/',
        },
      });
      expect(callsOf(res, 'glue', 'StartCrawler').map((x) => [x.task, x.args.Name])).to.deep.equal([['crawl_landing', 'clickstream-landing']]);
      expect(res.outcomes.map((o) => [o.kind, o.resource, o.task, o.declared, o.result])).to.deep.equal([
        ['glue.job', 'clickstream-to-parquet', 'to_parquet', true, 'succeeded'],
      ]);
      // Test-only changes are listed: the 40-minute sensor waits 3 seconds here.
      expect(res.adjustments).to.deep.include({
        taskId: 'wait_for_batch',
        setting: 'timeout',
        from: 2400,
        to: 3,
        why: 'test limit: a sensor waits seconds',
      });
      expect(res.callbacks).to.deep.equal([]);
      expect(res.blockedNetwork).to.deep.equal([]);
      // The change report's data, from this result.
      const report = changeReport(res);
      expect(report.s3.copied.map((e) => [e.key, e.from, e.task])).to.deep.equal([
        [
          'landing/clickstream/hour=20260302T000000/manifest.json',
          's3://acme-raw-dev/inbox/clickstream/20260302T000000/manifest.json',
          'copy_manifest',
        ],
      ]);
      expect(report.s3.deleted.map((e) => e.task)).to.deep.equal(['clear_inbox', 'clear_inbox']);
      expect(report.started.map((x) => [x.what, x.name, x.task, x.answeredBy])).to.deep.equal([
        ['Glue crawler created', 'clickstream-landing', 'crawl_landing', 'emulator'],
        ['Glue crawler run', 'clickstream-landing', 'crawl_landing', 'emulator'],
        ['Glue job created', 'clickstream-to-parquet', 'to_parquet', 'emulator'],
        ['Glue job run', 'clickstream-to-parquet', 'to_parquet', 'declared outcome'],
      ]);
    });

    it('a sensor whose key never comes times out in seconds (not 40 minutes), with the key it waited for, and the alert fires', async () => {
      const c = examples.get('raw_event_landing')!;
      const started = Date.now();
      // The batch is there, but for the wrong hour: the rendered key of 2026-03-02T05:00 does not match it.
      const res = ran(
        await runner!.run(
          request(c, '2026-03-02T05:00:00+00:00', {
            given: { s3: [{ bucket: 'acme-raw-dev', key: 'inbox/clickstream/20260302T000000/part-0001.json.gz', body: '' }] },
          }),
        ),
      );
      const seconds = (Date.now() - started) / 1000;
      expect(states(res), show(res)).to.deep.equal({
        wait_for_batch: 'failed',
        copy_manifest: 'upstream_failed',
        crawl_landing: 'upstream_failed',
        to_parquet: 'upstream_failed',
        clear_inbox: 'upstream_failed',
      });
      const wait = task(res, 'wait_for_batch');
      expect(wait.timedOut).to.equal(true);
      expect(wait.error?.type).to.equal('AirflowSensorTimeout');
      expect(wait.rendered.bucket_key).to.equal('inbox/clickstream/20260302T050000/*.json.gz');
      expect(wait.duration, 'the sensor waited its 3 s test limit').to.be.within(2.5, 15);
      expect(seconds, 'the whole run').to.be.below(60);
      // It poked: a listing of the hour's prefix, more than once.
      expect(callsOf(res, 's3', 'ListObjectsV2').filter((x) => x.args.Prefix === 'inbox/clickstream/20260302T050000/').length).to.be.above(1);
      // The failure alert fired for the sensor and published to the topic, rendered for this task and run.
      expect(res.callbacks.map((cb) => [cb.scope, cb.kind, cb.taskId, cb.callback, cb.exception?.type])).to.deep.equal([
        ['task', 'on_failure', 'wait_for_batch', SNS_NOTIFIER, 'AirflowSensorTimeout'],
        // The run's own alert (DAG(on_failure_callback=...)): a failed run is reported even when no task is.
        ['dag', 'on_failure', null, SNS_NOTIFIER, undefined],
      ]);
      const [publish] = callsOf(res, 'sns', 'Publish');
      expect(publish?.phase).to.equal('on_failure');
      expect(publish?.status).to.equal(200);
      expect(publish?.args, JSON.stringify(publish?.args)).to.include({
        TargetArn: 'arn:aws:sns:us-east-1:123456789012:platform-alerts',
        Subject: 'Airflow task failed in raw_event_landing',
      });
      // The notifier publishes a JSON message structure; its default text is the rendered template.
      expect(publish?.args.MessageStructure).to.equal('json');
      expect((JSON.parse(String(publish?.args.Message)) as { default?: unknown }).default).to.match(
        /^Task wait_for_batch of DAG raw_event_landing failed in run \S+ \(try 1\)\.$/,
      );
      expect(res.s3.changes).to.deep.equal([]);
      // What exists instead of the key the sensor waited for.
      expect(whatExistsInstead(res.s3.objectsAfter, 'acme-raw-dev', String(wait.rendered.bucket_key))).to.deep.equal({
        prefix: 'inbox/clickstream/',
        keys: ['inbox/clickstream/20260302T000000/part-0001.json.gz'],
        more: 0,
      });
    });

    it('a declared Glue failure fails the job task with its error, stops what follows, and fires the failure callback', async () => {
      const c = examples.get('raw_event_landing')!;
      const res = ran(
        await runner!.run(
          request(c, '2026-03-02', {
            given: {
              s3: [
                { bucket: 'acme-raw-dev', key: 'inbox/clickstream/20260302T000000/part-0001.json.gz', body: '' },
                { bucket: 'acme-raw-dev', key: 'inbox/clickstream/20260302T000000/manifest.json', body: '{}' },
              ],
            },
            outcomes: {
              glueJobs: [
                { job: 'clickstream-to-parquet', result: 'failed', error: 'AnalysisException: path s3://acme-raw-dev/landing does not exist' },
              ],
            },
          }),
        ),
      );
      expect(states(res), show(res)).to.deep.equal({
        wait_for_batch: 'success',
        copy_manifest: 'success',
        crawl_landing: 'success',
        to_parquet: 'failed',
        clear_inbox: 'upstream_failed',
      });
      expect(res.dagRunState).to.equal('failed');
      const job = task(res, 'to_parquet');
      expect(job.error?.message).to.match(/FAILED/);
      // moto served the run (it exists there) and the declared outcome changed its state.
      expect(callsOf(res, 'glue', 'GetJobRun').some((x) => x.answeredBy === 'moto+dagsmith')).to.equal(true);
      expect(res.outcomes.map((o) => [o.kind, o.result, o.declared])).to.deep.equal([['glue.job', 'failed', true]]);
      const alerts = res.callbacks.filter((cb) => cb.kind === 'on_failure');
      // The task's alert, then the run's (DAG-level).
      expect(alerts.map((cb) => [cb.taskId, cb.callback])).to.deep.equal([
        ['to_parquet', SNS_NOTIFIER],
        [null, SNS_NOTIFIER],
      ]);
      expect(alerts[0]!.rendered?.message).to.match(/^Task to_parquet of DAG raw_event_landing failed in run /);
      // The run's alert publishes too on Airflow 2; Airflow 3's dag.test() hands the run's notifier the serialized DAG,
      // which cannot render a template (test/airflow/e2e-alerts.test.ts), so only the task's alert reaches SNS there.
      expect(callsOf(res, 'sns', 'Publish').map((x) => [x.task, x.phase, x.status])).to.deep.equal([
        ['to_parquet', 'on_failure', 200],
        ...(target.startsWith('2.') ? [[null, 'on_failure', 200]] : []),
      ]);
      // The inbox was not cleared.
      expect(res.s3.changes.filter((ch) => ch.change === 'deleted')).to.deep.equal([]);
    });

    it('with retries kept, a Glue job that fails once is tried again: the task succeeds on try 2 and the report shows both runs', async () => {
      const c = examples.get('raw_event_landing')!;
      const res = ran(
        await runner!.run(
          request(c, '2026-03-02', {
            retries: 'keep',
            given: {
              s3: [
                { bucket: 'acme-raw-dev', key: 'inbox/clickstream/20260302T000000/part-0001.json.gz', body: '' },
                { bucket: 'acme-raw-dev', key: 'inbox/clickstream/20260302T000000/manifest.json', body: '{}' },
              ],
            },
            outcomes: {
              glueJobs: [
                {
                  job: 'clickstream-to-parquet',
                  result: 'failed',
                  error: 'ExecutorLostFailure',
                  writes: [{ bucket: 'acme-features-dev', key: 'clickstream/hour=20260302T000000/part-0.parquet', body: 'partial' }],
                },
                {
                  job: 'clickstream-to-parquet',
                  result: 'succeeded',
                  writes: [{ bucket: 'acme-features-dev', key: 'clickstream/hour=20260302T000000/part-1.parquet', body: 'PAR1' }],
                },
              ],
            },
          }),
        ),
      );
      expect(states(res), show(res)).to.deep.equal({
        wait_for_batch: 'success',
        copy_manifest: 'success',
        crawl_landing: 'success',
        to_parquet: 'success',
        clear_inbox: 'success',
      });
      const job = task(res, 'to_parquet');
      expect(job.tryNumber).to.equal(2);
      expect(job.attempts.map((a) => [a.try, a.error?.type ?? null])).to.deep.equal([
        [1, 'AirflowException'],
        [2, null],
      ]);
      expect(callsOf(res, 'glue', 'StartJobRun').map((x) => x.try)).to.deep.equal([1, 2]);
      expect(res.outcomes.map((o) => o.result)).to.deep.equal(['failed', 'succeeded']);
      // The failed try's partial output stays next to the retry's: what a retry that does not clean up leaves.
      expect(res.s3.changes.filter((ch) => ch.bucket === 'acme-features-dev').map((ch) => [ch.key, ch.by?.task])).to.deep.equal([
        ['clickstream/hour=20260302T000000/part-0.parquet', 'to_parquet'],
        ['clickstream/hour=20260302T000000/part-1.parquet', 'to_parquet'],
      ]);
      expect(res.adjustments).to.deep.include({
        taskId: 'to_parquet',
        setting: 'retry_delay',
        from: 120,
        to: 1,
        why: 'test limit: retries stay, the wait between them is short',
      });
    });

    it('runs customer_features (6 tasks): Redshift Data statements finish, Athena and Glue get the rendered day', async () => {
      const c = examples.get('customer_features')!;
      const started = Date.now();
      const res = ran(
        await runner!.run(
          request(c, '2026-03-01', {
            given: { s3: [{ bucket: 'acme-raw-dev', key: 'events/2026-03-01/_SUCCESS', body: '' }] },
            outcomes: { redshiftData: [{ match: 'COPY ml.customer_features', result: 'finished', columns: ['rows'], rows: [[1200]] }] },
          }),
        ),
      );
      console.log(`      customer_features (6 tasks) warm: ${((Date.now() - started) / 1000).toFixed(1)}s wall, ${JSON.stringify(res.seconds)}`);
      expect(Object.values(states(res)), show(res)).to.deep.equal(['success', 'success', 'success', 'success', 'success', 'success']);
      expect(res.dataInterval).to.deep.equal({ start: '2026-03-01T03:00:00+00:00', end: '2026-03-02T03:00:00+00:00' });
      const statements = res.calls.filter((x) => x.service === 'redshift-data' && /ExecuteStatement$/.test(x.operation ?? ''));
      expect(statements.map((x) => [x.task, x.operation, x.answeredBy])).to.deep.equal([
        ['load_features', 'BatchExecuteStatement', 'dagsmith'],
        ['refresh_views', 'BatchExecuteStatement', 'dagsmith'],
      ]);
      expect((statements[0]!.args.Sqls as string[])[1]).to.contain("FROM 's3://acme-features-dev/customer_features/dt=2026-03-01/'");
      expect(res.outcomes.filter((o) => o.kind === 'redshift.statement').map((o) => [o.task, o.result, o.declared])).to.deep.equal([
        ['load_features', 'finished', true],
        ['refresh_views', 'finished', false],
      ]);
      // Each statement was polled to its end (DescribeStatement answered FINISHED).
      expect(callsOf(res, 'redshift-data', 'DescribeStatement').every((x) => x.status === 200)).to.equal(true);
      expect(String(task(res, 'build_features').rendered.query)).to.contain("date '2026-03-01'");
      const [athena] = callsOf(res, 'athena', 'StartQueryExecution');
      expect(athena?.args).to.deep.include({ WorkGroup: 'ml-features', QueryExecutionContext: { Database: 'features', Catalog: 'AwsDataCatalog' } });
      expect(callsOf(res, 'glue', 'StartJobRun')[0]?.args.Arguments).to.deep.equal({ '--run_date': '2026-03-01', '--mode': 'full' });
    });

    it('answers Lambda with the declared payload or function error, runs an airflow.operator sensor of the Amazon provider, and reports EventBridge events', async () => {
      const c = examples.get('orders_partition_landing')!;
      const sensor = 'airflow.providers.amazon.aws.sensors.lambda_function.LambdaFunctionStateSensor';
      const given = { s3: [{ bucket: 'acme-raw-dev', key: 'exports/orders/20260302T070000/orders.csv', body: 'order_id,amount\n1,9.5\n' }] };
      // The runner refuses a class not in allowedClasses (the Amazon sensors are allowed by default, operators.ts).
      const withoutSensor = allowedClassesFor(c.ir, af).filter((cls) => cls !== sensor);
      const refusedRun = await runner!.run(request(c, '2026-03-02T07:00:00+00:00', { given, allowedClasses: withoutSensor }));
      expect(refusedRun.status).to.equal('refused');
      expect(refusedRun.status === 'refused' && refusedRun.refusals.map((r) => [r.code, r.message.includes(sensor)])).to.deep.equal([
        ['DS700', true],
      ]);

      const allowedClasses = allowedClassesFor(c.ir, af);
      expect(allowedClasses).to.include(sensor);
      const ok = ran(
        await runner!.run(
          request(c, '2026-03-02T07:00:00+00:00', {
            given,
            allowedClasses,
            outcomes: { lambda: [{ function: 'validate-orders-export', payload: { valid: true, rows: 1 } }] },
          }),
        ),
      );
      expect(states(ok), show(ok)).to.deep.equal({
        wait_for_export: 'success',
        validator_ready: 'success',
        validate_export: 'success',
        publish_partition: 'success',
        write_manifest: 'success',
        announce_partition: 'success',
      });
      expect(JSON.parse(String(task(ok, 'validate_export').returnValue))).to.deep.equal({ valid: true, rows: 1 });
      const [invoke] = callsOf(ok, 'lambda', 'Invoke');
      expect(invoke?.answeredBy).to.equal('dagsmith');
      expect(JSON.parse(String(invoke?.args.Payload))).to.include({ key: 'exports/orders/20260302T070000/orders.csv', minRows: 1 });
      expect(ok.outcomes.map((o) => [o.kind, o.resource, o.task, o.declared, o.result])).to.deep.equal([
        ['lambda.invoke', 'validate-orders-export', 'validate_export', true, 'returned'],
      ]);
      expect(ok.s3.changes.map((ch) => [ch.change, ch.key, ch.by?.task, ch.by?.operation])).to.deep.equal([
        ['created', 'curated/orders/hour=20260302T070000/_manifest.json', 'write_manifest', 'PutObject'],
        ['created', 'curated/orders/hour=20260302T070000/orders.csv', 'publish_partition', 'CopyObject'],
      ]);
      expect(JSON.parse(ok.s3.changes[0]!.text!)).to.include({ partition: 'hour=20260302T070000' });
      const [put] = callsOf(ok, 'events', 'PutEvents');
      expect((put?.args.Entries as { EventBusName: string; DetailType: string }[]).map((e) => [e.EventBusName, e.DetailType])).to.deep.equal([
        ['data-platform', 'PartitionLanded'],
      ]);
      expect(put?.status).to.equal(200);

      const failed = ran(
        await runner!.run(
          request(c, '2026-03-02T07:00:00+00:00', {
            given,
            allowedClasses,
            outcomes: {
              lambda: [
                {
                  function: 'validate-orders-export',
                  functionError: 'Unhandled',
                  payload: { errorMessage: '3 rows without order_id', errorType: 'ValidationError' },
                },
              ],
            },
          }),
        ),
      );
      expect(states(failed), show(failed)).to.include({ validate_export: 'failed', publish_partition: 'upstream_failed' });
      expect(task(failed, 'validate_export').error?.message)
        .to.contain('Lambda function execution resulted in error')
        .and.to.contain('3 rows without order_id');
      expect(failed.outcomes.map((o) => o.result)).to.deep.equal(['function-error']);
    });

    it('answers what moto cannot run (Flink, EMR Serverless, DataBrew) as declared or by default, and the report says which', async () => {
      const c = examples.get('flink_enrichment_backfill')!;
      const res = ran(
        await runner!.run(
          request(c, '2026-03-01', {
            outcomes: {
              emrServerless: [
                {
                  application: '00fq8u1ajd7h2k09',
                  writes: [{ bucket: 'acme-features-dev', key: 'orders_enriched/month=2026-01/part-0.parquet', body: 'PAR1' }],
                },
              ],
              databrew: [{ job: 'profile-orders-enriched', result: 'failed', error: 'profile found 12% nulls' }],
            },
          }),
        ),
      );
      // The DataBrew job run FAILED, so its task fails: the provider's waiter takes FAILED as a finished run (amazon
      // provider 9.0.0 and 9.34.0), and the DAG's checked subclass of the operator reads the run's state after it.
      // The Flink application is stopped all the same (a teardown).
      expect(states(res), show(res)).to.deep.equal({
        start_enrichment: 'success',
        replay_orders: 'success',
        profile_enriched: 'failed',
        start_enrichment_stop: 'success',
      });
      expect(task(res, 'profile_enriched').error?.message)
        .to.contain("DataBrew job 'profile-orders-enriched' run")
        .and.to.contain('ended FAILED, not SUCCEEDED');
      expect(res.outcomes.map((o) => [o.kind, o.resource, o.task, o.declared, o.result])).to.deep.equal([
        ['flink.application', 'order-enrichment', 'start_enrichment', false, 'started'],
        ['emr-serverless.job', '00fq8u1ajd7h2k09', 'replay_orders', true, 'success'],
        ['databrew.job', 'profile-orders-enriched', 'profile_enriched', true, 'failed'],
        ['flink.application', 'order-enrichment', 'start_enrichment_stop', false, 'stopped'],
      ]);
      const [start] = callsOf(res, 'emr-serverless', 'StartJobRun');
      expect((start?.args.jobDriver as { sparkSubmit: { entryPointArguments: string[] } }).sparkSubmit.entryPointArguments.slice(0, 2)).to.deep.equal(
        ['--month', '2026-01'],
      );
      expect(changeReport(res).s3.created.map((e) => [e.key, e.outcome])).to.deep.equal([
        ['orders_enriched/month=2026-01/part-0.parquet', 'emr-serverless.job 00fq8u1ajd7h2k09'],
      ]);
      expect(
        changeReport(res)
          .started.filter((x) => x.answeredBy !== 'emulator')
          .map((x) => [x.what, x.answeredBy, x.result]),
      ).to.deep.equal([
        ['Flink application start', 'default outcome', 'started'],
        ['EMR Serverless job run', 'declared outcome', 'success'],
        ['DataBrew job run', 'declared outcome', 'failed'],
        ['Flink application stop', 'default outcome', 'stopped'],
      ]);
    });

    it('refuses a BashOperator before anything runs, and runs it only when its class is allowed', async () => {
      const refused = await runner!.run(request(shell, '2026-03-01'));
      expect(refused.status, show(refused)).to.equal('refused');
      if (refused.status !== 'refused') return;
      const bash = target.startsWith('2.') ? 'airflow.operators.bash.BashOperator' : 'airflow.providers.standard.operators.bash.BashOperator';
      expect(refused.refusals.map((r) => r.code)).to.deep.equal(['DS700']);
      expect(refused.refusals[0]!.message).to.contain(bash).and.to.contain('allow');
      expect(existsSync(marker), 'the command did not run').to.equal(false);

      const allowed = ran(await runner!.run(request(shell, '2026-03-01', { allowedClasses: [bash] })));
      expect(states(allowed), show(allowed)).to.deep.equal({ run_shell: 'success' });
      expect(existsSync(marker), 'allowed, it ran').to.equal(true);
    });

    it("renders templates in Airflow's sandboxed Jinja: a template reaching for Python internals fails its task", async () => {
      const res = ran(await runner!.run(request(unsafe, '2026-03-01')));
      expect(states(res), show(res)).to.deep.equal({ write_marker: 'failed' });
      expect(task(res, 'write_marker').error?.type).to.equal('SecurityError');
      expect(task(res, 'write_marker').error?.message).to.contain('__class__').and.to.contain('unsafe');
      expect(res.calls.filter((x) => x.operation === 'PutObject')).to.deep.equal([]);
    });

    it('reuses one process across DAGs: each run starts from an empty metadata DB and a reset emulator', async () => {
      const landing = examples.get('raw_event_landing')!;
      const features = examples.get('customer_features')!;
      const first = ran(
        await runner!.run(
          request(features, '2026-03-01', { given: { s3: [{ bucket: 'acme-raw-dev', key: 'events/2026-03-01/_SUCCESS', body: '' }] } }),
        ),
      );
      const second = ran(
        await runner!.run(
          request(landing, '2026-03-02', {
            given: {
              s3: [
                { bucket: 'acme-raw-dev', key: 'inbox/clickstream/20260302T000000/part-0001.json.gz', body: '' },
                { bucket: 'acme-raw-dev', key: 'inbox/clickstream/20260302T000000/manifest.json', body: '{}' },
              ],
            },
          }),
        ),
      );
      const third = ran(
        await runner!.run(
          request(features, '2026-03-01', { given: { s3: [{ bucket: 'acme-raw-dev', key: 'events/2026-03-01/_SUCCESS', body: '' }] } }),
        ),
      );
      for (const res of [first, second, third]) expect(res.dagRunState, show(res)).to.equal('success');
      // Only this run's tasks, each on its first try (a DAG run left in the DB would be cleared and tried again).
      expect(second.tasks!.map((t) => [t.taskId, t.tryNumber])).to.deep.equal([
        ['wait_for_batch', 1],
        ['copy_manifest', 1],
        ['crawl_landing', 1],
        ['to_parquet', 1],
        ['clear_inbox', 1],
      ]);
      expect(third.tasks!.every((t) => t.tryNumber === 1)).to.equal(true);
      // Only this run's calls and objects: the first run's _SUCCESS marker is gone from the second run's account.
      expect(second.calls.every((x) => x.task === null || second.tasks!.some((t) => t.taskId === x.task))).to.equal(true);
      expect(second.s3.objectsAfter.map((o) => o.key)).to.not.include('events/2026-03-01/_SUCCESS');
      expect(third.calls.map((x) => [x.task, x.operation])).to.deep.equal(first.calls.map((x) => [x.task, x.operation]));
      expect(runner!.alive).to.equal(true);
    });

    // Last: it ends the runner process.
    it('stops a run that exceeds its time limit, says so, and ends the process', async () => {
      const c = examples.get('raw_event_landing')!;
      const res = await runner!.run(request(c, '2026-03-02', { limits: { sensorTimeout: 600, runTimeout: 6 } }));
      expect(res.status, show(res)).to.equal('timeout');
      expect(res.status === 'timeout' && res.problems[0]).to.contain('longer than 6s');
      expect(res.log, 'the log shows the sensor poking').to.contain('wait_for_batch');
      await new Promise((r) => setTimeout(r, 500));
      expect(runner!.alive).to.equal(false);
    });
  });
}
