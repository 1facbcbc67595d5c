/**
 * What a compile does with the file system around the project: it never removes a DAG because it could not read
 * its source, never reads or runs files from outside the project, and writes exactly where it says it writes.
 * These cases need real links, permissions and FIFOs, so they are built here rather than as golden fixtures.
 */
import { expect } from 'chai';
import { chmodSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { asUnprivileged, hashTree, makeTemp, removeTemp, runCli } from '../helpers/cli';

const pipeline = (id: string, step = '  - id: run\n    kind: glue.job\n    job: run\n') => `version: 1\nid: ${id}\nsteps:\n${step}`;

function write(dir: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
}

describe('compile and the file system', () => {
  let dir = '';
  let outside = '';
  afterEach(() => {
    if (dir) removeTemp(dir);
    if (outside) removeTemp(outside);
    dir = outside = '';
  });

  /** A project whose earlier compile wrote a.py and team_b.py; returns the tree after that compile. */
  async function compiledProject(): Promise<Record<string, string>> {
    dir = makeTemp('fs');
    write(dir, { 'pipelines/a.yaml': pipeline('a'), 'pipelines/team/b.yaml': pipeline('team_b') });
    const first = await runCli(['compile'], dir);
    expect(first.code, first.err).to.equal(0);
    expect(existsSync(join(dir, 'dags-out', 'team_b.py'))).to.equal(true);
    return hashTree(join(dir, 'dags-out'));
  }

  it("`pipelines:` given as an absolute path to the project's own folder compiles the same pipelines", async () => {
    const out = await compiledProject();
    write(dir, { 'dagsmith.config.yaml': `pipelines: ${join(dir, 'pipelines')}\n` });
    const res = await runCli(['compile'], dir);
    expect(res).to.deep.equal({
      code: 0,
      out: 'compiled 2 pipelines for Airflow 2.10.3 into dags-out/: 0 created, 0 updated, 2 unchanged, 0 removed\n',
      err: '',
    });
    expect(hashTree(join(dir, 'dags-out'))).to.deep.equal(out);
  });

  it('an unreadable subfolder of pipelines/ is an error, and its DAGs stay (also when the tests run as root)', async () => {
    const out = await compiledProject();
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'pipelines', 'team'), 0);
    try {
      const res = await asUnprivileged(() => runCli(['compile'], dir));
      expect(res).to.deep.equal({
        code: 1,
        out: '',
        err:
          'pipelines/team:1:1: error DS140: cannot read this folder (EACCES: permission denied); the pipelines in it cannot be compiled\n' +
          '1 error, 0 warnings\ncompile failed: nothing was written to dags-out/\n',
      });
    } finally {
      chmodSync(join(dir, 'pipelines', 'team'), 0o755);
    }
    expect(hashTree(join(dir, 'dags-out'))).to.deep.equal(out);
  });

  it('a symlinked subfolder whose target is missing is an error, and its DAGs stay', async () => {
    const out = await compiledProject();
    removeTemp(join(dir, 'pipelines', 'team'));
    mkdirSync(join(dir, 'shared'));
    symlinkSync(join('..', 'shared', 'team'), join(dir, 'pipelines', 'team'));
    const res = await runCli(['compile'], dir);
    expect(res.code).to.equal(1);
    expect(res.err).to.equal(
      'pipelines/team:1:1: error DS141: symbolic link that dagsmith cannot follow: its target does not exist\n' +
        '1 error, 0 warnings\ncompile failed: nothing was written to dags-out/\n',
    );
    expect(hashTree(join(dir, 'dags-out'))).to.deep.equal(out);
  });

  it('a sqlFile that is a symbolic link to /proc/self/environ is not read (real paths are checked)', async () => {
    dir = makeTemp('fs');
    const step = '  - id: q\n    kind: athena.query\n    queryFile: env.sql\n    database: db\n    outputLocation: s3://b/out/\n';
    write(dir, { 'pipelines/a.yaml': pipeline('a', step) });
    symlinkSync('/proc/self/environ', join(dir, 'pipelines', 'env.sql'));
    const before = hashTree(dir);
    const res = await runCli(['compile'], dir);
    expect(res.code).to.equal(1);
    expect(res.err).to.match(/^pipelines\/a\.yaml:\d+:\d+: error DS313: file 'env\.sql' not found in the project/);
    expect(hashTree(dir)).to.deep.equal(before);
  });

  it('a folder link out of the project is not walked, and a .ts file behind it never runs', async () => {
    dir = makeTemp('fs');
    outside = makeTemp('fs-outside');
    const marker = join(outside, 'RAN');
    write(outside, { 'evil.ts': `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'x');\nexport default {};\n` });
    write(dir, { 'pipelines/a.yaml': pipeline('a') });
    symlinkSync(outside, join(dir, 'pipelines', 'elsewhere'));
    symlinkSync('/usr', join(dir, 'pipelines', 'usr'));
    const res = await runCli(['validate'], dir);
    expect(res.code).to.equal(1);
    expect(res.err).to.equal(
      'pipelines/elsewhere:1:1: error DS142: symbolic link to a folder outside the project; dagsmith does not follow it\n' +
        'pipelines/usr:1:1: error DS142: symbolic link to a folder outside the project; dagsmith does not follow it\n' +
        '2 errors, 0 warnings\n',
    );
    expect(existsSync(marker), 'the TypeScript file outside the project ran').to.equal(false);
  });

  it('an absolute outDir inside the project is printed and written as the same folder', async () => {
    dir = makeTemp('fs');
    write(dir, { 'pipelines/a.yaml': pipeline('a'), 'dagsmith.config.yaml': `outDir: ${join(dir, 'build', 'dags')}\n` });
    const res = await runCli(['compile'], dir);
    expect(res.out).to.equal('compiled 1 pipeline for Airflow 2.10.3 into build/dags/: 1 created, 0 updated, 0 unchanged, 0 removed\n');
    expect(readFileSync(join(dir, 'build', 'dags', 'a.py'), 'utf8')).to.contain('dag_id="a"');
  });

  it('an outDir that is a symbolic link out of the project is refused before anything is written (DS143)', async () => {
    dir = makeTemp('fs');
    outside = makeTemp('fs-outside');
    write(dir, { 'pipelines/a.yaml': pipeline('a'), 'dagsmith.config.yaml': 'outDir: out/dags\n' });
    symlinkSync(outside, join(dir, 'out'));
    const res = await runCli(['compile'], dir);
    expect(res).to.deep.equal({
      code: 2,
      out: '',
      err:
        "dagsmith.config.yaml:1:9: error DS143: outDir 'out/dags' leads outside the project (symbolic links resolved); dagsmith reads and writes only inside it\n" +
        'dagsmith.config.yaml has errors\n',
    });
    expect(hashTree(outside)).to.deep.equal({});
  });

  it('--env with an inherited object key (constructor, __proto__, toString) is an unknown environment', async () => {
    dir = makeTemp('fs');
    write(dir, { 'pipelines/a.yaml': pipeline('a'), 'dagsmith.config.yaml': 'environments:\n  dev: {}\n' });
    for (const name of ['constructor', '__proto__', 'toString']) {
      const res = await runCli(['compile', '--env', name], dir);
      expect(res, name).to.deep.equal({ code: 2, out: '', err: `error: unknown environment '${name}'; dagsmith.config.yaml defines: dev\n` });
    }
    expect(existsSync(join(dir, 'dags-out'))).to.equal(false);
  });
});
