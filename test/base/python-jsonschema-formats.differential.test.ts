/**
 * Differential: JSON Schema formats and whole param schemas, as dagsmith judges them and as each target's Airflow
 * does (python/dagsmith_harness/judge_values.py). Formats go straight to jsonschema's FormatChecker; params go through
 * a scheduled DAG's `Param`, which Airflow validates at import, against dagsmith's semantic check of the same param.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { formatRefusal } from '../../src/base/python-jsonschema-formats';
import { Reporter, START_OF_FILE } from '../../src/diagnostics/reporter';
import { resolveTarget } from '../../src/targets';
import { checkSemantics } from '../../src/validate/semantic';
import { AIRFLOW_VERSIONS, judge } from '../helpers/judge';
import { FORMAT_VALUES, formatName, formatValue, pythonPattern, regexSubject } from '../property/value-arbitraries';

const SEED = 20261204;
const FORMATS = [
  ...Object.entries(FORMAT_VALUES).flatMap(([format, values]) => values.map((value) => ({ format, value: value }))),
  ...fc.sample(formatValue, { seed: SEED, numRuns: 1500 }),
];

/** A param schema of one or two keywords, with a default chosen for it (so that both verdicts are frequent). */
const paramWithDefault: fc.Arbitrary<{ schema: Record<string, unknown>; default: unknown }> = fc.oneof(
  formatName.chain((format) =>
    fc.record({
      schema: fc.constant<Record<string, unknown>>({ type: 'string', format }),
      default: fc.constantFrom<unknown>(...FORMAT_VALUES[format]!),
    }),
  ),
  fc.record({
    schema: fc
      .oneof(pythonPattern, fc.constantFrom('^\\d{4}$', '^\\w+$', '^abc$', '(?i)^k$', '^[a-z]+\\Z', '\\s', '\\b\\w'))
      .map((pattern): Record<string, unknown> => ({ pattern })),
    default: regexSubject,
  }),
  fc.record({
    schema: fc.record({ format: formatName, maxLength: fc.integer({ min: 4, max: 30 }) }, { requiredKeys: ['format'] }),
    default: formatName.chain((f) => fc.constantFrom<unknown>(...FORMAT_VALUES[f]!)),
  }),
  fc.record({
    schema: fc.record(
      {
        type: fc.constantFrom('string', 'integer', ['string', 'null']),
        enum: fc.array(fc.oneof(regexSubject, fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 3 }),
      },
      { requiredKeys: [] },
    ),
    default: fc.oneof(regexSubject, fc.integer({ min: -1, max: 3 }), fc.constant(null)),
  }),
);
const PARAMS = fc.sample(paramWithDefault, { seed: SEED, numRuns: 500 });

/** What dagsmith's semantic check says of one param of a scheduled pipeline: refused (and whether only conservatively). */
function dagsmithVerdict(schema: Record<string, unknown>, value: unknown, target: string): { refused: boolean; conservative: boolean; why: string } {
  const reporter = new Reporter('p.yaml', { locate: () => START_OF_FILE });
  const spec = {
    version: 1,
    id: 'p',
    schedule: '@daily',
    startDate: '2026-01-01',
    params: { p: { ...schema, default: value } },
    steps: [{ id: 'a', kind: 'glue.job', job: 'j' }],
  };
  checkSemantics(spec, { reporter, target: resolveTarget(target), skip: [], readSibling: () => undefined });
  const errors = reporter.diagnostics.filter((d) => d.severity === 'error');
  return {
    refused: errors.length > 0,
    conservative: errors.length > 0 && errors.every((d) => d.code === 'DS335'),
    why: errors.map((d) => `${d.code} ${d.message}`).join('; '),
  };
}

describe('python jsonschema: formats and param defaults against each target\u2019s Airflow @airflow', function () {
  this.timeout(600_000);
  for (const target of AIRFLOW_VERSIONS) {
    it(`Airflow ${target}: FormatChecker agrees on ${FORMATS.length} format values (seed ${SEED})`, async () => {
      const res = await judge(target, { formats: FORMATS });
      const mismatches: string[] = [];
      FORMATS.forEach(({ format, value }, i) => {
        const python = res.formats![i];
        const ours = formatRefusal(format, value, target);
        if (ours === undefined && python !== true) mismatches.push(`${format} ${JSON.stringify(value)}: dagsmith accepts, Python ${String(python)}`);
        if (ours !== undefined && python === true && !ours.conservative)
          mismatches.push(`${format} ${JSON.stringify(value)}: dagsmith refuses (${ours.message}), Python accepts`);
      });
      expect(mismatches).to.deep.equal([]);
    });

    it(`Airflow ${target}: a scheduled DAG imports exactly when dagsmith accepts its param (${PARAMS.length} generated, seed ${SEED})`, async () => {
      const res = await judge(target, { params: PARAMS });
      const mismatches: string[] = [];
      let refused = 0;
      PARAMS.forEach(({ schema, default: value }, i) => {
        const python = res.params![i];
        const ours = dagsmithVerdict(schema, value, target);
        if (python !== null) refused++;
        const p = `${JSON.stringify(schema)} default ${JSON.stringify(value)}`;
        if (!ours.refused && python !== null) mismatches.push(`${p}: dagsmith accepts, Airflow: ${python}`);
        // Airflow 2 lets any datetime pendulum parses through a date-time param; dagsmith takes the plain ISO forms only.
        const fallback = target.startsWith('2.') && schema.format === 'date-time';
        if (ours.refused && python === null && !ours.conservative && !fallback)
          mismatches.push(`${p}: dagsmith refuses (${ours.why}), Airflow imports`);
      });
      expect(mismatches).to.deep.equal([]);
      expect(refused).to.be.within(PARAMS.length / 10, PARAMS.length - PARAMS.length / 10);
    });
  }
});
