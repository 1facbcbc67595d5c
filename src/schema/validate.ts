import type { ErrorObject } from 'ajv';
import type { JsonPath } from '../diagnostics/types';
import type { Reporter } from '../diagnostics/reporter';
import { STEP_KINDS } from '../steps/index';
import { pathOfPointer, valueAt } from '../util/json-path';
import { didYouMean } from '../util/suggest';
import { buildPipelineSchema } from './pipeline-schema';
import type { JsonSchema } from '../base/json-schema';

export const SCHEMA_PATH = 'schemas/pipeline.schema.json';

/** The schema as published (the `tsType` annotations are for the type generator only). */
export function publicSchema(): JsonSchema {
  return strip(buildPipelineSchema()) as JsonSchema;
}

export function publicSchemaText(): string {
  return JSON.stringify(publicSchema(), null, 2) + '\n';
}

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => k !== 'tsType')
        .map(([k, v]) => [k, strip(v)]),
    );
  }
  return value;
}

/** ajv's standalone validator: true when valid, else the errors on `.errors`. */
type PipelineValidator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

let loaded: PipelineValidator | undefined;

/**
 * The validator generated from the schema at `npm run gen` (src/gen/validators.ts, schemas/pipeline.validator.js),
 * loaded on first use: compiling the schema with ajv took a few hundred milliseconds in every process (and worker).
 */
function validator(): PipelineValidator {
  loaded ??= require('../../schemas/pipeline.validator.js') as PipelineValidator;
  return loaded;
}

/**
 * Checks a pipeline document against the JSON Schema and reports every violation at the node it concerns.
 * Returns the JSON paths that had errors, so later phases can leave those parts alone.
 */
export function validateAgainstSchema(data: unknown, reporter: Reporter, alreadyReported: readonly JsonPath[] = []): JsonPath[] {
  const validate = validator();
  if (validate(data)) return [];
  const errors = collapse(validate.errors ?? []);
  const bad: JsonPath[] = [];
  for (const err of errors) {
    if ((err as { propertyName?: string }).propertyName !== undefined) continue; // restated by its propertyNames error
    const path = pathOfPointer(err.instancePath, data);
    // A value holding an undefined ${variable} was reported as such; its form is not worth a second message.
    if (alreadyReported.some((p) => p.length === path.length && p.every((seg, i) => seg === path[i]))) continue;
    bad.push(path);
    reportError(err, path, data, reporter);
  }
  return bad;
}

/** Drops errors that only restate another: a failed `oneOf`/`anyOf` wrapper when a branch error says more. */
function collapse(errors: ErrorObject[]): ErrorObject[] {
  const at = (keyword: string, path: string) => errors.some((o) => o.keyword === keyword && o.instancePath === path);
  return errors.filter((e) => {
    // A failed oneOf is explained by the errors of its branches.
    if (e.keyword === 'oneOf') return !errors.some((o) => o !== e && o.keyword !== 'oneOf' && o.instancePath.startsWith(e.instancePath));
    // A step without a usable `kind` is one problem: the discriminator's error says it, not `required`/`type` too.
    if (e.keyword === 'required' && (e.params as { missingProperty?: string }).missingProperty === 'kind') {
      return !at('discriminator', e.instancePath);
    }
    if (e.keyword === 'type' && e.instancePath.endsWith('/kind')) return !at('discriminator', e.instancePath.slice(0, -'/kind'.length));
    // anyOf over `type` branches: the anyOf error says it once, instead of one error per branch.
    if ((e.keyword === 'type' || e.keyword === 'enum') && at('anyOf', e.instancePath)) return false;
    // oneOf over a value or a list of them: the branch the value's type fits explains it, not the other branch.
    if ((e.keyword === 'type' || e.keyword === 'enum') && at('oneOf', e.instancePath)) return !explainedInOneOf(e, errors);
    return true;
  });
}

/**
 * Whether a `type` or `enum` error inside a failed oneOf (a value, or a list of such values) comes from the branch the
 * value does not fit: another error says more (an item of the list, or a list keyword such as uniqueItems), or, for a
 * `type` error, the other branch's enum lists what is allowed.
 */
function explainedInOneOf(e: ErrorObject, errors: readonly ErrorObject[]): boolean {
  const path = e.instancePath;
  const listError = errors.some(
    (o) =>
      o.keyword !== 'oneOf' && (o.instancePath.startsWith(`${path}/`) || (o.instancePath === path && o.keyword !== 'type' && o.keyword !== 'enum')),
  );
  return listError || (e.keyword === 'type' && errors.some((o) => o.instancePath === path && o.keyword === 'enum'));
}

/** "step 'load'" / "'defaults'" — how a message names where the problem is. */
function where(path: JsonPath, data: unknown): string {
  if (path[0] === 'steps' && typeof path[1] === 'number') {
    const step = valueAt(data, path.slice(0, 2)) as Record<string, unknown> | undefined;
    const id = step && typeof step.id === 'string' ? `'${step.id}'` : `#${path[1] + 1}`;
    const kind = step && typeof step.kind === 'string' ? ` (${step.kind})` : '';
    return `step ${id}${kind}`;
  }
  if (path.length === 0) return 'the pipeline';
  return `'${path.filter((p) => typeof p === 'string').join('.')}'`;
}

