import { expect } from 'chai';
import { SETTING_NAMES } from '../../src/base/settings';
import { overriddenSettings } from '../../src/ir/normalize';
import { makeRng } from '../load/yaml-generator';

/** The general way: every setting name looked up on the step, in the table's order. */
function lookedUp(step: Record<string, unknown>): string[] | undefined {
  const found = SETTING_NAMES.filter((n) => step[n] !== undefined);
  return found.length > 0 ? found : undefined;
}

/**
 * normalize finds a step's overridden settings from the step's keys instead of looking up all 13 names: the same
 * names in the same order, on random steps (settings and other fields in any order, some set to undefined).
 */
describe('overriddenSettings (differential)', () => {
  it('finds what looking up every setting name finds, on 5,000 random steps', () => {
    const rnd = makeRng(29);
    const others = ['id', 'kind', 'dependsOn', 'group', 'sql', 'database', 'notifications', 'forEach', 'toString', 'constructor'];
    const keys = [...SETTING_NAMES, ...others];
    let withSome = 0;
    let withSeveral = 0;
    for (let n = 0; n < 5000; n++) {
      const step: Record<string, unknown> = {};
      const count = Math.floor(rnd() * 9);
      for (let i = 0; i < count; i++) {
        const k = keys[Math.floor(rnd() * keys.length)]!;
        const r = rnd();
        step[k] = r < 0.1 ? undefined : r < 0.2 ? null : r < 0.3 ? 0 : r < 0.4 ? false : r < 0.5 ? '' : 'x';
      }
      const want = lookedUp(step);
      expect(overriddenSettings(step), JSON.stringify(Object.entries(step))).to.deep.equal(want);
      if (want) withSome++;
      if (want && want.length > 1) withSeveral++;
    }
    // Both a step without settings (the usual one) and one with several, in another order than the table's, were seen.
    expect(withSome).to.be.greaterThan(1000);
    expect(withSeveral).to.be.greaterThan(500);
    expect(5000 - withSome).to.be.greaterThan(1000);
  });

  it('finds nothing in an empty step and the one setting of a step with one', () => {
    expect(overriddenSettings({})).to.equal(undefined);
    expect(overriddenSettings({ id: 'a', kind: 'glue.job', retries: 3 })).to.deep.equal(['retries']);
    expect(overriddenSettings({ pool: 'p', retries: 0, queue: undefined })).to.deep.equal(['retries', 'pool']);
  });
});
