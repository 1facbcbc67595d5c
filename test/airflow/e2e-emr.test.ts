/**
 * emr.cluster, emr.steps (+ its EmrStepSensor) and emr.serverless end to end under dag.test() against moto, on
 * the oldest and the newest Airflow target the suites have: test/airflow/projects/emr is compiled for the target,
 * run by python/dagsmith_harness/run_dag_test.py, and its effect read back through the EMR and EMR Serverless APIs
 * (python/dagsmith_harness/moto_state.py).
 *
 * What moto 5.1.10 cannot show, and so is not checked here: it ignores AutoTerminationPolicy and instance fleets
 * in RunJobFlow, and never advances EMR steps (they stay RUNNING/PENDING), so the harness advances DescribeStep
 * answers to COMPLETED (MOTO_STATE_ADVANCES in run_dag_test.py: the call still goes to moto, so the sensor's
 * rendered cluster and step ids are checked by moto). glue.databrew and flink.start cannot run against moto at all:
 * it implements neither DataBrew StartJobRun/DescribeJobRun nor Kinesis Analytics v2 StartApplication/
 * StopApplication (only their create/describe/list calls).
 */
import { expect } from 'chai';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PipelineIR } from '../../src/ir/types';
import { buildProject } from '../../src/compile/project';
import type { EmrClusterFields } from '../../src/steps/emr-cluster';
import type { EmrServerlessFields } from '../../src/steps/emr-serverless';
import type { EmrStepsFields } from '../../src/steps/emr-steps';
import {
  AIRFLOW_VERSIONS,
  airflowPython,
  HARNESS,
  makeTemp,
  parseHarnessJson,
  removeTemp,
  runProcess,
  startMoto,
  tail,
  withoutColors,
  venvPython,
  writeDag,
  type MotoServer,
  type ProcResult,
} from './harness';

const REGION = 'us-east-1';
const LOGICAL_DATE = '2026-03-02';
const RUN_TIMEOUT_S = 150;
const PROJECT = join(__dirname, 'projects', 'emr');

const byVersion = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
const ALL = [...AIRFLOW_VERSIONS].sort(byVersion);
/** The oldest and the newest target (one run each). */
const TARGETS = [...new Set([ALL[0]!, ALL[ALL.length - 1]!])];

interface RunResult {
  ok: boolean;
  dag_run_state?: string;
  tasks?: Record<string, { state: string }>;
  stubbed_calls?: Record<string, number>;
  error?: string;
}

/** What moto_state.py seed answers (the part this test reads). */
interface MotoSeeded {
  emr_serverless_applications: Record<string, string>;
}

/** What moto_state.py inspect answers for emr_clusters and emr_serverless_job_runs (the fields this test reads). */
interface MotoInspect {
  emr_clusters: {
    Cluster: { Name: string; ReleaseLabel?: string; LogUri?: string; AutoTerminate?: boolean; Tags?: unknown[]; Configurations?: unknown[] };
    InstanceGroups: { InstanceGroupType: string; Market: string; InstanceType: string; RequestedInstanceCount: number }[];
    Steps: { Name: string; ActionOnFailure: string; Config: { Jar: string; MainClass?: string; Args: string[] } }[];
  }[];
  emr_serverless_job_runs: Record<
    string,
    {
      name?: string;
      executionRole: string;
      state: string;
      jobDriver: unknown;
      configurationOverrides?: { monitoringConfiguration?: { s3MonitoringConfiguration?: { logUri?: string } } };
    }[]
  >;
}

const render = (text: string): string =>
  text.replace(/\{\{\s*ds\s*\}\}/g, LOGICAL_DATE).replace(/\{\{\s*ds_nodash\s*\}\}/g, LOGICAL_DATE.replace(/-/g, ''));

function fieldsOf<F>(ir: PipelineIR, id: string): F {
  const s = ir.steps.find((x) => x.id === id);
  if (!s) throw new Error(`${ir.id} has no step '${id}'; the test follows test/airflow/projects/emr, update it`);
  return s.fields as unknown as F;
}

