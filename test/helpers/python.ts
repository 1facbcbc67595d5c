import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const PYTHON = process.env.DAGSMITH_TEST_PYTHON ?? 'python3';

/** Runs one of the scripts in test/python/ with `input` as JSON on stdin; returns its stdout parsed as JSON. */
export function runPythonJson<T>(script: string, input: unknown): T {
  const res = spawnSync(PYTHON, [join(__dirname, '..', 'python', script)], {
    input: JSON.stringify(input),
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, PYTHONIOENCODING: 'utf-8', PYTHONUTF8: '1' },
  });
  if (res.error) throw new Error(`cannot run ${PYTHON}: ${res.error.message}`);
  if (res.status !== 0) throw new Error(`${script} exited with ${res.status}:\n${res.stderr}`);
  return JSON.parse(res.stdout) as T;
}
