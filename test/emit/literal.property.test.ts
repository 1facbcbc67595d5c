/**
 * pyLiteral is the one way spec values reach Python source. Property: for any JSON-like value, the emitted text is
 * read back by Python's own ast.literal_eval as the same value. Values are generated with fast-check and checked in
 * ONE python3 process, in batch; the comparison goes through a tagged canonical form (see test/python/literal_eval.py)
 * that keeps int vs float, -0.0, infinities, non-BMP characters and key order exact.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { LiteralError, pyLiteral, pyNumber, pyStr } from '../../src/emit/python/literal';
import { runPythonJson } from '../helpers/python';

const RUNS = Number(process.env.LITERAL_RUNS ?? 10_000);
const SEED = Number(process.env.FC_SEED ?? 20_261_128);

type Canon = ['null'] | ['bool', boolean] | ['int', string] | ['float', string] | ['str', string] | ['list', Canon[]] | ['dict', [string, Canon][]];

function floatBits(n: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, n);
  return [...new Uint8Array(view.buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** What Python must read back for a JS value: integral doubles become int, the rest (and -0, ±inf) float. */
function canon(v: unknown): Canon {
  if (v === null || v === undefined) return ['null'];
  if (typeof v === 'boolean') return ['bool', v];
  if (typeof v === 'bigint') return ['int', v.toString()];
  if (typeof v === 'number') {
    if (Object.is(v, -0) || !Number.isFinite(v) || !Number.isInteger(v)) return ['float', floatBits(v)];
    return ['int', BigInt(v).toString()];
  }
  if (typeof v === 'string') return ['str', v];
  if (Array.isArray(v)) return ['list', v.map(canon)];
  return ['dict', Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, canon(x)] as [string, Canon])];
}

/** Characters that must never appear raw in emitted source: they change how it is read or displayed. */
const MUST_ESCAPE = [
  '\u0000',
  '\u0007',
  '\u0008',
  '\u000b',
  '\u000c',
  '\u000d',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009b',
  '\u00ad',
  '\u061c',
  '\u180e',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u200e',
  '\u200f',
  '\u2028',
  '\u2029',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2060',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\ufeff',
];
/** Raw in output anywhere: C0/C1 controls other than \n, and the invisible/bidi set. */
// eslint-disable-next-line no-control-regex -- control characters are what this test looks for in the output
const RAW_FORBIDDEN = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/u;

const HOSTILE = [
  '"',
  "'",
  '"""',
  "'''",
  '\\',
  '\\\\',
  '\\"',
  "\\'",
  '\n',
  '\r',
  '\r\n',
  '\t',
  '\v',
  '\f',
  '\0',
  '\x07',
  '\x1b',
  '\x7f',
  '\x85',
  '\u2028',
  '\u2029',
  '\u202a',
  '\u202b',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200b',
  '\u200d',
  '\u200e',
  '\ufeff',
  '\u00ad',
  '\\N{BULLET}',
  '\\N{',
  '\\x41',
  '\\u0041',
  '\\U0001F600',
  '{{ ds }}',
  '{{',
  '}}',
  '{%',
  '%}',
  '{',
  '}',
  '${x}',
  '$${',
  '#',
  '# comment',
  '😀',
  '🧪',
  '\u{10FFFF}',
  '\u{E0001}',
  'e\u0301',
  '漢字',
  'שלום',
  '\u0627\u0644',
  ')',
  '(',
  ']',
  '[',
  ',',
  ':',
  'None',
  'True',
  '__import__("os")',
  '\\\n',
  '"\n"',
];

const hostilePiece = fc.constantFrom(...HOSTILE);
const binary = (maxLength: number) => fc.string({ unit: 'binary', maxLength });
const hostileString = fc.array(fc.oneof(hostilePiece, binary(4)), { maxLength: 24 }).map((a) => a.join(''));
const multiLine = fc
  .tuple(fc.array(fc.oneof(binary(30), hostileString), { minLength: 2, maxLength: 8 }), fc.constantFrom('', '\n', '\r\n'))
  .map(([lines, end]) => lines.join('\n') + end);
const longString = fc
  .tuple(fc.oneof(binary(3), hostilePiece), fc.integer({ min: 50, max: 2500 }), fc.boolean())
  .map(([s, n, nl]) => (s || 'x').repeat(n) + (nl ? '\nand a second line' : ''));

const str: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: binary(40), weight: 4 },
  { arbitrary: hostileString, weight: 4 },
  { arbitrary: multiLine, weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }), weight: 1 },
  { arbitrary: longString, weight: 1 },
);

