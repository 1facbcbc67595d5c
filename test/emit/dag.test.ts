/**
 * Emitter details that the golden files show but do not single out: arguments an operator does not take must not
 * be written, whatever the spec says, or the DAG fails to import ("Invalid arguments were passed").
 */
import { expect } from 'chai';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeTemp, removeTemp, runCli, TARGETS } from '../helpers/cli';

function callOf(py: string, taskId: string): string {
  const start = py.indexOf(`task_id="${taskId}"`);
  expect(start, `task ${taskId} in the DAG`).to.be.greaterThan(-1);
  const open = py.lastIndexOf('(', start);
  let depth = 0;
  for (let i = open; i < py.length; i++) {
    if (py[i] === '(') depth++;
    else if (py[i] === ')' && --depth === 0) return py.slice(open, i + 1);
  }
  throw new Error('unbalanced call');
}

describe('emit/python DAG', () => {
  let dir = '';
  afterEach(() => {
    if (dir) removeTemp(dir);
    dir = '';
  });

  for (const airflow of TARGETS) {
    it(`does not pass deferrable= to operators without a deferrable mode, even when set false (Airflow ${airflow})`, async () => {
      dir = makeTemp('emit');
      const rel = 'pipelines/a.yaml';
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(
        join(dir, rel),
        'version: 1\nid: a\nsteps:\n' +
          '  - { id: copy, kind: s3.copy, from: "s3://acme-a/k", to: "s3://acme-b/k", deferrable: false }\n' +
          '  - { id: delete, kind: s3.delete, bucket: acme-a, prefix: p/, deferrable: false }\n' +
          '  - { id: job, kind: glue.job, job: j, deferrable: false }\n',
      );
      const res = await runCli(['compile', '--airflow', airflow], dir);
      expect(res.code, res.err).to.equal(0);
      const py = readFileSync(join(dir, 'dags-out', 'a.py'), 'utf8');
      expect(callOf(py, 'job')).to.contain('deferrable=False');
      expect(callOf(py, 'copy')).to.not.contain('deferrable');
      expect(callOf(py, 'delete')).to.not.contain('deferrable');
    });
  }

  it("imports a class named like one dagsmith imports, or like another step's class, under an alias", async () => {
    dir = makeTemp('emit');
    mkdirSync(join(dir, 'pipelines'), { recursive: true });
    writeFileSync(
      join(dir, 'pipelines', 'a.yaml'),
      'version: 1\nid: a\nparams: { day: { default: x } }\nsteps:\n' +
        '  - { id: one, kind: airflow.operator, operator: acme_plugins.operators.DAG, arguments: { n: 1 } }\n' +
        '  - { id: two, kind: airflow.operator, operator: acme_plugins.other.Param }\n' +
        '  - { id: three, kind: airflow.operator, operator: acme_plugins.more.Param, dependsOn: [two] }\n' +
        '  - { id: four, kind: airflow.operator, operator: acme_plugins.other.Param }\n',
    );
    const res = await runCli(['compile', '--airflow', '2.10.3'], dir);
    expect(res.code, res.err).to.equal(0);
    const py = readFileSync(join(dir, 'dags-out', 'a.py'), 'utf8');
    expect(py).to.contain('from airflow import DAG\n');
    expect(py).to.contain('from acme_plugins.operators import DAG as DAG_2\n');
    // The DAG's own names are bound first (the DAG and its params are written before the tasks).
    expect(py).to.contain('from airflow.models.param import Param\n');
    expect(py).to.contain('from acme_plugins.other import Param as Param_2\n');
    expect(py).to.contain('from acme_plugins.more import Param as Param_3\n');
    expect(py).to.contain('with DAG(');
    expect(py).to.contain('"day": Param("x")');
    expect(callOf(py, 'one')).to.equal('(task_id="one", n=1)');
    expect(py).to.contain('one = DAG_2(task_id="one", n=1)');
    expect(py).to.contain('two = Param_2(task_id="two")');
    expect(py).to.contain('three = Param_3(task_id="three")');
    expect(py).to.contain('four = Param_2(task_id="four")');
  });
});
