import { expect } from 'chai';
import { dailyGap, fireTimes, shortestGapSeconds } from '../../src/lint/schedule';

/** The gap as the sampler finds it: two weeks of fire times from cron-parser, in UTC. */
function sampled(cron: string): number | undefined {
  const from = Date.UTC(2026, 0, 5);
  const times = fireTimes({ cron }, 'UTC', from, from + 14 * 86_400_000, 5000);
  let min: number | undefined;
  for (let i = 1; i < times.length; i++) min = Math.min(min ?? Infinity, (times[i]! - times[i - 1]!) / 1000);
  return min;
}

describe('the daily-cron gap (no sampling)', () => {
  const daily = [
    '0 0 * * *',
    '59 23 * * *',
    '30 */6 * * *',
    '*/15 * * * *',
    '0,30 9-17 * * *',
    '5 1,13 * * *',
    '0-10/5 2-20/3 * * *',
    '7 23,0 * * *',
    '* 3 * * *',
    '0 0-23/7 * * *',
    '45 4,5,6,22 * * *',
  ];
  for (const cron of daily) {
    it(`'${cron}' has the gap the sampler finds`, () => {
      expect(dailyGap(cron)).to.equal(sampled(cron));
      expect(shortestGapSeconds({ cron }, 'UTC')).to.equal(sampled(cron));
    });
  }

  it('agrees with the sampler on 400 generated minute/hour fields', () => {
    let seed = 17;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const field = (max: number): string => {
      const parts: string[] = [];
      for (let k = rnd(3) + 1; k > 0; k--) {
        const a = rnd(max + 1);
        const b = a + rnd(max + 1 - a);
        parts.push([String(a), `${a}-${b}`, `${a}-${b}/${rnd(7) + 1}`, `*/${rnd(12) + 1}`][rnd(4)]!);
      }
      return parts.join(',');
    };
    let compared = 0;
    for (let i = 0; i < 400; i++) {
      const cron = `${field(59)} ${field(23)} * * *`;
      const bySampler = sampled(cron);
      // cron-parser refuses a value written twice (`8,8`), which croniter accepts: no fire times to compare with.
      if (bySampler === undefined) continue;
      expect(dailyGap(cron), cron).to.equal(bySampler);
      compared++;
    }
    expect(compared).to.be.greaterThan(200);
  });

  it('reads a value written twice as croniter does (cron-parser refuses it, so the sampler found no gap)', () => {
    expect(sampled('4,52,44 8,8 * * *')).to.equal(undefined);
    expect(dailyGap('4,52,44 8,8 * * *')).to.equal(8 * 60);
  });

  it('leaves to the sampler what it does not read as a daily pattern', () => {
    for (const cron of ['0 0 * * 1', '0 0 1 * *', '0 0 * 1 *', '5/10 * * * *', 'H 0 * * *', '0 24 * * *', '0 5-2 * * *', '@daily']) {
      expect(dailyGap(cron), cron).to.equal(undefined);
    }
  });
});
