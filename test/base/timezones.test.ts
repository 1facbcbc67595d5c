/** The time zone names dagsmith accepts are exactly those every MWAA Airflow virtualenv's zoneinfo knows. */
import { expect } from 'chai';
import { join } from 'node:path';
import { AIRFLOW_TIMEZONES } from '../../src/base/timezones.generated';
import { AIRFLOW_VERSIONS, airflowPython, HARNESS, parseHarnessJson, runProcess } from '../airflow/harness';

describe('src/base/timezones.generated.ts @airflow', function () {
  this.timeout(120_000);
  it("is the set of names zoneinfo knows in every Airflow target's virtualenv", async () => {
    let common: Set<string> | undefined;
    for (const version of AIRFLOW_VERSIONS) {
      const res = await runProcess(airflowPython(version), [join(HARNESS, 'timezones.py')], { timeoutMs: 60_000 });
      const names = new Set(parseHarnessJson<string[]>(`timezones.py (Airflow ${version})`, res));
      common = common ? new Set([...common].filter((n) => names.has(n))) : names;
    }
    expect([...AIRFLOW_TIMEZONES].sort(), 'regenerate the file from python/dagsmith_harness/timezones.py').to.deep.equal([...common!].sort());
  });
});
