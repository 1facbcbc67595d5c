import { expect } from 'chai';
import { hasJinja } from '../../src/base/values';
import { randomTexts } from '../helpers/random-texts';

/** The general form hasJinja's single scan replaces. */
const general = (text: string) => text.includes('{{') || text.includes('{%');

describe('base/values: hasJinja', () => {
  it("answers as includes('{{') || includes('{%'), wherever the braces are (differential)", () => {
    const pieces = ['{', '{{', '%', '}', '#', 'a', ' ', '{#', '%}', '\n'];
    const texts = randomTexts(pieces, { seed: 11, count: 20000, maxPieces: 8, edges: ['', '{', '{{', '{%', 'a{', 'a{b{{', '{ {', '{}{%', '{#{'] });
    for (const t of texts) expect(hasJinja(t), JSON.stringify(t)).to.equal(general(t));
  });
});
