// Regenerates the files derived from the step registry: the TypeScript spec types and the JSON Schema.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSpecTypes, GENERATED_TYPES_PATH } from '../src/schema/typegen';
import { publicSchemaText, SCHEMA_PATH } from '../src/schema/validate';

const root = join(__dirname, '..');
writeFileSync(join(root, GENERATED_TYPES_PATH), generateSpecTypes());
writeFileSync(join(root, SCHEMA_PATH), publicSchemaText());
console.log(`wrote ${GENERATED_TYPES_PATH} and ${SCHEMA_PATH}`);
