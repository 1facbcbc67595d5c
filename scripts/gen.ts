// Regenerates the files derived from the step registry and the diagnostic catalog: the TypeScript spec types, the
// JSON Schema, the standalone validators of it and of the config, docs/diagnostics.md, and the kind tables in README.md and docs/step-kinds.md.
// test/sdk/drift.test.ts fails when any of them is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIAGNOSTICS_DOC_PATH, diagnosticsDoc } from '../src/gen/diagnostics';
import { KIND_DOCS, replaceBlock } from '../src/gen/kinds';
import { generateValidatorModule, STANDALONE_VALIDATORS } from '../src/gen/validators';
import { generateSpecTypes, GENERATED_TYPES_PATH } from '../src/gen/spec-types';
import { publicSchemaText, SCHEMA_PATH } from '../src/schema/validate';

const root = join(__dirname, '..');
writeFileSync(join(root, GENERATED_TYPES_PATH), generateSpecTypes());
writeFileSync(join(root, SCHEMA_PATH), publicSchemaText());
for (const v of STANDALONE_VALIDATORS) writeFileSync(join(root, v.path), generateValidatorModule(v));
writeFileSync(join(root, DIAGNOSTICS_DOC_PATH), diagnosticsDoc());
for (const doc of KIND_DOCS) {
  const path = join(root, doc.file);
  writeFileSync(path, replaceBlock(readFileSync(path, 'utf8'), doc.block, doc.render()));
}
console.log(
  `wrote ${GENERATED_TYPES_PATH}, ${SCHEMA_PATH}, ${STANDALONE_VALIDATORS.map((v) => v.path).join(', ')}, ${DIAGNOSTICS_DOC_PATH}, ${KIND_DOCS.map((d) => d.file).join(', ')}`,
);
