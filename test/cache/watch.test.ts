/** `compile --watch`: recompiles on change with the cache, printing only what changed. */
import { expect } from 'chai';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { watchCompile } from '../../src/cli/commands/compile';
import { makeTemp, removeTemp } from '../helpers/cli';

describe('compile --watch', function () {
  this.timeout(60_000);
  let dir = '';
  beforeEach(() => {
    dir = makeTemp('watch');
    mkdirSync(join(dir, 'pipelines', 'sql'), { recursive: true });
    const pipeline = (id: string, from: string) =>
      `version: 1\nid: ${id}\nsteps:\n  - id: q\n    kind: athena.query\n    database: db\n    outputLocation: "s3://results-bucket/"\n    ${from}\n`;
    writeFileSync(join(dir, 'pipelines', 'a.yaml'), pipeline('a', 'queryFile: sql/a.sql'));
    writeFileSync(join(dir, 'pipelines', 'b.yaml'), pipeline('b', 'query: SELECT 2'));
    writeFileSync(join(dir, 'pipelines', 'sql', 'a.sql'), 'SELECT 1\n');
  });
  afterEach(() => removeTemp(dir));

  it('recompiles what an edit touches and reports it; an error is reported and the next fix recovers', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const ac = new AbortController();
    const waitFor = async (pred: () => boolean, what: string) => {
      const deadline = Date.now() + 20_000;
      while (!pred()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; out: ${out.join(' | ')}; err: ${err.join(' | ')}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const done = watchCompile({ cwd: dir }, { out: (s) => out.push(s), err: (s) => err.push(s) }, 'stylish', ac.signal);
    await waitFor(() => out.some((l) => l.startsWith('watching')), 'the first compile');
    expect(out[0], err.join('\n')).to.equal('compiled 2 pipelines for Airflow 2.10.3 into dags-out/: 2 created, 0 updated, 0 unchanged, 0 removed');

    out.length = 0;
    writeFileSync(join(dir, 'pipelines', 'sql', 'a.sql'), 'SELECT 10\n');
    await waitFor(() => out.length > 0, 'the recompile after an SQL edit');
    expect(out.map((l) => l.replace(/ \(\d+ ms\)$/, ''))).to.deep.equal(['updated dags-out/a.py']);

    out.length = 0;
    writeFileSync(join(dir, 'pipelines', 'b.yaml'), 'version: 1\nid: b\nsteps: 3\n');
    await waitFor(() => err.some((l) => l.includes('DS2')), 'the error of a broken edit');
    expect(out).to.deep.equal([]);

    writeFileSync(
      join(dir, 'pipelines', 'b.yaml'),
      'version: 1\nid: b\nsteps:\n  - id: q\n    kind: athena.query\n    database: db\n    outputLocation: "s3://results-bucket/"\n    query: SELECT 3\n',
    );
    await waitFor(() => out.length > 0, 'the recompile after the fix');
    expect(out.map((l) => l.replace(/ \(\d+ ms\)$/, ''))).to.deep.equal(['updated dags-out/b.py']);
    ac.abort();
    expect(await done).to.equal(0);
  });
});
