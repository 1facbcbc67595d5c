/**
 * What `compile` does to dags-out/: writes only what changed, removes only files it generated, writes nothing at all
 * when the input has errors or with --check, and produces the same bytes wherever and whenever it runs.
 */
import { expect } from 'chai';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { GENERATED_MARKER } from '../../src/emit/python/dag';
import { hashTree, makeTemp, readTree, removeTemp, runCli } from '../helpers/cli';

const ROOT = join(__dirname, '..', '..');

const pipeline = (id: string, job = `${id}-job`) => `version: 1\nid: ${id}\nsteps:\n  - id: run\n    kind: glue.job\n    job: ${job}\n`;

const CONFIG = `environments:\n  dev:\n    mwaa: { name: ml-dev }\n  prod:\n    mwaa: { name: ml-prod }\n    airflow: "3.0.6"\n`;

function write(dir: string, rel: string, text: string): void {
  mkdirSync(dirname(join(dir, rel)), { recursive: true });
  writeFileSync(join(dir, rel), text);
}

function read(dir: string, rel: string): string {
  return readFileSync(join(dir, rel), 'utf8');
}

/** A project with pipelines a and b, compiled once. */
async function compiledProject(): Promise<string> {
  const dir = makeTemp('output');
  write(dir, 'pipelines/a.yaml', pipeline('a'));
  write(dir, 'pipelines/b.yaml', pipeline('b'));
  const res = await runCli(['compile'], dir);
  expect(res.code, res.err).to.equal(0);
  return dir;
}

const HAND_WRITTEN = 'from airflow import DAG\n# written by a person; dagsmith must never touch it\n';

