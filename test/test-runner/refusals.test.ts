/**
 * What the runner refuses before anything of a DAG runs (DS700-DS707), as `dagsmith test` prints it: golden lines in
 * test/fixtures-test/runner-refusals/expected.txt. dagsmith never compiles such DAG files (that is the point of
 * these walls: they hold for anything else that reaches the runner), so the cases hand the runner DAG files written
 * here, on the oldest MWAA target, and print each refusal as the CLI does (makeDiagnostic + formatDiagnostic).
 * DS703 (the process's AWS settings are not the runner's own) is a bug of the runner no input can cause: the catalog
 * test lists it as such. `UPDATE_GOLDEN=1` rewrites the expectations.
 */
import { expect } from 'chai';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiagnostic } from '../../src/diagnostics/format';
import { makeDiagnostic } from '../../src/diagnostics/diagnostic';
import { TestRunner } from '../../src/test-runner/engine';
import type { RunRequest } from '../../src/test-runner/protocol';
import { airflowPython, makeTemp, removeTemp, startMoto, type MotoServer } from '../airflow/harness';

const EXPECTED = join(__dirname, '..', 'fixtures-test', 'runner-refusals', 'expected.txt');
const TARGET = '2.10.3';
const AWS = 'airflow.providers.amazon.aws';

/** A DAG file of the form dagsmith writes, with `extra` lines and `dagArgs` added. */
function dag(id: string, opts: { imports?: string; dagArgs?: string; body?: string } = {}): string {
  return [
    'from airflow import DAG',
    'from airflow.operators.empty import EmptyOperator',
    'import pendulum',
    opts.imports ?? '',
    `with DAG(dag_id="${id}", schedule=None, start_date=pendulum.datetime(2026, 1, 1, tz="UTC")${opts.dagArgs ?? ''}) as dag:`,
    `    start = EmptyOperator(task_id="start")`,
    opts.body ?? '',
    '',
  ].join('\n');
}

const CASES: readonly { name: string; source: string; dagId?: string; moto?: string; allowed?: string[] }[] = [
  {
    name: 'bash-operator',
    source: dag('bash_operator', {
      imports: 'from airflow.operators.bash import BashOperator',
      body: '    run = BashOperator(task_id="run", bash_command="id")',
    }),
  },
  { name: 'imports-os', source: dag('imports_os', { imports: 'import os' }) },
  { name: 'calls-a-builtin', source: dag('calls_a_builtin', { body: '    data = open("/etc/hostname").read()' }) },
  { name: 'moto-not-loopback', source: dag('moto_not_loopback'), moto: 'http://10.0.0.1:5000' },
  { name: 'native-templates', source: dag('native_templates', { dagArgs: ', render_template_as_native_obj=True' }) },
  { name: 'callback-of-another-class', source: dag('callback_of_another_class', { dagArgs: ', on_failure_callback=EmptyOperator(task_id="cb")' }) },
  { name: 'does-not-parse', source: 'from airflow import DAG\nwith DAG(dag_id="x" as dag:\n    pass\n' },
  { name: 'no-such-dag', source: dag('other_dag'), dagId: 'wanted_dag' },
  {
    name: 'sensor-not-allowed',
    source: dag('sensor_not_allowed', {
      imports: `from ${AWS}.sensors.s3 import S3KeySensor`,
      body: '    wait = S3KeySensor(task_id="wait", bucket_name="b", bucket_key="k")',
    }),
    allowed: [],
  },
];

describe(`dagsmith test: what the runner refuses, on Airflow ${TARGET} (test/fixtures-test/runner-refusals) @airflow`, function () {
  this.timeout(300_000);
  let moto: MotoServer | undefined;
  let runner: TestRunner | undefined;
  let scratch = '';
  before(async () => {
    scratch = makeTemp('refusals');
    moto = await startMoto();
    runner = await TestRunner.start({ python: airflowPython(TARGET) });
  });
  after(async () => {
    await runner?.close();
    await moto?.stop();
    removeTemp(scratch);
  });

  it('refuses each DAG before running it, with a code and a message a person can act on', async () => {
    const lines: string[] = [];
    for (const c of CASES) {
      const file = join(scratch, `${c.name}.py`);
      mkdirSync(scratch, { recursive: true });
      writeFileSync(file, c.source);
      const request: RunRequest = {
        id: c.name,
        dagFile: file,
        dagId: c.dagId ?? c.name.replace(/-/g, '_'),
        logicalDate: '2026-03-01',
        moto: c.moto ?? moto!.endpoint,
        allowedClasses: c.allowed ?? [`${AWS}.notifications.sns.SnsNotifier`],
      };
      const res = await runner!.run(request);
      expect(res.status, `${c.name}: ${JSON.stringify({ ...res, log: undefined })}`).to.equal('refused');
      if (res.status !== 'refused') continue;
      for (const r of res.refusals) {
        const at = { line: 1, col: 1, endLine: 1, endCol: 1 };
        lines.push(formatDiagnostic(makeDiagnostic(r.code, `${c.name}.py`, at, `${r.message}${r.taskId ? ` (task ${r.taskId})` : ''}`)));
      }
    }
    const actual = `${lines.join('\n')}\n`;
    if (process.env.UPDATE_GOLDEN === '1') {
      mkdirSync(join(EXPECTED, '..'), { recursive: true });
      writeFileSync(EXPECTED, actual);
    }
    expect(existsSync(EXPECTED), 'run with UPDATE_GOLDEN=1 to write expected.txt').to.equal(true);
    expect(actual).to.equal(readFileSync(EXPECTED, 'utf8'));
    expect(new Set(lines.map((l) => /error (DS\d+)/.exec(l)![1]))).to.deep.equal(
      new Set(['DS700', 'DS701', 'DS702', 'DS704', 'DS705', 'DS706', 'DS707']),
    );
  });
});
