import { expect } from 'chai';
import { emittedCron } from '../../src/base/cron';

/** The general form emittedCron skips when the text is already in it. */
const general = (text: string) => text.trim().split(/\s+/).join(' ');

describe('base/cron: emittedCron', () => {
  it('gives what trimming and joining on one space gives, whatever the whitespace (differential)', () => {
    const pieces = ['0', '*/5', 'mon', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2028', '\u3000', '\ufeff', '\u001c', '\u0085', '\u200b', 'x'];
    let seed = 3;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const texts = ['', ' ', '0 0 * * *', ' 0 0 * * *', '0 0 * * * ', '0  0 * * *', '0\t0 * * *'];
    for (let i = 0; i < 20000; i++) {
      let t = '';
      const n = Math.floor(rnd() * 8);
      for (let j = 0; j < n; j++) t += pieces[Math.floor(rnd() * pieces.length)];
      texts.push(t);
    }
    for (const t of texts) expect(emittedCron(t), JSON.stringify(t)).to.equal(general(t));
  });
});
