/**
 * Random pipeline specs DERIVED FROM THE PIPELINE SCHEMA (itself assembled from the step registry), so that a kind
 * added to src/steps/ is generated with all its fields without touching this file.
 *
 * The schema says what shape a value has; it cannot say what a valid S3 URI or cron expression is. Values are
 * therefore chosen by the schema's own hints, most specific first: `tsType` (S3Uri, Duration, IamRoleArn, ...),
 * `pattern`, `enum`/`const`, then the property name for the few conventions the schema only states in words
 * (`bucket`, `*File`, SQL identifiers, `sql`/`query`), then the JSON type (Unicode strings, integers within
 * `minimum`/`maximum`). Optional properties are present or absent at random, so mutually exclusive fields are
 * sometimes both set: such specs fail validation and are counted, not imported. The graph (ids, groups, dependsOn)
 * is built here because it relates steps to each other.
 */
import fc from 'fast-check';
import { buildPipelineSchema, stepDefinitionName } from '../../src/schema/pipeline-schema';
import type { JsonSchema } from '../../src/base/json-schema';
import { STEP_KINDS } from '../../src/steps/index';
import { cronExpression, everyText, FORMAT_VALUES, formatName, pythonPattern, regexSubject, startDateText, timezoneName } from './value-arbitraries';

const SCHEMA = buildPipelineSchema();
const DEFS = SCHEMA.definitions ?? {};
/** The SQL file every generated project has beside its pipelines (for `sqlFile`, `queryFile`, ...). */
export const SQL_FILE = { name: 'q.sql', text: "-- generated\nSELECT 'caf\u00e9 \u2603 {{ ds }}' AS v\n" };

type Arb = fc.Arbitrary<unknown>;

// --- values that the schema names by tsType or convention -------------------------------------------------------

/** Text for free-form strings: every Unicode plane, combining marks, quotes, backslashes, Jinja and newlines. */
const text = (minLength = 0, maxLength = 24): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ unit: 'grapheme', minLength, maxLength }),
    fc.string({ unit: 'binary', minLength, maxLength }),
    fc
      .constantFrom('it\'s "quoted" \\ {{ ds }} $${x}', 'line\nbreak\r\n\ttab', '\u0000nul', 'ﬁ\u200d\ud83d\ude00\u0301', '\'\'\'"""')
      .filter((s) => s.length >= minLength),
  );
