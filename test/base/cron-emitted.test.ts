import { expect } from 'chai';
import { emittedCron } from '../../src/base/cron';
import { randomTexts } from '../helpers/random-texts';

/** The general form emittedCron skips when the text is already in it. */
const general = (text: string) => text.trim().split(/\s+/).join(' ');

describe('base/cron: emittedCron', () => {
  it('gives what trimming and joining on one space gives, whatever the whitespace (differential)', () => {
    const pieces = ['0', '*/5', 'mon', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2028', '\u3000', '\ufeff', '\u001c', '\u0085', '\u200b', 'x'];
    const texts = randomTexts(pieces, {
      seed: 3,
      count: 20000,
      maxPieces: 8,
      edges: ['', ' ', '0 0 * * *', ' 0 0 * * *', '0 0 * * * ', '0  0 * * *', '0\t0 * * *'],
    });
    for (const t of texts) expect(emittedCron(t), JSON.stringify(t)).to.equal(general(t));
  });
});
