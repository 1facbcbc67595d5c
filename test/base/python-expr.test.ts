import { expect } from 'chai';
import { parseDuration, type Duration } from '../../src/base/durations';
import { call, lit, name, timedeltaExpr, type PyExpr } from '../../src/base/python-expr';

/** timedeltaExpr as it was before its expressions were shared: a new expression per call. */
function referenceTimedelta(d: Duration): PyExpr {
  const parts = Object.entries(d.parts).filter(([, v]) => v !== undefined && v !== 0);
  if (parts.length === 0) return call('timedelta', [], [['seconds', lit(0)]]);
  return call(
    'timedelta',
    [],
    parts.map(([k, v]) => [k, lit(v)] as const),
  );
}

describe('timedeltaExpr', () => {
  const texts: string[] = ['0s', '0d0h0m0s', '1d', '90m', '1h30m', '2d0h5m', '0h1s', '999999999d'];
  for (const d of ['', '1d', '0d', '12d'])
    for (const h of ['', '3h', '0h']) for (const m of ['', '45m', '0m']) for (const s of ['', '5s', '0s']) texts.push(`${d}${h}${m}${s}`);

  it('is the expression made afresh, for parsed (frozen, shared) durations and for others', () => {
    for (const text of texts) {
      const d = parseDuration(text);
      if (!d) continue;
      expect(timedeltaExpr(d), text).to.deep.equal(referenceTimedelta(d));
      // Asked again: the same answer (the shared one).
      expect(timedeltaExpr(d), text).to.deep.equal(referenceTimedelta(d));
      const unfrozen: Duration = { text: d.text, seconds: d.seconds, parts: { ...d.parts } };
      expect(timedeltaExpr(unfrozen), text).to.deep.equal(referenceTimedelta(unfrozen));
    }
  });

  it('shares one frozen expression per parsed duration, and none for a duration that can change', () => {
    const d = parseDuration('1h30m')!;
    const e = timedeltaExpr(d);
    expect(timedeltaExpr(d)).to.equal(e);
    expect(Object.isFrozen(e)).to.equal(true);
    if (e.t !== 'call') throw new Error('a timedelta is a call');
    expect(() => (e.kwargs as unknown[]).push(['x', lit(1)])).to.throw(TypeError);
    const parts: { hours?: number; minutes?: number } = { hours: 1 };
    const mutable = { text: '1h', seconds: 3600, parts } as Duration;
    expect(timedeltaExpr(mutable)).to.deep.equal(referenceTimedelta(mutable));
    parts.minutes = 5;
    expect(timedeltaExpr(mutable)).to.deep.equal(referenceTimedelta(mutable));
  });
});

describe('call and name checks, remembered per name', () => {
  it('accept a checked name again and refuse a bad one every time', () => {
    expect(call('datetime.timedelta', [], [['hours', lit(1)]])).to.deep.equal({
      t: 'call',
      callee: 'datetime.timedelta',
      args: [],
      kwargs: [['hours', { t: 'lit', value: 1 }]],
    });
    expect(name('a.b')).to.deep.equal({ t: 'name', name: 'a.b' });
    for (let i = 0; i < 2; i++) {
      expect(() => call('a b')).to.throw(/not a Python callee/);
      expect(() => call('f', [], [['a.b', lit(1)]])).to.throw(/not a Python keyword argument/);
      expect(() => call('f', [], [['1a', lit(1)]])).to.throw(/not a Python keyword argument/);
      expect(() => name('x-y')).to.throw(/not a Python name/);
      expect(() => name('')).to.throw(/not a Python name/);
    }
    // A callee accepted as a name is accepted as a callee, and the reverse; a keyword is checked on its own.
    expect(() => call('a.b', [], [['a', lit(1)]])).not.to.throw();
    expect(() => call('f', [], [['a.b', lit(1)]])).to.throw(/not a Python keyword argument/);
  });
});