const SPECIAL_NUMBERS = [
  0,
  -0,
  1,
  -1,
  0.1,
  0.5,
  -2.5,
  1e21,
  1e-7,
  1e-300,
  5e-324,
  -5e-324,
  1.7976931348623157e308,
  -1.7976931348623157e308,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53),
  2 ** 53 - 1,
  2 ** 63,
  2 ** 64,
  2 ** 1023,
  123456789012345680000,
  Infinity,
  -Infinity,
];
const num: fc.Arbitrary<number> = fc.oneof(
  fc.double({ noNaN: true }),
  fc.integer(),
  fc.maxSafeInteger(),
  fc.constantFrom(...SPECIAL_NUMBERS),
  fc.bigInt({ min: -(2n ** 1100n), max: 2n ** 1100n }).map(Number),
);

const leaf: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: str, weight: 6 },
  { arbitrary: num, weight: 3 },
  { arbitrary: fc.bigInt({ min: -(2n ** 200n), max: 2n ** 200n }), weight: 1 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.constant(null), weight: 1 },
);

const { value: jsonLike } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.oneof(binary(12), hostileString), tie('value'), { maxKeys: 5 }),
  ),
}));

const options = fc.record({
  indent: fc.integer({ min: 0, max: 3 }).map((n) => '    '.repeat(n)),
  split: fc.constantFrom(undefined, 0, 10, 60, 1000),
});

interface Sample {
  value: unknown;
  src: string;
  context: string;
}

type PyResult = { ok: true; value: Canon } | { ok: false; error: string };

