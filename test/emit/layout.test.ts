/**
 * The layout of expressions and literals is measured once and written once (layout.ts, literal.ts). Generated DAGs
 * must stay byte-identical to what the straightforward printer wrote (render each group on one line, and again one
 * item a line when that does not fit): held here against that printer, kept below verbatim as the reference, on
 * random expression trees whose widths land around the 100-column limit, at every indentation.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { call, dict, list, lit, name, type PyExpr } from '../../src/base/python-expr';
import { render } from '../../src/emit/python/layout';
import { LiteralError, pyLiteral, pyNumber, pyStr } from '../../src/emit/python/literal';

const SEED = Number(process.env.FC_SEED ?? 20_261_130);

// ------------------------------------------------------------------ the reference printer (before measuring once)

const STEP = '    ';

function refLiteral(value: unknown, indent = '', split = 60): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return pyNumber(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string') {
    const nl = value.indexOf('\n');
    if (nl < 0 || nl === value.length - 1 || value.length <= split) return pyStr(value);
    const pieces = value.split(/(?<=\n)/);
    return `(\n${pieces.map((p) => `${indent}${STEP}${pyStr(p)}`).join('\n')}\n${indent})`;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return refBracket(
      '[',
      ']',
      value.map((v) => refLiteral(v, indent + STEP, split)),
      indent,
    );
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '{}';
    return refBracket(
      '{',
      '}',
      entries.map(([k, v]) => `${pyStr(k)}: ${refLiteral(v, indent + STEP, split)}`),
      indent,
    );
  }
  throw new LiteralError(`a ${typeof value} cannot be written as a Python literal`, 'type');
}

function refBracket(open: string, close: string, items: string[], indent: string): string {
  const inline = `${open}${items.join(', ')}${close}`;
  if (inline.length + indent.length <= 100 && !inline.includes('\n')) return inline;
  const inner = indent + STEP;
  return `${open}\n${items.map((i) => `${inner}${i},`).join('\n')}\n${indent}${close}`;
}

function refRender(expr: PyExpr, indent = ''): string {
  switch (expr.t) {
    case 'lit':
      return refLiteral(expr.value, indent);
    case 'name':
      return expr.name;
    case 'list':
      return refGroup(
        '[',
        ']',
        expr.items.map((i) => (ind: string) => refRender(i, ind)),
        indent,
      );
    case 'dict':
      return refGroup(
        '{',
        '}',
        expr.entries.map(
          ([k, v]) =>
            (ind: string) =>
              `${refLiteral(k)}: ${refRender(v, ind)}`,
        ),
        indent,
      );
    case 'call':
      return refGroup(
        `${expr.callee}(`,
        ')',
        [
          ...expr.args.map((a) => (ind: string) => refRender(a, ind)),
          ...expr.kwargs.map(
            ([k, v]) =>
              (ind: string) =>
                `${k}=${refRender(v, ind)}`,
          ),
        ],
        indent,
      );
  }
}

function refGroup(open: string, close: string, parts: ((indent: string) => string)[], indent: string): string {
  if (parts.length === 0) return `${open}${close}`;
  const inline = `${open}${parts.map((p) => p(indent)).join(', ')}${close}`;
  if (!inline.includes('\n') && indent.length + inline.length <= 100) return inline;
  const inner = indent + STEP;
  return `${open}\n${parts.map((p) => `${inner}${p(inner)},`).join('\n')}\n${indent}${close}`;
}

// ------------------------------------------------------------------ random trees around the width limit

/** Strings of every width up to past the limit, some with line breaks (split when long) and characters to escape. */
const text = fc.oneof(
  fc.integer({ min: 0, max: 110 }).map((n) => 'x'.repeat(n)),
  fc.string({ unit: fc.constantFrom('a', 'b', ' ', '"', '\\', '\n', '\t', '{', 'é', '\u202e', '😀'), maxLength: 90 }),
  fc.tuple(fc.integer({ min: 20, max: 70 }), fc.integer({ min: 0, max: 40 })).map(([a, b]) => `${'s'.repeat(a)}\n${'t'.repeat(b)}`),
);

const { value: jsonValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.oneof(fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null)),
    // Single-item nesting is where a literal's items need more room than the literal itself.
    fc.array(tie('value'), { maxLength: 4 }),
    tie('value').map((v) => [v]),
    fc.dictionary(fc.oneof(text, fc.constantFrom('k', 'key')), tie('value'), { maxKeys: 4 }),
  ),
}));

const ident = fc.constantFrom('f', 'task_id', 'source_bucket_key', 'script_args', 'x', 'a_rather_long_keyword_name');
const callee = fc.constantFrom('f', 'dict', 'timedelta', 'GlueJobOperator', 'pendulum.datetime', 'AVeryLongOperatorClassName');

const { expr } = fc.letrec<{ expr: PyExpr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    jsonValue.map(lit),
    ident.map(name),
    fc
      .tuple(callee, fc.array(tie('expr'), { maxLength: 3 }), fc.array(fc.tuple(ident, tie('expr')), { maxLength: 5 }))
      .map(([c, args, kw]) => call(c, args, kw)),
    fc.array(tie('expr'), { maxLength: 4 }).map(list),
    fc.array(fc.tuple(fc.oneof(ident, text), tie('expr')), { maxLength: 4 }).map(dict),
  ),
}));

const indent = fc.integer({ min: 0, max: 24 }).map((n) => ' '.repeat(n));

describe('expression and literal layout (measured once)', () => {
  it('renders every expression exactly as the reference printer does, at every indentation', function () {
    this.timeout(60_000);
    let multiLine = 0;
    let oneLine = 0;
    fc.assert(
      fc.property(expr, indent, (e, ind) => {
        let want: string | Error;
        try {
          want = refRender(e, ind);
        } catch (err) {
          want = err as Error;
        }
        if (typeof want !== 'string') {
          expect(() => render(e, ind)).to.throw(LiteralError);
          return;
        }
        expect(render(e, ind)).to.equal(want);
        if (want.includes('\n')) multiLine++;
        else oneLine++;
      }),
      { numRuns: 5_000, seed: SEED },
    );
    // Both shapes are exercised in numbers, not only one.
    expect(multiLine).to.be.greaterThan(1000);
    expect(oneLine).to.be.greaterThan(1000);
  });

  it('writes every literal exactly as the reference printer does, at every indentation and split length', () => {
    fc.assert(
      fc.property(jsonValue, indent, fc.constantFrom(undefined, 0, 10, 60, 1000), (v, ind, split) => {
        const got = pyLiteral(v, { indent: ind, ...(split === undefined ? {} : { splitStringsLongerThan: split }) });
        expect(got).to.equal(refLiteral(v, ind, split ?? 60));
      }),
      { numRuns: 20_000, seed: SEED },
    );
  });

  it('keeps a group on one line at exactly 100 columns and breaks it at 101', () => {
    const at = (n: number) => call('f', [lit('x'.repeat(n - 5))]);
    expect(render(at(100))).to.equal(`f("${'x'.repeat(95)}")`);
    expect(render(at(100), ' ')).to.equal(`f(\n     "${'x'.repeat(95)}",\n )`);
    // A single-item list inside a single-item list needs 4 more columns of room for its item than for itself.
    const nested = [['y'.repeat(91)]];
    expect(pyLiteral(nested, { indent: '  ' })).to.equal(refLiteral(nested, '  '));
    expect(pyLiteral(nested, { indent: '  ' })).to.contain('\n');
  });
});