function fieldName(path: JsonPath): string {
  const last = path[path.length - 1];
  return typeof last === 'number' ? `${String(path[path.length - 2])}[${last}]` : String(last ?? 'value');
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 37) + '...' : value)}`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' || typeof value === 'symbol' || value === undefined)
    return `${typeof value} ${String(value)}`;
  return 'a function'; // not data a pipeline file can hold
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
  null: 'null',
};

function reportError(err: ErrorObject, path: (string | number)[], data: unknown, r: Reporter): void {
  const value = valueAt(data, path);
  const p = err.params as Record<string, unknown>;
  switch (err.keyword) {
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const allowed = Object.keys((err.parentSchema as JsonSchema | undefined)?.properties ?? {});
      r.report('DS200', [...path, key], `unknown property '${key}' in ${where(path, data)}`, {
        at: 'key',
        hint: didYouMean(key, allowed) ?? (allowed.length > 0 && allowed.length <= 12 ? `allowed: ${allowed.join(', ')}` : undefined),
      });
      return;
    }
    case 'required':
      r.report('DS201', path, `${where(path, data)} is missing required property '${String(p.missingProperty)}'`);
      return;
    case 'discriminator': {
      if (p.error === 'tag' && (value === null || typeof value !== 'object' || !('kind' in value))) {
        r.report('DS205', path, `${where(path, data)} has no 'kind'`, { hint: KINDS_HINT });
        return;
      }
      const kind = (value as Record<string, unknown>).kind;
      if (typeof kind !== 'string') {
        r.report('DS202', [...path, 'kind'], `'kind' must be a string, got ${describe(kind)}`);
      } else {
        const hint = didYouMean(
          kind,
          STEP_KINDS.map((k) => k.kind),
        );
        r.report('DS204', [...path, 'kind'], `unknown step kind '${kind}'`, { hint: hint ?? KINDS_HINT });
      }
      return;
    }
    case 'const':
      if (path.length === 1 && path[0] === 'version') {
        r.report('DS208', path, `unsupported spec version ${describe(value)}; this dagsmith reads version 1`);
      } else {
        r.report('DS203', path, `${fieldName(path)} must be ${JSON.stringify(p.allowedValue)}, got ${describe(value)}`);
      }
      return;
    case 'type': {
      const types = String(p.type)
        .split(',')
        .map((t) => TYPE_NAMES[t] ?? t);
      r.report('DS202', path, `${fieldName(path)} in ${where(path.slice(0, -1), data)} must be ${types.join(' or ')}, got ${describe(value)}`);
      return;
    }
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).map(String);
      r.report('DS203', path, `${fieldName(path)} must be one of ${allowed.join(', ')}; got ${describe(value)}`, {
        hint: typeof value === 'string' ? didYouMean(value, allowed) : undefined,
      });
      return;
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      r.report('DS206', path, `${fieldName(path)} must be ${err.message?.replace(/^must be /, '')}, got ${describe(value)}`);
      return;
    case 'minItems':
      r.report('DS211', path, `${fieldName(path)} must have at least ${String(p.limit)} item${p.limit === 1 ? '' : 's'}`);
      return;
    case 'maxItems':
      r.report('DS211', path, `${fieldName(path)} must have at most ${String(p.limit)} items`);
      return;
    case 'minLength':
      r.report(
        'DS212',
        path,
        p.limit === 1 ? `${fieldName(path)} must not be empty` : `${fieldName(path)} must be at least ${String(p.limit)} characters long`,
      );
      return;
    case 'maxLength':
      r.report('DS212', path, `${fieldName(path)} must be at most ${String(p.limit)} characters long`);
      return;
    case 'minProperties':
      r.report('DS213', path, `${fieldName(path)} must not be empty`);
      return;
    case 'pattern':
      r.report('DS207', path, `${fieldName(path)} ${describe(value)} does not match the expected form ${String(p.pattern)}`);
      return;
    case 'propertyNames': {
      const key = String(p.propertyName);
      const pattern = (err.schema as JsonSchema | undefined)?.pattern ?? '';
      r.report('DS214', [...path, key], `'${key}' is not a valid name in ${fieldName(path)}${pattern ? ` (names match ${pattern})` : ''}`, {
        at: 'key',
      });
      return;
    }
    case 'anyOf':
    case 'oneOf':
      r.report('DS210', path, `${fieldName(path)} has an unexpected form: ${describe(value)}`);
      return;
    case 'uniqueItems': {
      const [first, second] = [Number(p.i), Number(p.j)].sort((x, y) => x - y);
      r.report(
        'DS215',
        path,
        `${fieldName(path)} lists ${describe((value as unknown[])[first!])} more than once (items ${first! + 1} and ${second! + 1})`,
      );
      return;
    }
    default:
      // SCHEMA_KEYWORDS_WITH_CODES lists the keywords handled above; a test checks the schema uses no other.
      throw new Error(`internal error: schema keyword '${err.keyword}' has no diagnostic code (at ${err.instancePath})`);
  }
}

/** The validation keywords that have a diagnostic above (keywords such as `properties` or `items` only nest). */
export const SCHEMA_KEYWORDS_WITH_CODES: readonly string[] = [
  'additionalProperties',
  'required',
  'discriminator',
  'const',
  'type',
  'enum',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
  'minLength',
  'maxLength',
  'minProperties',
  'pattern',
  'propertyNames',
  'anyOf',
  'oneOf',
  'uniqueItems',
];

/**
 * Where the kinds are listed. Messages do not list them: the list grows with every kind, and each would change the
 * expected output of every case that shows the message.
 */
const KINDS_HINT = 'the step kinds dagsmith compiles are listed in docs/step-kinds.md';
