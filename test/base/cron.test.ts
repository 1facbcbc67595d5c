/** The port of croniter's grammar (src/base/cron.ts): facts checked in each target's croniter, kept here without Python. */
import { expect } from 'chai';
import {
  CRONITER_BY_TARGET,
  cronError,
  cronExpressionNeverFires,
  croniterExpand,
  cronNeverFires,
  cronParserAgrees,
  emittedCron,
  plainFields,
  type CronExpansion,
  type CroniterVersion,
} from '../../src/base/cron';
import { TARGET_VERSIONS } from '../../src/targets';
import { CronExpressionParser } from 'cron-parser';

const accepts = (expr: string, v: CroniterVersion) => !('message' in croniterExpand(expr, v));
const ALL: CroniterVersion[] = ['5.0.1', '6.0.0', '6.2.4'];

describe('src/base/cron.ts: croniter grammar per target', () => {
  it('accepts what croniter accepts and cron-parser refuses or reads otherwise', () => {
    for (const v of ALL) {
      for (const expr of [
        '0 0 L * *',
        '0 0 ? * 5#3',
        '0 0 * * 5#3',
        '0 0 * * L5',
        '0 0 * * mon#2',
        '0 0 ?  * ?',
        '0 0 31 2 *',
        '0-0 * * * *',
        '5-3 * * * *',
        '0 0 * * 7',
        '0 0 * * sun-sat',
        '0 0 1-L * *',
        '\u0663 * * * *',
        '0 0 * * mon-fri#2',
      ]) {
        expect(accepts(expr, v), `${expr} on croniter ${v}`).to.be.true;
      }
    }
  });

  it('refuses what croniter refuses and cron-parser accepts', () => {
    for (const v of ALL) {
      for (const expr of [
        '0 0 * * 5L',
        '0 0 * * L',
        'L * * * *',
        '0 0 L-1 * *',
        '0 0 */L * *',
        '0 0 * * 5#0',
        '0 0 * * 1#6',
        '0 0 * * 1,2#3',
        '0 0 * * 1-5#2',
        '0 0 * * sunday',
        '0 0 * * jan#2',
        'H * * * *',
        '*/0 * * * *',
        '0 0 0 * *',
        '0 24 * * *',
        '0 0 * * 8',
      ]) {
        expect(accepts(expr, v), `${expr} on croniter ${v}`).to.be.false;
      }
    }
  });

  it('takes W (nearest weekday) on croniter 6.2.4 (Airflow 3.3.1) only', () => {
    expect(accepts('0 0 15W * *', '5.0.1')).to.be.false;
    expect(accepts('0 0 15W * *', '6.0.0')).to.be.false;
    expect(accepts('0 0 15W * *', '6.2.4')).to.be.true;
    expect(accepts('0 0 W15 * *', '6.2.4')).to.be.true;
    expect(accepts('0 0 1,15W * *', '6.2.4')).to.be.false;
  });

  it('splits fields as Python does (U+001C is whitespace to Python, U+FEFF is not)', () => {
    expect(accepts('0\u001c0 * * *', '5.0.1')).to.be.true;
    expect(accepts('0\ufeff0 * * * *', '5.0.1')).to.be.false;
  });

  it('names the field at fault', () => {
    const res = cronError('0 0 * * 5L', '2.10.3');
    expect(res?.field).to.equal('day-of-week');
    expect(res?.message).to.match(/^day-of-week "5L": '5L' is not/);
    expect(res?.message).to.contain("'L5'");
    expect(res?.message).to.contain('croniter 5.0.1');
    expect(cronError('0 0 15W * *', '3.0.6')?.field).to.equal('day-of-month');
    expect(cronError('0 0 15W * *', '3.3.1')).to.equal(undefined);
    expect(cronError('61 * * * *', '3.3.1')?.message).to.match(/^minute "61": 61 is out of range 0-59/);
  });

  it('refuses six and seven fields (the spec takes five) and R (random at every parse)', () => {
    expect(cronError('0 0 * * * *', '2.10.3')?.message).to.equal(
      'a cron schedule has 5 fields (minute hour day-of-month month day-of-week); "0 0 * * * *" has 6 (croniter would read the sixth as seconds)',
    );
    expect(cronError('0 0 * * * 0 2030', '2.10.3')?.message).to.contain('the seventh as the year');
    expect(cronError('0\u001c0 * * * *', '2.10.3')?.message).to.contain('has 6, as Python splits it');
    expect(cronError('R * * * *', '2.10.3')?.message).to.match(/^minute "R": R makes croniter pick a random value/);
  });

  it('judges the expression as the DAG file carries it (trimmed, fields joined by one space)', () => {
    expect(emittedCron('  0\t3  * * *\n')).to.equal('0 3 * * *');
    // JavaScript's \s takes U+FEFF, so dagsmith writes it as a field separator; Python then sees five fields.
    expect(cronError('0\ufeff3 * * *', '2.10.3')).to.equal(undefined);
  });

  it('knows every target', () => {
    for (const t of TARGET_VERSIONS) expect(cronError('0 3 * * *', t)).to.equal(undefined);
  });

  it('finds schedules that never fire (Airflow imports them and never schedules a run)', () => {
    const never = (e: string) => cronNeverFires(croniterExpand(e, '6.0.0') as CronExpansion);
    expect(never('0 0 31 2 *')).to.be.true;
    expect(never('0 0 30,31 2 *')).to.be.true;
    expect(never('0 0 31 4,6,9,11 *')).to.be.true;
    expect(never('0 0 29 2 *')).to.be.false;
    expect(never('0 0 31 2 1')).to.be.false;
    expect(never('0 0 31 1,2 *')).to.be.false;
    expect(never('0 0 L 2 *')).to.be.false;
  });

  it('answers plain schedules (each field * or a number) without the grammar, as the grammar does', () => {
    // Every field from values in and just out of range, with and without leading zeros, and some other forms.
    const values = ['*', '0', '00', '1', '6', '7', '12', '13', '23', '24', '28', '29', '30', '31', '32', '59', '60', '99', '100', '-1', '1-2', '*/5'];
    let seed = 17;
    const pick = () => values[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % values.length]!;
    const expressions = new Set(['0 3 * * *', '0 0 31 2 *', '0 0 29 2 *', '0 0 31 4 *', '0 0 30 4 *', '0 0 31 2 1', '0  0 * * *', ' 0 0 * * *']);
    for (let day = 0; day <= 32; day++) for (let month = 0; month <= 13; month++) expressions.add(`0 0 ${day} ${month} *`);
    while (expressions.size < 6000) expressions.add([pick(), pick(), pick(), pick(), pick()].join(' '));
    let plain = 0;
    for (const e of expressions) {
      if (plainFields(e)) plain++;
      for (const [target, version] of CRONITER_BY_TARGET) {
        const expansion = croniterExpand(emittedCron(e), version);
        const accepted = !('message' in expansion);
        if (plainFields(e)) expect(accepted, `${e} on ${target}`).to.equal(true);
        expect(cronError(e, target) === undefined, `${e} on ${target}`).to.equal(accepted && pySplitCount(e) === 5);
        expect(cronExpressionNeverFires(e, target), `${e} on ${target}`).to.equal(accepted && cronNeverFires(expansion));
      }
    }
    // Both kinds are well represented.
    expect(plain).to.be.greaterThan(300);
    expect(expressions.size - plain).to.be.greaterThan(2000);
  });
});