const slug = (min = 1, max = 20) => fc.stringMatching(new RegExp(`^[a-z0-9][a-z0-9-]{${Math.max(0, min - 1)},${max - 1}}$`));
const bucketName = fc.stringMatching(/^[a-z0-9][a-z0-9-]{2,30}[a-z0-9]$/).filter((b) => !b.includes('--') && !/^\d+\.\d+/.test(b));
const s3Key = fc
  .array(
    fc.oneof(
      slug(1, 12),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }).filter((s) => !s.includes('/')),
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((p) => p.join('/'));
const duration = fc.oneof(
  { weight: 12, arbitrary: fc.tuple(fc.integer({ min: 1, max: 90 }), fc.constantFrom('s', 'm', 'h', 'd')).map(([n, u]) => `${n}${u}`) },
  // The ends of Python's timedelta, for whatever Airflow or a provider computes from a duration at import.
  { weight: 1, arbitrary: fc.constantFrom('999999999d', '999999999d23h59m59s', '86399999999999s', '1000000000d', '0s', '1s', '2914000d') },
);
const account = fc.stringMatching(/^\d{12}$/);
const region = fc.constantFrom('us-east-1', 'eu-central-1', 'ap-southeast-2', 'sa-east-1');
const name = fc.stringMatching(/^[A-Za-z0-9_+=,.@-]{1,32}$/);
const sqlIdentifier = fc.oneof(fc.stringMatching(/^[a-z_][a-z0-9_]{0,20}$/), fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_$]{0,20}$/));
const sqlStatement = fc.oneof(
  fc.integer().map((n) => `SELECT ${n}`),
  text(0, 20).map((s) => `SELECT '${s.replace(/'/g, "''")}' AS v`),
  fc.constant('SELECT 1; SELECT 2'),
  fc.constant('SELECT * FROM t WHERE dt = {{ ds }}'),
);
const tzNames = (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone');

const BY_TS_TYPE: Readonly<Record<string, Arb>> = {
  S3Uri: fc
    .tuple(bucketName, fc.option(s3Key, { nil: undefined }), fc.boolean())
    .map(([b, k, slash]) => `s3://${b}/${k ?? ''}${k && slash ? '/' : ''}`),
  Duration: duration,
  IamRoleArn: fc.tuple(account, name).map(([a, n]) => `arn:aws:iam::${a}:role/${n}`),
  SnsTopicArn: fc.tuple(region, account, slug(1, 30)).map(([r, a, t]) => `arn:aws:sns:${r}:${a}:${t}`),
  SecretArn: fc.tuple(region, account, slug(1, 30)).map(([r, a, s]) => `arn:aws:secretsmanager:${r}:${a}:secret:${s}`),
  AwsRegion: region,
  JsonValue: fc.constant(null).chain(() => jsonValue),
  'JsonValue[]': fc.constant(null).chain(() => fc.array(jsonValue, { minLength: 1, maxLength: 4 })),
  EmrClusterId: fc.stringMatching(/^j-[A-Z0-9]{1,13}$/),
  EmrServerlessApplicationId: fc.stringMatching(/^[0-9a-z]{16}$/),
  FlinkApplicationName: fc.stringMatching(/^[a-zA-Z0-9_.-]{1,40}$/),
};

/** Property-name conventions that the schema states only in descriptions. */
function byName(prop: string, schema: JsonSchema): Arb | undefined {
  if (prop === 'bucket') return bucketName;
  if (prop === 'id') return stepId;
  if (prop === 'produces') return fc.array(fc.oneof(BY_TS_TYPE.S3Uri!, text()), { maxLength: 2 });
  if (/File$/.test(prop) && schema.type === 'string') return fc.constant(SQL_FILE.name);
  if (prop === 'sql' || prop === 'query')
    return schema.type === 'string' ? sqlStatement : fc.oneof(sqlStatement, fc.array(sqlStatement, { minLength: 1, maxLength: 3 }));
  if (['database', 'schema', 'table', 'catalog', 'workgroup', 'cluster', 'dbUser'].includes(prop)) return sqlIdentifier;
  if (['columns', 'upsertKeys'].includes(prop)) return fc.uniqueArray(sqlIdentifier, { minLength: 1, maxLength: 4 });
  if (prop === 'keys' && schema.type !== 'string') return fc.oneof(s3Key, fc.array(s3Key, { minLength: 1, maxLength: 3 }));
  if (prop === 'key' || prop === 'prefix' || prop === 'keys') return fc.oneof(s3Key, fc.array(s3Key, { minLength: 1, maxLength: 3 }));
  if (prop === 'startDate') {
    return fc.oneof(
      {
        weight: 3,
        arbitrary: fc
          .date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 19)),
      },
      { weight: 1, arbitrary: startDateText },
    );
  }
  if (prop === 'timezone') return fc.oneof(fc.constantFrom(...tzNames), timezoneName);
  if (prop === 'schedule') {
    return fc.oneof(
      fc.constant(null),
      fc.constantFrom('@daily', '@hourly', '@weekly', '@monthly', '@yearly', '@once'),
      fc.tuple(fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 23 })).map(([m, h]) => `${m} ${h} * * *`),
      cronExpression,
      duration.map((every) => ({ every })),
      everyText.map((every) => ({ every })),
    );
  }
  // airflow.operator names any class, with any keyword arguments: whether a class imports and takes them is not
  // something dagsmith can know (the structure suite proves it for the fixtures' classes). Random paths and keywords
  // would fail at import by design, so the property covers the hatch with a real class that takes no required
  // argument and takes every step setting (deferrable, region, ...) on every target, with arguments it takes.
  if (prop === 'stateMachine') return fc.stringMatching(/^arn:aws:states:[a-z]{2}-[a-z]{4,9}-[1-4]:\d{12}:stateMachine:[A-Za-z0-9_-]{1,24}$/);
  if (prop === 'function' && schema.type === 'string') return fc.stringMatching(/^[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9_-]{1,12})?$/);
  if (prop === 'operator') return fc.constant('airflow.providers.amazon.aws.operators.glue.GlueJobOperator');
  // EMR's forms (DS370, DS375), stated in descriptions only: mostly well formed, so that EMR clusters reach Airflow,
  // sometimes any text, so that the checks keep being exercised.
  if (prop === 'releaseLabel' && schema.type === 'string') {
    return fc.oneof(
      {
        weight: 4,
        arbitrary: fc
          .tuple(fc.constantFrom(5, 6, 7), fc.integer({ min: 0, max: 36 }), fc.integer({ min: 0, max: 3 }))
          .map(([a, b, c]) => `emr-${a}.${b}.${c}`),
      },
      { weight: 1, arbitrary: text(1, 24) },
    );
  }
  if ((prop === 'serviceRole' || prop === 'jobFlowRole') && schema.type === 'string') {
    return fc.oneof({ weight: 4, arbitrary: fc.stringMatching(/^[A-Za-z0-9+=,.@_-]{1,64}$/) }, { weight: 1, arbitrary: text(1, 24) });
  }
  if (prop === 'arguments' && schema.tsType === 'Record<string, JsonValue>') {
    return fc.constantFrom(
      {},
      { job_name: 'clean-{{ ds_nodash }}' },
      { job_name: 'j', script_args: { '--day': '{{ ds }}' }, wait_for_completion: false },
    );
  }
  if (prop === 'params') {
    // Half typed to match their default, half straight from the param schema (its keywords at random).
    const fromParamSchema = fromSchema(DEFS.param!, 'param');
    return fc.dictionary(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,15}$/), fc.oneof(param, fromParamSchema, pythonParam), { maxKeys: 3 });
  }
  // JSON Schema keywords of params, which Airflow evaluates with Python's jsonschema and `re`.
  if (prop === 'pattern') {
    return fc.oneof(
      fc.constantFrom('^[a-z]+$', '\\d+', '(?<year>\\d{4})', '\\p{L}+', '[[:alpha:]]', '^\\w+$', 'a{,3}', '(?i)abc', '\\Z', '[^\\]]'),
      pythonPattern,
    );
  }
  if (prop === 'format') return formatName;
  return undefined;
}

