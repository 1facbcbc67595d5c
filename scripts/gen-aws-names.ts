/**
 * `npm run gen:aws-names`: writes src/base/aws-names.generated.ts from the AWS service models of botocore in the
 * virtualenv of the newest MWAA Airflow target (its version pinned by MWAA's constraints), so the rules are those of
 * the SDK that Airflow's amazon provider calls AWS with.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { botocoreModels, GENERATED } from './aws-models';

const { lookup, source } = botocoreModels();
const { renderAwsNameRules } = require('../src/gen/aws-names') as typeof import('../src/gen/aws-names');
writeFileSync(join(__dirname, '..', GENERATED), renderAwsNameRules(lookup, source));
console.log(`wrote ${GENERATED} from ${source}`);
