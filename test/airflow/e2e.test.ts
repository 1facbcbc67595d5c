/**
 * End to end under every MWAA Airflow version (each with its amazon provider, MWAA pins) against a local moto
 * server: two example pipelines, compiled for that version, run with dag.test() (python/dagsmith_harness/run_dag_test.py), and
 * their effects checked through the AWS APIs themselves (python/dagsmith_harness/moto_state.py).
 *
 * - raw_event_landing: S3KeySensor on a wildcard key, S3 copy, Glue crawler (created from the spec), Glue job
 *   (created by the operator from the spec's script/role/version/capacity), S3 prefix delete.
 * - session_features_ctas: Glue job, two Athena queries (one from a SQL file), S3 prefix delete.
 *
 * moto only ever listens on 127.0.0.1 and run_dag_test.py refuses any other endpoint. Test-only adjustments the
 * harness makes (each listed in its JSON; see python/dagsmith_harness/README.md): retries -> 0, reschedule ->
 * poke (apache/airflow#58777), the DAG's assets registered in the DB before dag.test() (apache/airflow#51644),
 * GetCrawlerMetrics answered in-process (moto 5.1.10 does not implement it; the provider only logs it), moto's
 * glue::crawl state transition set to "immediate" (its default never finishes a crawl).
 */
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isStepOfKind, type PipelineIR, type StepOfKind } from '../../src/ir/types';
import { loadConfig } from '../../src/config/project-config';
import { buildProject } from '../../src/compile/project';
import type { KindName } from '../../src/steps/index';
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

const REGION = 'us-east-1';
/** The fixed logical date of both runs (UTC midnight). */
const LOGICAL_DATE = '2026-03-02';
const ACCOUNT = '123456789012';
/** run_dag_test.py's own watchdog; the test SIGKILLs the process a little later if even that fails. */
const RUN_TIMEOUT_S = 150;

interface RunResult {
  ok: boolean;
  dag_run_state?: string;
  logical_date?: string;
  tasks?: Record<string, { state: string }>;
  tasks_without_instance?: string[];
  adjustments?: string[];
  stubbed_calls?: Record<string, number>;
  error?: string;
}

interface MotoInspect {
  objects: Record<string, Record<string, string>>;
  bodies: Record<string, string | null>;
  glue_job_runs: Record<string, { JobRunState: string }[]>;
  glue_jobs: Record<string, GlueJob | null>;
  glue_crawlers: Record<string, GlueCrawler | null>;
  athena_queries?: AthenaQuery[];
}

/** Glue's get_crawler()["Crawler"], the fields this test reads. */
interface GlueCrawler {
  Role?: string;
  DatabaseName?: string;
  Targets: { S3Targets?: { Path?: string }[] };
  LastCrawl?: { Status?: string };
  State?: string;
}

/** Glue's get_job()["Job"], the fields this test reads. */
interface GlueJob {
  Role?: string;
  Command?: { ScriptLocation?: string };
  GlueVersion?: string;
  WorkerType?: string;
  NumberOfWorkers?: number;
}

/** Athena's get_query_execution()["QueryExecution"], the fields this test reads. */
interface AthenaQuery {
  Query: string;
  QueryExecutionContext?: { Database?: string; Catalog?: string };
  WorkGroup?: string;
  ResultConfiguration?: { OutputLocation?: string };
  Status?: { State?: string };
}

