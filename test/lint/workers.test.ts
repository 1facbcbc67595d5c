/**
 * Lint on several threads (the rules over one pipeline run where it was built, src/use-cases/lint-unit.ts; the
 * project rules, validation's warnings and suppressions on the calling thread) reports exactly what lint on one
 * thread reports: every format byte for byte, the same exit code. Runs the built CLI (dist/), as worker threads need
 * it, on the lint corpus (TypeScript and YAML pipelines, SQL files, suppressions) grown by generated pipelines,
 * pipelines that collide across the project (project rules), a broken file and a duplicate id.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dagsmithYaml, describePipeline } from '../../scripts/bench/generate';
import { makeTemp, removeTemp, runCli } from '../helpers/cli';

const BIN = join(__dirname, '..', '..', 'bin', 'dagsmith.js');
const CORPUS = join(__dirname, '..', 'lint-corpus');

function dagsmith(cwd: string, args: readonly string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The corpus, 60 generated pipelines, and files that exercise the project part. */
function project(): string {
  const dir = makeTemp('lint-threads');
  cpSync(CORPUS, dir, { recursive: true, filter: (src) => !src.endsWith('.test.ts') && !src.endsWith('measure.ts') });
  const config = join(dir, 'dagsmith.config.yaml');
  writeFileSync(config, readFileSync(config, 'utf8').replace('vars:\n  account:', 'vars:\n  archiveBucket: acme-archive-bench\n  account:'));
  for (let i = 0; i < 60; i++) {
    const p = describePipeline(i);
    writeFileSync(join(dir, 'pipelines', `${p.id}.yaml`), dagsmithYaml(p));
  }
  // Two more pipelines writing what ingest_00005 writes and starting its Glue jobs (DS440, DS442); one of them
  // suppresses its first DS440 (a project rule's finding, suppressed on the calling thread), and carries a
  // suppression nothing uses.
  const twin = dagsmithYaml(describePipeline(5));
  writeFileSync(join(dir, 'pipelines', 'twin_a.yaml'), twin.replace('id: ingest_00005', 'id: twin_a'));
  const lines = twin.replace('id: ingest_00005', 'id: twin_b').split('\n');
  const to = lines.findIndex((l) => l.startsWith('    to: '));
  lines.splice(to, 0, '    # dagsmith-disable-next-line DS440 -- the archive copy is shared on purpose');
  lines.splice(3, 0, '# dagsmith-disable-next-line DS403 -- nothing is reported here');
  writeFileSync(join(dir, 'pipelines', 'twin_b.yaml'), lines.join('\n'));
  writeFileSync(join(dir, 'pipelines', 'aa_broken.yaml'), 'version: 1\nid: aa_broken\nsteps:\n  - id: a\n    kind: glue.job\n    jbo: x\n');
  writeFileSync(join(dir, 'pipelines', 'zz_dupe.yaml'), 'version: 1\nid: ingest_00007\nsteps:\n  - id: a\n    kind: glue.job\n    job: j\n');
  return dir;
}

describe('lint on several threads', function () {
  this.timeout(300_000);
  let dir: string;
  const runs = new Map<string, ReturnType<typeof dagsmith>>();
  /** `dagsmith lint ARGS`, each distinct command once. */
  const lint = (...args: string[]) => {
    const key = args.join(' ');
    if (!runs.has(key)) runs.set(key, dagsmith(dir, ['lint', ...args]));
    return runs.get(key)!;
  };
  before(() => (dir = project()));
  after(() => removeTemp(dir));

  for (const format of ['stylish', 'json', 'sarif', 'github']) {
    it(`reports, in --format ${format}, byte for byte what lint on one thread reports`, () => {
      const one = lint('--format', format, '--jobs', '1');
      const many = lint('--format', format, '--jobs', '3');
      expect(one.err).to.equal('');
      expect(many.code).to.equal(one.code);
      expect(many.err).to.equal(one.err);
      expect(many.out).to.equal(one.out);
      expect(one.code).to.equal(1);
    });
  }

  it('finds what only the project part can find: collisions across pipelines, suppressions of them, unused ones', () => {
    const found = JSON.parse(lint('--format', 'json', '--jobs', '3').out) as { file: string; code: string; line: number }[];
    const codes = (file: string) => new Set(found.filter((d) => d.file === file).map((d) => d.code));
    expect([...codes('pipelines/twin_a.yaml')]).to.include.members(['DS440', 'DS442']);
    expect([...codes('pipelines/twin_b.yaml')]).to.include.members(['DS440', 'DS442', 'DS400']);
    expect(codes('pipelines/aa_broken.yaml').size).to.be.greaterThan(0);
    expect([...codes('pipelines/zz_dupe.yaml')]).to.include('DS311');
    // Findings in every generated file, in the corpus's TypeScript pipeline and in its SQL files.
    expect(new Set(found.map((d) => d.file)).size).to.be.greaterThan(60);
    expect(found.some((d) => d.file.endsWith('.ts'))).to.equal(true);
    expect(found.some((d) => d.file.endsWith('.sql'))).to.equal(true);
    // The suppressed DS440 is in SARIF as a suppressed result, with its reason.
    expect(lint('--format', 'sarif', '--jobs', '3').out).to.contain('the archive copy is shared on purpose');
  });

  it('with --env, and in process (one thread, from the sources), reports the same', async () => {
    const one = lint('--format', 'json', '--env', 'prod', '--jobs', '1');
    const many = lint('--format', 'json', '--env', 'prod', '--jobs', '2');
    expect(many.out).to.equal(one.out);
    expect(many.code).to.equal(one.code);
    const inProcess = await runCli(['lint', '--format', 'json', '--env', 'prod'], dir);
    expect(inProcess.out).to.equal(many.out);
    expect(inProcess.code).to.equal(many.code);
  });
});
