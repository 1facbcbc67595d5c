import { EMIT_CODES } from './codes/emit';
import { IMPORT_CODES } from './codes/import';
import { LINT_CODES } from './codes/lint';
import { LOAD_CODES } from './codes/load';
import { SCHEMA_CODES } from './codes/schema';
import { SEMANTICS_CODES } from './codes/semantics';
import { SERVERLESS_EMIT_CODES, SERVERLESS_SYNC_CODES } from './codes/serverless';
import { SYNC_CODES } from './codes/sync';
import { TEST_CODES } from './codes/test';

export type { CodeInfo } from './code-info';

/**
 * The catalog of diagnostic codes: one code, one problem, numbered by the phase that finds it (like TypeScript's):
 * DS1xx load, DS2xx schema, DS3xx semantics (including what the chosen Airflow target cannot do), DS4xx lint,
 * DS5xx emit (writing the output), DS6xx sync, DS7xx test (`dagsmith test`: test files, what a run refuses, its Python), DS8xx import (reading another tool's files). A code is never reused: retired codes are listed in RETIRED_CODES.
 *
 * The entries live in codes/<phase>.ts: `severity`, `title` (what it means, one line), `why` (why it is a problem)
 * and `fix` (what to do). A new code goes in its phase's file, in the range of numbers its author was given.
 * docs/diagnostics.md is generated from this table (`npm run gen`); test/diagnostics/catalog.test.ts checks that
 * every code has its doc text and a golden case, and is raised only in its phase's folder.
 */
export const CODES = {
  ...LOAD_CODES,
  ...SCHEMA_CODES,
  ...SEMANTICS_CODES,
  ...LINT_CODES,
  ...EMIT_CODES,
  ...SERVERLESS_EMIT_CODES,
  ...SYNC_CODES,
  ...SERVERLESS_SYNC_CODES,
  ...IMPORT_CODES,
  ...TEST_CODES,
} as const;

export type Code = keyof typeof CODES;

/** Codes of the lint phase: rules and the suppression checks. */
export type LintCode = Extract<Code, `DS4${string}`>;

/** Codes no longer raised, and what replaced them: never reused, so old logs and suppressions keep their meaning. */
export const RETIRED_CODES: Readonly<Record<string, string>> = {
  DS228:
    'was "fan-out over a param" (refused: expand() renders no templates); a param fan-out compiles now through a list task (malformed ones: DS231, DS232)',
  DS317: 'was "invalid field combination" for many problems; each now has its own code, DS350-DS368',
  DS209: 'was "step kind not supported yet"; every step kind of spec v1 is compiled',
  DS322: 'was "feature not supported yet" for asset schedules, which are compiled now (malformed ones: DS394)',
  DS321: 'was "unknown environment"; an unknown --env is a usage error (exit code 2)',
  DS501: 'lone surrogates are found when validating: DS324',
  DS502: 'NaN is DS325 (validation), an integer too large DS107 (loading)',
  DS503: 'target checks are part of validation: DS326 (removed template variables), DS327 (no region)',
};

export type Phase = 'load' | 'schema' | 'semantics' | 'lint' | 'emit' | 'sync' | 'test' | 'import';

const PHASES: Readonly<Record<string, Phase>> = {
  '1': 'load',
  '2': 'schema',
  '3': 'semantics',
  '4': 'lint',
  '5': 'emit',
  '6': 'sync',
  '7': 'test',
  '8': 'import',
};

/** The phase that raises a code: its first digit. */
export function phaseOf(code: string): Phase {
  const phase = PHASES[code.charAt(2)];
  if (!phase) throw new Error(`internal error: '${code}' is not numbered in a phase`);
  return phase;
}

export function isCode(text: string): text is Code {
  return Object.hasOwn(CODES, text);
}
