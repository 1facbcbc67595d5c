import { expect } from 'chai';
import { codePointLength } from '../../src/base/aws-names';

/** The general form codePointLength replaces: the string iterator's code points, counted. */
const general = (text: string) => [...text].length;

describe('base/aws-names: codePointLength', () => {
  it('counts what [...text].length counts, surrogate pairs and lone surrogates included (differential)', () => {
    const pieces = ['a', 'é', '\ud83d\ude00', '\ud83d', '\ude00', '\udbff', '\udc00', '\ud7ff', '\ue000', '\uffff', '-', ''];
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const texts = ['', 'a', '\ud83d', '\ude00', '\ud83d\ude00', '\ude00\ud83d', '\ud83d\ud83d\ude00', 'ab\ud83d'];
    for (let i = 0; i < 20000; i++) {
      let t = '';
      const n = Math.floor(rnd() * 9);
      for (let j = 0; j < n; j++) t += pieces[Math.floor(rnd() * pieces.length)];
      texts.push(t);
    }
    for (const t of texts) expect(codePointLength(t), JSON.stringify(t)).to.equal(general(t));
  });
});
