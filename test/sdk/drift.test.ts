/**
 * One source of truth: the step registry. The SDK's types (src/spec/types.generated.ts), the published schema
 * (schemas/pipeline.schema.json), its standalone validator (schemas/*.validator.js) and the kind tables of
 * README.md and docs/step-kinds.md are generated from it and committed; this fails when any is stale.
 * Fix: `npm run gen`, then review the diff.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIAGNOSTICS_DOC_PATH, diagnosticsDoc } from '../../src/gen/diagnostics';
import { KIND_DOCS, replaceBlock } from '../../src/gen/kinds';
import { generateValidatorModule, STANDALONE_VALIDATORS } from '../../src/gen/validators';
import { generateSpecTypes, GENERATED_TYPES_PATH } from '../../src/gen/spec-types';
import { publicSchemaText, SCHEMA_PATH } from '../../src/schema/validate';
import { STEP_KINDS } from '../../src/steps/index';
import { STEP_KIND_NAMES } from '../../src/spec/types.generated';

const ROOT = join(__dirname, '..', '..');
const FIX = 'stale: run `npm run gen` and commit the result';

describe('generated files are up to date with the step registry', () => {
  it(`${GENERATED_TYPES_PATH} is what the schema generates`, () => {
    expect(readFileSync(join(ROOT, GENERATED_TYPES_PATH), 'utf8'), FIX).to.equal(generateSpecTypes());
  });

  it(`${SCHEMA_PATH} is the published schema`, () => {
    expect(readFileSync(join(ROOT, SCHEMA_PATH), 'utf8'), FIX).to.equal(publicSchemaText());
  });

  for (const v of STANDALONE_VALIDATORS) {
    it(`${v.path} is ajv's standalone code of its schema`, () => {
      // Not .to.equal: a failure would print both 600 kB texts.
      expect(readFileSync(join(ROOT, v.path), 'utf8') === generateValidatorModule(v), FIX).to.equal(true);
    });
  }

  it('the generated file starts with its do-not-edit header and lists every registered kind', () => {
    const text = readFileSync(join(ROOT, GENERATED_TYPES_PATH), 'utf8');
    expect(text.startsWith('// Generated from the step registry')).to.equal(true);
    expect([...STEP_KIND_NAMES]).to.deep.equal(STEP_KINDS.map((k) => k.kind));
  });

  it(`${DIAGNOSTICS_DOC_PATH} is the diagnostic catalog`, () => {
    expect(readFileSync(join(ROOT, DIAGNOSTICS_DOC_PATH), 'utf8'), FIX).to.equal(diagnosticsDoc());
  });

  for (const doc of KIND_DOCS) {
    it(`${doc.file} lists the registered kinds (block '${doc.block}')`, () => {
      const text = readFileSync(join(ROOT, doc.file), 'utf8');
      expect(text, FIX).to.equal(replaceBlock(text, doc.block, doc.render()));
    });
  }
});
