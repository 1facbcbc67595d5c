/**
 * Asset aliases and deadline alerts in real Airflow, per target: the DAG files dagsmith writes for them import in
 * each MWAA-pinned virtualenv that accepts them, with the attributes Airflow keeps checked (alias outlets and the
 * post_execute hook on every target; the timetable over an alias on 3.0.6 and 3.3.1; `dag.deadline` on 3.3.1).
 * The general structure suite (structure.test.ts) also compares the alias outlets of good-asset-alias field by
 * field; this file checks what it does not: alias schedules on 3.0.6, and deadlines.
 */
import { expect } from 'chai';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildProject } from '../../src/compile/project';
import { AIRFLOW_VERSIONS, airflowPython, HARNESS, makeTemp, parseHarnessJson, removeTemp, ROOT, runProcess, writeDag } from './harness';

interface DumpTask {
  task_id: string;
  outlets: (string | { alias: string })[];
  post_execute_hook: string | null;
}
interface DumpDag {
  dag_id: string;
  timetable: string;
  asset_condition: unknown;
  deadlines: unknown[];
  tasks: DumpTask[];
}
interface Dump {
  airflow_version: string;
  import_errors: Record<string, string>;
  warnings: Record<string, string[]>;
  dags: Record<string, DumpDag>;
}

const FIXTURES = join(ROOT, 'test', 'fixtures');
const HOOK = '_dagsmith_alias_events.<locals>.post_execute';

/** The pipelines of a fixture compiled for `airflow` (only `files` when given), without errors. */
function compile(fixture: string, airflow: string, files?: string[]): { id: string; content: string }[] {
  const res = buildProject({ cwd: join(FIXTURES, fixture), airflow, ...(files ? { files } : {}) });
  const errors = res.diagnostics.filter((d) => d.severity === 'error');
  expect(
    errors.map((d) => `${d.file}:${d.line}: ${d.code} ${d.message}`),
    `${fixture} for Airflow ${airflow}`,
  ).to.deep.equal([]);
  return res.pipelines.map((p) => ({ id: p.ir.id, content: p.content }));
}

