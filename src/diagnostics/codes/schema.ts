import type { CodeInfo } from '../code-info';

/** DS2xx, schema: the JSON Schema of pipelines (schemas/pipeline.schema.json). See src/diagnostics/codes.ts. */
export const SCHEMA_CODES = {
  DS200: {
    severity: 'error',
    title: 'unknown property',
    why: 'A misspelt field would otherwise be ignored and its setting silently lost.',
    fix: 'Correct the name (the hint suggests the closest one) or remove the property.',
  },
  DS201: {
    severity: 'error',
    title: 'missing required property',
    why: 'The step or pipeline cannot be compiled without it.',
    fix: 'Add the property; the schema (and editor hover) describes it.',
  },
  DS202: {
    severity: 'error',
    title: 'wrong type',
    why: 'The value has another JSON type than the field takes (a string where a number is expected, ...).',
    fix: 'Write a value of the type named in the message; quote strings that YAML would read as numbers or booleans.',
  },
  DS203: {
    severity: 'error',
    title: 'value not allowed',
    why: 'The field takes one of a fixed set of values.',
    fix: 'Use one of the values listed in the message.',
  },
  DS204: {
    severity: 'error',
    title: 'unknown step kind',
    why: 'dagsmith compiles a fixed set of step kinds, each to one Airflow operator.',
    fix: 'Correct the kind (the hint suggests the closest one); docs/step-kinds.md lists them.',
  },
  DS205: {
    severity: 'error',
    title: 'step has no kind',
    why: 'The kind decides which fields a step has and which operator it becomes.',
    fix: 'Add `kind:`, e.g. `kind: glue.job`.',
  },
  DS206: {
    severity: 'error',
    title: 'number out of range',
    why: 'The number is below the field\u2019s minimum or above its maximum (e.g. retries above 100).',
    fix: 'Use a number inside the range named in the message.',
  },
  DS207: {
    severity: 'error',
    title: 'value does not match the expected form',
    why: 'The string does not have the form the field takes (its pattern), e.g. a Glue version like 4.0.',
    fix: 'Write the value in the form shown in the message.',
  },
  DS208: {
    severity: 'error',
    title: 'unsupported spec version',
    why: 'This dagsmith reads version 1 of the pipeline spec.',
    fix: 'Set `version: 1`.',
  },
  DS210: {
    severity: 'error',
    title: 'value has none of the allowed forms',
    why: 'The field takes one of several forms (e.g. a schedule is a string, null, { every } or { assets }) and the value is none of them.',
    fix: 'Write the value in one of the forms the field\u2019s description lists.',
  },
  DS211: {
    severity: 'error',
    title: 'list has too few or too many items',
    why: 'The list must have at least (or at most) the number of items in the message, e.g. a pipeline needs at least one step.',
    fix: 'Add or remove items.',
  },
  DS212: {
    severity: 'error',
    title: 'string is empty or too long',
    why: 'An empty name or id has no meaning; Airflow limits the length of some strings (tags: 100 characters).',
    fix: 'Write a non-empty value within the length in the message.',
  },
  DS213: {
    severity: 'error',
    title: 'mapping is empty',
    why: 'An empty mapping (e.g. `parameters: {}`) sets nothing and is most likely a mistake.',
    fix: 'Fill it in or remove it.',
  },
  DS214: {
    severity: 'error',
    title: 'invalid key in a mapping',
    why: 'The keys of this mapping are names with a fixed form (e.g. SQL parameter names: letters, digits and `_`).',
    fix: 'Rename the key to the form shown in the message.',
  },
  DS215: {
    severity: 'error',
    title: 'duplicate item in a list',
    why: 'The list names each item once (e.g. COPY columns); a repeated item is a mistake the database would refuse.',
    fix: 'Remove the repeated item.',
  },
} as const satisfies Record<string, CodeInfo>;
