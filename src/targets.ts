import { UsageError } from './diagnostics/types';

/**
 * The Airflow targets dagsmith compiles for: MWAA's Airflow versions and the Amazon provider each one ships (from
 * MWAA's own constraints files, requirements/). The one module that knows targets; every layer imports it.
 */
export const MWAA_TARGETS: ReadonlyMap<string, { readonly provider: string; readonly python: string }> = new Map([
  ['2.10.3', { provider: '9.0.0', python: '3.11' }],
  ['2.11.2', { provider: '9.22.0', python: '3.12' }],
  ['3.0.6', { provider: '9.12.0', python: '3.12' }],
  ['3.3.1', { provider: '9.34.0', python: '3.12' }],
]);

/** The CPython version MWAA runs an Airflow version on (requirements/README.md), e.g. "3.12". */
export function mwaaPython(version: string): string | undefined {
  return MWAA_TARGETS.get(version)?.python;
}

/** The Airflow versions dagsmith compiles for, oldest first. */
export const TARGET_VERSIONS: readonly string[] = [...MWAA_TARGETS.keys()];

export const DEFAULT_AIRFLOW = '2.10.3';

/** The Airflow line a DAG file is compiled for. */
export interface AirflowTarget {
  /** e.g. "2.10.3" */
  readonly version: string;
  readonly major: 2 | 3;
  /** The apache-airflow-providers-amazon version MWAA ships with that Airflow, e.g. "9.0.0". */
  readonly provider: string;
}

export function resolveTarget(version: string): AirflowTarget {
  const info = MWAA_TARGETS.get(version);
  if (!info) {
    throw new UsageError(`Airflow ${version} is not an MWAA version dagsmith targets; use one of ${[...MWAA_TARGETS.keys()].join(', ')}`);
  }
  return { version, major: version.startsWith('2.') ? 2 : 3, provider: info.provider };
}

/** Whether the target's amazon provider is `version` or newer (provider features are versioned, not Airflow's). */
export function providerAtLeast(target: AirflowTarget, version: string): boolean {
  return compareVersions(target.provider, version) >= 0;
}

/** Compares dotted versions numerically: -1, 0 or 1. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}