/** The Jinja this test's two pipelines use, rendered for LOGICAL_DATE; anything else left over fails. */
function render(text: string): string {
  const ds = LOGICAL_DATE;
  const out = text
    .replace(/\{\{\s*ds\s*\}\}/g, ds)
    .replace(/\{\{\s*ds_nodash\s*\}\}/g, ds.replace(/-/g, ''))
    .replace(/\{\{\s*ts_nodash\s*\}\}/g, `${ds.replace(/-/g, '')}T000000`)
    // params the DAG does not define, with a default filter: the default
    .replace(/\{\{\s*params\.\w+\s*\|\s*default\("([^"]*)"\)\s*\}\}/g, '$1');
  if (/\{\{|\{%/.test(out)) throw new Error(`render() in this test does not know the Jinja in: ${out}`);
  return out;
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

function step<K extends KindName>(ir: PipelineIR, kind: K, id?: string): StepOfKind<K> {
  const s = stepsOf(ir, kind).find((x) => id === undefined || x.id === id);
  if (!s) throw new Error(`${ir.id} has no ${kind} step${id ? ` '${id}'` : ''}; the test follows the example, update it`);
  return s;
}

/** Every step of one kind, typed for it. */
function stepsOf<K extends KindName>(ir: PipelineIR, kind: K): StepOfKind<K>[] {
  return ir.steps.filter((x) => isStepOfKind(x, kind));
}

function describeRun(res: ProcResult, json: RunResult): string {
  return `run_dag_test.py exited with ${res.signal ?? res.code}: ${JSON.stringify(json, null, 1)}\n--- last lines of its stderr ---\n${tail(withoutColors(res.stderr), 60)}`;
}

for (const AIRFLOW of AIRFLOW_VERSIONS)
  describe(`example pipelines run end to end on Airflow ${AIRFLOW} against moto @airflow`, function () {
    this.timeout(300_000);
    let moto: MotoServer | undefined;
    let scratch = '';
    const irs = new Map<string, PipelineIR>();
    const files = new Map<string, string>();
    const runs = new Map<string, { res: ProcResult; json: RunResult } | Error>();
    let vars: Readonly<Record<string, string>> = {};
    let seeded: Record<string, string> = {};
    let inspectState: (plan: unknown) => Promise<MotoInspect>;

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
      const python = airflowPython(AIRFLOW); // fails here, with the reason, when setup-python has not run
      scratch = makeTemp('airflow-e2e');
      vars = Object.fromEntries(loadConfig(ROOT).config!.vars);
      const built = buildProject({
        cwd: ROOT,
        airflow: AIRFLOW,
        files: ['pipelines/raw_event_landing.yaml', 'pipelines/session_features_ctas.yaml'],
      });
      const errors = built.diagnostics.filter((d) => d.severity === 'error');
      if (errors.length > 0) throw new Error(`the examples do not compile: ${errors.map((d) => `${d.file}:${d.line} ${d.message}`).join('; ')}`);
      for (const p of built.pipelines) {
        irs.set(p.ir.id, p.ir);
        files.set(p.ir.id, writeDag(join(scratch, p.ir.id), `${p.ir.id}.py`, p.content));
      }

      moto = await startMoto();
      inspectState = (plan) => motoState<MotoInspect>('inspect', plan);

      // One moto for both runs: their state is disjoint (raw_event_landing: the raw bucket, its crawler and job;
      // session_features_ctas: the feature bucket, its job, Athena), so they run at the same time.
      const landing = irs.get('raw_event_landing')!;
      const wait = step(landing, 's3.wait');
      const copy = step(landing, 's3.copy');
      const crawler = step(landing, 'glue.crawler');
      const ctas = irs.get('session_features_ctas')!;
      const sessionize = step(ctas, 'glue.job');
      const clearStaging = step(ctas, 's3.delete');
      const batchKey = render(String(wait.fields.key)).replace('*.json.gz', 'part-0001.json.gz');
      seeded = {
        // what the sensor waits for (its wildcard pattern must match it)
        [`${wait.fields.bucket}/${batchKey}`]: '{"event":"click"}\n',
        // the object the copy step copies
        [`${copy.fields.from.bucket}/${render(copy.fields.from.key)}`]: '{"files": ["part-0001.json.gz"], "hour": "20260302T000000"}\n',
        // the next hour's batch, which the prefix delete of this run must not touch
        [`${wait.fields.bucket}/inbox/clickstream/20260302T010000/manifest.json`]: '{"files": []}\n',
        // the day's staging files, deleted by clear_staging_files; the previous day's, which must survive
        [`${clearStaging.fields.bucket}/${render(clearStaging.fields.prefix!)}part-00000.parquet`]: 'stale output\n',
        [`${clearStaging.fields.bucket}/staging/session_features/dt=2026-03-01/part-00000.parquet`]: 'yesterday\n',
      };
      await motoState('seed', {
        region: REGION,
        transitions: { 'glue::crawl': { progression: 'immediate' } },
        buckets: [vars.rawBucket, vars.featureBucket, vars.archiveBucket],
        objects: Object.entries(seeded).map(([path, body]) => {
          const [bucket, ...key] = path.split('/');
          return { bucket, key: key.join('/'), body };
        }),
        // raw_event_landing's job does not exist yet: GlueJobOperator creates it, as role 'glue-etl' (a name).
        iam_roles: [step(landing, 'glue.job').fields.role],
        glue_databases: [crawler.fields.database],
        // session_features_ctas's job names no script or role, so it must exist already (as in a real account).
        glue_jobs: [{ Name: sessionize.fields.job, Role: `arn:aws:iam::${ACCOUNT}:role/glue-etl` }],
        // Each workgroup once: several queries may share one.
        athena_workgroups: [
          ...new Set(
            stepsOf(ctas, 'athena.query')
              .map((s) => s.fields.workgroup)
              .filter((w) => w !== 'primary'),
          ),
        ],
      });

      await Promise.all(
        [...irs.keys()].map(async (id) => {
          try {
            const res = await runProcess(
              python,
              [
                join(HARNESS, 'run_dag_test.py'),
                files.get(id)!,
                id,
                '--logical-date',
                LOGICAL_DATE,
                '--timeout',
                String(RUN_TIMEOUT_S),
                '--moto-stubs',
              ],
              {
                env: {
                  ...motoEnv(),
                  AIRFLOW_CONN_AWS_DEFAULT: JSON.stringify({
                    conn_type: 'aws',
                    login: 'testing',
                    password: 'testing',
                    extra: { endpoint_url: moto!.endpoint, region_name: REGION },
                  }),
                },
                timeoutMs: (RUN_TIMEOUT_S + 30) * 1000, // SIGKILL: Airflow 3 ignores SIGTERM while a task runs
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
      const ir = irs.get(id)!;
      const states = Object.fromEntries(Object.entries(json.tasks ?? {}).map(([t, v]) => [t, v.state]));
      const expected = Object.fromEntries(ir.steps.map((s) => [s.taskId, 'success']));
      expect(states, describeRun(res, json)).to.deep.equal(expected);
      expect(json.ok, describeRun(res, json)).to.equal(true);
      expect(json.dag_run_state).to.equal('success');
      expect(json.logical_date).to.equal(`${LOGICAL_DATE}T00:00:00+00:00`);
      expect(res.code).to.equal(0);
    }

    describe('raw_event_landing: S3 wait (wildcard), copy, Glue crawler, Glue job, prefix delete', () => {
      const id = 'raw_event_landing';

      it('succeeds in every task', () => expectAllSucceeded(id));

      it("copied the batch manifest byte for byte, and deleted only this hour's inbox prefix", async () => {
        const ir = irs.get(id)!;
        const copy = step(ir, 's3.copy');
        const del = step(ir, 's3.delete');
        const state = await inspectState({
          region: REGION,
          list: [
            { bucket: del.fields.bucket, prefix: render(del.fields.prefix!) },
            { bucket: del.fields.bucket, prefix: 'inbox/' },
          ],
          get: [{ bucket: copy.fields.to.bucket, key: render(copy.fields.to.key) }],
        });
        const source = seeded[`${copy.fields.from.bucket}/${render(copy.fields.from.key)}`]!;
        const dest = `${copy.fields.to.bucket}/${render(copy.fields.to.key)}`;
        expect(dest).to.equal(`${vars.rawBucket}/landing/clickstream/hour=20260302T000000/manifest.json`);
        expect(state.bodies[dest], `s3://${dest}`).to.equal(source);
        expect(state.objects[`${del.fields.bucket}/${render(del.fields.prefix!)}`], 'the deleted prefix').to.deep.equal({});
        expect(state.objects[`${del.fields.bucket}/inbox/`], 'the rest of the inbox').to.deep.equal({
          'inbox/clickstream/20260302T010000/manifest.json': sha256(seeded[`${vars.rawBucket}/inbox/clickstream/20260302T010000/manifest.json`]!),
        });
      });

      it('created and ran the Glue crawler from the spec', async () => {
        const ir = irs.get(id)!;
        const c = step(ir, 'glue.crawler').fields;
        const state = await inspectState({ region: REGION, glue_crawlers: [c.crawler] });
        const crawler = state.glue_crawlers[c.crawler];
        expect(crawler, `crawler ${c.crawler}`).to.not.equal(null);
        expect({ Role: crawler!.Role, DatabaseName: crawler!.DatabaseName, Targets: crawler!.Targets.S3Targets }).to.deep.equal({
          Role: c.role,
          DatabaseName: c.database,
          Targets: c.s3Targets.map((Path) => ({ Path })),
        });
        expect(crawler!.LastCrawl?.Status, 'last crawl').to.equal('COMPLETED');
        expect(crawler!.State).to.equal('READY');
        // the operator waited to the end of the crawl (the metrics call comes after the waiter)
        expect(run(id).json.stubbed_calls).to.deep.equal({ GetCrawlerMetrics: 1 });
      });

      it('created the Glue job from the spec (script, role, version, capacity) and ran it', async () => {
        const ir = irs.get(id)!;
        const j = step(ir, 'glue.job').fields;
        const state = await inspectState({ region: REGION, glue_jobs: [j.job], glue_job_runs: [j.job] });
        const job = state.glue_jobs[j.job];
        expect(job, `job ${j.job}`).to.not.equal(null);
        expect({
          Role: job!.Role,
          ScriptLocation: job!.Command?.ScriptLocation,
          GlueVersion: job!.GlueVersion,
          WorkerType: job!.WorkerType,
          NumberOfWorkers: job!.NumberOfWorkers,
        }).to.deep.equal({
          Role: `arn:aws:iam::${ACCOUNT}:role/${j.role}`,
          ScriptLocation: j.scriptLocation,
          GlueVersion: j.glueVersion,
          WorkerType: j.workerType,
          NumberOfWorkers: j.numberOfWorkers,
        });
        // moto records the run but not its Arguments (it returns canned ones), so script args cannot be checked here.
        expect(state.glue_job_runs[j.job]!.map((r) => r.JobRunState)).to.deep.equal(['SUCCEEDED']);
      });
    });

    describe('session_features_ctas: Glue job, Athena queries (one from a SQL file), prefix delete', () => {
      const id = 'session_features_ctas';

      it('succeeds in every task', () => expectAllSucceeded(id));

      it('ran the Glue job once', async () => {
        const j = step(irs.get(id)!, 'glue.job').fields;
        const state = await inspectState({ region: REGION, glue_job_runs: [j.job] });
        expect(state.glue_job_runs[j.job]!.map((r) => r.JobRunState)).to.deep.equal(['SUCCEEDED']);
      });

      it('sent Athena each query rendered for the logical date, the SQL file inlined, in its database, workgroup and output location', async () => {
        const ir = irs.get(id)!;
        const state = await inspectState({ region: REGION, athena: true });
        const actual = (state.athena_queries ?? []).map((q) => ({
          query: q.Query,
          database: q.QueryExecutionContext?.Database,
          catalog: q.QueryExecutionContext?.Catalog,
          workgroup: q.WorkGroup,
          outputPrefix: String(q.ResultConfiguration?.OutputLocation ?? '').replace(/[^/]*$/, ''),
          state: q.Status?.State,
        }));
        const expected = stepsOf(ir, 'athena.query').map((s) => {
          const f = s.fields;
          return {
            query: render(f.query),
            database: f.database,
            catalog: f.catalog,
            workgroup: f.workgroup,
            outputPrefix: f.outputLocation,
            state: 'SUCCEEDED',
          };
        });
        const byQuery = (a: { query: string }, b: { query: string }) => (a.query < b.query ? -1 : 1);
        expect(actual.sort(byQuery)).to.deep.equal(expected.sort(byQuery));
        // Independently of the IR: the CTAS Athena ran is the SQL file's text, templated.
        // Its ${name} references are the config's shared vars (this compile names no environment), resolved at compile time.
        const file = readFileSync(join(ROOT, 'pipelines', 'sql', 'session_features_ctas.sql'), 'utf8')
          .trim()
          .replace(/;$/, '')
          .replace(/\$\{([A-Za-z_][A-Za-z0-9_.-]*)\}/g, (_, name: string) => vars[name] ?? `<undefined ${name}>`);
        expect(
          actual.map((q) => q.query),
          'the CTAS from sql/session_features_ctas.sql',
        ).to.include(render(file));
        expect(actual.map((q) => q.query)).to.include(`DROP TABLE IF EXISTS session_features_${LOGICAL_DATE.replace(/-/g, '')}`);
      });

      it("deleted the day's staging prefix and nothing else", async () => {
        const del = step(irs.get(id)!, 's3.delete').fields;
        const state = await inspectState({ region: REGION, list: [{ bucket: del.bucket, prefix: 'staging/' }] });
        expect(render(del.prefix!)).to.equal(`staging/session_features/dt=${LOGICAL_DATE}/`);
        expect(state.objects[`${del.bucket}/staging/`]).to.deep.equal({
          'staging/session_features/dt=2026-03-01/part-00000.parquet': sha256('yesterday\n'),
        });
      });
    });
  });
