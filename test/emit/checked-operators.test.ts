/**
 * The checked operator subclasses (src/emit/python/checked-operators.ts). The runner keeps its own copy to accept them
 * word for word (python/dagsmith_runner/checked_operators.py): the two must agree. On each MWAA target the DataBrew
 * subclass, as a compiled DAG file defines it, fails its task unless the run it waited for ended SUCCEEDED.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKED_OPERATORS } from '../../src/emit/python/checked-operators';
import { AIRFLOW_VERSIONS, airflowPython, compileProject, makeTemp, removeTemp, ROOT, runProcess, writeDag } from '../airflow/harness';

describe('checked operator subclasses', () => {
  it("are the runner's copy, word for word, with the same base classes", () => {
    const py = readFileSync(join(ROOT, 'python', 'dagsmith_runner', 'checked_operators.py'), 'utf8');
    const copies = new Map(
      [...py.matchAll(/ {4}"(\w+)": \(\n {8}"([\w.]+)",\n {8}"(\w+)",\n {8}'''([\s\S]*?)''',\n {4}\),/g)].map((m) => [
        m[1]!,
        { module: m[2]!, name: m[3]!, source: m[4]! },
      ]),
    );
    const ours = Object.values(CHECKED_OPERATORS);
    expect([...copies.keys()].sort()).to.deep.equal(ours.map((c) => c.name).sort());
    for (const c of ours) expect(copies.get(c.name), c.name).to.deep.equal({ ...c.base, source: c.source });
  });

  it('replace the class of a DataBrew task that waits, and only of one that waits', () => {
    const dag = compileProject({ name: 'examples', cwd: ROOT }, AIRFLOW_VERSIONS[0]!).pipelines.find((p) => p.ir.id === 'flink_enrichment_backfill')!;
    expect(dag.content).to.contain('class _DagsmithDataBrewStartJobOperator(GlueDataBrewStartJobOperator):');
    expect(dag.content).to.match(/profile_enriched = _DagsmithDataBrewStartJobOperator\(/);
    const fixture = compileProject({ name: 'brew', cwd: join(ROOT, 'test', 'fixtures', 'good-brew-flink-serverless') }, AIRFLOW_VERSIONS[0]!);
    const content = fixture.pipelines[0]!.content;
    expect(content).to.match(/profile_raw = _DagsmithDataBrewStartJobOperator\(/);
    expect(content).to.match(/clean_raw = GlueDataBrewStartJobOperator\(\n[^)]*wait_for_completion=False/);
  });
});

/**
 * Runs the DataBrew task of a compiled DAG file (the example flink_enrichment_backfill) with its hook replaced by one
 * that answers a run's state as given: a FAILED, STOPPED or TIMEOUT run is what no local server produces (moto has no
 * DataBrew job runs), and the operator's own code around the hook is what is under test.
 */
const PROBE = `
import importlib.util, json, sys
spec = importlib.util.spec_from_file_location("dag_module", sys.argv[1])
m = importlib.util.module_from_spec(spec)
spec.loader.exec_module(m)
task = m.dag.get_task("profile_enriched")

class Conn:
    def start_job_run(self, Name):
        return {"RunId": "run-1"}

class Hook:
    def __init__(self, state):
        self.state, self.conn, self.asked = state, Conn(), []
    def job_completion(self, job_name, run_id, delay=10, max_attempts=60):
        return self.state
    def get_job_state(self, job_name, run_id):
        self.asked.append([job_name, run_id])
        return self.state

def outcome(state, deferrable, call):
    hook = Hook(state)
    task.__dict__["hook"] = hook
    task.deferrable = deferrable
    try:
        return {"ok": call(), "asked": hook.asked}
    except BaseException as exc:  # TaskDeferred is a BaseException; it names its trigger
        detail = type(exc.trigger).__name__ if hasattr(exc, "trigger") else str(exc)
        return {"error": type(exc).__name__ + ": " + detail, "asked": hook.asked}

event = {"status": "success", "run_id": "run-1"}
print(json.dumps({
    "class": [type(task).__name__, [b.__module__ + "." + b.__name__ for b in type(task).__bases__]],
    "succeeded": outcome("SUCCEEDED", False, lambda: task.execute({})),
    "failed": outcome("FAILED", False, lambda: task.execute({})),
    "stopped": outcome("STOPPED", False, lambda: task.execute({})),
    "timeout": outcome("TIMEOUT", False, lambda: task.execute({})),
    "deferred": outcome("FAILED", True, lambda: task.execute({})),
    "resumed_succeeded": outcome("SUCCEEDED", True, lambda: task.execute_complete({}, event)),
    "resumed_failed": outcome("FAILED", True, lambda: task.execute_complete({}, event)),
}))
`;

describe('the DataBrew task on each MWAA target @airflow', function () {
  this.timeout(300_000);
  let scratch = '';
  before(() => (scratch = makeTemp('checked-operators')));
  after(() => removeTemp(scratch));

  for (const target of AIRFLOW_VERSIONS) {
    it(`on Airflow ${target}: fails unless the run it waited for (or was resumed for) ended SUCCEEDED`, async () => {
      const dag = compileProject({ name: 'examples', cwd: ROOT }, target).pipelines.find((p) => p.ir.id === 'flink_enrichment_backfill')!;
      const file = writeDag(join(scratch, target), 'flink_enrichment_backfill.py', dag.content);
      const res = await runProcess(airflowPython(target), ['-c', PROBE, file], { timeoutMs: 120_000 });
      const out = JSON.parse(res.stdout.trim().split('\n').pop()!) as Record<string, unknown>;
      const ended = (state: string) => `RuntimeError: DataBrew job 'profile-orders-enriched' run run-1 ended ${state}, not SUCCEEDED`;
      const asked = [['profile-orders-enriched', 'run-1']];
      expect(out).to.deep.equal({
        class: ['_DagsmithDataBrewStartJobOperator', ['airflow.providers.amazon.aws.operators.glue_databrew.GlueDataBrewStartJobOperator']],
        succeeded: { ok: { run_id: 'run-1' }, asked },
        failed: { error: ended('FAILED'), asked },
        stopped: { error: ended('STOPPED'), asked },
        timeout: { error: ended('TIMEOUT'), asked },
        // Deferring is the operator's own: nothing is asked before the trigger fires.
        deferred: { error: 'TaskDeferred: GlueDataBrewJobCompleteTrigger', asked: [] },
        resumed_succeeded: { ok: { run_id: 'run-1' }, asked },
        resumed_failed: { error: ended('FAILED'), asked },
      });
    });
  }
});