/** Fields as cronError counts them (croniter takes 6 or 7; the spec takes 5). */
const pySplitCount = (e: string): number => emittedCron(e).split(' ').length;

describe('src/base/cron.ts: cronParserAgrees (which schedules lint rules compute with cron-parser)', () => {
  it('takes the shared dialect', () => {
    for (const e of ['0 3 * * *', '*/15 9-17 * * mon-fri', '0 0 1,15 jan-jun *', '10/20 * * * *', '0 0 * * 1-7', '0 0 * * 0-7/2'])
      expect(cronParserAgrees(e), e).to.be.true;
  });
  it("leaves out croniter's own forms and the ones the two read differently", () => {
    for (const e of [
      '0 0 L * *',
      '0 0 * * 5#3',
      '0 0 * * L5',
      '0 0 ? * *',
      '0-0 * * * *',
      '5-3 * * * *',
      '\u0663 * * * *',
      '0 0 15W * *',
      '0 0 * * fri-mon',
    ]) {
      expect(cronParserAgrees(e), e).to.be.false;
    }
  });
  it('leaves out a field that gives one value twice, which cron-parser refuses (croniter accepts it)', () => {
    for (const e of ['0 8,8 * * *', '0 1-5,3 * * *', '0 */2,4 * * *', '0 0 * * 0,7', '0 0 * * sun,0', '0 0 * jan,1 *', '5/10,15 * * * *']) {
      expect(cronParserAgrees(e), e).to.be.false;
      expect(() => CronExpressionParser.parse(e), e).to.throw();
    }
  });
  it('never takes an expression cron-parser refuses (1,000 generated ones)', () => {
    let seed = 5;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const part = (min: number, max: number) => {
      const a = min + rnd(max - min + 1);
      return [String(a), `${a}-${Math.min(max, a + 1 + rnd(5))}`, `*/${rnd(9) + 1}`, `${a}/${rnd(9) + 1}`][rnd(4)]!;
    };
    const field = (min: number, max: number) => (rnd(4) === 0 ? '*' : Array.from({ length: rnd(2) + 1 }, () => part(min, max)).join(','));
    let taken = 0;
    for (let i = 0; i < 1000; i++) {
      const e = `${field(0, 59)} ${field(0, 23)} ${field(1, 28)} ${field(1, 12)} ${field(0, 6)}`;
      if (!cronParserAgrees(e)) continue;
      taken++;
      expect(() => CronExpressionParser.parse(e), e).not.to.throw();
    }
    expect(taken).to.be.greaterThan(100);
  });
});
