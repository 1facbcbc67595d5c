/**
 * dags-out/ when the file system fails: every new file is written to a temp file first and renamed only when all
 * are written; any failure removes the temp files, restores what was replaced, and is one DS520 error.
 * Real faults where this machine can produce them (permissions, a file or folder in the way, long names); a full
 * disk and a failing rename are injected through applyOutputs' fs parameter, because no real disk here can be made
 * to fill up or refuse a rename on demand.
 */
import { expect } from 'chai';
import * as fs from 'node:fs';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { applyOutputs, OutputError, planOutputs, type OutputFs } from '../../src/emit/output';
import { GENERATED_MARKER } from '../../src/emit/python/dag';
import { asUnprivileged, hashTree, makeTemp, removeTemp, runCli } from '../helpers/cli';

const pipeline = (id: string, job = 'run') => `version: 1\nid: ${id}\nsteps:\n  - id: run\n    kind: glue.job\n    job: ${job}\n`;

function write(dir: string, rel: string, text: string): void {
  mkdirSync(dirname(join(dir, rel)), { recursive: true });
  writeFileSync(join(dir, rel), text);
}

const tempFiles = (dir: string) => Object.keys(hashTree(dir)).filter((p) => p.endsWith('.tmp'));

describe('compile output when the file system fails', () => {
  let dir = '';
  afterEach(() => {
    if (dir) removeTemp(dir);
    dir = '';
  });

  /** A compiled project with a.py and b.py; then a changes (update) and c appears (create). */
  async function projectWithChanges(): Promise<Record<string, string>> {
    dir = makeTemp('faults');
    write(dir, 'pipelines/a.yaml', pipeline('a'));
    write(dir, 'pipelines/b.yaml', pipeline('b'));
    expect((await runCli(['compile'], dir)).code).to.equal(0);
    write(dir, 'pipelines/a.yaml', pipeline('a', 'changed'));
    write(dir, 'pipelines/c.yaml', pipeline('c'));
    return hashTree(join(dir, 'dags-out'));
  }

  it('a read-only dags-out/ is one error and leaves it as it was (also when the tests run as root)', async () => {
    const before = await projectWithChanges();
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'dags-out'), 0o555);
    try {
      const res = await asUnprivileged(() => runCli(['compile'], dir));
      expect(res.code).to.equal(1);
      expect(res.err).to.equal(
        'dags-out/c.py:1:1: error DS520: cannot write this file (EACCES: permission denied); nothing was changed\n' +
          '1 error, 0 warnings\n' +
          'compile failed: nothing was written to dags-out/\n',
      );
    } finally {
      chmodSync(join(dir, 'dags-out'), 0o755);
    }
    expect(hashTree(join(dir, 'dags-out'))).to.deep.equal(before);
  });

  it('dags-out being a file is one error, and the file is left alone', async () => {
    dir = makeTemp('faults');
    write(dir, 'pipelines/a.yaml', pipeline('a'));
    write(dir, 'dags-out', 'a file\n');
    for (const args of [['compile'], ['compile', '--check']]) {
      const res = await runCli(args, dir);
      expect(res, args.join(' ')).to.deep.equal({
        code: 1,
        out: '',
        err: 'dags-out:1:1: error DS520: this is a file, not a folder; move it away so that the DAGs can be written here\n1 error, 0 warnings\ncompile failed: nothing was written to dags-out/\n',
      });
    }
    expect(readFileSync(join(dir, 'dags-out'), 'utf8')).to.equal('a file\n');
  });

  it('a folder named like a DAG file is in the way (DS504), and nothing is written', async () => {
    dir = makeTemp('faults');
    write(dir, 'pipelines/a.yaml', pipeline('a'));
    write(dir, 'pipelines/b.yaml', pipeline('b'));
    mkdirSync(join(dir, 'dags-out', 'a.py'), { recursive: true });
    const res = await runCli(['compile'], dir);
    expect(res.err).to.equal(
      'dags-out/a.py:1:1: error DS504: this file was not written by dagsmith; move it away or give the pipeline another id\n' +
        '1 error, 0 warnings\n' +
        'compile failed: nothing was written to dags-out/\n',
    );
    expect(readdirSync(join(dir, 'dags-out'))).to.deep.equal(['a.py']);
  });

  it('a full disk while writing the temp files removes them all and changes nothing (injected ENOSPC)', async () => {
    const before = await projectWithChanges();
    const plan = planOutputs(dir, 'dags-out', [
      { path: 'dags-out/a.py', content: `${GENERATED_MARKER} new a\n` },
      { path: 'dags-out/b.py', content: readFileSync(join(dir, 'dags-out', 'b.py'), 'utf8') },
      { path: 'dags-out/c.py', content: `${GENERATED_MARKER} new c\n` },
    ]);
    expect(plan.update.map((f) => f.path)).to.deep.equal(['dags-out/a.py']);
    expect(plan.create.map((f) => f.path)).to.deep.equal(['dags-out/c.py']);
    let writes = 0;
    const full: OutputFs = {
      ...fs,
      writeFileSync: ((path: fs.PathOrFileDescriptor, data: string, opts?: fs.WriteFileOptions) => {
        if (++writes === 2) throw Object.assign(new Error(`ENOSPC: no space left on device, write`), { code: 'ENOSPC' });
        fs.writeFileSync(path, data, opts);
      }) as typeof fs.writeFileSync,
    };
    expect(() => applyOutputs(dir, plan, full)).to.throw(
      OutputError,
      'cannot write this file (ENOSPC: no space left on device); nothing was changed',
    );
    expect(tempFiles(dir)).to.deep.equal([]);
    expect(hashTree(join(dir, 'dags-out'))).to.deep.equal(before);
  });

  it('a rename that fails after another succeeded puts the replaced file back (injected EIO)', async () => {
    const before = await projectWithChanges();
    const plan = planOutputs(dir, 'dags-out', [
      { path: 'dags-out/a.py', content: `${GENERATED_MARKER} new a\n` },
      { path: 'dags-out/c.py', content: `${GENERATED_MARKER} new c\n` },
    ]);
    let renames = 0;
    const failing: OutputFs = {
      ...fs,
      renameSync: (from: fs.PathLike, to: fs.PathLike) => {
        if (++renames === 2) throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
        fs.renameSync(from, to);
      },
    };
    expect(() => applyOutputs(dir, plan, failing)).to.throw(OutputError, 'cannot put this file in place (EIO: i/o error); nothing was changed');
    expect(tempFiles(dir)).to.deep.equal([]);
    expect(hashTree(join(dir, 'dags-out'))).to.deep.equal(before);
  });

  it('a compile removes temp files an interrupted compile left, and only those', async () => {
    dir = makeTemp('faults');
    write(dir, 'pipelines/a.yaml', pipeline('a'));
    write(dir, 'dags-out/.dagsmith-0123456789abcdef.tmp', 'half a DAG');
    write(dir, 'dags-out/.notes.tmp', 'not ours');
    expect((await runCli(['compile'], dir)).code).to.equal(0);
    expect(readdirSync(join(dir, 'dags-out')).sort()).to.deep.equal(['.notes.tmp', 'a.py']);
  });

  it('DAG ids of 245 and 250 characters are written (the temp file name does not grow with the id)', async () => {
    dir = makeTemp('faults');
    const ids = ['x'.repeat(245), 'y'.repeat(250)];
    for (const id of ids) write(dir, `pipelines/${id.slice(0, 8)}.yaml`, pipeline(id));
    const res = await runCli(['compile'], dir);
    expect(res.code, res.err).to.equal(0);
    expect(readdirSync(join(dir, 'dags-out')).sort()).to.deep.equal(ids.map((id) => `${id}.py`));
    expect(existsSync(join(dir, 'dags-out', `${ids[1]}.py`))).to.equal(true);
  });
});
