/**
 * Differential: the port of croniter's grammar (src/base/cron.ts) against each target's real Airflow, which builds
 * the DAG with the schedule as dagsmith writes it and validates it as DagBag does (python/dagsmith_harness/
 * judge_values.py). One batch per target: hand-picked forms where croniter and cron-parser part ways, and generated
 * expressions (test/property/value-arbitraries.ts) with a fixed seed.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { CRONITER_BY_TARGET, cronError, croniterExpand, emittedCron } from '../../src/base/cron';
import { pySplit } from '../../src/base/python-unicode';
import { AIRFLOW_VERSIONS, judge } from '../helpers/judge';
import { cronExpression } from '../property/value-arbitraries';

const HAND = [
  '0 3 * * *',
  '0 0 L * *',
  '0 0 ? * 5#3',
  '0 0 * * 5#3',
  '0 0 * * 5L',
  '0 0 * * L5',
  '0 0 * * l0',
  '0 0 15W * *',
  '0 0 W15 * *',
  '0 0 LW * *',
  '0 0 1,15W * *',
  'H * * * *',
  '0 0 31 2 *',
  '0 0 * * * *',
  '0 0 * * * 0 2030',
  '0 0 * * 1#1,1#2',
  '0 0 * * 1,2#3',
  '0 0 * * mon-fri#2',
  '0 0 * * 1-5#2',
  '\u0663 * * * *',
  '0 0 * * \u0663#\u0662',
  '0-0 * * * *',
  '5-3 * * * *',
  '*/0 * * * *',
  '0 0 1-31/0 * *',
  '0 0 * jan-dec *',
  '0 0 * * 7-1',
  '0 0 ?  * ?',
  '0 0 * * 8',
  '0 0 1-L * *',
  '0 0 L-1 * *',
  '0 0 */L * *',
  '0\u001c0 * * *',
  '0\u00850 * * *',
  '0\ufeff0 * * * *',
  '0 0 * * sunday',
  '1/2/3 * * * *',
  '5/ * * * *',
  '0 0 * * 0,1#1',
  '0 0 * * 0-6#1',
  '0 0 * * sun-sat#1',
  '0 0 * * 5#3,5#4',
  '0 0 0 * *',
  '0 0 * 0 *',
  '0 0 1 13 *',
  '\uff15 * * * *',
];
const SEED = 20261204;
const GENERATED = fc.sample(cronExpression, { seed: SEED, numRuns: 1200 });
const usesR = (e: string) => /(^|[\s,])r/i.test(e);

describe('cron: the croniter port against each target\u2019s Airflow @airflow', function () {
  this.timeout(600_000);
  for (const target of AIRFLOW_VERSIONS) {
    it(`Airflow ${target}: accepts exactly the expressions Airflow imports (${HAND.length} hand-picked, ${GENERATED.length} generated, seed ${SEED})`, async () => {
      const version = CRONITER_BY_TARGET.get(target)!;
      const raw = [...HAND, ...GENERATED];
      const emitted = raw.map(emittedCron);
      // Python judges each raw expression (the port's input) and each emitted one that differs (the product's).
      const extra = [...new Set(emitted.filter((e) => !raw.includes(e)))];
      const res = await judge(target, { cron: [...raw, ...extra] });
      const verdictOf = (e: string) => res.cron![raw.includes(e) ? raw.indexOf(e) : raw.length + extra.indexOf(e)];
      const mismatches: string[] = [];
      let accepted = 0;
      raw.forEach((expr, i) => {
        const python = res.cron![i];
        const ours = croniterExpand(expr, version);
        if (usesR(expr)) {
          // croniter picks R's value at random; dagsmith refuses R whatever the draw.
          if (!('message' in ours)) mismatches.push(`${JSON.stringify(expr)}: R accepted`);
          return;
        }
        if (python === null) accepted++;
        if ('message' in ours !== (python !== null)) {
          mismatches.push(`${JSON.stringify(expr)}: dagsmith ${'message' in ours ? ours.message : 'accepts'}; Airflow ${python ?? 'imports'}`);
        }
        // What dagsmith decides for the pipeline: accepted only if the emitted expression imports.
        const decision = cronError(expr, target);
        const pythonEmitted = verdictOf(emitted[i]!);
        if (decision === undefined && pythonEmitted !== null)
          mismatches.push(`${JSON.stringify(expr)}: cronError accepts, Airflow: ${pythonEmitted}`);
        if (decision !== undefined && pythonEmitted === null && pySplit(emitted[i]!).length === 5) {
          mismatches.push(`${JSON.stringify(expr)}: cronError refuses (${decision.message}), Airflow imports`);
        }
      });
      expect(mismatches, `croniter ${version}`).to.deep.equal([]);
      // The corpus means little unless both verdicts are frequent.
      expect(accepted).to.be.within(raw.length / 10, raw.length - raw.length / 10);
    });
  }
});
