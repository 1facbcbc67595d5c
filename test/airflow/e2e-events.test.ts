/**
 * End to end for the event and orchestration kinds (issue 11): two example pipelines, compiled for the oldest and
 * the newest MWAA target this checkout has a virtualenv for, run with dag.test() against a local moto server, and
 * their effects read back through the AWS APIs (python/dagsmith_harness/moto_state.py).
 *
 * - orders_partition_landing: S3KeySensor, LambdaFunctionStateSensor (airflow.operator), LambdaInvokeFunctionOperator,
 *   S3 copy, S3CreateObjectOperator (JSON manifest), EventBridgePutEventsOperator on a custom bus.
 * - training_data_export: StepFunctionStartExecutionOperator waiting deferrable (dag.test() runs the trigger inline),
 *   S3CreateObjectOperator, EventBridgePutEventsOperator on the default bus.
 *
 * What moto serves and how (each also in moto_state.py's seed plan):
 * - Lambda: no Docker here, so moto's "simple" Lambda backend (moto-api config lambda.use_docker=false). It runs no
 *   code and answers an invocation with the request's own payload, so the task's XCom return value is the payload
 *   Lambda received, rendered. It never returns a FunctionError: the failing-function path cannot be shown here.
 * - Step Functions: moto executes the state machine's definition (stepfunctions.execute_state_machine=true; Pass
 *   states here), so the execution really reaches SUCCEEDED and the deferred operator's waiter sees it.
 * - EventBridge: a rule on each bus targets an SQS queue; the test reads what was delivered.
 * - A state machine whose execution fails (a Fail state) fails its stepfunctions.start task. It runs on a second moto
 *   server: moto 5.1.10 answers a second StartExecution on one server with HTTP 500 (it deep-copies the first
 *   execution's thread lock), so each server runs one execution.
 */
import { expect } from 'chai';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isStepOfKind, type PipelineIR, type StepOfKind } from '../../src/ir/types';
import type { KindName } from '../../src/steps/index';
import { loadConfig } from '../../src/config/project-config';
import { buildProject } from '../../src/compile/project';
import {
  AIRFLOW_VERSIONS,
  airflowPython,
  HARNESS,
  makeTemp,
  parseHarnessJson,
  removeTemp,
  ROOT,
  runProcess,
  startMoto,
  tail,
  withoutColors,
  venvPython,
  writeDag,
  type MotoServer,
  type ProcResult,
} from './harness';

type Target = string;
const byVersion = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
const ALL = [...AIRFLOW_VERSIONS].sort(byVersion);
/** The oldest and the newest target. */
const TARGETS: Target[] = [...new Set([ALL[0]!, ALL[ALL.length - 1]!])];

const REGION = 'us-east-1';
const LOGICAL_DATE = '2026-03-02'; // a Monday: training_data_export's weekly slot
/** Airflow 3 runs each task in its own process: a 6-task DAG takes 1-2 minutes on a busy 2-core machine. */
const RUN_TIMEOUT_S = 270;
const PIPELINES = ['orders_partition_landing', 'training_data_export'] as const;
const LANDING_QUEUE = 'partition-events';
const FAILING_MACHINE = 'export-that-fails';
/** A one-step pipeline whose execution fails, compiled from this text (it is no example). */
const FAILING_PIPELINE = `version: 1
id: failing_export
steps:
  - id: export
    kind: stepfunctions.start
    stateMachine: arn:aws:states:${'us-east-1'}:123456789012:stateMachine:${FAILING_MACHINE}
    name: "fails-{{ ds_nodash }}"
    pollInterval: 5s
    timeout: 10m
  - id: after_export
    kind: s3.put
    bucket: never-written
    key: marker
    data: ""
    dependsOn: [export]
`;
const TRAINING_QUEUE = 'training-events';

interface RunResult {
  ok: boolean;
  run_id?: string;
  dag_run_state?: string;
  tasks?: Record<string, { state: string }>;
  return_values?: Record<string, unknown>;
  error?: string;
}

interface Inspect {
  bodies: Record<string, string | null>;
  sqs_messages: Record<string, { source: string; 'detail-type': string; detail: unknown; resources: string[] }[]>;
  sfn_executions: Record<string, { name: string; status: string; input: string; output?: string }[]>;
}

/** The step `id`, which must be of `kind`. */
function stepOf<K extends KindName>(ir: PipelineIR, id: string, kind: K): StepOfKind<K> {
  const s = ir.steps.filter((x) => isStepOfKind(x, kind)).find((x) => x.id === id);
  if (!s) throw new Error(`${ir.id} has no ${kind} step '${id}'; the test follows the example, update it`);
  return s;
}

