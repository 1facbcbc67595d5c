/**
 * Differential: src/base/python-regex.ts against Python's `re` in each target's virtualenv (python/dagsmith_harness/
 * judge_values.py): for each generated pattern, whether re.compile accepts it, and re.search over subjects chosen
 * where Python's and JavaScript's classes, case rules and line ends part ways (test/property/value-arbitraries.ts).
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { pythonRegex } from '../../src/base/python-regex';
import { AIRFLOW_VERSIONS, judge } from '../helpers/judge';
import { pythonPattern, regexSubject } from '../property/value-arbitraries';

const SEED = 20261204;
const HAND = [
  '^\\w+$',
  '^\\d+$',
  '\\bx\\b',
  '^\\s$',
  '^\\S$',
  '^abc$',
  '\\B',
  '(?P<y>\\d{4})-(?P=y)',
  '(?i)^stra\u00dfe$',
  '(?i)k',
  '(?i)[k-s]+',
  '(?i)\u03c3',
  '(?i)[\ud801\udc00-\ud801\udc4f]',
  '(?a)\\w',
  '(?m)^b$',
  '(?s).',
  '(?x) a b # c',
  '(?<=\\$)\\d+',
  '^a++a',
  '^(?>a+)b',
  'a{,2}x',
  '(a)\\1',
  '(a)?\\1',
  '(?<name>a)',
  '\\p{L}',
  '[[:alpha:]]',
  '\\Z',
  '[^\\]]',
  '(?i)[^k]',
  '(?i)[\\w-]',
  '(?u)(?a)',
  '(?t)a*',
  '\\N{EM DASH}',
  '(?(1)a)',
  '(a)?(?(1)b|c)',
  '[\\ud800-\\udfff]',
  '^.$',
  '\\x41\\u00e9\\U0001F600',
  '\\0\\07\\101',
];
const ITEMS = [
  ...HAND.map((pattern) => ({ pattern, subjects: fc.sample(regexSubject, { seed: SEED, numRuns: 12 }) })),
  ...fc.sample(fc.record({ pattern: pythonPattern, subjects: fc.array(regexSubject, { minLength: 8, maxLength: 8 }) }), {
    seed: SEED,
    numRuns: 1500,
  }),
];

describe('python regex: the port of re against each target\u2019s Python @airflow', function () {
  this.timeout(600_000);
  for (const target of AIRFLOW_VERSIONS) {
    it(`Airflow ${target}: compiles what Python compiles, and searches as re.search does (${HAND.length} hand-picked, ${ITEMS.length - HAND.length} generated patterns, seed ${SEED})`, async () => {
      const res = await judge(target, { regex: ITEMS });
      const mismatches: string[] = [];
      const kinds: Record<string, number> = {};
      ITEMS.forEach((item, i) => {
        const python = res.regex![i]!;
        const ours = pythonRegex(item.pattern);
        kinds[ours.kind] = (kinds[ours.kind] ?? 0) + 1;
        const p = JSON.stringify(item.pattern);
        if (ours.kind === 'invalid' && 'search' in python)
          mismatches.push(`${p}: dagsmith says Python refuses it (${ours.message}); Python compiles it`);
        if (ours.kind === 'ok' && 'error' in python) mismatches.push(`${p}: dagsmith compiles it; Python: ${python.error}`);
        if (ours.kind === 'ok' && 'search' in python) {
          item.subjects.forEach((s, j) => {
            if (ours.regex.test(s) !== python.search[j])
              mismatches.push(`${p} on ${JSON.stringify(s)}: dagsmith ${!python.search[j]}, Python ${python.search[j]}`);
          });
        }
      });
      expect(mismatches).to.deep.equal([]);
      expect(kinds.ok ?? 0, 'patterns translated').to.be.above(ITEMS.length / 3);
      expect(kinds.invalid ?? 0, 'patterns Python refuses').to.be.above(ITEMS.length / 10);
    });
  }
});
