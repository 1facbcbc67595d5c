/**
 * `import dag-factory` with hostile input: the files it reads come from elsewhere (a repository being migrated).
 * No text of them can end a comment line, add YAML, run code or write outside the output folder.
 */
import { expect } from 'chai';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { formatDiagnostics } from '../../src/diagnostics/format';
import { importDagFactory } from '../../src/use-cases/import';
import { makeTemp, removeTemp, runCli } from '../helpers/cli';

const HOSTILE = [
  'evil:',
  '  description: "line\\n# injected: true\\n::error::owned \\u001b[31m red \\u202e rtl"',
  '  render_template_as_native_obj: "x\\ny: z"',
  '  schedule: "0 1 * * *"',
  '  start_date: 2026-01-01',
  '  tasks:',
  '    - task_id: a',
  '      operator: airflow.providers.standard.operators.bash.BashOperator',
  '      bash_command: "echo ${HOME} $$ yes"',
  '      "weird\\nkey": "yes"',
  '      on_failure_callback: "\\n- injected list"',
  '      code: !!python/object/apply:os.system ["id"]',
  '',
].join('\n');

describe('import dag-factory with hostile input', () => {
  let dir = '';
  beforeEach(() => {
    dir = makeTemp('import-hostile');
    mkdirSync(join(dir, 'dags'));
    writeFileSync(join(dir, 'dags', 'evil.yml'), HOSTILE);
  });
  afterEach(() => removeTemp(dir));

  it('writes the values as data and every note as one comment line, with control characters escaped', () => {
    const r = importDagFactory({ cwd: dir, files: ['dags/evil.yml'], today: '2026-01-01' });
    expect(r.written).to.equal(true);
    const text = readFileSync(join(dir, 'pipelines', 'evil.yaml'), 'utf8');
    // Every line is a comment, or YAML: no line of the input's text starts a line of its own.
    for (const line of text.split('\n')) expect(line, line).to.not.match(/^(# injected|::error::|- injected|y: z)/);
    // eslint-disable-next-line no-control-regex -- the test looks for control characters
    expect(text).to.not.match(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
    const data = parse(text) as { description: string; steps: { arguments: Record<string, unknown> }[] };
    expect(data.description).to.equal('line\n# injected: true\n::error::owned \u001b[31m red \u202e rtl');
    expect(data.steps[0]!.arguments).to.deep.equal({ bash_command: 'echo $${HOME} $$ yes' });
    expect(r.diagnostics.map((d) => d.code)).to.include.members(['DS802', 'DS808']);
    // eslint-disable-next-line no-control-regex -- the test looks for control characters
    expect(formatDiagnostics(r.diagnostics, 'stylish')).to.not.match(/[\u0000-\u0008\u000b-\u001f]/);
  });

  it('compiles what it wrote', async () => {
    importDagFactory({ cwd: dir, files: ['dags/evil.yml'], today: '2026-01-01' });
    const c = await runCli(['compile'], dir);
    expect(c.code, c.err).to.equal(0);
  });

  it('writes nothing over a file or a link, and nothing outside the project', () => {
    mkdirSync(join(dir, 'pipelines'));
    const outside = makeTemp('import-outside');
    try {
      symlinkSync(join(outside, 'target.yaml'), join(dir, 'pipelines', 'evil.yaml'));
      const r = importDagFactory({ cwd: dir, files: ['dags/evil.yml'], today: '2026-01-01' });
      expect(r.written).to.equal(false);
      expect(r.diagnostics.filter((d) => d.code === 'DS809').map((d) => d.message)).to.deep.equal([
        'pipelines/evil.yaml already exists; import writes no file over another',
      ]);
      symlinkSync(outside, join(dir, 'out-link'));
      expect(() => importDagFactory({ cwd: dir, files: ['dags/evil.yml'], out: 'out-link', today: '2026-01-01' })).to.throw(
        'leads outside the project',
      );
    } finally {
      removeTemp(outside);
    }
  });
});
