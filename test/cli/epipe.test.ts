/** `dagsmith schema | head`: a reader that goes away ends the output quietly, and the exit code is the command's. */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
// The CLI with its real process IO (processIO), from the TypeScript sources, as bin/dagsmith.js runs the built ones.
const RUN = "require('./src/cli/main.ts').main(process.argv.slice(1)).then((c) => { process.exitCode = c; })";

/**
 * `dagsmith ARGS | head -1` in a real shell pipe (a pipe's buffer is 64 KiB; the schema is larger, so the write
 * after head has gone fails with EPIPE): dagsmith's exit code and its stderr.
 */
function pipedToHead(args: readonly string[]): { code: number; stderr: string; firstLine: string } {
  const cli = [process.execPath, '--require', 'tsx/cjs', '-e', RUN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  const res = spawnSync('bash', ['-c', `${cli} 2>"$ERR" | head -1; echo "exit=\${PIPESTATUS[0]}"; cat "$ERR" >&2; rm -f "$ERR"`], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ERR: join(tmpdir(), `dagsmith-epipe-${process.pid}.err`) },
  });
  const [firstLine = '', exit = ''] = res.stdout.split('\n');
  return { code: Number(exit.replace('exit=', '')), stderr: res.stderr, firstLine };
}

describe('output to a closed pipe', function () {
  this.timeout(60_000);
  it('dagsmith schema | head -1: no EPIPE stack trace, exit 0', () => {
    const r = pipedToHead(['schema']);
    expect(r.firstLine).to.equal('{');
    expect(r.stderr).to.equal('');
    expect(r.code).to.equal(0);
  });
});
