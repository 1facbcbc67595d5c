import { expect } from 'chai';
import { hasJinja } from '../../src/base/values';

/** The general form hasJinja's single scan replaces. */
const general = (text: string) => text.includes('{{') || text.includes('{%');

describe('base/values: hasJinja', () => {
  it("answers as includes('{{') || includes('{%'), wherever the braces are (differential)", () => {
    const pieces = ['{', '{{', '%', '}', '#', 'a', ' ', '{#', '%}', '\n'];
    let seed = 11;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const texts = ['', '{', '{{', '{%', 'a{', 'a{b{{', '{ {', '{}{%', '{#{'];
    for (let i = 0; i < 20000; i++) {
      let t = '';
      const n = Math.floor(rnd() * 8);
      for (let j = 0; j < n; j++) t += pieces[Math.floor(rnd() * pieces.length)];
      texts.push(t);
    }
    for (const t of texts) expect(hasJinja(t), JSON.stringify(t)).to.equal(general(t));
  });
});
