import { expect } from 'chai';
import { codePointLength } from '../../src/base/aws-names';
import { randomTexts } from '../helpers/random-texts';

/** The general form codePointLength replaces: the string iterator's code points, counted. */
const general = (text: string) => [...text].length;

describe('base/aws-names: codePointLength', () => {
  it('counts what [...text].length counts, surrogate pairs and lone surrogates included (differential)', () => {
    const pieces = ['a', 'é', '\ud83d\ude00', '\ud83d', '\ude00', '\udbff', '\udc00', '\ud7ff', '\ue000', '\uffff', '-', ''];
    const texts = randomTexts(pieces, {
      seed: 7,
      count: 20000,
      maxPieces: 9,
      edges: ['', 'a', '\ud83d', '\ude00', '\ud83d\ude00', '\ude00\ud83d', '\ud83d\ud83d\ude00', 'ab\ud83d'],
    });
    for (const t of texts) expect(codePointLength(t), JSON.stringify(t)).to.equal(general(t));
  });
});
