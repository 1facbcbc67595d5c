/**
 * Output is inert (issue 16, finding 6): hostile text from a pipeline, a config, a file name or a TypeScript message
 * goes through every local command and every output format, and no line of stdout or stderr starts a workflow
 * command, carries `##[`, a control or a bidi character, or live Markdown. The formats that carry data (json, sarif)
 * still give back the exact text when parsed. The commands that read a bucket (plan, sync) are driven the same way
 * in test/cli/inert-output-remote.test.ts.
 */
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expectInertLines, expectInertMarkdown, HOSTILE, HOSTILE_NAME } from '../helpers/hostile';
import { makeTemp, removeTemp, runCli, type CliResult } from '../helpers/cli';

const yamlString = (s: string): string => JSON.stringify(s);

function project(files: Record<string, string>): string {
  const dir = makeTemp('inert');
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

/** A pipeline whose only problem quotes `text` (an unknown dependency). */
const quoting = (id: string, text: string): string =>
  `version: 1\nid: ${id}\nsteps:\n  - id: run\n    kind: glue.job\n    job: run\n    dependsOn: [${yamlString(text)}]\n`;

const valid = (id: string): string => `version: 1\nid: ${id}\nsteps:\n  - id: run\n    kind: glue.job\n    job: run\n`;

const FILES: Record<string, string> = {
  'dagsmith.config.yaml': `airflow: "2.10.3"\nvars:\n  hostile: ${yamlString(HOSTILE)}\n`,
  'pipelines/quoting.yaml': quoting('quoting', HOSTILE),
  'pipelines/through_var.yaml': quoting('through_var', '${hostile}'),
  [`pipelines/${HOSTILE_NAME}/named.yaml`]: 'version: 1\nid: named\nsteps: []\n',
  'pipelines/throws.ts': `import { definePipeline } from 'dagsmith';\nthrow new Error(${JSON.stringify(HOSTILE)});\nexport default definePipeline({ id: 'throws', steps: [] });\n`,
  'pipelines/typed.ts': `import { definePipeline } from 'dagsmith';\nconst n: 1 = ${JSON.stringify(HOSTILE)};\nexport default definePipeline({ id: 'typed', description: String(n), steps: [] });\n`,
};

function both(r: CliResult): string {
  return `${r.out}\n${r.err}`;
}

describe('output is inert: hostile pipelines, file names, TypeScript messages and config through every local command', function () {
  this.timeout(120_000);
  let dir = '';
  afterEach(() => {
    if (dir) removeTemp(dir);
    dir = '';
  });

  it('validate and compile, stylish and json', async () => {
    dir = project(FILES);
    for (const args of [['validate'], ['validate', '--format', 'json'], ['compile'], ['compile', '--format', 'json']]) {
      const r = await runCli(args, dir);
      expect(r.code, args.join(' ')).to.equal(1);
      expectInertLines(args.join(' '), both(r));
      if (args.includes('json')) {
        // The data is all there: parsed, the messages hold the hostile text exactly.
        const diags = JSON.parse(r.out) as { file: string; message: string }[];
        expect(
          diags.some((d) => d.message.includes(HOSTILE)),
          'json keeps the text',
        ).to.equal(true);
        expect(
          diags.some((d) => d.file.includes(HOSTILE_NAME)),
          'json keeps the file name',
        ).to.equal(true);
      } else {
        expect(r.err).to.contain("depends on unknown step 'c\\u000a::warning file=README.md,line=1::forged\\u000a::add-mask::x");
      }
    }
  });

  it('lint in every format: stylish, json, sarif (brackets escaped), github (one annotation per line)', async () => {
    dir = project(FILES);
    for (const format of ['stylish', 'json', 'sarif', 'github']) {
      const r = await runCli(['lint', '--format', format], dir);
      expect(r.code, format).to.equal(1);
      expectInertLines(`lint ${format} stdout`, r.out, { annotations: format === 'github' });
      expectInertLines(`lint ${format} stderr`, r.err);
    }
    const sarif = JSON.parse((await runCli(['lint', '--format', 'sarif'], dir)).out) as {
      runs: { results: { message: { text: string } }[] }[];
    };
    const texts = sarif.runs[0]!.results.map((x) => x.message.text);
    const quoted = texts.find((t) => t.includes('forged'))!;
    // SARIF reads [text](target) in a plain text message as a link: literal brackets (and backslashes) are escaped.
    expect(quoted).to.contain('\\[link\\](https://evil.example)');
    expect(quoted.replace(/\\[\\[\]]/g, '')).not.to.match(/[[\]]/);
  });

  it('graph --changed: file names are code spans in the Markdown; graph of one pipeline in every format', async () => {
    dir = project({ 'dagsmith.config.yaml': 'airflow: "2.10.3"\n', 'pipelines/base.yaml': valid('base') });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
    git('init', '-q');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-q', '--allow-empty', '-m', 'start');
    writeFileSync(join(dir, 'pipelines/base.yaml'), valid('base').replace('job: run', 'job: other'));
    mkdirSync(join(dir, 'pipelines', HOSTILE_NAME));
    writeFileSync(join(dir, 'pipelines', HOSTILE_NAME, 'drawn.yaml'), valid('drawn'));
    const changed = await runCli(['graph', '--changed', 'HEAD'], dir);
    expect(changed.code, changed.err).to.equal(0);
    expect(changed.out).to.contain('```mermaid');
    expectInertMarkdown('graph --changed', changed.out.replace(/```mermaid\n[\s\S]*?\n```/g, ''));
    expectInertLines('graph --changed', both(changed));
    for (const format of ['mermaid', 'dot', 'svg']) {
      const r = await runCli(['graph', 'drawn', '--format', format], dir);
      expect(r.code, `${format}: ${r.err}`).to.equal(0);
      expectInertLines(`graph ${format}`, both(r));
    }
    const unknown = await runCli(['graph', HOSTILE], dir);
    expect(unknown.code).to.equal(2);
    expectInertLines('graph with a hostile id', both(unknown));
  });

  it('a config whose keys and values are hostile (exit 2)', async () => {
    dir = project({
      'dagsmith.config.yaml': `lint:\n  rules:\n    ${yamlString(`DS999${HOSTILE}`)}: off\n`,
      'pipelines/a.yaml': valid('a'),
    });
    for (const args of [['validate'], ['lint', '--format', 'github'], ['compile', '--format', 'json']]) {
      const r = await runCli(args, dir);
      expect(r.code, args.join(' ')).to.equal(2);
      expect(r.err).to.contain('unknown lint rule');
      expectInertLines(args.join(' '), both(r));
    }
  });
});
