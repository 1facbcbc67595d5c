/**
 * pyStr skips the per-character walk when one regex test over the whole string finds nothing to escape. That fast
 * path is only correct if the regex matches every character the walk escapes (and every lone surrogate, which the
 * walk refuses). Held here, exhaustively over the BMP and over whole astral planes and samples of the others,
 * against the walk and against the per-character implementation pyStr had before the fast path (the oracle below).
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { LiteralError, pyStr, pyStrByCodePoint } from '../../src/emit/python/literal';

const SEED = Number(process.env.FC_SEED ?? 20_261_130);

/** pyStr as it was before the fast path: every character tested on its own. The reference, kept verbatim. */
const INVISIBLE = /^[\p{Cf}\p{Cn}\p{Co}\p{Zl}\p{Zp}]$/u;
const ORACLE_SIMPLE: Readonly<Record<string, string>> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
function oracleEscapeCodePoint(cp: number): string {
  if (cp <= 0xff) return `\\x${cp.toString(16).padStart(2, '0')}`;
  if (cp <= 0xffff) return `\\u${cp.toString(16).padStart(4, '0')}`;
  return `\\U${cp.toString(16).padStart(8, '0')}`;
}
function oraclePyStr(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const cp = value.codePointAt(i)!;
    if (cp >= 0xd800 && cp <= 0xdfff) {
      throw new LiteralError(`lone surrogate U+${cp.toString(16).toUpperCase()} at offset ${i}`, 'string');
    }
    const ch = String.fromCodePoint(cp);
    if (cp > 0xffff) i++;
    const simple = Object.prototype.hasOwnProperty.call(ORACLE_SIMPLE, ch) ? ORACLE_SIMPLE[ch] : undefined;
    if (simple !== undefined) out += simple;
    else if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || INVISIBLE.test(ch)) out += oracleEscapeCodePoint(cp);
    else out += ch;
  }
  return out + '"';
}

/** The strings one code point is tested in: alone, between ASCII, and next to a character that is escaped. */
function contexts(ch: string): string[] {
  return [ch, `a${ch}b`, `${ch}${ch}`, `"${ch}\\`, `x ${ch}\n`];
}

function mismatchesOver(
  codePoints: Iterable<number>,
  contextsOf: (ch: string) => string[] = contexts,
): { checked: number; escaped: number; mismatches: string[] } {
  let checked = 0;
  let escaped = 0;
  const mismatches: string[] = [];
  for (const cp of codePoints) {
    const ch = String.fromCodePoint(cp);
    for (const s of contextsOf(ch)) {
      const want = oraclePyStr(s);
      const fast = pyStr(s);
      const walk = pyStrByCodePoint(s);
      if ((fast !== want || walk !== want) && mismatches.length < 10) {
        mismatches.push(`U+${cp.toString(16)} in ${JSON.stringify(s)}: want ${want}, pyStr ${fast}, walk ${walk}`);
      }
    }
    if (pyStr(ch) !== `"${ch}"`) escaped++;
    checked++;
  }
  return { checked, escaped, mismatches };
}

function* range(from: number, to: number, step = 1): Generator<number> {
  for (let cp = from; cp <= to; cp += step) if (cp < 0xd800 || cp > 0xdfff) yield cp;
}

describe('pyStr fast path (no escaping needed: one regex test)', () => {
  it('escapes exactly what the per-character implementation escapes, for every BMP code point', function () {
    this.timeout(60_000);
    const { checked, escaped, mismatches } = mismatchesOver(range(0, 0xffff));
    expect(mismatches).to.deep.equal([]);
    expect(checked).to.equal(0x10000 - 0x800);
    // The classes that must be escaped are really there in numbers: controls, format, unassigned, private use.
    expect(escaped, 'BMP code points escaped').to.be.greaterThan(6400 + 65);
  });

  it('escapes exactly what the per-character implementation escapes, over astral planes', function () {
    this.timeout(60_000);
    // Whole planes where the interesting classes live: SMP (emoji, assigned and unassigned), SIP, SSP (tag
    // characters, Cf) and the start and end of the private-use planes; a stride through every other plane.
    const planes = [
      range(0x10000, 0x1ffff),
      range(0x20000, 0x2ffff, 7),
      range(0x30000, 0x3ffff, 13),
      range(0x40000, 0xdffff, 4099),
      range(0xe0000, 0xeffff),
      range(0xf0000, 0xf0fff),
      range(0xff000, 0x10ffff),
    ];
    let total = 0;
    let escapedTotal = 0;
    for (const plane of planes) {
      const { checked, escaped, mismatches } = mismatchesOver(plane, (ch) => [ch, `a${ch}b`]);
      expect(mismatches).to.deep.equal([]);
      total += checked;
      escapedTotal += escaped;
    }
    expect(total).to.be.greaterThan(150_000);
    expect(escapedTotal, 'astral code points escaped (tags, unassigned, private use)').to.be.greaterThan(60_000);
    // Named members of each class the fast path must not let through raw.
    for (const [cp, why] of [
      [0xe0001, 'LANGUAGE TAG (Cf)'],
      [0xe007f, 'CANCEL TAG (Cf)'],
      [0x1d173, 'MUSICAL SYMBOL BEGIN BEAM (Cf)'],
      [0xf0000, 'private use (Co)'],
      [0x10fffd, 'private use (Co)'],
      [0x10ffff, 'noncharacter (Cn)'],
      [0x2fffe, 'noncharacter (Cn)'],
    ] as const) {
      expect(pyStr(`a${String.fromCodePoint(cp)}b`), why).to.equal(`"a\\U${cp.toString(16).padStart(8, '0')}b"`);
    }
  });

  it('keeps printable characters raw on the fast path, astral ones included', () => {
    for (const s of ['', 'plain ascii {{ ds }}', 'café', '漢字', 'שלום', '😀🧪', 'e\u0301', '\u{1F600}x\u{10000}']) {
      expect(pyStr(s)).to.equal(`"${s}"`);
    }
  });

  it('refuses every lone surrogate, at the same offset, alone or next to a pair', () => {
    for (let unit = 0xd800; unit <= 0xdfff; unit++) {
      const lone = String.fromCharCode(unit);
      for (const s of [lone, `ab${lone}`, `\u{1F600}${lone}`, `${lone}"`]) {
        let want = '';
        let got = '';
        try {
          oraclePyStr(s);
        } catch (err) {
          want = (err as Error).message;
        }
        try {
          pyStr(s);
        } catch (err) {
          expect(err).to.be.instanceOf(LiteralError);
          got = (err as Error).message;
        }
        expect(want, JSON.stringify(s)).to.match(/^lone surrogate/);
        expect(got, JSON.stringify(s)).to.equal(want);
      }
    }
  });

  it('agrees with the per-character implementation on random strings', () => {
    const unit = fc.constantFrom('binary', 'grapheme', 'grapheme-composite', 'binary-ascii') as fc.Arbitrary<'binary'>;
    fc.assert(
      fc.property(
        unit.chain((u) => fc.string({ unit: u, maxLength: 80 })),
        (s) => {
          let want: string | Error;
          try {
            want = oraclePyStr(s);
          } catch (err) {
            want = err as Error;
          }
          if (typeof want === 'string') expect(pyStr(s)).to.equal(want);
          else expect(() => pyStr(s)).to.throw(LiteralError, want.message);
        },
      ),
      { numRuns: 20_000, seed: SEED },
    );
  });
});