/** An Airflow Param: a JSON default, and a `type` that matches it (or none). */
const jsonLeaf = fc.oneof(text(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    jsonLeaf,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(text(0, 8), tie('value'), { maxKeys: 3 }),
  ),
})).value;
const param = fc
  .record({ default: jsonValue, description: text(), title: text(), typed: fc.boolean() }, { requiredKeys: ['default', 'typed'] })
  .map(({ typed, ...p }) => (typed ? { ...p, type: jsonType(p.default) } : p));

/**
 * A param whose default Python judges by `pattern` (re) or `format` (jsonschema's FormatChecker): the adversarial
 * values of test/property/value-arbitraries.ts, and a scheduled pipeline makes Airflow check them at import.
 */
const pythonParam = fc.oneof(
  formatName.chain((format) => fc.constantFrom(...FORMAT_VALUES[format]!).map((d) => ({ default: d, type: 'string', format }))),
  fc.tuple(pythonPattern, regexSubject).map(([pattern, d]) => ({ default: d, type: 'string', pattern })),
  fc.tuple(fc.constantFrom('^\\d{4}$', '^\\w+$', '^abc$', '(?i)^k$', '\\bx', '^\\s$'), regexSubject).map(([pattern, d]) => ({ default: d, pattern })),
);

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

// --- from the schema ---------------------------------------------------------------------------------------------

