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
});
