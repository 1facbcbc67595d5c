import { expect } from 'chai';
import { closest, didYouMean, editDistance, MAX_SUGGESTED_LENGTH } from '../../src/util/suggest';

describe('util/suggest', () => {
  it('didYouMean: an abbreviation of exactly one candidate (args -> arguments), first letter first', () => {
    const glueJob = ['job', 'arguments', 'workerType', 'numberOfWorkers', 'awsConnId', 'dependsOn', 'description'];
    expect(didYouMean('args', glueJob)).to.equal("did you mean 'arguments'?");
    expect(didYouMean('deps', glueJob)).to.equal("did you mean 'dependsOn'?");
    // Two candidates it could abbreviate, too short, or not from the first letter: nothing.
    expect(didYouMean('des', [...glueJob, 'destination'])).to.equal(undefined);
    expect(didYouMean('ar', glueJob)).to.equal(undefined);
    expect(didYouMean('rgs', glueJob)).to.equal(undefined);
  });

  it('didYouMean: a dotted name no candidate is near gets the candidates of its namespace (up to three)', () => {
    const kinds = ['glue.job', 'glue.crawler', 'glue.databrew', 'athena.query', 's3.wait', 's3.copy', 's3.delete', 's3.put'];
    expect(didYouMean('athena.sql', kinds)).to.equal("did you mean 'athena.query'?");
    expect(didYouMean('glue.etl', kinds)).to.equal("did you mean one of 'glue.job', 'glue.crawler', 'glue.databrew'?");
    expect(didYouMean('s3.sensor', kinds)).to.equal(undefined);
    expect(didYouMean('kafka.produce', kinds)).to.equal(undefined);
  });

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

  it('didYouMean: a hint, or nothing when there is no close word or the word is already right', () => {
    expect(didYouMean('@dialy', ['@hourly', '@daily', '@weekly'])).to.equal("did you mean '@daily'?");
    expect(didYouMean('glue.jbo', ['glue.job', 'glue.crawler'])).to.equal("did you mean 'glue.job'?");
    expect(didYouMean('glue.job', ['glue.job'])).to.equal(undefined);
    expect(didYouMean('sns.publish', ['glue.job', 'glue.crawler'])).to.equal(undefined);
    expect(didYouMean('prd', new Set(['dev', 'prod']))).to.equal("did you mean 'prod'?");
  });

  it('editDistance with a bound: exact up to the bound, bound + 1 beyond it', () => {
    expect(editDistance('kitten', 'sitting', 3)).to.equal(3);
    expect(editDistance('kitten', 'sitting', 2)).to.equal(3);
    expect(editDistance('abcdefgh', 'hgfedcba', 1)).to.equal(2);
    expect(editDistance('a'.repeat(10), 'b'.repeat(50), 5)).to.equal(6);
    const words = ['', 'a', 'ab', 'ba', 'abc', 'acb', 'kitten', 'sitting', 'build_features', 'bild_featrues'];
    for (const a of words) {
      for (const b of words) {
        const exact = editDistance(a, b);
        for (const bound of [0, 1, 2, 3, 5]) expect(editDistance(a, b, bound), `${a}/${b}/${bound}`).to.equal(Math.min(exact, bound + 1));
      }
    }
  });

  it(`closest: no suggestion for words longer than ${MAX_SUGGESTED_LENGTH} characters, and such candidates are not compared`, () => {
    const long = 'x'.repeat(MAX_SUGGESTED_LENGTH);
    expect(closest(`${long}y`, [`${long}z`])).to.equal(undefined);
    expect(closest(`${long.slice(1)}y`, [`${long.slice(1)}z`])).to.equal(`${long.slice(1)}z`);
    expect(closest('step_a', [`step_a${'b'.repeat(MAX_SUGGESTED_LENGTH)}`, 'step_b'])).to.equal('step_b');
  });
});
