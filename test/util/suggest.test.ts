import { expect } from 'chai';
import { closest, didYouMean, editDistance } from '../../src/util/suggest';

describe('util/suggest', () => {
  it('editDistance: Levenshtein with adjacent transpositions', () => {
    expect(editDistance('', '')).to.equal(0);
    expect(editDistance('', 'abc')).to.equal(3);
    expect(editDistance('abc', '')).to.equal(3);
    expect(editDistance('kitten', 'sitting')).to.equal(3);
    expect(editDistance('glue.jbo', 'glue.job')).to.equal(1);
    expect(editDistance('ab', 'ba')).to.equal(1);
    expect(editDistance('bild_features', 'build_features')).to.equal(1);
    expect(editDistance('G1X', 'G.1X')).to.equal(1);
    expect(editDistance('same', 'same')).to.equal(0);
  });

  it('editDistance is symmetric', () => {
    const words = ['retries', 'retrys', 'retryDelay', 'workerType', 'workerTyp', 'glue.job', 'glue.crawler', 'x', ''];
    for (const a of words) for (const b of words) expect(editDistance(a, b), `${a}/${b}`).to.equal(editDistance(b, a));
  });

  it('closest: the nearest candidate within a third of the length, case-insensitively', () => {
    expect(closest('descripton', ['version', 'id', 'description', 'owner'])).to.equal('description');
    expect(closest('WORKERTYPE', ['workerType', 'numberOfWorkers'])).to.equal('workerType');
    expect(closest('retrys', ['retries', 'retryDelay'])).to.equal('retries');
    expect(closest('xyzzy', ['job', 'role', 'arguments'])).to.equal(undefined);
    expect(closest('snsTopic', ['sns'])).to.equal(undefined);
    expect(closest('a', [])).to.equal(undefined);
    // a one-letter word still gets a one-edit suggestion
    expect(closest('x', ['y'])).to.equal('y');
  });

  it('closest: ties go to the first candidate', () => {
    expect(closest('cat', ['bat', 'hat'])).to.equal('bat');
    expect(closest('cat', ['hat', 'bat'])).to.equal('hat');
  });

  it("didYouMean: a hint, or nothing when there is no close word or the word is already right", () => {
    expect(didYouMean('@dialy', ['@hourly', '@daily', '@weekly'])).to.equal("did you mean '@daily'?");
    expect(didYouMean('glue.jbo', ['glue.job', 'glue.crawler'])).to.equal("did you mean 'glue.job'?");
    expect(didYouMean('glue.job', ['glue.job'])).to.equal(undefined);
    expect(didYouMean('sns.publish', ['glue.job', 'glue.crawler'])).to.equal(undefined);
    expect(didYouMean('prd', new Set(['dev', 'prod']))).to.equal("did you mean 'prod'?");
  });
});
