import { expect } from 'chai';
import { join } from 'node:path';
import { formatDiagnostics } from '../../src/diagnostics/format';
import { lintProject } from '../../src/use-cases/lint';
import { parseDirectives } from '../../src/lint/suppress';
import { readFileSync } from 'node:fs';

const ROOT = join(__dirname, '..', '..');

describe('examples in pipelines/ under lint', function () {
  this.timeout(120_000);

  it('are lint-clean with the project config, for every environment', async () => {
    for (const env of [undefined, 'dev', 'prod']) {
      const { diagnostics, project } = await lintProject({ cwd: ROOT, ...(env ? { env } : {}) });
      expect(project.files.length).to.be.at.least(5);
      expect(formatDiagnostics(diagnostics, 'stylish'), `lint --env ${env ?? '(none)'}`).to.equal('');
    }
  });

  it('justify every suppression', async () => {
    const { project } = await lintProject({ cwd: ROOT });
    for (const { spec } of project.irs) {
      for (const d of parseDirectives(readFileSync(join(ROOT, spec.file), 'utf8'), spec.format)) {
        expect(d.reason, `${spec.file}:${d.line}`).to.be.a('string');
        expect(d.reason!.length, `${spec.file}:${d.line}: a reason, not a word`).to.be.greaterThan(30);
      }
    }
  });
});
