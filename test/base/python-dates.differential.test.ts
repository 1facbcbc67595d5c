/**
 * Differential: src/base/python-dates.ts against each target's Airflow, which builds the DAG with the start date and
 * schedule as dagsmith writes them and validates it as DagBag does (python/dagsmith_harness/judge_values.py); and the
 * zone table the port reads (python-zones.generated.ts) against zoneinfo in every virtualenv.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { join } from 'node:path';
import { everyOverflow, everyOverflowsAt, startDateOverflow } from '../../src/base/python-dates';
import { YEAR_END_NEGATIVE_OFFSETS } from '../../src/base/python-zones.generated';
import { HARNESS, parseHarnessJson, runProcess, airflowPython } from '../airflow/harness';
import { AIRFLOW_VERSIONS, judge } from '../helpers/judge';
import { everySeconds, localDateTime, timezoneName } from '../property/value-arbitraries';

const SEED = 20261204;
const item = fc.record({
  date: localDateTime,
  tz: timezoneName,
  schedule: fc.oneof(fc.constant(null), fc.constant('cron'), everySeconds),
});
const ITEMS = fc.sample(item, { seed: SEED, numRuns: 1500 }).map((i) => ({
  date: i.date,
  tz: i.tz,
  every: typeof i.schedule === 'number' ? i.schedule : null,
  cron: i.schedule === 'cron' ? '0 3 * * *' : null,
}));

describe('python dates: start dates, zones and intervals against each target\u2019s Airflow @airflow', function () {
  this.timeout(600_000);
  for (const target of AIRFLOW_VERSIONS) {
    it(`Airflow ${target}: a DAG imports exactly when dagsmith accepts its dates (${ITEMS.length} generated, seed ${SEED})`, async () => {
      const before = Date.now() / 1000;
      const res = await judge(target, { dates: ITEMS });
      const after = Date.now() / 1000;
      const mismatches: string[] = [];
      let refused = 0;
      ITEMS.forEach((it, i) => {
        const [year, month, day, hour, minute, second] = it.date;
        const start = startDateOverflow({ year, month, day, hour, minute, second }, it.tz);
        const python = res.dates![i];
        if (python !== null) refused++;
        let ours: boolean;
        if (start !== undefined || it.every === null) {
          ours = start === undefined;
        } else {
          // Airflow checks now + every with its own clock: exact for any moment of the run, unless it straddles it.
          const early = everyOverflowsAt(it.every, before);
          if (early !== everyOverflowsAt(it.every, after)) return;
          ours = !early;
          // dagsmith's own check is stricter (it holds until its horizon): never accepts what Airflow refuses now.
          if (everyOverflow(it.every) === undefined && python !== null)
            mismatches.push(`${JSON.stringify(it)}: everyOverflow accepts, Airflow: ${python}`);
        }
        if (ours !== (python === null))
          mismatches.push(`${JSON.stringify(it)}: dagsmith ${ours ? 'accepts' : 'refuses'}; Airflow ${python ?? 'imports'}`);
      });
      expect(mismatches).to.deep.equal([]);
      expect(refused, 'refused items').to.be.within(ITEMS.length / 20, ITEMS.length / 2);
    });
  }

  it('python-zones.generated.ts is what zone_year_end.py prints in every virtualenv', async () => {
    for (const target of AIRFLOW_VERSIONS) {
      const res = await runProcess(airflowPython(target), [join(HARNESS, 'zone_year_end.py')], { timeoutMs: 60_000 });
      const zones = parseHarnessJson<Record<string, number>>(`zone_year_end.py (Airflow ${target})`, res);
      expect(Object.fromEntries(YEAR_END_NEGATIVE_OFFSETS), `Airflow ${target}; regenerate with npx tsx scripts/gen-python-tables.ts`).to.deep.equal(
        zones,
      );
    }
  });
});
