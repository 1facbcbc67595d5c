/** The semantic checks that judge values as Airflow's Python does (cron, dates, params), through checkSemantics. */
import { expect } from 'chai';
import { Reporter, START_OF_FILE } from '../../src/diagnostics/reporter';
import { resolveTarget } from '../../src/targets';
import { checkSemantics } from '../../src/validate/semantic';

function diagnose(fields: Record<string, unknown>, target = '2.10.3'): string[] {
  const reporter = new Reporter('p.yaml', { locate: () => START_OF_FILE });
  const spec = { version: 1, id: 'p', schedule: '@daily', startDate: '2026-01-01', steps: [{ id: 'a', kind: 'glue.job', job: 'j' }], ...fields };
  checkSemantics(spec, { reporter, target: resolveTarget(target), skip: [], readSibling: () => undefined });
  return reporter.diagnostics.map((d) => `${d.code} ${d.path.join('.')}`);
}

describe('semantic checks of values Airflow checks again in Python', () => {
  it('cron: croniter per target, the field named; a schedule that never fires is a warning', () => {
    expect(diagnose({ schedule: '0 0 * * 5L' })).to.deep.equal(['DS305 schedule']);
    expect(diagnose({ schedule: '0 0 * * L5' })).to.deep.equal([]);
    expect(diagnose({ schedule: '0 0 15W * *' }, '3.0.6')).to.deep.equal(['DS305 schedule']);
    expect(diagnose({ schedule: '0 0 15W * *' }, '3.3.1')).to.deep.equal([]);
    expect(diagnose({ schedule: '0 0 31 2 *' })).to.deep.equal(['DS334 schedule']);
  });

  it('dates: a start past datetime.max in UTC, an every past year 9999 from now', () => {
    expect(diagnose({ startDate: '9999-12-31T20:00:00', timezone: 'America/New_York' })).to.deep.equal(['DS307 startDate']);
    expect(diagnose({ startDate: '9999-12-31T20:00:00', timezone: 'Asia/Tokyo' })).to.deep.equal([]);
    expect(diagnose({ schedule: { every: '3000000d' } })).to.deep.equal(['DS306 schedule.every']);
    expect(diagnose({ schedule: { every: '2000000d' } })).to.deep.equal([]);
  });

  it("params: pattern as Python's re, format as the target's FormatChecker", () => {
    expect(diagnose({ params: { y: { default: '\u0662\u0660\u0662\u0666', pattern: '^\\d{4}$' } } })).to.deep.equal([]);
    expect(diagnose({ params: { y: { default: 'abc', pattern: '(?<y>a)' } } })).to.deep.equal(['DS333 params.y.pattern']);
    expect(diagnose({ params: { y: { default: 'a', pattern: '(a)?\\1' } } })).to.deep.equal(['DS335 params.y.pattern']);
    expect(diagnose({ params: { y: { default: 'abc\n', pattern: '^abc\\Z' } } })).to.deep.equal(['DS352 params.y.default']);
    expect(diagnose({ params: { t: { default: '1:2:3', format: 'time' } } })).to.deep.equal([]);
    expect(diagnose({ params: { t: { default: '12:00:00Z', format: 'time' } } })).to.deep.equal(['DS352 params.t.default']);
    expect(diagnose({ params: { e: { default: 'a', enum: ['a', 'a'] } } })).to.deep.equal([]);
  });

  it('params: a character that Python 3.11 does not know is DS335 where MWAA runs Python 3.12 (Unicode 15)', () => {
    const kawi = { params: { k: { default: '\ud807\udf50', pattern: '^\\W$' } } };
    expect(diagnose(kawi, '2.10.3')).to.deep.equal([]); // Python 3.11: unassigned, so \W
    expect(diagnose(kawi, '3.3.1')).to.deep.equal(['DS335 params.k.default']); // Python 3.12: a Kawi digit, \d
  });

  it('params: Airflow 2 accepts an ISO 8601 datetime as a date-time default; Airflow 3 does not', () => {
    const naive = { params: { d: { default: '2026-01-01T00:00:00', type: 'string', format: 'date-time' } } };
    expect(diagnose(naive, '2.10.3')).to.deep.equal([]);
    expect(diagnose(naive, '3.3.1')).to.deep.equal([]); // no date-time check on Airflow 3 (no rfc3339-validator)
    expect(diagnose({ params: { d: { default: '2026-01-01', format: 'date-time' } } }, '2.10.3')).to.deep.equal(['DS352 params.d.default']);
  });
});