for (const target of TARGETS) {
  describe(`EMR kinds run end to end on Airflow ${target} against moto @airflow`, function () {
    this.timeout(300_000);
    let moto: MotoServer | undefined;
    let scratch = '';
    let ir: PipelineIR;
    let appId = '';
    let run: { res: ProcResult; json: RunResult } | Error;
    let state: MotoInspect;

    const motoEnv = () => ({
      AWS_ENDPOINT_URL: moto!.endpoint,
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
      AWS_DEFAULT_REGION: REGION,
    });

    async function motoState<T>(mode: 'seed' | 'inspect', plan: unknown): Promise<T> {
      const res = await runProcess(venvPython('moto'), [join(HARNESS, 'moto_state.py'), mode], {
        env: motoEnv(),
        input: JSON.stringify(plan),
        timeoutMs: 60_000,
      });
      if (res.code !== 0) throw new Error(`moto_state.py ${mode} exited with ${res.signal ?? res.code}:\n${tail(res.stderr)}`);
      return parseHarnessJson<T>(`moto_state.py ${mode}`, res);
    }

    before(async function () {
      const python = airflowPython(target);
      scratch = makeTemp('airflow-e2e-emr');
      moto = await startMoto();
      const seeded = await motoState<MotoSeeded>('seed', {
        region: REGION,
        emr_serverless_applications: [{ name: 'backfill', releaseLabel: 'emr-7.2.0' }],
      });
      appId = seeded.emr_serverless_applications.backfill!;
      // The project, with the application id moto gave as a deploy-time variable.
      const project = join(scratch, 'project');
      cpSync(PROJECT, project, { recursive: true });
      writeFileSync(join(project, 'dagsmith.config.yaml'), `airflow: "${target}"\nvars:\n  serverlessApp: "${appId}"\n`);
      const built = buildProject({ cwd: project, airflow: target });
      const errors = built.diagnostics.filter((d) => d.severity === 'error');
      if (errors.length > 0) throw new Error(`the project does not compile: ${errors.map((d) => `${d.file}:${d.line} ${d.message}`).join('; ')}`);
      const p = built.pipelines[0]!;
      ir = p.ir;
      const file = writeDag(join(scratch, 'dags'), `${ir.id}.py`, p.content);
      try {
        const res = await runProcess(
          python,
          [join(HARNESS, 'run_dag_test.py'), file, ir.id, '--logical-date', LOGICAL_DATE, '--timeout', String(RUN_TIMEOUT_S), '--moto-stubs'],
          {
            env: {
              ...motoEnv(),
              AIRFLOW_CONN_AWS_DEFAULT: JSON.stringify({
                conn_type: 'aws',
                login: 'testing',
                password: 'testing',
                extra: { endpoint_url: moto.endpoint, region_name: REGION },
              }),
            },
            timeoutMs: (RUN_TIMEOUT_S + 30) * 1000,
          },
        );
        run = { res, json: parseHarnessJson<RunResult>('run_dag_test.py emr_end_to_end', res) };
      } catch (err) {
        run = err as Error;
      }
      try {
        state = await motoState<MotoInspect>('inspect', { region: REGION, emr_clusters: true, emr_serverless_job_runs: [appId] });
      } catch (err) {
        throw new Error(
          `${(err as Error).message}\n--- the DAG run ---\n${run instanceof Error ? run.message : explain()}\n--- moto ---\n${tail(moto.log(), 30)}`,
          { cause: err },
        );
      }
    });

    after(async () => {
      await moto?.stop();
      removeTemp(scratch);
    });

    const result = () => {
      if (run instanceof Error) throw run;
      return run;
    };
    const explain = () => {
      const { res, json } = result();
      return `run_dag_test.py exited with ${res.signal ?? res.code}: ${JSON.stringify(json, null, 1)}\n--- stderr ---\n${tail(withoutColors(res.stderr), 60)}`;
    };

    it('succeeds in every task, the EmrStepSensor included', () => {
      const { json } = result();
      const states = Object.fromEntries(Object.entries(json.tasks ?? {}).map(([t, v]) => [t, v.state]));
      expect(states, explain()).to.deep.equal({
        create_cluster: 'success',
        build_features: 'success',
        build_features_wait: 'success',
        backfill: 'success',
      });
      expect(json.dag_run_state, explain()).to.equal('success');
      // the sensor asked moto about the step (at least once)
      expect(json.stubbed_calls?.DescribeStep ?? 0, explain()).to.be.greaterThan(0);
    });

    it('created one cluster from the spec: name rendered, release, Spot task group, kept alive, logs, configuration, tags', () => {
      const f = fieldsOf<EmrClusterFields>(ir, 'create_cluster');
      expect(state.emr_clusters, 'clusters in moto').to.have.length(1);
      const c = state.emr_clusters[0]!;
      expect({
        Name: c.Cluster.Name,
        ReleaseLabel: c.Cluster.ReleaseLabel,
        LogUri: c.Cluster.LogUri,
        AutoTerminate: c.Cluster.AutoTerminate,
        Tags: c.Cluster.Tags,
        Configurations: c.Cluster.Configurations,
      }).to.deep.equal({
        Name: render(f.name),
        ReleaseLabel: f.releaseLabel,
        LogUri: f.logUri,
        // KeepJobFlowAliveWhenNoSteps: the cluster waits for the steps added next
        AutoTerminate: !f.keepAlive,
        Tags: Object.entries(f.tags).map(([Key, Value]) => ({ Key, Value })),
        Configurations: f.configurations.map((x) => ({ Classification: x.Classification, Properties: x.Properties })),
      });
      const groups = c.InstanceGroups.map((g) => ({
        role: g.InstanceGroupType,
        market: g.Market,
        type: g.InstanceType,
        count: g.RequestedInstanceCount,
      }));
      expect(groups.sort((a, b) => (a.role < b.role ? -1 : 1))).to.deep.equal(
        f.instances.roles
          .map((r) => ({ role: r.role.toUpperCase(), market: r.spot ? 'SPOT' : 'ON_DEMAND', type: r.types[0], count: r.count }))
          .sort((a, b) => (a.role < b.role ? -1 : 1)),
      );
    });

    it('added the steps to that cluster (the id came through XCom), in order, their Jinja rendered', () => {
      const f = fieldsOf<EmrStepsFields>(ir, 'build_features');
      const c = state.emr_clusters[0]!;
      const steps = c.Steps.map((s) => ({
        Name: s.Name,
        ActionOnFailure: s.ActionOnFailure,
        Jar: s.Config.Jar,
        MainClass: s.Config.MainClass ?? null,
        Args: s.Config.Args,
      }));
      expect(steps).to.deep.equal(
        f.steps.map((s) => ({ Name: s.name, ActionOnFailure: s.actionOnFailure, Jar: s.jar, MainClass: s.mainClass, Args: s.args.map(render) })),
      );
      expect(render('{{ ds }}')).to.equal(LOGICAL_DATE);
    });

    it("ran the EMR Serverless job with the spec's driver, role, overrides and name", () => {
      const f = fieldsOf<EmrServerlessFields>(ir, 'backfill');
      const runs = state.emr_serverless_job_runs[appId];
      expect(runs, 'job runs').to.have.length(1);
      const r = runs![0]!;
      expect({
        name: r.name,
        executionRole: r.executionRole,
        state: r.state,
        jobDriver: r.jobDriver,
        logUri: r.configurationOverrides?.monitoringConfiguration?.s3MonitoringConfiguration?.logUri,
      }).to.deep.equal({
        name: render(f.name!),
        executionRole: f.executionRole,
        state: 'SUCCESS',
        jobDriver: {
          sparkSubmit: { entryPoint: f.entryPoint, entryPointArguments: f.arguments.map(render), sparkSubmitParameters: f.sparkSubmitParameters },
        },
        logUri: 's3://acme-emr-logs/serverless/',
      });
    });
  });
}
