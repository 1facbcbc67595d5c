/** The Python virtualenvs built by `npm run setup:python` (scripts/setup-python.js), shared by the suites. */
import { existsSync } from 'node:fs';
import { TARGET_VERSIONS } from '../../src/targets';

interface VenvInfo {
  readonly python: string;
  readonly dir: string;
  readonly ready: boolean;
}
/** `airflow-<version>` for each MWAA Airflow version, `mwaa-serverless` (dag-factory + AWS's converter), and `moto`. */
export type VenvKey = `airflow-${string}` | 'mwaa-serverless' | 'moto';

// scripts/setup-python.js is plain CommonJS without types.
const setupPython = require('../../scripts/setup-python.js') as { venvPaths(): Record<VenvKey, VenvInfo> };

/** The Airflow versions the suites run: every MWAA version dagsmith targets, each in its own virtualenv. */
export const AIRFLOW_VERSIONS: readonly string[] = TARGET_VERSIONS;

/** Interpreter of the virtualenv of one Airflow version (Airflow and its providers pinned to MWAA's constraints). */
export function airflowPython(version: string): string {
  return venvPython(`airflow-${version}`);
}

/** Interpreter of one virtualenv; throws (failing the test) when setup-python has not built it. */
export function venvPython(key: VenvKey): string {
  let paths: Record<VenvKey, VenvInfo>;
  try {
    paths = setupPython.venvPaths();
  } catch (err) {
    throw new Error(`cannot locate the Python virtualenvs: ${(err as Error).message}`, { cause: err });
  }
  const env = Object.hasOwn(paths, key) ? paths[key] : undefined;
  if (!env) throw new Error(`scripts/setup-python.js builds no virtualenv '${key}'`);
  if (!env.ready || !existsSync(env.python)) {
    throw new Error(
      `the ${key} virtualenv is missing or incomplete (${env.dir}); run \`npm run setup:python\` first (\`npm test\` and \`npm run test:airflow\` do)`,
    );
  }
  return env.python;
}
