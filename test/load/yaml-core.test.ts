import { expect } from 'chai';
import { clearUnsafeInteger, CORE_TYPES, resolvePlainScalar, unsafeIntegerSeen } from '../../src/load/yaml-core';
import { makeRng, SCALAR_SHAPES } from './yaml-generator';

/** The core schema as yaml applies it: the first of CORE_TYPES whose test matches, else the text itself. */
function reference(source: string): { value: unknown; unsafe: boolean } {
  clearUnsafeInteger();
  const type = CORE_TYPES.find(([test]) => test.test(source));
  const value = type ? type[1](source) : source;
  return { value, unsafe: unsafeIntegerSeen() };
}

/** resolvePlainScalar on `source` written inside other text (it reads a range, not a string of its own). */
function resolved(before: string, source: string, after: string): { value: unknown; unsafe: boolean } {
  clearUnsafeInteger();
  const text = before + source + after;
  const value = resolvePlainScalar(text, before.length, before.length + source.length);
  return { value, unsafe: unsafeIntegerSeen() };
}

function expectSame(source: string, before = '', after = ''): void {
  const want = reference(source);
  const got = resolved(before, source, after);
  const show = JSON.stringify(source);
  expect(Object.is(got.value, want.value) || got.value === want.value, `${show}: ${String(got.value)} vs ${String(want.value)}`).to.equal(true);
  expect(typeof got.value, show).to.equal(typeof want.value);
  expect(got.unsafe, show).to.equal(want.unsafe);
}

describe('load/yaml-core resolvePlainScalar', () => {
  it('resolves every scalar shape as the core schema does', () => {
    const extra = [
      '',
      '~x',
      'n',
      't',
      'f',
      'F',
      'N',
      'T',
      'nul',
      'nulls',
      'truee',
      'fals',
      'FaLsE',
      '0x',
      '+',
      '-',
      '.',
      'e',
      '1h',
      '6h',
      '5m',
      'G.1X',
    ];
    for (const s of [...SCALAR_SHAPES, ...extra]) {
      expectSame(s);
      expectSame(s, 'key: ', '\nnext: 1');
    }
  });

  it('agrees with the core schema on generated scalars', () => {
    // Mostly the characters numbers and the null/boolean words are written with, so that near misses are common.
    const alphabet = '0123456789+-.eExXoOaAbBfFiInNlLsStTuUrR~_:, hé';
    const rng = makeRng(7);
    for (let n = 0; n < 200_000; n++) {
      let s = '';
      for (let k = 1 + Math.floor(rng() * 8); k > 0; k--) s += alphabet[Math.floor(rng() * alphabet.length)];
      expectSame(s, n % 2 === 0 ? '' : 'x: ', n % 3 === 0 ? '' : ' # c');
    }
  });
});
