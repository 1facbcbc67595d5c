/** src/base/python-dates.ts: the date arithmetic Airflow does at import, without Python. */
import { expect } from 'chai';
import { DATETIME_MAX_EPOCH, everyOverflow, everyOverflowsAt, MAX_EVERY_SECONDS, startDateOverflow } from '../../src/base/python-dates';

const at = (y: number, mo: number, d: number, hour = 0, minute = 0, second = 0) => ({ year: y, month: mo, day: d, hour, minute, second });

describe('src/base/python-dates.ts', () => {
  it('refuses a start late on 9999-12-31 west of UTC, and names the latest start that works', () => {
    const why = startDateOverflow(at(9999, 12, 31, 20), 'America/New_York');
    expect(why).to.contain('10000-01-01T01:00:00 UTC');
    expect(why).to.contain('latest start on that day in America/New_York is 18:59:59');
    expect(startDateOverflow(at(9999, 12, 31, 18, 59, 59), 'America/New_York')).to.equal(undefined);
    expect(startDateOverflow(at(9999, 12, 31, 19), 'America/New_York')).to.be.a('string');
  });

  it('accepts the same moment east of UTC, in UTC, and any other day', () => {
    expect(startDateOverflow(at(9999, 12, 31, 23, 59, 59), 'UTC')).to.equal(undefined);
    expect(startDateOverflow(at(9999, 12, 31, 23, 59, 59), 'Asia/Tokyo')).to.equal(undefined);
    expect(startDateOverflow(at(9999, 12, 30, 23, 59, 59), 'Etc/GMT+12')).to.equal(undefined);
    expect(startDateOverflow(at(1900, 1, 1), 'Pacific/Kiritimati')).to.equal(undefined);
  });

  it("bounds `every` by Airflow's now + every from any parse before the horizon", () => {
    expect(everyOverflow(MAX_EVERY_SECONDS)).to.equal(undefined);
    expect(everyOverflow(MAX_EVERY_SECONDS + 1)).to.contain('past year 9999');
    expect(everyOverflowsAt(MAX_EVERY_SECONDS, Date.UTC(2199, 11, 31, 23, 59, 59) / 1000)).to.be.false;
    expect(everyOverflowsAt(DATETIME_MAX_EPOCH - 1000, 1001)).to.be.true;
  });
});
