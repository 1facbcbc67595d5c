/**
 * Compiling on several threads (src/compile/workers.ts) gives exactly what one thread gives: the same DAG files, the
 * same diagnostics in the same order, the same exit code. Runs the built CLI (dist/), as worker threads need it.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeDagsmithProject } from '../../scripts/bench/generate';
import { fingerprintFile, hashFile } from '../../src/cache/compile-cache';
import { hashTree, makeTemp, removeTemp, runCli } from '../helpers/cli';

const BIN = join(__dirname, '..', '..', 'bin', 'dagsmith.js');

function dagsmith(cwd: string, args: readonly string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('compiling on several threads', function () {
  this.timeout(180_000);
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach(removeTemp));

  function twins(edit?: (dir: string) => void): [string, string] {
    const one = makeTemp('threads-1');
    writeDagsmithProject(one, 60);
    edit?.(one);
    const many = makeTemp('threads-n');
    cpSync(one, many, { recursive: true });
    dirs.push(one, many);
    return [one, many];
  }

  it('writes byte-identical DAG files with 1 and with 3 threads', () => {
    const [one, many] = twins();
    const a = dagsmith(one, ['compile', '--no-cache', '--jobs', '1']);
    const b = dagsmith(many, ['compile', '--no-cache', '--jobs', '3']);
    expect([a.code, b.code]).to.deep.equal([0, 0]);
    expect(b.out).to.equal(a.out);
    expect(a.out).to.contain('compiled 60 pipelines');
    expect(hashTree(join(many, 'dags-out'))).to.deep.equal(hashTree(join(one, 'dags-out')));
  });

  it('reports the same diagnostics, in the same order, with the same exit code, with the cache on or off', () => {
    const [one, many] = twins((dir) => {
      // Errors spread over the files, so that every thread finds some: a schema error, a bad reference, a duplicate id.
      writeFileSync(join(dir, 'pipelines', 'aa_broken.yaml'), 'version: 1\nid: aa_broken\nsteps:\n  - id: a\n    kind: glue.job\n    jbo: x\n');
      writeFileSync(
        join(dir, 'pipelines', 'mm_dangling.yaml'),
        'version: 1\nid: mm_dangling\nsteps:\n  - id: a\n    kind: glue.job\n    job: j\n    dependsOn: [nope]\n',
      );
      writeFileSync(join(dir, 'pipelines', 'zz_dupe.yaml'), 'version: 1\nid: ingest_00007\nsteps:\n  - id: a\n    kind: glue.job\n    job: j\n');
    });
    for (const cache of [['--no-cache'], []]) {
      const a = dagsmith(one, ['compile', ...cache, '--jobs', '1']);
      const b = dagsmith(many, ['compile', ...cache, '--jobs', '3']);
      expect(a.code).to.equal(1);
      expect(b.code).to.equal(1);
      expect(b.err).to.equal(a.err);
      expect(a.err).to.match(/aa_broken\.yaml:6:5: error DS2\d\d/);
      expect(a.err).to.contain('mm_dangling.yaml');
      expect(a.err).to.match(/zz_dupe\.yaml:2:5: error DS311: pipeline id 'ingest_00007' is already used by pipelines\/ingest_00007\.yaml:2/);
    }
  });

  it('lint on two threads sees every file, as lint in process does', async () => {
    const dir = makeTemp('threads-lint');
    dirs.push(dir);
    // Enough files for a compile to pick two threads on two cores (150 per thread).
    writeDagsmithProject(dir, 320);
    const spawned = dagsmith(dir, ['lint', '--format', 'json', '--jobs', '2']);
    const inProcess = await runCli(['lint', '--format', 'json'], dir);
    expect(spawned.code).to.equal(inProcess.code);
    expect(spawned.out).to.equal(inProcess.out);
    const files = new Set((JSON.parse(inProcess.out) as { file: string }[]).map((d) => d.file));
    expect(files.size, 'findings in every file (DS428: no failure notification, DS429: no maxActiveRuns)').to.equal(320);
  });

  it('hashes only regular files of bounded size: a FIFO (which never ends) is unreadable, not a hang', () => {
    const dir = makeTemp('fifo');
    dirs.push(dir);
    const fifo = join(dir, 'q.sql');
    expect(spawnSync('mkfifo', [fifo]).status).to.equal(0);
    expect(hashFile(fifo)).to.equal(null);
    expect(fingerprintFile(fifo, Date.now() + 5000)).to.deep.equal({ sha256: null, sig: null });
    const big = join(dir, 'big.sql');
    writeFileSync(big, 'x'.repeat(2048));
    expect(hashFile(big, 1024)).to.equal('larger-than-1024-bytes');
  });

  it('a file written after the compile started is compiled again next time, whatever its times say', () => {
    const dir = makeTemp('fingerprint');
    dirs.push(dir);
    const path = join(dir, 'q.sql');
    writeFileSync(path, 'SELECT 1\n');
    const startedBefore = Date.now() - 60_000;
    // Read before the write (the hash of what was compiled is known): that hash is kept, and no signature.
    expect(fingerprintFile(path, startedBefore, 'hash-of-what-was-read')).to.deep.equal({ sha256: 'hash-of-what-was-read', sig: null });
    // Not known: the file cannot be trusted to be what was compiled.
    expect(fingerprintFile(path, startedBefore).sha256).to.equal('changed-during-compile');
    // Written before the compile started: hashed; recent, so no signature yet.
    const later = fingerprintFile(path, Date.now() + 1000);
    expect(later.sha256).to.match(/^[0-9a-f]{64}$/);
    expect(later.sig).to.equal(null);
  });
});