describe('pyLiteral (property, checked by Python ast.literal_eval)', () => {
  it(`round-trips ${RUNS} random JSON-like values through Python (seed ${SEED})`, function () {
    this.timeout(120_000);
    const samples: Sample[] = [];
    fc.assert(
      fc.property(jsonLike, options, (value, o) => {
        const src = pyLiteral(value, { indent: o.indent, ...(o.split === undefined ? {} : { splitStringsLongerThan: o.split }) });
        // Checked here, with shrinking: nothing that changes how source reads ever appears raw.
        expect(RAW_FORBIDDEN.test(src), `raw control/invisible character in ${JSON.stringify(src)}`).to.equal(false);
        const context = o.indent === '' ? `x = ${src}\n` : `if True:\n${o.indent}x = ${src}\n`;
        samples.push({ value, src, context });
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect(samples.length).to.equal(RUNS);

    const results = runPythonJson<PyResult[]>(
      'literal_eval.py',
      samples.map((s) => ({ src: s.src, context: s.context })),
    );
    expect(results.length, 'one result per sample').to.equal(samples.length);
    let evaluated = 0;
    const mismatches: string[] = [];
    results.forEach((r, i) => {
      const s = samples[i]!;
      if (!r.ok) {
        mismatches.push(`Python could not read ${JSON.stringify(s.src)}: ${r.error}`);
        return;
      }
      evaluated++;
      const want = JSON.stringify(canon(s.value));
      const got = JSON.stringify(r.value);
      if (want !== got && mismatches.length < 5) mismatches.push(`${JSON.stringify(s.src)}\n  want ${want}\n  got  ${got}`);
      else if (want !== got) mismatches.push('...');
    });
    expect(mismatches.slice(0, 5)).to.deep.equal([]);
    expect(evaluated, 'values Python actually evaluated').to.be.at.least(10_000);

    // The generator reaches the interesting paths often enough for the run to mean something.
    const count = (re: RegExp) => samples.filter((s) => re.test(s.src)).length;
    expect(count(/\(\n/), 'multi-line split strings').to.be.at.least(200);
    expect(count(/[\u{10000}-\u{10FFFF}]/u), 'raw non-BMP characters').to.be.at.least(200);
    expect(count(/\d{17,}/), 'integers beyond 2^53').to.be.at.least(200);
    expect(count(/-0\.0\b/), 'negative zero').to.be.at.least(10);
    expect(count(/\b1e999\b/), 'infinity').to.be.at.least(10);
    expect(count(/\\u202e|\\u2028|\\x00/), 'escaped bidi / line separator / NUL').to.be.at.least(100);
  });

  it('the comparison is strict: Python reading back a different value is caught', () => {
    const results = runPythonJson<PyResult[]>('literal_eval.py', [
      { src: '1.0', context: 'x = 1.0' },
      { src: '"\\U0001f600"', context: 'x = 1' },
      { src: '{"b": 1, "a": 2}', context: 'x = 1' },
      { src: '-0.0', context: 'x = 1' },
      { src: 'f(1)', context: 'x = 1' },
    ]);
    expect(JSON.stringify(results[0]!.ok && results[0]!.value)).to.not.equal(JSON.stringify(canon(1)));
    expect(JSON.stringify(results[1]!.ok && results[1]!.value)).to.equal(JSON.stringify(canon('\u{1F600}')));
    expect(JSON.stringify(results[2]!.ok && results[2]!.value)).to.not.equal(JSON.stringify(canon({ a: 2, b: 1 })));
    expect(JSON.stringify(results[3]!.ok && results[3]!.value)).to.not.equal(JSON.stringify(canon(0)));
    expect(results[4]!.ok).to.equal(false);
  });

  it('throws LiteralError for lone surrogates, wherever they are', () => {
    const bad = ['\ud800', 'a\udc00', '\udc00\ud800', 'x\ud83d', '\udfffz', '\ud83d\ud83d\ude00'];
    for (const s of bad) {
      expect(() => pyStr(s), JSON.stringify(s)).to.throw(LiteralError);
      expect(() => pyLiteral([1, { k: s }]), `nested ${JSON.stringify(s)}`).to.throw(LiteralError);
      expect(() => pyLiteral({ [s]: 1 }), `key ${JSON.stringify(s)}`).to.throw(LiteralError);
      expect(() => pyLiteral(`line one is long enough to be split\n${s}\nline three`, { splitStringsLongerThan: 0 })).to.throw(LiteralError);
    }
    fc.assert(
      fc.property(binary(20), binary(20), fc.integer({ min: 0xd800, max: 0xdfff }), (a, b, unit) => {
        const s = a + String.fromCharCode(unit) + (unit <= 0xdbff ? 'x' : '') + b;
        expect(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s), 'has a lone surrogate').to.equal(true);
        expect(() => pyLiteral(s)).to.throw(LiteralError);
      }),
      { numRuns: 1000, seed: SEED },
    );
    try {
      pyStr('ok\ud800');
    } catch (err) {
      expect(err).to.be.instanceOf(LiteralError);
      expect((err as LiteralError).kind).to.equal('string');
    }
  });

  it('throws LiteralError for NaN and for values that are not JSON-like', () => {
    expect(() => pyNumber(NaN)).to.throw(LiteralError);
    expect(() => pyLiteral(NaN)).to.throw(LiteralError);
    expect(() => pyLiteral({ a: [1, NaN] })).to.throw(LiteralError);
    expect(() => pyLiteral(Symbol('s'))).to.throw(LiteralError);
    expect(() => pyLiteral(() => 1)).to.throw(LiteralError);
    expect(pyNumber(Infinity)).to.equal('1e999');
    expect(pyNumber(-Infinity)).to.equal('-1e999');
    expect(pyNumber(-0)).to.equal('-0.0');
    expect(pyNumber(2 ** 64)).to.equal('18446744073709551616');
  });

  it('never writes bidi, zero-width, line-separator or control characters raw', () => {
    for (const c of MUST_ESCAPE) {
      const out = pyStr(`a${c}b`);
      expect(out.includes(c), `U+${c.codePointAt(0)!.toString(16)}`).to.equal(false);
      expect(out).to.match(/^"a\\(x[0-9a-f]{2}|u[0-9a-f]{4}|[rtn])b"$/);
    }
  });

  it('pyStr output is always one line: no raw \\n, \\r or other line break', () => {
    fc.assert(
      fc.property(fc.oneof(binary(60), hostileString, multiLine), (s) => {
        const out = pyStr(s);
        // eslint-disable-next-line no-control-regex -- the line breaks Python's str.splitlines() knows, control characters among them
        expect(out).to.not.match(/[\n\r\u000b\u000c\u001c-\u001e\u0085\u2028\u2029]/);
        expect(out.startsWith('"') && out.endsWith('"')).to.equal(true);
      }),
      { numRuns: 2000, seed: SEED },
    );
  });

  it('splits long multi-line strings into one quoted piece per line, inside parentheses', () => {
    const text = 'SELECT *\n  FROM "orders"\n WHERE dt = \'{{ ds }}\'\n';
    expect(pyLiteral(text, { indent: '    ', splitStringsLongerThan: 10 })).to.equal(
      ['(', '        "SELECT *\\n"', '        "  FROM \\"orders\\"\\n"', '        " WHERE dt = \'{{ ds }}\'\\n"', '    )'].join('\n'),
    );
    // Short, single-line, or ending in its only newline: one literal.
    expect(pyLiteral('a\nb')).to.equal('"a\\nb"');
    expect(pyLiteral('x'.repeat(80) + '\n')).to.equal(`"${'x'.repeat(80)}\\n"`);
  });
});
