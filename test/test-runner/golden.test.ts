/**
 * The golden cases of `dagsmith test` (test/fixtures-test/<case>/): a project with test files, and the expected
 * output in `expected.txt`. `case.json` says how a case runs:
 *  - `"mode": "check"`: the use case with `run: false` (load, compile, check; nothing runs), printed the way the CLI
 *    prints its diagnostics and the tests that would not run;
 *  - `"mode": "cli"`: the CLI itself (`args`, `env`), its exit code, stdout and stderr, with times and this
 *    machine's paths replaced. Cases with `"python": true` start Python (Airflow, moto, or a virtualenv) and run in
 *    the @airflow suite.
 * `UPDATE_GOLDEN=1` rewrites the expectations (review the diff).
 */
import { expect } from 'chai';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatDiagnosticsText } from '../../src/cli/test-output';
import { sortDiagnostics } from '../../src/diagnostics/format';
import { testProject } from '../../src/use-cases/test';
import { runCli } from '../helpers/cli';

const FIXTURES = join(__dirname, '..', 'fixtures-test');

interface Case {
  readonly mode: 'check' | 'cli';
  readonly args?: readonly string[];
  /** Environment variables; `${case}` is the case's folder, `${tmp}` a fresh temp folder. */
  readonly env?: Readonly<Record<string, string>>;
  readonly python?: boolean;
}

const cases = readdirSync(FIXTURES)
  .filter((name) => existsSync(join(FIXTURES, name, 'case.json')))
  .sort()
  .map((name) => ({ name, dir: join(FIXTURES, name), spec: JSON.parse(readFileSync(join(FIXTURES, name, 'case.json'), 'utf8')) as Case }));

/**
 * Output made comparable: durations, this machine's paths and virtualenv hashes replaced; the run logs printed for a
 * failed task (Airflow's own lines, with their timestamps) and pip's progress lines left out.
 */
export function normalize(text: string, dir: string): string {
  return (
    text
      .split(dir)
      .join('<case>')
      .split('\n')
      // Also the latest line pip printed while installing, which depends on timing.
      .filter((l) => !l.startsWith('    | ') && !/^ {2}log of the run \(last \d+ lines\)$/.test(l) && !/^ {2}\S+ \(\d+ s\): /.test(l))
      .join('\n')
      .replace(/\d+(\.\d+)? s\b/g, '<t> s')
      .replace(/\d+(\.\d+)?s\b/g, '<t>s')
      .replace(/\d+(\.\d+)? seconds\b/g, '<t> seconds')
      .replace(/-[0-9a-f]{12}\b/g, '-<hash>')
  );
}

function compare(name: string, dir: string, actual: string): void {
  const file = join(dir, 'expected.txt');
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, actual);
  expect(existsSync(file), `${name}: no expected.txt (run with UPDATE_GOLDEN=1)`).to.equal(true);
  expect(actual, `${name}: output differs from expected.txt`).to.equal(readFileSync(file, 'utf8'));
}

async function runCase(name: string, dir: string, spec: Case): Promise<void> {
  if (spec.mode === 'check') {
    const r = await testProject({ cwd: dir, run: false });
    const lines = [
      formatDiagnosticsText(sortDiagnostics(r.diagnostics)),
      '',
      ...r.tests.map((t) => `${t.name}: ${t.status === 'passed' ? 'would run' : 'not run'}`),
      `status: ${r.status}`,
      '',
    ];
    compare(name, dir, lines.join('\n'));
    return;
  }
  const tmp = mkdtempSync(join(tmpdir(), 'dagsmith-golden-test-'));
  try {
    const env = Object.fromEntries(Object.entries(spec.env ?? {}).map(([k, v]) => [k, v.replace('${case}', dir).replace('${tmp}', tmp)]));
    const r = await runCli(spec.args ?? ['test'], dir, env);
    compare(name, dir, normalize(`exit ${r.code}\n--- stdout ---\n${r.out}--- stderr ---\n${r.err}`.split(tmp).join('<tmp>'), dir));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

describe('dagsmith test golden cases (test/fixtures-test/, without Python)', function () {
  this.timeout(120_000);
  for (const c of cases.filter((x) => !x.spec.python)) it(c.name, () => runCase(c.name, c.dir, c.spec));
});

describe('dagsmith test golden cases (test/fixtures-test/, with Python) @airflow', function () {
  this.timeout(600_000);
  for (const c of cases.filter((x) => x.spec.python)) it(c.name, () => runCase(c.name, c.dir, c.spec));
});
