import { readFileSync } from 'node:fs';

/**
 * JSON that the test made or keeps (a command's --format json output, a fixture's case.json, a helper script's
 * answer), typed as the shape the test reads from it. The type is the test's expectation: a value of another shape
 * fails the assertions that read it.
 */
export function parseJsonAs<T>(text: string): T {
  return JSON.parse(text) as T;
}

/** parseJsonAs over a file's UTF-8 text. */
export function readJsonAs<T>(file: string): T {
  return parseJsonAs<T>(readFileSync(file, 'utf8'));
}

/** The parts of a SARIF 2.1.0 log (`--format sarif`) that the tests read. */
export interface SarifLog {
  readonly version: string;
  readonly runs: readonly {
    readonly tool: { readonly driver: { readonly rules: readonly SarifRule[]; readonly informationUri?: string } };
    readonly results: readonly SarifResult[];
  }[];
}

export interface SarifRule {
  readonly id: string;
  readonly shortDescription: { readonly text: string };
  readonly fullDescription: { readonly text: string };
  readonly helpUri?: string;
  readonly help: { readonly text: string; readonly markdown?: string };
  readonly defaultConfiguration: { readonly level: string };
  readonly properties?: Readonly<Record<string, unknown>> & {
    readonly tags?: readonly string[];
    readonly precision?: string;
    readonly 'security-severity'?: string;
  };
}

export interface SarifResult {
  readonly ruleId: string;
  readonly ruleIndex: number;
  readonly level: string;
  readonly message: { readonly text: string };
  readonly locations: readonly { readonly physicalLocation: unknown }[];
  readonly partialFingerprints: Readonly<Record<string, string>>;
  readonly suppressions?: readonly unknown[];
  readonly relatedLocations?: readonly unknown[];
}
