/**
 * Retry policies in `dagsmith test` on Airflow 3.3.1 (the first MWAA target that has them): a pipeline whose S3
 * copies fail with the AWS error for a missing object (a ClientError subclass, NoSuchKey, from moto over HTTP) runs
 * under dag.test() with its retries kept. The step whose policy fails on ClientError fails after its first try; a
 * step with no policy, and one whose only rule names another class (BotoCoreError), are tried `retries + 1` times; a
 * rule that retries with its own delay is tried as often, its delay shortened for the test and listed in the
 * adjustments. The worker's own policy evaluation decides (task_runner._handle_current_task_failed).
 */
import { expect } from 'chai';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildProject } from '../../src/compile/project';
import { resolveTarget } from '../../src/targets';
import { accountFor, mergeGiven } from '../../src/test-runner/account';
import { TestRunner } from '../../src/test-runner/engine';
import { allowedClassesFor } from '../../src/test-runner/operators';
import type { RunResult, RunResultRan, TaskResult } from '../../src/test-runner/protocol';
import { airflowPython, makeTemp, removeTemp, startMoto, tail, type MotoServer } from '../airflow/harness';

const TARGET = '3.3.1';
const BUCKET = 'policy-landing';

const PIPELINE = `version: 1
id: retry_policy_run
defaults:
  retries: 2
  retryDelay: 1s
steps:
  - id: fail_fast
    kind: s3.copy
    from: "s3://${BUCKET}/drops/{{ ds }}/orders.csv"
    to: "s3://${BUCKET}/raw/fail_fast/{{ ds }}.csv"
    retryPolicy:
      rules:
        - exception: ClientError
          action: fail
          reason: "the drop is missing: no retry brings it"
  - id: no_policy
    kind: s3.copy
    from: "s3://${BUCKET}/drops/{{ ds }}/orders.csv"
    to: "s3://${BUCKET}/raw/no_policy/{{ ds }}.csv"
  - id: other_class
    kind: s3.copy
    from: "s3://${BUCKET}/drops/{{ ds }}/orders.csv"
    to: "s3://${BUCKET}/raw/other_class/{{ ds }}.csv"
    retryPolicy:
      rules:
        - exception: BotoCoreError
          action: fail
  - id: rule_delay
    kind: s3.copy
    from: "s3://${BUCKET}/drops/{{ ds }}/orders.csv"
    to: "s3://${BUCKET}/raw/rule_delay/{{ ds }}.csv"
    retryPolicy:
      rules:
        - exception: ClientError
          action: retry
          retryDelay: 10m
          reason: "the partner drops late"
      default: fail
`;

function ran(res: RunResult): RunResultRan {
  if (res.status !== 'ran')
    throw new Error(`the run did not run: ${JSON.stringify({ ...res, log: undefined }, null, 1)}\n--- log ---\n${tail(res.log ?? '', 60)}`);
  return res;
}

describe(`retry policies under dag.test() on Airflow ${TARGET} against moto (dagsmith test's runner) @airflow`, function () {
  this.timeout(300_000);
  let moto: MotoServer | undefined;
  let runner: TestRunner | undefined;
  let scratch = '';
  let res: RunResultRan;

  before(async function () {
    scratch = makeTemp('retry-policy-run');
    mkdirSync(join(scratch, 'pipelines'), { recursive: true });
    writeFileSync(join(scratch, 'pipelines', 'retry_policy_run.yaml'), PIPELINE);
    const built = buildProject({ cwd: scratch, airflow: TARGET, files: ['pipelines/retry_policy_run.yaml'] });
    expect(built.diagnostics.map((d) => `${d.code} ${d.message}`)).to.deep.equal([]);
    const p = built.pipelines[0]!;
    const dagFile = join(scratch, 'retry_policy_run.py');
    writeFileSync(dagFile, p.content);
    moto = await startMoto();
    runner = await TestRunner.start({ python: airflowPython(TARGET) });
    res = ran(
      await runner.run({
        id: 'retry-policy-1',
        dagFile,
        dagId: p.ir.id,
        logicalDate: '2026-03-02',
        moto: moto.endpoint,
        allowedClasses: allowedClassesFor(p.ir, resolveTarget(TARGET)),
        limits: { sensorTimeout: 3, runTimeout: 240 },
        retries: 'keep',
        given: mergeGiven(accountFor(p.ir), { s3: [{ bucket: BUCKET, key: 'drops/README', body: 'drops land here' }] }),
      }),
    );
  });

  after(async () => {
    await runner?.close();
    await moto?.stop();
    removeTemp(scratch);
  });

  const task = (id: string): TaskResult => {
    const t = (res.tasks ?? []).find((x) => x.taskId === id);
    if (!t) throw new Error(`no task ${id}`);
    return t;
  };
  const tries = (id: string) => task(id).attempts.map((a) => [a.try, a.error?.type ?? null]);
  const copies = (id: string) => res.calls.filter((c) => c.task === id && c.service === 's3' && c.operation === 'CopyObject').map((c) => c.try);

  it('a fail rule on ClientError ends the task at its first error (NoSuchKey, a ClientError subclass), retries: 2 unused', () => {
    expect(task('fail_fast').state, JSON.stringify(res.tasks)).to.equal('failed');
    expect(tries('fail_fast')).to.deep.equal([[1, 'NoSuchKey']]);
    expect(copies('fail_fast')).to.deep.equal([1]);
  });

  it('without a policy, and with a rule on another class (BotoCoreError), the task is tried retries + 1 times', () => {
    for (const id of ['no_policy', 'other_class']) {
      expect(task(id).state, id).to.equal('failed');
      expect(tries(id), id).to.deep.equal([
        [1, 'NoSuchKey'],
        [2, 'NoSuchKey'],
        [3, 'NoSuchKey'],
      ]);
      expect(copies(id), id).to.deep.equal([1, 2, 3]);
    }
  });

  it("a retry rule retries within the task's retries (its default 'fail' never reached), its delay shortened for the test", () => {
    expect(task('rule_delay').state).to.equal('failed');
    expect(copies('rule_delay')).to.deep.equal([1, 2, 3]);
    expect(res.adjustments).to.deep.include({
      taskId: 'rule_delay',
      setting: 'retry_policy.rules[0].retry_delay',
      from: 600,
      to: 1,
      why: 'test limit: retries stay, the wait between them is short',
    });
    expect(res.dagRunState).to.equal('failed');
  });
});
