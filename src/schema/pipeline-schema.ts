import { STEP_KINDS } from '../steps/index';
import { COMMON_STEP_PROPERTIES, SETTINGS_PROPERTIES } from '../base/settings';
import { S, type JsonSchema } from '../base/json-schema';
import { notificationsSchema } from '../base/notifications';
import { DEADLINE_SCHEMA } from '../base/airflow3-features';
import { PARTITIONED_SCHEMA } from '../base/partitioned-schedule';

export const SCHEMA_ID = 'https://dagsmith.dev/schemas/pipeline.schema.json';

export function stepDefinitionName(kind: string): string {
  return `step.${kind}`;
}

/** The JSON Schema of a pipeline file, assembled from the step registry. Pure and deterministic. */
export function buildPipelineSchema(): JsonSchema {
  const definitions: Record<string, JsonSchema> = {};
  for (const k of STEP_KINDS) {
    definitions[stepDefinitionName(k.kind)] = {
      type: 'object',
      description: k.description,
      properties: {
        id: COMMON_STEP_PROPERTIES.id!,
        kind: { const: k.kind, description: 'Step kind.' },
        ...k.properties,
        ...omit(COMMON_STEP_PROPERTIES, ['id']),
      },
      required: ['id', 'kind', ...k.required],
      additionalProperties: false,
    };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: SCHEMA_ID,
    title: 'dagsmith pipeline (spec version 1)',
    description: 'One ingestion pipeline, compiled by dagsmith to an Apache Airflow DAG for Amazon MWAA.',
    type: 'object',
    properties: {
      version: { const: 1, description: 'Spec version; always 1.' },
      id: S.string('DAG id: letters, digits, `_`, `.` and `-`, unique across the project.'),
      description: S.string('DAG description, shown in the Airflow UI.'),
      owner: S.nonEmptyString('Owner shown in the Airflow UI (default_args.owner).', { default: 'airflow' }),
      tags: {
        type: 'array',
        description: 'DAG tags (Airflow allows at most 100 characters each).',
        items: { type: 'string', minLength: 1, maxLength: 100 },
      },
      schedule: {
        type: ['string', 'null', 'object'],
        description:
          "A 5-field cron expression, a preset ('@daily', ...), null for manual runs, { every: '30m' }, { assets: [uri, ...], orSchedule? }, or partitioned: { cron, partitioned } / { assets, partitioned }.",
        properties: {
          every: S.string("Run at a fixed interval, e.g. '30m'.", { tsType: 'Duration' }),
          assets: {
            type: ['array', 'object'],
            description:
              'Run when these assets (datasets) are updated: a list of URIs (all of them), { allOf: [...] } or { anyOf: [...] }, nested as needed; { alias: name } for an asset alias (Airflow 3).',
            tsType: 'AssetCondition',
          },
          orSchedule: S.string("With assets: also run on this cron expression or preset, e.g. '0 3 * * *'."),
          cron: S.string("With partitioned: run on this cron expression or preset, one partition per run, e.g. '0 3 * * *'."),
          partitioned: PARTITIONED_SCHEMA,
        },
        additionalProperties: false,
        minProperties: 1,
        tsType: 'Schedule',
      },
      startDate: S.string('First logical date: YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS, in `timezone`.'),
      timezone: S.string("IANA timezone of startDate and the schedule, e.g. 'Europe/Berlin'.", { default: 'UTC' }),
      catchup: S.boolean('Run the intervals between startDate and now.', { default: false }),
      maxActiveRuns: S.integer('At most this many runs at once.', { minimum: 1 }),
      maxActiveTasks: S.integer('At most this many tasks of the pipeline run at once, over all its runs (max_active_tasks).', { minimum: 1 }),
      dagrunTimeout: S.string("Fail a run that takes longer than this, e.g. '6h'.", { tsType: 'Duration' }),
      params: {
        type: 'object',
        description: 'Airflow Params, available in templates as {{ params.NAME }}.',
        additionalProperties: S.ref('param'),
      },
      defaults: {
        type: 'object',
        description: 'Settings for every step (default_args); a step may override each of them.',
        properties: SETTINGS_PROPERTIES,
        additionalProperties: false,
        tsType: 'StepDefaults',
      },
      notifications: notificationsSchema('pipeline'),
      deadline: DEADLINE_SCHEMA,
      steps: {
        type: 'array',
        description: 'The tasks of the pipeline.',
        minItems: 1,
        items: {
          type: 'object',
          required: ['kind'],
          properties: { kind: { type: 'string', description: 'Step kind.' } },
          discriminator: { propertyName: 'kind' },
          oneOf: STEP_KINDS.map((k) => S.ref(stepDefinitionName(k.kind))),
        },
      },
    },
    required: ['version', 'id', 'steps'],
    additionalProperties: false,
    definitions: {
      param: {
        type: 'object',
        description: 'An Airflow Param: a default and JSON Schema keywords that Airflow checks on trigger.',
        properties: {
          default: { description: 'Default value.', tsType: 'JsonValue' },
          type: {
            description: 'JSON type(s) of the value.',
            anyOf: [S.enum('', PARAM_TYPES), { type: 'array', items: S.enum('', PARAM_TYPES) }],
          },
          description: S.string('Shown in the trigger form.'),
          title: S.string('Label in the trigger form.'),
          enum: { type: 'array', description: 'Allowed values.', tsType: 'JsonValue[]' },
          minimum: { type: 'number', description: 'Smallest allowed number.' },
          maximum: { type: 'number', description: 'Largest allowed number.' },
          minLength: S.integer('Shortest allowed string.', { minimum: 0 }),
          maxLength: S.integer('Longest allowed string.', { minimum: 0 }),
          pattern: S.string('Regular expression a string value must match.'),
          format: S.string("JSON Schema format, e.g. 'date'."),
        },
        additionalProperties: false,
      },
      ...definitions,
    },
  };
}

const PARAM_TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'];

function omit<T extends Record<string, unknown>>(obj: T, keys: string[]): T {
  return Object.fromEntries(Object.entries(obj).filter(([k]) => !keys.includes(k))) as T;
}
