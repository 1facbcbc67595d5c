// Regenerates src/serverless/operator-parameters.generated.ts: the keyword arguments of every operator the vendored
// MWAA Serverless validator schema allows, read in the mwaa-serverless virtualenv (`npm run setup:python` first).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPERATOR_PARAMETERS_PATH, renderOperatorParameters, type OperatorParametersDump } from '../src/gen/serverless-operators';
import { VALIDATOR_SCHEMA_PATH } from '../src/serverless/validator-schema';

const root = join(__dirname, '..');
const setup = require('./setup-python.js') as { venvPaths(): Record<string, { python: string }> };
const python = setup.venvPaths()['mwaa-serverless']!.python;
const out = execFileSync(python, [join(root, 'python', 'dagsmith_harness', 'serverless_operators.py'), VALIDATOR_SCHEMA_PATH], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'ignore'],
  maxBuffer: 16 * 1024 * 1024,
});
writeFileSync(join(root, OPERATOR_PARAMETERS_PATH), renderOperatorParameters(JSON.parse(out) as OperatorParametersDump));
console.log(`wrote ${OPERATOR_PARAMETERS_PATH}`);
