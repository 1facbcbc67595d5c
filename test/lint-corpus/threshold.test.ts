import { expect } from 'chai';
import { CORPUS_ENVS, formatMeasurement, measureCorpus, shortfalls } from './measure';

// Issue 17's bar, held by the normal test suite: against the corpus written before the rules changed, lint finds at
// least 90% of the planted mistakes, flags no well-made probe at error and at most one at warning, reports nothing
// else, and every mistake it finds it finds with a rule meant for it.
describe('lint corpus threshold (issue 17)', function () {
  this.timeout(120_000);
  for (const env of CORPUS_ENVS) {
    it(`meets the threshold ${env === undefined ? 'without --env' : `with --env ${env}`}`, async () => {
      const m = await measureCorpus(env);
      expect(shortfalls(m), formatMeasurement(m, { detail: true })).to.deep.equal([]);
      expect(m.unexpected).to.deep.equal([]);
      expect(m.foundAtCode, formatMeasurement(m, { detail: true })).to.equal(m.planted.found.length);
    });
  }
});
