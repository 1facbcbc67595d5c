import type { Severity } from './types';

/**
 * The catalog of diagnostic codes, numbered by phase like TypeScript's:
 * DS1xx load, DS2xx schema, DS3xx semantics, DS4xx lint, DS5xx emit, DS6xx sync.
 * A code is never reused for a different problem.
 */
export const CODES = {
  // --- load
  DS100: { severity: 'error', title: 'file cannot be read' },
  DS101: { severity: 'error', title: 'YAML syntax error' },
  DS102: { severity: 'error', title: 'duplicate key in a YAML mapping' },
  DS103: { severity: 'error', title: 'pipeline file is not a mapping' },
  DS104: { severity: 'error', title: 'more than one YAML document in a file' },
  DS105: { severity: 'error', title: 'YAML alias problem' },
  DS106: { severity: 'error', title: 'unsupported YAML tag or value' },
  DS110: { severity: 'error', title: 'TypeScript type error in a pipeline' },
  DS111: { severity: 'error', title: 'TypeScript pipeline failed to evaluate' },
  DS112: { severity: 'error', title: 'TypeScript pipeline has no usable default export' },
  DS113: { severity: 'error', title: 'TypeScript checks switched off in a pipeline (@ts-ignore, @ts-expect-error, @ts-nocheck)' },
  DS114: { severity: 'error', title: 'TypeScript pipeline imports a module it may not' },
  DS115: { severity: 'error', title: 'TypeScript pipeline did not finish in time' },
  DS116: { severity: 'error', title: 'TypeScript pipeline ran out of memory' },
  DS117: { severity: 'error', title: 'TypeScript pipeline exports something that is not plain data' },
  DS118: { severity: 'error', title: 'TypeScript pipeline evaluator stopped unexpectedly' },
  DS130: { severity: 'error', title: 'invalid dagsmith.config.yaml' },
  // --- schema
  DS200: { severity: 'error', title: 'unknown property' },
  DS201: { severity: 'error', title: 'missing required property' },
  DS202: { severity: 'error', title: 'wrong type' },
  DS203: { severity: 'error', title: 'value not allowed' },
  DS204: { severity: 'error', title: 'unknown step kind' },
  DS205: { severity: 'error', title: 'step has no kind' },
  DS206: { severity: 'error', title: 'value out of range' },
  DS207: { severity: 'error', title: 'value does not match the expected form' },
  DS208: { severity: 'error', title: 'unsupported spec version' },
  DS209: { severity: 'error', title: 'step kind not supported yet' },
  // --- semantics
  DS301: { severity: 'error', title: 'duplicate step id' },
  DS302: { severity: 'error', title: 'dependency on an unknown step' },
  DS303: { severity: 'error', title: 'step depends on itself' },
  DS304: { severity: 'error', title: 'dependency cycle' },
  DS305: { severity: 'error', title: 'invalid cron expression' },
  DS306: { severity: 'error', title: 'invalid duration' },
  DS307: { severity: 'error', title: 'invalid date or datetime' },
  DS308: { severity: 'error', title: 'invalid S3 URI or bucket' },
  DS309: { severity: 'error', title: 'invalid ARN' },
  DS310: { severity: 'error', title: 'id that Airflow would reject' },
  DS311: { severity: 'error', title: 'duplicate pipeline id' },
  DS312: { severity: 'error', title: 'undefined variable' },
  DS313: { severity: 'error', title: 'referenced file not found' },
  DS314: { severity: 'error', title: 'invalid timezone' },
  DS315: { severity: 'error', title: 'fields that exclude each other' },
  DS316: { severity: 'error', title: 'schedule without startDate' },
  DS317: { severity: 'error', title: 'invalid field combination' },
  DS318: { severity: 'warning', title: 'duplicate dependency' },
  DS319: { severity: 'error', title: 'invalid SQL identifier' },
  DS320: { severity: 'error', title: 'malformed variable reference' },
  DS321: { severity: 'error', title: 'unknown environment' },
  DS322: { severity: 'error', title: 'feature not supported yet' },
  DS323: { severity: 'warning', title: 'setting without effect' },
  // --- emit
  DS501: { severity: 'error', title: 'string cannot be written to Python' },
  DS502: { severity: 'error', title: 'number cannot be written to Python' },
  DS503: { severity: 'error', title: 'feature not available on the Airflow target' },
  DS504: { severity: 'error', title: 'output file not written by dagsmith is in the way' },
  // --- sync (S3)
  DS600: { severity: 'error', title: 'dags-out/ is not what compile writes (sync refused)' },
  DS601: { severity: 'error', title: 'the stored sync manifest cannot be used' },
  DS602: { severity: 'error', title: 'object not deployed by dagsmith is in the way' },
  DS603: { severity: 'error', title: 'another sync holds the DAG prefix' },
  // --- sync: MWAA environment, artifacts, verify (630-659)
  DS630: { severity: 'error', title: 'MWAA environment cannot be described' },
  DS631: { severity: 'error', title: 'MWAA environment is not AVAILABLE' },
  DS632: { severity: 'error', title: 'MWAA environment runs another Airflow version than the DAGs were compiled for' },
  DS633: { severity: 'error', title: 'bucket of the MWAA environment is not versioned' },
  DS634: { severity: 'error', title: 'MWAA environment update failed or did not finish in time' },
  DS635: { severity: 'error', title: 'MWAA reports import errors in deployed DAGs' },
  DS636: { severity: 'error', title: 'plugins folder cannot be packed into plugins.zip' },
  DS637: { severity: 'error', title: 'MWAA CLI endpoint gave no usable answer' },
  DS638: { severity: 'error', title: 'environment has no MWAA settings' },
} as const satisfies Record<string, { severity: Severity; title: string }>;

export type Code = keyof typeof CODES;
