// Regenerates the files derived from the step registry and the diagnostic catalog: the TypeScript spec types, the
// JSON Schema and its standalone validator, docs/diagnostics.md, and the kind tables in README.md and docs/step-kinds.md.
// test/sdk/drift.test.ts fails when any of them is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIAGNOSTICS_DOC_PATH, diagnosticsDoc } from '../src/docs/diagnostics';
import { KIND_DOCS, replaceBlock } from '../src/docs/kinds';
import { generateValidatorModule, VALIDATOR_PATH } from '../src/schema/standalone';
import { generateSpecTypes, GENERATED_TYPES_PATH } from '../src/schema/typegen';
import { publicSchemaText, SCHEMA_PATH } from '../src/schema/validate';

const root = join(__dirname, '..');
writeFileSync(join(root, GENERATED_TYPES_PATH), generateSpecTypes());
writeFileSync(join(root, SCHEMA_PATH), publicSchemaText());
writeFileSync(join(root, VALIDATOR_PATH), generateValidatorModule());
writeFileSync(join(root, DIAGNOSTICS_DOC_PATH), diagnosticsDoc());
for (const doc of KIND_DOCS) {
  const path = join(root, doc.file);
  writeFileSync(path, replaceBlock(readFileSync(path, 'utf8'), doc.block, doc.render()));
}
console.log(`wrote ${GENERATED_TYPES_PATH}, ${SCHEMA_PATH}, ${VALIDATOR_PATH}, ${DIAGNOSTICS_DOC_PATH}, ${KIND_DOCS.map((d) => d.file).join(', ')}`);
