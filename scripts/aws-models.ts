/** botocore's service models in a pinned Airflow virtualenv, for src/gen/aws-names.ts (script and drift test). */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { memberShape, type ApiMember, type BotocoreModel, type ModelShape } from '../src/gen/aws-names';
import { TARGET_VERSIONS } from '../src/targets';

export const GENERATED = 'src/base/aws-names.generated.ts';

const setupPython = require('./setup-python.js') as { venvPaths(): Record<string, { python: string; ready: boolean }> };

/** The models of the newest MWAA target's botocore; `source` names it for the generated file's header. */
export function botocoreModels(): { lookup: (m: ApiMember) => ModelShape; source: string } {
  const version = TARGET_VERSIONS[TARGET_VERSIONS.length - 1]!;
  const venv = setupPython.venvPaths()[`airflow-${version}`];
  if (!venv?.ready) throw new Error(`the airflow-${version} virtualenv is not built: run \`npm run setup:python\``);
  const res = spawnSync(venv.python, ['-c', 'import botocore, os; print(botocore.__version__); print(os.path.dirname(botocore.__file__))'], {
    encoding: 'utf8',
  });
  if (res.status !== 0) throw new Error(`cannot import botocore in the airflow-${version} virtualenv: ${res.stderr}`);
  const [botocoreVersion, dir] = res.stdout.trim().split('\n');
  const data = join(dir!, 'data');
  const models = new Map<string, BotocoreModel>();
  const model = (service: string): BotocoreModel => {
    let m = models.get(service);
    if (!m) {
      const versions = readdirSync(join(data, service)).sort();
      const file = join(data, service, versions[versions.length - 1]!, 'service-2.json.gz');
      m = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as BotocoreModel;
      models.set(service, m);
    }
    return m;
  };
  return {
    lookup: (m) => memberShape(model(m.service), m),
    source: `the service models of botocore ${botocoreVersion} (Airflow ${version}'s virtualenv)`,
  };
}