/** An arbitrary for the value of `prop` described by `schema`. */
export function fromSchema(schema: JsonSchema, prop = ''): Arb {
  if (schema.$ref) return fromSchema(DEFS[schema.$ref.replace('#/definitions/', '')]!, prop);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const hinted = (schema.tsType && BY_TS_TYPE[schema.tsType]) ?? byName(prop, schema);
  if (hinted) return hinted;
  if (schema.anyOf ?? schema.oneOf) return fc.oneof(...(schema.anyOf ?? schema.oneOf)!.map((s) => fromSchema(s, prop)));
  const type = Array.isArray(schema.type) ? schema.type.filter((t) => t !== 'null')[0] : schema.type;
  switch (type) {
    case 'string':
      return schema.pattern ? fc.stringMatching(new RegExp(schema.pattern)) : text(schema.minLength ?? 0, Math.min(schema.maxLength ?? 24, 24));
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1000, max: Math.min(schema.maximum ?? 1000, 1000) });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(schema.items ? fromSchema(schema.items, prop) : jsonValue, {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)),
      });
    case 'object':
      return objectFromSchema(schema);
    default:
      return jsonValue;
  }
}

function objectFromSchema(schema: JsonSchema, skip: readonly string[] = []): fc.Arbitrary<Record<string, unknown>> {
  const props = Object.entries(schema.properties ?? {}).filter(([k]) => !skip.includes(k));
  const record = fc.record(Object.fromEntries(props.map(([k, s]) => [k, fromSchema(s, k)])), {
    requiredKeys: (schema.required ?? []).filter((k) => !skip.includes(k)),
  });
  if (typeof schema.additionalProperties !== 'object') return record;
  const extraKey = schema.propertyNames?.pattern ? fc.stringMatching(new RegExp(schema.propertyNames.pattern)) : text(1, 12);
  const extra = fc.dictionary(extraKey, fromSchema(schema.additionalProperties), { maxKeys: 3 });
  return fc.tuple(record, extra).map(([r, e]) => ({ ...e, ...r }));
}

// --- the pipeline and its graph -----------------------------------------------------------------------------------

const GRAPH_FIELDS = ['id', 'kind', 'group', 'dependsOn'];
/** Ids as Airflow allows them, with the edge cases: '.', '..', leading and trailing dots and dashes, 250 chars. */
const stepId = fc.oneof(
  { weight: 8, arbitrary: fc.stringMatching(/^[A-Za-z0-9_.-]{1,30}$/) },
  { weight: 1, arbitrary: fc.constantFrom('.', '..', '-', '_', 'a.b', '.a', 'a.', 'x'.repeat(250)) },
);
const groupId = fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/);

/** Arbitraries of each kind's own fields, from its schema definition. */
export const KIND_FIELDS: ReadonlyMap<string, fc.Arbitrary<Record<string, unknown>>> = new Map(
  STEP_KINDS.map((k) => [k.kind, objectFromSchema(DEFS[stepDefinitionName(k.kind)]!, GRAPH_FIELDS)]),
);

const step = fc.record({
  kind: fc.constantFrom(...STEP_KINDS.map((k) => k.kind)),
  id: stepId,
  group: fc.option(groupId, { nil: undefined, freq: 3 }),
  seed: fc.nat(),
});

/** A pipeline spec: pipeline fields from the schema, steps of every kind, groups and an acyclic dependsOn. */
export const pipelineSpec: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(
    objectFromSchema(SCHEMA, ['steps']),
    fc.array(
      fc.tuple(step, fc.nat()).chain(([s]) => KIND_FIELDS.get(s.kind)!.map((fields) => ({ ...fields, ...s }))),
      { minLength: 1, maxLength: 5 },
    ),
  )
  .map(([pipeline, steps]) => ({
    ...pipeline,
    steps: steps.map(({ seed, group, ...s }, i) => {
      // Dependencies only on earlier steps (acyclic), chosen by the step's seed.
      const deps = steps
        .slice(0, i)
        .filter((_, j) => ((seed >> j) & 1) === 1)
        .map((d) => d.id);
      return { ...s, ...(group !== undefined ? { group } : {}), ...(deps.length > 0 ? { dependsOn: deps } : {}) };
    }),
  }));
