/** The Python virtualenvs built by `npm run setup:python` (scripts/setup-python.js), shared by the suites. */
import { existsSync } from 'node:fs';

interface VenvInfo {
  readonly python: string;
  readonly dir: string;
  readonly ready: boolean;
}
export type VenvKey = 'airflow2' | 'airflow3' | 'moto';

// scripts/setup-python.js is plain CommonJS without types.
const setupPython = require('../../scripts/setup-python.js') as { venvPaths(): Record<VenvKey, VenvInfo> };

/** The Airflow versions the suites run, with the virtualenv each one lives in. */
export const AIRFLOW_VENVS: Readonly<Record<'2.10.3' | '3.0.6', VenvKey>> = { '2.10.3': 'airflow2', '3.0.6': 'airflow3' };

/** Interpreter of one virtualenv; throws (failing the test) when setup-python has not built it. */
export function venvPython(key: VenvKey): string {
  let paths: Record<VenvKey, VenvInfo>;
  try {
    paths = setupPython.venvPaths();
  } catch (err) {
    throw new Error(`cannot locate the Python virtualenvs: ${(err as Error).message}`);
  }
  const env = paths[key];
  if (!env.ready || !existsSync(env.python)) {
    throw new Error(
      `the ${key} virtualenv is missing or incomplete (${env.dir}); run \`npm run setup:python\` first (\`npm test\` and \`npm run test:airflow\` do)`,
    );
  }
  return env.python;
}
