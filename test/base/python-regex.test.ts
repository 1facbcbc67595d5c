/** src/base/python-regex.ts: Python's `re` in JavaScript, facts checked with CPython 3.11 (no Python needed here). */
import { expect } from 'chai';
import { pythonRegex, pythonRegexCompileError, pythonSearch } from '../../src/base/python-regex';

const search = (pattern: string, subject: string) => {
  const r = pythonSearch(pattern, subject);
  if (typeof r !== 'boolean') throw new Error(`${pattern}: ${r.kind}: ${r.message}`);
  return r;
};
const kind = (pattern: string) => pythonRegex(pattern).kind;

describe('src/base/python-regex.ts', () => {
  it('matches \\w, \\d and \\b as Unicode, as Python does for str patterns', () => {
    expect(search('^\\w+$', 'caf\u00e9')).to.be.true;
    expect(search('^\\d+$', '\u0663\u0664')).to.be.true;
    expect(search('^\\d+$', '\u00b2')).to.be.false; // superscript two: a digit, not a decimal
    expect(search('\\bx\\b', '\u00e9x\u00e9')).to.be.false;
    expect(search('^\\W$', '\u00e9')).to.be.false;
    expect(search('^\\D$', '\u0663')).to.be.false;
    expect(search('(?a)^\\w+$', 'caf\u00e9')).to.be.false;
  });

  it('matches \\s as Python does: U+001C..U+001F and U+0085 are whitespace, U+FEFF is not', () => {
    for (const c of ['\u001c', '\u001d', '\u001e', '\u001f', '\u0085', '\u00a0', '\u2028']) expect(search('^\\s$', c), JSON.stringify(c)).to.be.true;
    expect(search('^\\s$', '\ufeff')).to.be.false;
    expect(search('^\\S$', '\ufeff')).to.be.true;
  });

  it('reads $, \\Z, . and \\B as Python does', () => {
    expect(search('^abc$', 'abc\n')).to.be.true;
    expect(search('^abc\\Z', 'abc\n')).to.be.false;
    expect(search('^.$', '\r')).to.be.true;
    expect(search('^.$', '\n')).to.be.false;
    expect(search('\\B', '')).to.be.false;
    expect(search('\\B', 'ab')).to.be.true;
  });

  it('takes Python syntax: named groups, (?P=name), inline flags, look-behind, possessive and atomic', () => {
    expect(search('(?P<y>\\d{4})-(?P=y)', '2024-2024')).to.be.true;
    expect(search('(?P<y>\\d{4})-(?P=y)', '2024-2025')).to.be.false;
    expect(search('(?i)^stra\u00dfe$', 'STRA\u00dfE')).to.be.true;
    expect(search('(?i)^k$', '\u212a')).to.be.true; // Kelvin sign
    expect(search('(?i)^s$', '\u017f')).to.be.true; // long s, through _sre's extra cases
    expect(search('(?i:a)b', 'Ab')).to.be.true;
    expect(search('(?i:a)b', 'AB')).to.be.false;
    expect(search('(?x) a b # comment', 'ab')).to.be.true;
    expect(search('(?<=\\$)\\d+', 'cost $42')).to.be.true;
    expect(search('^a++a', 'aaa')).to.be.false;
    expect(search('^(?>a+)b', 'aab')).to.be.true;
    expect(search('a{,2}x', 'x')).to.be.true;
  });

  it('refuses what Python refuses, with Python\u2019s message', () => {
    expect(pythonRegexCompileError('(?<name>a)')).to.equal('unknown extension ?<n at position 1');
    expect(pythonRegexCompileError('\\p{L}')).to.equal('bad escape \\p at position 0');
    expect(pythonRegexCompileError('(?<=a+)b')).to.equal('look-behind requires fixed-width pattern');
    expect(pythonRegexCompileError('[]')).to.equal('unterminated character set at position 0');
    expect(pythonRegexCompileError('a(?i)b')).to.equal('global flags not at the start of the expression at position 1');
    expect(pythonRegexCompileError('\\k<n>')).to.equal('bad escape \\k at position 0');
    expect(pythonRegexCompileError('a**')).to.equal('multiple repeat at position 2');
    expect(pythonRegexCompileError('[[:alpha:]]')).to.equal(undefined); // a set of ':', '[', 'a', 'h', 'l', 'p' then ']'
  });

  it('refuses with a reason what it cannot match exactly', () => {
    expect(kind('(a)?\\1')).to.equal('untranslatable');
    expect(kind('(a)|b\\1')).to.equal('untranslatable'); // Python fails \\1 when the first alternative did not match
    expect(kind('(?i)(a)\\1')).to.equal('untranslatable');
    expect(kind('(a)?(?(1)b|c)')).to.equal('untranslatable');
    expect(kind('\\N{EM DASH}')).to.equal('untranslatable');
    expect(kind('(?<=(?>a))b')).to.equal('untranslatable');
    expect(kind('(a)\\1')).to.equal('ok');
  });

  it('refuses groups nested deeper than Python\u2019s parser can recurse', () => {
    expect(pythonRegexCompileError('('.repeat(250) + 'a' + ')'.repeat(250))).to.match(/RecursionError/);
    expect(pythonRegexCompileError('('.repeat(150) + 'a' + ')'.repeat(150))).to.equal(undefined);
  });
});
