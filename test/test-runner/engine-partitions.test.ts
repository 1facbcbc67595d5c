/**
 * Partitioned runs in `dagsmith test` (Airflow 3.3.1, the only target with partitions): the producer of the
 * good-partitioned-schedules golden case (CronPartitionTimetable, key format '%Y-%m-%d', Europe/Berlin) runs under
 * dag.test() against moto. dag.test() makes a run without a partition key; the runner gives the run the key the
 * scheduler gives the scheduled run of the requested date (and says so in `adjustments`), so the task renders
 * `{{ partition_key }}` to it and the run's asset event carries it. A consumer (PartitionedAssetTimetable) gets its key
 * from the scheduler mapping a producer's event, which dag.test() does not run: its test run has no key, and its
 * `{{ partition_key }}` renders 'None' (asserted, so that a change in Airflow shows here).
 */
import { expect } from 'chai';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import type { PipelineIR } from '../../src/ir/types';
import { buildProject } from '../../src/compile/project';
import { resolveTarget } from '../../src/targets';
import { accountFor, mergeGiven } from '../../src/test-runner/account';
import { TestRunner } from '../../src/test-runner/engine';
import { allowedClassesFor } from '../../src/test-runner/operators';
import type { RunResult, RunResultRan } from '../../src/test-runner/protocol';
import { airflowPython, makeTemp, removeTemp, ROOT, startMoto, tail, type MotoServer } from '../airflow/harness';

const TARGET = '3.3.1';

function ran(res: RunResult): RunResultRan {
  if (res.status !== 'ran')
    throw new Error(`the run did not run: ${JSON.stringify({ ...res, log: undefined }, null, 1)}\n--- log ---\n${tail(res.log ?? '', 60)}`);
  return res;
}

describe(`dagsmith test engine: partitioned runs on Airflow ${TARGET} @airflow`, function () {
  this.timeout(240_000);
  let moto: MotoServer | undefined;
  let runner: TestRunner | undefined;
  let scratch = '';
  const pipelines = new Map<string, { ir: PipelineIR; file: string }>();

  before(async function () {
    scratch = makeTemp('engine-partitions');
    const built = buildProject({ cwd: join(ROOT, 'test', 'fixtures', 'good-partitioned-schedules'), airflow: TARGET });
    expect(built.diagnostics.filter((d) => d.severity === 'error')).to.deep.equal([]);
    for (const p of built.pipelines) {
      const file = join(scratch, `${p.ir.id}.py`);
      writeFileSync(file, p.content);
      pipelines.set(p.ir.id, { ir: p.ir, file });
    }
    moto = await startMoto();
    runner = await TestRunner.start({ python: airflowPython(TARGET) });
  });

  after(async () => {
    await runner?.close();
    await moto?.stop();
    removeTemp(scratch);
  });

  const run = async (id: string, logicalDate: string): Promise<RunResultRan> => {
    const p = pipelines.get(id)!;
    return ran(
      await runner!.run({
        id: `${id}-${logicalDate}`,
        dagFile: p.file,
        dagId: id,
        logicalDate,
        moto: moto!.endpoint,
        allowedClasses: allowedClassesFor(p.ir, resolveTarget(TARGET)),
        limits: { sensorTimeout: 3, runTimeout: 180 },
        given: mergeGiven(accountFor(p.ir), undefined),
      }),
    );
  };

  it("runs the producer as the scheduled run of the date: the run gets that day's partition key, the task renders it and the asset event carries it", async () => {
    const res = await run('orders_landing', '2026-03-02');
    expect(res.dagRunState, tail(res.log ?? '', 40)).to.equal('success');
    // The cron tick of that day in the pipeline's time zone (03:00 Europe/Berlin = 02:00 UTC).
    expect(res.logicalDate).to.equal('2026-03-02T02:00:00+00:00');
    expect(res.adjustments).to.deep.include({
      setting: 'partition',
      from: null,
      to: '2026-03-02',
      why: 'dag.test() makes a run without a partition key; the runner gives the run the key the scheduler gives the scheduled run of that date (CronPartitionTimetable)',
    });
    const task = res.tasks!.find((t) => t.taskId === 'land_orders')!;
    expect(task.rendered).to.deep.include({ script_args: { '--partition': '2026-03-02' } });
    expect((res.assetEvents ?? []).map((e) => ({ taskId: e.taskId, uri: e.uri, partitionKey: e.partitionKey }))).to.deep.equal([
      { taskId: 'land_orders', uri: 's3://acme-raw/orders', partitionKey: '2026-03-02' },
    ]);
  });

  it('a date in another partition gets its own key (the key follows the scheduled run, not the day the test runs)', async () => {
    const res = await run('orders_landing', '2026-12-31');
    expect(res.dagRunState, tail(res.log ?? '', 40)).to.equal('success');
    expect((res.assetEvents ?? []).map((e) => e.partitionKey)).to.deep.equal(['2026-12-31']);
  });

  it('runs a partitioned consumer without a key: the scheduler maps a producer event to its key, and dag.test() runs no scheduler', async () => {
    const res = await run('orders_daily', '2026-03-02');
    expect(res.dagRunState, tail(res.log ?? '', 40)).to.equal('success');
    expect(res.adjustments.filter((a) => a.setting === 'partition')).to.deep.equal([]);
    const task = res.tasks!.find((t) => t.taskId === 'curate')!;
    expect(task.rendered).to.deep.include({ script_args: { '--day': 'None', '--partition-date': 'None' } });
    expect((res.assetEvents ?? []).map((e) => ({ uri: e.uri, partitionKey: e.partitionKey }))).to.deep.equal([
      { uri: 's3://acme-curated/orders-daily', partitionKey: null },
    ]);
  });
});