/** Renders the Jinja the two examples use, for LOGICAL_DATE and the run's id; anything else left over fails. */
function renderer(runId: string): (value: unknown) => unknown {
  const ds = LOGICAL_DATE;
  const text = (t: string): string => {
    const out = t
      .replace(/\{\{\s*ds\s*\}\}/g, ds)
      .replace(/\{\{\s*ds_nodash\s*\}\}/g, ds.replace(/-/g, ''))
      .replace(/\{\{\s*ts_nodash\s*\}\}/g, `${ds.replace(/-/g, '')}T000000`)
      .replace(/\{\{\s*run_id\s*\}\}/g, runId);
    if (/\{\{|\{%/.test(out)) throw new Error(`this test does not know the Jinja in: ${out}`);
    return out;
  };
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return text(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk;
}

function describeRun(res: ProcResult, json: RunResult): string {
  return `run_dag_test.py exited with ${res.signal ?? res.code}: ${JSON.stringify(json, null, 1)}\n--- stderr ---\n${tail(withoutColors(res.stderr), 60)}`;
}

for (const target of TARGETS) {
  describe(`event and orchestration kinds run end to end on Airflow ${target} against moto @airflow`, function () {
    this.timeout(420_000);
    let moto: MotoServer | undefined;
    let failingMoto: MotoServer | undefined;
    let scratch = '';
    const irs = new Map<string, PipelineIR>();
    const runs = new Map<string, { res: ProcResult; json: RunResult } | Error>();
    let vars: Readonly<Record<string, string>> = {};
    const seededExport = '{"order_id":1}\n';

    const motoEnv = (server = moto) => ({
      AWS_ENDPOINT_URL: server!.endpoint,
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
      AWS_DEFAULT_REGION: REGION,
    });

    async function motoState<T>(mode: 'seed' | 'inspect', plan: unknown, server = moto): Promise<T> {
      const res = await runProcess(venvPython('moto'), [join(HARNESS, 'moto_state.py'), mode], {
        env: motoEnv(server),
        input: JSON.stringify(plan),
        timeoutMs: 60_000,
      });
      if (res.code !== 0) throw new Error(`moto_state.py ${mode} exited with ${res.signal ?? res.code}:\n${tail(res.stderr)}`);
      return parseHarnessJson<T>(`moto_state.py ${mode}`, res);
    }

    before(async function () {
      const python = airflowPython(target);
      scratch = makeTemp(`airflow-e2e-events-${target}`);
      vars = Object.fromEntries(loadConfig(ROOT).config!.vars);
      const built = buildProject({ cwd: ROOT, airflow: target, files: PIPELINES.map((p) => `pipelines/${p}.yaml`) });
      const errors = built.diagnostics.filter((d) => d.severity === 'error');
      if (errors.length > 0) throw new Error(`the examples do not compile: ${errors.map((d) => `${d.file}:${d.line} ${d.message}`).join('; ')}`);
      const files = new Map<string, string>();
      for (const p of built.pipelines) {
        irs.set(p.ir.id, p.ir);
        files.set(p.ir.id, writeDag(join(scratch, p.ir.id), `${p.ir.id}.py`, p.content));
      }
      const failingProject = join(scratch, 'failing-project');
      mkdirSync(join(failingProject, 'pipelines'), { recursive: true });
      writeFileSync(join(failingProject, 'pipelines', 'failing_export.yaml'), FAILING_PIPELINE);
      const failing = buildProject({ cwd: failingProject, airflow: target }).pipelines[0]!;
      irs.set(failing.ir.id, failing.ir);
      files.set(failing.ir.id, writeDag(join(scratch, failing.ir.id), `${failing.ir.id}.py`, failing.content));
      const landing = irs.get('orders_partition_landing')!;
      const wait = stepOf(landing, 'wait_for_export', 's3.wait').fields;
      const render = renderer('(not used)');
      const announce = stepOf(landing, 'announce_partition', 'eventbridge.put').fields.entries[0]!;
      const training = irs.get('training_data_export')!;
      const exportArn = stepOf(training, 'export_snapshot', 'stepfunctions.start').fields.stateMachine;
      const snapshotEvent = stepOf(training, 'announce_snapshot', 'eventbridge.put').fields.entries[0]!;

      moto = await startMoto();
      failingMoto = await startMoto();
      await motoState(
        'seed',
        {
          region: REGION,
          moto_config: { stepfunctions: { execute_state_machine: true } },
          state_machines: [
            {
              name: FAILING_MACHINE,
              role: 'training-export',
              definition: { StartAt: 'Boom', States: { Boom: { Type: 'Fail', Error: 'ExportFailed', Cause: 'table orders is locked' } } },
            },
          ],
        },
        failingMoto,
      );
      await motoState('seed', {
        region: REGION,
        moto_config: { lambda: { use_docker: false }, stepfunctions: { execute_state_machine: true } },
        buckets: [vars.rawBucket, vars.featureBucket],
        objects: [{ bucket: wait.bucket, key: render(wait.key), body: seededExport }],
        lambda_functions: [{ name: stepOf(landing, 'validate_export', 'lambda.invoke').fields.function, role: 'orders-validator' }],
        state_machines: [
          {
            name: exportArn.split(':').pop(),
            role: 'training-export',
            definition: {
              StartAt: 'Unload',
              States: {
                Unload: { Type: 'Pass', Parameters: { 'unloaded.$': '$.tables', 'to.$': '$.output' }, Next: 'Done' },
                Done: { Type: 'Succeed' },
              },
            },
          },
        ],
        event_buses: [announce.eventBusName],
        event_rules: [
          { name: 'partition-landed', bus: announce.eventBusName, pattern: { source: [announce.source] }, queue: LANDING_QUEUE },
          { name: 'snapshot-ready', bus: 'default', pattern: { source: [snapshotEvent.source] }, queue: TRAINING_QUEUE },
        ],
      });

      await Promise.all(
        [...PIPELINES, 'failing_export'].map(async (id) => {
          const server = id === 'failing_export' ? failingMoto : moto;
          try {
            const res = await runProcess(
              python,
              [join(HARNESS, 'run_dag_test.py'), files.get(id)!, id, '--logical-date', LOGICAL_DATE, '--timeout', String(RUN_TIMEOUT_S)],
              {
                env: {
                  ...motoEnv(server),
                  AIRFLOW_CONN_AWS_DEFAULT: JSON.stringify({
                    conn_type: 'aws',
                    login: 'testing',
                    password: 'testing',
                    extra: { endpoint_url: server!.endpoint, region_name: REGION },
                  }),
                },
                timeoutMs: (RUN_TIMEOUT_S + 30) * 1000,
              },
            );
            runs.set(id, { res, json: parseHarnessJson<RunResult>(`run_dag_test.py ${id}`, res) });
          } catch (err) {
            runs.set(id, err as Error);
          }
        }),
      );
    });

    after(async () => {
      await moto?.stop();
      await failingMoto?.stop();
      removeTemp(scratch);
    });

    function run(id: string): { res: ProcResult; json: RunResult } {
      const r = runs.get(id);
      if (!r) throw new Error(`${id} did not run (see the before() hook)`);
      if (r instanceof Error) throw r;
      return r;
    }

    function expectAllSucceeded(id: string): void {
      const { res, json } = run(id);
      const states = Object.fromEntries(Object.entries(json.tasks ?? {}).map(([t, v]) => [t, v.state]));
      expect(states, describeRun(res, json)).to.deep.equal(Object.fromEntries(irs.get(id)!.steps.map((s) => [s.taskId, 'success'])));
      expect(json.dag_run_state, describeRun(res, json)).to.equal('success');
    }

    describe('orders_partition_landing', () => {
      const id = 'orders_partition_landing';

      it('succeeds in every task', () => expectAllSucceeded(id));

      it('invoked the validator with the payload rendered and JSON-encoded (moto answers with the payload it got)', () => {
        const { json } = run(id);
        const f = stepOf(irs.get(id)!, 'validate_export', 'lambda.invoke').fields;
        const received = json.return_values?.validate_export;
        expect(received, 'XCom return value of validate_export').to.be.a('string');
        const payload: unknown = JSON.parse(received as string);
        expect(payload).to.deep.equal(renderer(json.run_id!)(f.payload));
        expect(payload).to.have.property('key', 'exports/orders/20260302T000000/orders.csv');
      });

      it('published the partition and wrote its manifest as JSON', async () => {
        const ir = irs.get(id)!;
        const copy = stepOf(ir, 'publish_partition', 's3.copy').fields;
        const manifest = stepOf(ir, 'write_manifest', 's3.put').fields;
        const render = renderer(run(id).json.run_id!);
        const state = await motoState<Inspect>('inspect', {
          region: REGION,
          get: [
            { bucket: copy.to.bucket, key: render(copy.to.key) },
            { bucket: manifest.bucket, key: render(manifest.key) },
          ],
        });
        expect(state.bodies[`${copy.to.bucket}/${String(render(copy.to.key))}`]).to.equal(seededExport);
        const body = state.bodies[`${manifest.bucket}/${String(render(manifest.key))}`];
        expect(body, 'the manifest').to.be.a('string');
        expect(JSON.parse(body!)).to.deep.equal({
          table: 'orders',
          partition: 'hour=20260302T000000',
          files: ['orders.csv'],
          source: `s3://${vars.rawBucket}/exports/orders/20260302T000000/orders.csv`,
        });
      });

      it("announced the partition on the data-platform bus (delivered to the rule's queue)", async () => {
        const ir = irs.get(id)!;
        const entry = stepOf(ir, 'announce_partition', 'eventbridge.put').fields.entries[0]!;
        const state = await motoState<Inspect>('inspect', { region: REGION, sqs_messages: [LANDING_QUEUE] });
        const events = state.sqs_messages[LANDING_QUEUE]!;
        expect(events.map((e) => ({ source: e.source, type: e['detail-type'], detail: e.detail, resources: e.resources }))).to.deep.equal([
          {
            source: 'com.acme.ingest',
            type: 'PartitionLanded',
            detail: renderer(run(id).json.run_id!)(entry.detail),
            resources: [`arn:aws:s3:::${vars.featureBucket}`],
          },
        ]);
      });
    });

    describe('training_data_export', () => {
      const id = 'training_data_export';

      it('succeeds in every task, the export waiting for its execution in deferrable mode', () => expectAllSucceeded(id));

      it('started one execution, named and with the input rendered, and it succeeded', async () => {
        const f = stepOf(irs.get(id)!, 'export_snapshot', 'stepfunctions.start').fields;
        const machine = f.stateMachine.split(':').pop()!;
        const state = await motoState<Inspect>('inspect', { region: REGION, sfn_executions: [machine] });
        const executions = state.sfn_executions[machine]!;
        expect(executions.map((e) => ({ name: e.name, status: e.status }))).to.deep.equal([{ name: 'churn-20260302', status: 'SUCCEEDED' }]);
        expect(JSON.parse(executions[0]!.input)).to.deep.equal({
          model: 'churn',
          snapshotDate: LOGICAL_DATE,
          tables: ['customers', 'orders', 'support_tickets'],
          output: `s3://${vars.featureBucket}/training/churn/snapshot=${LOGICAL_DATE}/`,
          format: 'parquet',
        });
        // the operator returns the execution ARN once the trigger reported success
        expect(run(id).json.return_values?.export_snapshot).to.match(/:execution:training-export:churn-20260302$/);
      });

      it('wrote the manifest and announced the snapshot on the default bus', async () => {
        const ir = irs.get(id)!;
        const manifest = stepOf(ir, 'write_manifest', 's3.put').fields;
        const render = renderer(run(id).json.run_id!);
        const state = await motoState<Inspect>('inspect', {
          region: REGION,
          get: [{ bucket: manifest.bucket, key: render(manifest.key) }],
          sqs_messages: [TRAINING_QUEUE],
        });
        expect(JSON.parse(state.bodies[`${manifest.bucket}/${String(render(manifest.key))}`]!)).to.deep.equal({
          model: 'churn',
          snapshot: LOGICAL_DATE,
          tables: ['customers', 'orders', 'support_tickets'],
          execution: 'churn-20260302',
        });
        const events = state.sqs_messages[TRAINING_QUEUE]!;
        expect(events.map((e) => [e.source, e['detail-type'], e.detail])).to.deep.equal([
          [
            'com.acme.ml',
            'TrainingSnapshotReady',
            { model: 'churn', snapshot: LOGICAL_DATE, location: `s3://${vars.featureBucket}/training/churn/snapshot=${LOGICAL_DATE}/` },
          ],
        ]);
      });
    });

    describe('a state machine execution that fails', () => {
      it('fails the stepfunctions.start task, and nothing downstream runs', async () => {
        const { res, json } = run('failing_export');
        const states = Object.fromEntries(Object.entries(json.tasks ?? {}).map(([t, v]) => [t, v.state]));
        expect(states, describeRun(res, json)).to.deep.equal({ export: 'failed', after_export: 'upstream_failed' });
        expect(json.dag_run_state).to.equal('failed');
        const state = await motoState<Inspect>('inspect', { region: REGION, sfn_executions: [FAILING_MACHINE] }, failingMoto);
        expect(state.sfn_executions[FAILING_MACHINE]!.map((e) => [e.name, e.status])).to.deep.equal([['fails-20260302', 'FAILED']]);
      });
    });
  });
}
