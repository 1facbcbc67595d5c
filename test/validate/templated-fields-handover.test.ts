import { expect } from 'chai';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkSpec, siblingReader } from '../../src/compile/unit';
import { Reporter } from '../../src/diagnostics/reporter';
import { normalize } from '../../src/ir/normalize';
import { loadSpecFiles } from '../../src/load/index';
import { kindOf } from '../../src/steps/index';
import { resolveTarget, TARGET_VERSIONS } from '../../src/targets';
import { checkTemplatedFields } from '../../src/validate/templated-fields';
import { forEachTemplateString } from '../../src/validate/templates';

const FIXTURES = join(__dirname, '..', 'fixtures');

/** Every fixture project with YAML pipelines, and those pipelines (project-relative). */
function fixtureProjects(): { dir: string; files: string[] }[] {
  return readdirSync(FIXTURES)
    .map((name) => join(FIXTURES, name))
    .filter((dir) => existsSync(join(dir, 'pipelines')))
    .map((dir) => ({
      dir,
      files: readdirSync(join(dir, 'pipelines'))
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => `pipelines/${f}`),
    }))
    .filter((p) => p.files.length > 0);
}

/**
 * DS345 takes each step's template strings from checkTemplates (which walked them already) instead of walking the step
 * again: the texts handed over and the findings must be those of the check's own walk.
 */
describe('checkTemplatedFields with the template strings checkTemplates found', () => {
  it('finds the same texts and reports the same DS345 findings as its own walk, on every fixture and target', () => {
    let checkedSteps = 0;
    let findings = 0;
    for (const { dir, files } of fixtureProjects()) {
      const read = siblingReader(dir);
      for (const loaded of loadSpecFiles(dir, files)) {
        if (!loaded.spec) continue;
        const spec = loaded.spec;
        for (const version of TARGET_VERSIONS) {
          const target = resolveTarget(version);
          const checked = checkSpec(spec, new Map(), target, read);
          if (!checked.data) continue;
          const steps = checked.data.steps as unknown[];
          (checked.templates ?? []).forEach((t, index) => {
            if (!t) return;
            checkedSteps++;
            const fileFields: readonly string[] = kindOf((steps[index] as { kind: 'glue.job' }).kind).fileFields ?? [];
            const walked: string[] = [];
            forEachTemplateString(steps[index], ['steps', index], (text, path) => {
              if (!fileFields.includes(String(path[2]))) walked.push(text);
            });
            expect(t.texts, `${spec.file} step ${index}`).to.deep.equal(walked);
          });
          const ir = normalize({
            file: spec.file,
            sha256: spec.sha256,
            format: spec.format,
            spec: checked.data,
            readSibling: (p) => read(spec.absPath, p)!,
          });
          const handedOver = new Reporter(spec.file, spec.locator);
          checkTemplatedFields(ir, checked.data, target, handedOver, checked.templates);
          const ownWalk = new Reporter(spec.file, spec.locator);
          checkTemplatedFields(ir, checked.data, target, ownWalk);
          expect(handedOver.diagnostics, `${dir} ${spec.file} on ${version}`).to.deep.equal(ownWalk.diagnostics);
          findings += ownWalk.diagnostics.length;
        }
      }
    }
    // The comparison covered steps with templates and pipelines with findings, not only clean ones.
    expect(checkedSteps).to.be.greaterThan(100);
    expect(findings).to.be.greaterThan(0);
  });
});
