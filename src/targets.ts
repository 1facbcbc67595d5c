import { UsageError } from './diagnostics/types';
import { boundedMemo } from './util/bounded-memo';

/**
 * The Airflow targets dagsmith compiles for: MWAA's Airflow versions and the Amazon provider each one ships (from
 * MWAA's own constraints files, requirements/), and MWAA Serverless, whose workflows run one Airflow line with one
 * provider. The one module that knows targets; every layer imports it.
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

/**
 * Where the compiled pipelines run: `mwaa`, an MWAA environment (or any Airflow) reading Python DAG files from its
 * DAG folder; `mwaa-serverless`, MWAA Serverless workflows, each a YAML definition in the service's dag-factory
 * dialect (docs/serverless.md).
 */
export type Platform = 'mwaa' | 'mwaa-serverless';
export const PLATFORMS: readonly Platform[] = ['mwaa', 'mwaa-serverless'];
export const DEFAULT_PLATFORM: Platform = 'mwaa';

/**
 * What MWAA Serverless runs: the versions AWS's own converter (python-to-yaml-dag-converter-mwaa-serverless 0.1.4)
 * pins for the service, `apache-airflow==3.0.6`, `apache-airflow-providers-amazon==9.30.0`, `dag-factory==1.0.1`
 * (requirements/mwaa-serverless/).
 */
export const SERVERLESS_RUNTIME = { airflow: '3.0.6', provider: '9.30.0', dagFactory: '1.0.1' } as const;

/** The Airflow line a DAG file is compiled for. */
export interface AirflowTarget {
  /** e.g. "2.10.3" */
  readonly version: string;
  readonly major: 2 | 3;
  /** The apache-airflow-providers-amazon version the platform runs with that Airflow, e.g. "9.0.0". */
  readonly provider: string;
  readonly platform: Platform;
  /** How messages name it: "Airflow 3.0.6", "MWAA Serverless (Airflow 3.0.6)". */
  readonly label: string;
}

export function isPlatform(text: string): text is Platform {
  return (PLATFORMS as readonly string[]).includes(text);
}

/** The target of an Airflow version on a platform (MWAA by default). */
export function resolveTarget(version: string, platform: Platform = DEFAULT_PLATFORM): AirflowTarget {
  if (platform === 'mwaa-serverless') {
    if (version !== SERVERLESS_RUNTIME.airflow) {
      throw new UsageError(
        `MWAA Serverless runs Airflow ${SERVERLESS_RUNTIME.airflow}; a pipeline cannot be compiled for it with Airflow ${version}`,
      );
    }
    return { version, major: 3, provider: SERVERLESS_RUNTIME.provider, platform, label: `MWAA Serverless (Airflow ${version})` };
  }
  const info = MWAA_TARGETS.get(version);
  if (!info) {
    throw new UsageError(`Airflow ${version} is not an MWAA version dagsmith targets; use one of ${[...MWAA_TARGETS.keys()].join(', ')}`);
  }
  return { version, major: version.startsWith('2.') ? 2 : 3, provider: info.provider, platform, label: `Airflow ${version}` };
}

/** Whether the target's amazon provider is `version` or newer (provider features are versioned, not Airflow's). */
export function providerAtLeast(target: AirflowTarget, version: string): boolean {
  return compareVersions(target.provider, version) >= 0;
}

/**
 * A version's numeric parts, split once per run: callers compare the same few versions (targets, providers, Glue
 * versions) for every step. Bounded; the arrays are shared: read only. Declared before any use at module load.
 */
const versionParts = boundedMemo(1_000, (version: string): readonly number[] => version.split('.').map(Number));

/** Compares dotted versions numerically: -1, 0 or 1. */
export function compareVersions(a: string, b: string): number {
  const pa = versionParts(a);
  const pb = versionParts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}