describe('asset aliases and deadline alerts loaded in real Airflow @airflow', function () {
  this.timeout(240_000);
  let scratch = '';
  const dumps = new Map<string, Dump>();

  before(async function () {
    scratch = makeTemp('airflow3-features');
    await Promise.all(
      AIRFLOW_VERSIONS.map(async (airflow) => {
        const dir = join(scratch, airflow);
        const pipelines = compile('good-asset-alias', airflow);
        // Alias schedules from Airflow 3.0; deadlines from 3.1 (the 3.3.1 case), so 3.0.6 gets the alias schedules
        // of the same case without their deadlines.
        if (airflow === '3.3.1')
          pipelines.push(...compile('good-airflow3-features', airflow, ['pipelines/features_on_alias.yaml', 'pipelines/serving_refresh.yaml']));
        if (airflow === '3.0.6') pipelines.push(...compileWithoutDeadlines(join(scratch, 'no-deadlines'), airflow));
        for (const p of pipelines) writeDag(dir, `${p.id}.py`, p.content);
        const res = await runProcess(airflowPython(airflow), [join(HARNESS, 'dagbag_dump.py'), dir], { timeoutMs: 180_000 });
        dumps.set(airflow, parseHarnessJson<Dump>(`dagbag_dump.py (Airflow ${airflow})`, res));
      }),
    );
  });

  after(() => removeTemp(scratch));

  const dump = (airflow: string): Dump => {
    const d = dumps.get(airflow);
    if (!d) throw new Error(`no dump for Airflow ${airflow}`);
    return d;
  };

  for (const airflow of AIRFLOW_VERSIONS) {
    describe(`Airflow ${airflow}`, () => {
      it('imports every DAG file without errors or warnings from the file', () => {
        const d = dump(airflow);
        expect(d.airflow_version).to.equal(airflow);
        expect(d.import_errors).to.deep.equal({});
        // Airflow 2 attributes its own lazy-import warnings (Flask, SQLAlchemy) to the first file it imports: only
        // warnings raised by a generated file itself count.
        const own = Object.entries(d.warnings).flatMap(([file, ws]) => ws.filter((w) => w.startsWith(`${file}:`)));
        expect(own).to.deep.equal([]);
      });

      it(`keeps the alias outlets (${airflow.startsWith('2.') ? 'DatasetAlias' : 'AssetAlias'}) beside the plain ones, with the hook that records their events`, () => {
        const tasks = new Map(dump(airflow).dags.clickstream_landing!.tasks.map((t) => [t.task_id, t]));
        expect(tasks.get('land_events')).to.deep.include({
          outlets: ['s3://acme-raw/clickstream', { alias: 'clickstream-daily' }],
          post_execute_hook: HOOK,
        });
        // The EMR step's sensor completes the step: the aliases and the hook are on it, not on the add-steps task.
        expect(tasks.get('compact')).to.deep.include({ outlets: [], post_execute_hook: null });
        expect(tasks.get('compact_wait')).to.deep.include({
          outlets: [{ alias: 'clickstream-compacted' }, { alias: 'clickstream-compacted-hourly' }],
          post_execute_hook: HOOK,
        });
      });
    });
  }

  for (const airflow of ['3.0.6', '3.3.1']) {
    it(`Airflow ${airflow}: schedules on an alias alone and on an alias in a condition (AssetTriggeredTimetable)`, () => {
      const dags = dump(airflow).dags;
      expect(dags.features_on_alias).to.deep.include({ timetable: 'AssetTriggeredTimetable', asset_condition: { alias: 'clickstream-daily' } });
      expect(dags.serving_refresh).to.deep.include({
        timetable: 'AssetTriggeredTimetable',
        asset_condition: { any: ['s3://acme-raw/clickstream', { alias: 'clickstream-compacted' }] },
      });
    });
  }

  it('Airflow 3.0.6: the DAGs have no deadline (3.0 has none)', () => {
    for (const d of Object.values(dump('3.0.6').dags)) expect(d.deadlines, d.dag_id).to.deep.equal([]);
  });

  it('Airflow 3.3.1: dag.deadline holds each DeadlineAlert: its reference, interval and the SnsNotifier callback run in the triggerer', () => {
    const dags = dump('3.3.1').dags;
    const notifier = 'airflow.providers.amazon.aws.notifications.sns.SnsNotifier';
    expect(dags.features_on_alias!.deadlines).to.deep.equal([
      {
        reference: 'DagRunQueuedAtDeadline',
        interval: 7200,
        callback_class: 'AsyncCallback',
        callback_path: notifier,
        callback_kwargs: {
          target_arn: 'arn:aws:sns:us-east-1:123456789012:ml-alerts',
          subject: 'Airflow DAG run missed its deadline: features_on_alias',
          message: 'A run of DAG features_on_alias has not finished 2h after queued.',
          aws_conn_id: 'aws_default',
          region_name: 'us-east-1',
        },
      },
    ]);
    expect(dags.serving_refresh!.deadlines).to.deep.equal([
      {
        reference: 'DagRunLogicalDateDeadline',
        interval: 108000,
        callback_class: 'AsyncCallback',
        callback_path: notifier,
        callback_kwargs: {
          target_arn: 'arn:aws:sns:eu-west-1:123456789012:serving-alerts',
          subject: 'Airflow DAG run missed its deadline: serving_refresh',
          message: 'A run of DAG serving_refresh has not finished 1d6h after its logical date.',
          aws_conn_id: 'aws_default',
          region_name: 'eu-west-1',
        },
      },
    ]);
  });
});

/** The pipelines of good-airflow3-features, copied without their `deadline` (3.0.6 refuses it). */
function compileWithoutDeadlines(dir: string, airflow: string): { id: string; content: string }[] {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'pipelines'), { recursive: true });
  // With the producer of the asset serving_refresh is scheduled on (a consumed asset nobody produces is DS395).
  for (const name of ['clickstream_landing', 'features_on_alias', 'serving_refresh']) {
    const text = readFileSync(join(FIXTURES, 'good-airflow3-features', 'pipelines', `${name}.yaml`), 'utf8');
    writeFileSync(join(dir, 'pipelines', `${name}.yaml`), text.replace(/^deadline:\n(?: {2}.*\n)+/m, ''));
  }
  const res = buildProject({ cwd: dir, airflow });
  const errors = res.diagnostics.filter((d) => d.severity === 'error');
  expect(errors.map((d) => `${d.file}:${d.line}: ${d.code} ${d.message}`)).to.deep.equal([]);
  return res.pipelines.map((p) => ({ id: p.ir.id, content: p.content }));
}
