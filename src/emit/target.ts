import { UsageError } from '../diagnostics/types';
import type { AirflowTarget } from '../steps/types';

/** MWAA's Airflow versions and the Amazon provider each one ships (from MWAA's own constraints files). */
export const MWAA_TARGETS: Readonly<Record<string, { provider: string; standardProvider: string | null }>> = {
  '2.10.3': { provider: '9.0.0', standardProvider: null },
  '2.11.2': { provider: '9.22.0', standardProvider: null },
  '3.0.6': { provider: '9.12.0', standardProvider: '1.6.0' },
  '3.3.1': { provider: '9.34.0', standardProvider: '1.17.0' },
};

export const DEFAULT_AIRFLOW = '2.10.3';

export interface Target extends AirflowTarget {
  readonly provider: string;
}

export function resolveTarget(version: string): Target {
  const info = MWAA_TARGETS[version];
  if (!info) {
    throw new UsageError(
      `Airflow ${version} is not an MWAA version dagsmith targets; use one of ${Object.keys(MWAA_TARGETS).join(', ')}`,
    );
  }
  return { version, major: version.startsWith('2.') ? 2 : 3, provider: info.provider };
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
