/** src/base/python-unicode.generated.ts is what python_unicode.py prints in every Airflow virtualenv's Python. */
import { expect } from 'chai';
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { PYTHON_UNICODE } from '../../src/base/python-unicode.generated';
import { AIRFLOW_VERSIONS, airflowPython, HARNESS, parseHarnessJson, runProcess } from '../airflow/harness';

describe('src/base/python-unicode.generated.ts @airflow', function () {
  this.timeout(300_000);
  it("holds the character tables of every Airflow target's Python", async () => {
    // The script reads only the interpreter's standard library: one run per distinct interpreter.
    const interpreters = new Map<string, string>();
    for (const version of AIRFLOW_VERSIONS) interpreters.set(realpathSync(airflowPython(version)), version);
    for (const [python, version] of interpreters) {
      const res = await runProcess(python, [join(HARNESS, 'python_unicode.py')], { timeoutMs: 240_000 });
      const tables = parseHarnessJson<Record<string, unknown>>(`python_unicode.py (Airflow ${version})`, res);
      const flat = Object.fromEntries(Object.entries(tables).map(([k, v]) => [k, Array.isArray(v) ? v.flat(2) : v]));
      expect(flat, 'regenerate with `npx tsx scripts/gen-python-tables.ts`').to.deep.equal({ ...PYTHON_UNICODE });
    }
  });
});
