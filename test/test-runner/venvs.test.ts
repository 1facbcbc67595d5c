/**
 * The virtualenvs of `dagsmith test` (src/test-runner/venvs.ts), with the real base Python: an environment of empty
 * pins is built and reused; an install that is stopped ends with every process it started (`python -m venv` runs
 * ensurepip as a child of its own), so nothing writes into the cache after dagsmith has moved on.
 */
import { expect } from 'chai';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureVenv, venvSpec, type VenvProgress } from '../../src/test-runner/venvs';

/** The command lines of this machine's processes that mention `text`. */
function processesMentioning(text: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmdline = readFileSync(join('/proc', pid, 'cmdline'), 'utf8')
        .split('\0')
        .join(' ');
      if (cmdline.includes(text)) found.push(`${pid}: ${cmdline}`);
    } catch {
      // the process ended meanwhile
    }
  }
  return found;
}

describe('test runner virtualenvs, with the base Python @python', function () {
  this.timeout(180_000);
  let tmp: string;
  let pins: string;
  const saved = process.env.DAGSMITH_CACHE_DIR;

  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'dagsmith-venvs-'));
    pins = join(tmp, 'requirements');
    mkdirSync(join(pins, 'empty'), { recursive: true });
    writeFileSync(join(pins, 'empty', 'requirements.txt'), '');
    writeFileSync(join(pins, 'empty', 'constraints.txt'), '');
    process.env.DAGSMITH_CACHE_DIR = join(tmp, 'cache');
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.DAGSMITH_CACHE_DIR;
    else process.env.DAGSMITH_CACHE_DIR = saved;
    rmSync(tmp, { recursive: true, force: true });
  });

  it('builds an environment once, with its marker, and reuses it', async () => {
    const phases: string[] = [];
    const first = await ensureVenv('empty', (p) => phases.push(p.phase), pins);
    expect(first.action).to.equal('installed');
    expect(existsSync(first.python)).to.equal(true);
    expect(phases[0]).to.equal('creating');
    expect(phases.at(-1)).to.equal('done');
    const again = await ensureVenv('empty', undefined, pins);
    expect(again.action).to.equal('reused');
    expect(again.dir).to.equal(first.dir);
    expect(existsSync(`${first.dir}.lock`)).to.equal(false);
  });

  it('a stopped install ends only when every process it started has ended (ensurepip included), and leaves no marker', async () => {
    const spec = venvSpec('empty', pins);
    const ac = new AbortController();
    let creating = false;
    const pending = ensureVenv('empty', (p: VenvProgress) => (creating ||= p.phase === 'creating'), pins, ac.signal);
    // Stop while ensurepip (a child of `python -m venv`, in its own pipe) is installing pip into the environment.
    const until = Date.now() + 60_000;
    while (!processesMentioning(spec.dir).some((l) => l.includes('ensurepip')) && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(creating, 'the install started').to.equal(true);
    expect(
      processesMentioning(spec.dir).some((l) => l.includes('ensurepip')),
      'ensurepip ran',
    ).to.equal(true);
    ac.abort();
    let error: Error | undefined;
    try {
      await pending;
    } catch (err) {
      error = err as Error;
    }
    expect(error?.message).to.match(/^installing the empty environment failed: .*exited with SIGTERM/);
    expect(processesMentioning(spec.dir), 'processes still working in the environment').to.deep.equal([]);
    expect(existsSync(join(spec.dir, '.dagsmith-complete'))).to.equal(false);
    expect(existsSync(`${spec.dir}.lock`)).to.equal(false);
    // Nothing writes there any more: the folder can go at once (the race a golden case of `dagsmith test` hit).
    rmSync(spec.dir, { recursive: true, force: true });
    expect(existsSync(spec.dir)).to.equal(false);
  });

  it('an install stopped before it starts runs nothing', async () => {
    const spec = venvSpec('empty', pins);
    const ac = new AbortController();
    ac.abort();
    let error: Error | undefined;
    try {
      await ensureVenv('empty', undefined, pins, ac.signal);
    } catch (err) {
      error = err as Error;
    }
    expect(error?.message).to.match(/the install was stopped/);
    expect(existsSync(join(spec.dir, 'bin'))).to.equal(false);
  });
});