describe('compile output (dags-out/)', () => {
  let dir = '';
  afterEach(() => {
    if (dir) removeTemp(dir);
    dir = '';
  });

  it('a failed compile leaves dags-out/ byte-identical, even when other files would change', async () => {
    dir = await compiledProject();
    write(dir, 'dags-out/handwritten.py', HAND_WRITTEN);
    write(dir, 'pipelines/a.yaml', pipeline('a', 'changed-job')); // would update a.py
    write(dir, 'pipelines/c.yaml', pipeline('c')); // would create c.py
    write(dir, 'pipelines/b.yaml', pipeline('b').replace('glue.job', 'glue.jbo')); // the error
    const before = hashTree(join(dir, 'dags-out'));
    const res = await runCli(['compile'], dir);
    expect(res.code).to.equal(1);
    expect(res.err).to.contain("pipelines/b.yaml:5:11: error DS204: unknown step kind 'glue.jbo'");
    expect(res.err.endsWith('compile failed: nothing was written to dags-out/\n')).to.equal(true);
    expect(hashTree(join(dir, 'dags-out'))).to.deep.equal(before);
    expect(existsSync(join(dir, 'dags-out', 'c.py'))).to.equal(false);
  });

  it('a second compile rewrites nothing (mtimes unchanged, no temp files left)', async () => {
    dir = await compiledProject();
    const old = new Date('2001-02-03T04:05:06Z');
    for (const f of ['a.py', 'b.py']) utimesSync(join(dir, 'dags-out', f), old, old);
    const res = await runCli(['compile'], dir);
    expect(res.code).to.equal(0);
    expect(res.out).to.equal('compiled 2 pipelines for Airflow 2.10.3 into dags-out/: 0 created, 0 updated, 2 unchanged, 0 removed\n');
    for (const f of ['a.py', 'b.py']) expect(statSync(join(dir, 'dags-out', f)).mtime.getTime(), f).to.equal(old.getTime());
    expect([...readTree(join(dir, 'dags-out')).keys()]).to.deep.equal(['a.py', 'b.py']);
  });

  it('rewrites only the file whose pipeline changed', async () => {
    dir = await compiledProject();
    const old = new Date('2001-02-03T04:05:06Z');
    for (const f of ['a.py', 'b.py']) utimesSync(join(dir, 'dags-out', f), old, old);
    write(dir, 'pipelines/a.yaml', pipeline('a', 'changed-job'));
    const res = await runCli(['compile'], dir);
    expect(res.out).to.equal('compiled 2 pipelines for Airflow 2.10.3 into dags-out/: 0 created, 1 updated, 1 unchanged, 0 removed\n');
    expect(read(dir, 'dags-out/a.py')).to.contain('job_name="changed-job"');
    expect(statSync(join(dir, 'dags-out', 'a.py')).mtime.getTime()).to.not.equal(old.getTime());
    expect(statSync(join(dir, 'dags-out', 'b.py')).mtime.getTime()).to.equal(old.getTime());
  });

  it('compile --check exits 1 listing missing, stale and orphaned files, and writes nothing', async () => {
    dir = await compiledProject();
    write(dir, 'pipelines/a.yaml', pipeline('a', 'changed-job'));
    write(dir, 'pipelines/c.yaml', pipeline('c'));
    rmSync(join(dir, 'pipelines', 'b.yaml'));
    write(dir, 'dags-out/handwritten.py', HAND_WRITTEN);
    const before = hashTree(dir);
    const res = await runCli(['compile', '--check'], dir);
    expect(res.code).to.equal(1);
    expect(res.out).to.equal('');
    expect(res.err).to.equal(
      [
        'missing: dags-out/c.py',
        'stale: dags-out/a.py',
        'orphaned: dags-out/b.py (its pipeline is gone)',
        "dags-out/ is out of date: run 'dagsmith compile'",
        '',
      ].join('\n'),
    );
    expect(hashTree(dir)).to.deep.equal(before);

    const fix = await runCli(['compile'], dir);
    expect(fix.out).to.equal('compiled 2 pipelines for Airflow 2.10.3 into dags-out/: 1 created, 1 updated, 0 unchanged, 1 removed\n');
    const clean = await runCli(['compile', '--check'], dir);
    expect(clean).to.deep.equal({ code: 0, out: 'dags-out/ is up to date (2 pipelines, Airflow 2.10.3)\n', err: '' });
  });

  it('compile --check with input errors reports them, exits 1 and writes nothing', async () => {
    dir = await compiledProject();
    write(dir, 'pipelines/a.yaml', pipeline('a').replace('version: 1', 'version: 2'));
    const before = hashTree(dir);
    const res = await runCli(['compile', '--check'], dir);
    expect(res.code).to.equal(1);
    expect(res.err).to.contain('pipelines/a.yaml:1:10: error DS208:');
    expect(hashTree(dir)).to.deep.equal(before);
  });

  it('compile --check --env names the environment in its advice', async () => {
    dir = await compiledProject();
    write(dir, 'dagsmith.config.yaml', CONFIG);
    const res = await runCli(['compile', '--check', '--env', 'dev'], dir);
    expect(res.code).to.equal(1);
    expect(res.err).to.equal(
      "missing: dags-out/dev/a.py\nmissing: dags-out/dev/b.py\ndags-out/dev/ is out of date: run 'dagsmith compile --env dev'\n",
    );
    expect(existsSync(join(dir, 'dags-out', 'dev'))).to.equal(false);
  });

  it('removes an orphaned generated file, but never a file it did not generate', async () => {
    dir = await compiledProject();
    rmSync(join(dir, 'pipelines', 'b.yaml'));
    const bystanders: Record<string, string> = {
      'dags-out/handwritten.py': HAND_WRITTEN,
      'dags-out/mentions_marker.py': `"""See the note."""\n${GENERATED_MARKER} is quoted here, not at the start.\n`,
      'dags-out/notes.txt': `${GENERATED_MARKER} but not a .py file\n`,
      'dags-out/b.py.bak': read(dir, 'dags-out/b.py'),
      'dags-out/team/old_generated.py': read(dir, 'dags-out/b.py'),
    };
    for (const [rel, text] of Object.entries(bystanders)) write(dir, rel, text);
    const res = await runCli(['compile'], dir);
    expect(res.code).to.equal(0);
    expect(res.out).to.equal('compiled 1 pipeline for Airflow 2.10.3 into dags-out/: 0 created, 0 updated, 1 unchanged, 1 removed\n');
    expect(existsSync(join(dir, 'dags-out', 'b.py'))).to.equal(false);
    for (const [rel, text] of Object.entries(bystanders)) expect(read(dir, rel), rel).to.equal(text);
  });

  it('never overwrites a hand-written .py whose name a pipeline would use', async () => {
    dir = makeTemp('output');
    write(dir, 'pipelines/a.yaml', pipeline('a'));
    write(dir, 'dags-out/a.py', HAND_WRITTEN);
    const res = await runCli(['compile'], dir);
    expect(read(dir, 'dags-out/a.py'), 'the hand-written file').to.equal(HAND_WRITTEN);
    expect(res.code, 'a refused write is an error').to.equal(1);
    expect(res.err).to.equal(
      'dags-out/a.py:1:1: error DS504: this file was not written by dagsmith; move it away or give the pipeline another id\n' +
        '1 error, 0 warnings\ncompile failed: nothing was written to dags-out/\n',
    );
  });

  it('a pipelines folder that does not exist is an error, not "0 pipelines" that deletes every DAG', async () => {
    dir = await compiledProject();
    write(dir, 'dagsmith.config.yaml', 'pipelines: pipelnes\n');
    const before = hashTree(dir);
    const res = await runCli(['compile'], dir);
    expect(hashTree(dir), 'dags-out/ untouched').to.deep.equal(before);
    expect(res.code).to.not.equal(0);
  });

  it('keeps each environment in its own folder and leaves the others alone', async () => {
    dir = await compiledProject();
    write(dir, 'dagsmith.config.yaml', CONFIG);
    expect((await runCli(['compile', '--env', 'dev'], dir)).code).to.equal(0);
    expect((await runCli(['compile', '--env', 'prod'], dir)).code).to.equal(0);
    expect(read(dir, 'dags-out/prod/a.py')).to.contain('# target: Apache Airflow 3.0.6,');
    expect(read(dir, 'dags-out/dev/a.py')).to.contain('# target: Apache Airflow 2.10.3,');
    rmSync(join(dir, 'pipelines', 'b.yaml'));
    const before = hashTree(dir);
    const res = await runCli(['compile', '--env', 'dev'], dir);
    expect(res.out).to.equal('compiled 1 pipeline for Airflow 2.10.3 into dags-out/dev/: 0 created, 0 updated, 1 unchanged, 1 removed\n');
    const after = hashTree(dir);
    const changed = Object.keys({ ...before, ...after }).filter((p) => before[p] !== after[p]);
    expect(changed).to.deep.equal(['dags-out/dev/b.py']);
  });

  it('is deterministic: two projects in different folders, time zones and locales give the same bytes', async () => {
    const sources: Record<string, string> = {
      'pipelines/a.yaml': pipeline('a'),
      'pipelines/sched.yaml':
        'version: 1\nid: sched\nschedule: "0 3 * * *"\nstartDate: "2026-03-29T02:30"\ntimezone: Europe/Berlin\n' +
        'params: { z: { default: 1 }, a: { default: 2 } }\nsteps:\n  - { id: b, kind: glue.job, job: b, dependsOn: [a] }\n' +
        '  - { id: a, kind: glue.job, job: a }\n',
    };
    const one = makeTemp('determinism-one');
    const two = makeTemp('determinism-two-with-a-longer-name');
    try {
      for (const d of [one, two]) for (const [rel, text] of Object.entries(sources)) write(d, rel, text);
      const r1 = await runCli(['compile'], one, { TZ: 'Pacific/Kiritimati', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' });
      const r2 = await runCli(['compile'], two, { TZ: 'America/Los_Angeles', LANG: 'C', LC_ALL: 'C' });
      expect(r1.code).to.equal(0);
      expect(r2.code).to.equal(0);
      const t1 = readTree(join(one, 'dags-out'));
      const t2 = readTree(join(two, 'dags-out'));
      expect([...t1.keys()]).to.deep.equal(['a.py', 'sched.py']);
      expect([...t2.keys()]).to.deep.equal([...t1.keys()]);
      for (const [k, v] of t1) expect(t2.get(k)!.equals(v), k).to.equal(true);
      // Nothing in the file depends on where or when it was compiled.
      const text = t1.get('sched.py')!.toString('utf8');
      expect(text).to.not.contain(one);
      expect(text).to.not.match(/20\d\d-\d\d-\d\dT\d\d:\d\d|compiled at|generated at/i);
    } finally {
      removeTemp(one);
      removeTemp(two);
    }
  });

  it("the repository's committed dags-out/ is what compile would write (compile --check)", async () => {
    const before = hashTree(join(ROOT, 'dags-out'));
    const res = await runCli(['compile', '--check'], ROOT);
    expect(res.err).to.equal('');
    expect(res.code).to.equal(0);
    expect(hashTree(join(ROOT, 'dags-out'))).to.deep.equal(before);
  });
});
