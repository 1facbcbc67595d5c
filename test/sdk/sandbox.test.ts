/**
 * TypeScript pipelines are untrusted code (PR checks run on forks): each attack of issue 8 as a small project,
 * run through the CLI. Each asserts the exact diagnostic, the exit code, and that nothing happened: no file
 * written (no dags-out/, no marker file), no other pipeline changed.
 */
import { expect } from 'chai';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { loadSpecFiles } from '../../src/load/index';
import { makeTemp, readTree, removeTemp, runCli } from '../helpers/cli';

const CONFIG = 'pipelines: pipelines\noutDir: dags-out\nairflow: "2.10.3"\n';

/** A project of `files` (path -> text) in a temp folder, removed after `fn`. */
async function withProject(files: Record<string, string>, fn: (dir: string) => void | Promise<void>): Promise<void> {
  const dir = makeTemp('sandbox');
  try {
    writeFileSync(join(dir, 'dagsmith.config.yaml'), CONFIG);
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    await fn(dir);
  } finally {
    removeTemp(dir);
  }
}

const lines = (...l: string[]): string => [...l, ''].join('\n');

/** A pipeline that evaluates `before` first (statements at the top of the file). */
const pipeline = (id: string, ...before: string[]): string =>
  lines(
    "import { definePipeline, glue } from 'dagsmith';",
    ...before,
    `export default definePipeline({ id: '${id}', steps: [glue.job({ id: 'a', job: 'a' })] });`,
  );

/** Compiles and expects exactly `expected` on stderr (the summary lines follow), exit code 1 and nothing written. */
async function expectRefused(dir: string, expected: readonly string[], args: readonly string[] = ['compile']): Promise<void> {
  const before = readTree(dir);
  const res = await runCli(args, dir);
  const errors = expected.filter((l) => / error /.test(l)).length;
  const summary = args[0] === 'compile' ? ['compile failed: nothing was written to dags-out/'] : [];
  expect(res.err).to.equal(lines(...expected, `${errors} error${errors === 1 ? '' : 's'}, 0 warnings`, ...summary));
  expect(res.code).to.equal(1);
  expect([...readTree(dir).keys()], 'files').to.deep.equal([...before.keys()]);
}

describe('TypeScript pipelines run isolated (issue 8)', function () {
  this.timeout(120_000);

  it('process.mainModule.require(child_process).execSync runs nothing: there is no process', async () => {
    await withProject(
      { 'pipelines/a.ts': pipeline('a', "(globalThis as any).process.mainModule.require('child_process').execSync('id > PWNED');") },
      async (dir) => {
        await expectRefused(dir, [
          "pipelines/a.ts:2:1: error DS111: evaluating the pipeline threw TypeError: Cannot read properties of undefined (reading 'mainModule')",
        ]);
        expect(existsSync(join(dir, 'PWNED'))).to.equal(false);
      },
    );
  });

  it('@ts-ignore is DS113, and the file is not run', async () => {
    await withProject({ 'pipelines/a.ts': pipeline('a', '// @ts-ignore', "require('child_process').execSync('id > PWNED');") }, async (dir) => {
      await expectRefused(dir, [
        'pipelines/a.ts:2:1: error DS113: @ts-ignore switches off type checking, which every pipeline file must pass: remove it and fix the error it hides',
      ]);
      expect(existsSync(join(dir, 'PWNED'))).to.equal(false);
    });
  });

  it('@ts-nocheck is DS113 and importing child_process is DS114', async () => {
    await withProject(
      { 'pipelines/a.ts': lines('// @ts-nocheck', "import { execSync } from 'child_process';", "execSync('id > PWNED');", pipeline('a')) },
      async (dir) => {
        await expectRefused(dir, [
          'pipelines/a.ts:1:1: error DS113: @ts-nocheck switches off type checking, which every pipeline file must pass: remove it and fix the error it hides',
          "pipelines/a.ts:2:26: error DS114: 'child_process' is not a file of this project: a pipeline may import only 'dagsmith' and the project's own TypeScript and JSON files",
        ]);
        expect(existsSync(join(dir, 'PWNED'))).to.equal(false);
      },
    );
  });

  it('@ts-expect-error in a helper is DS113 at the helper', async () => {
    await withProject(
      {
        'pipelines/_lib/h.ts': lines('// @ts-expect-error', "export const n: number = 'x';"),
        'pipelines/a.ts': pipeline('a', "import { n } from './_lib/h';", 'void n;'),
      },
      async (dir) => {
        await expectRefused(dir, [
          'pipelines/_lib/h.ts:1:1: error DS113: @ts-expect-error switches off type checking, which every pipeline file must pass: remove it and fix the error it hides',
        ]);
      },
    );
  });

  it("Function('return this')() and constructor.constructor cannot generate code", async () => {
    await withProject(
      {
        'pipelines/a.ts': pipeline('a', "const g = Function('return this')() as any;", 'void g;'),
        'pipelines/b.ts': pipeline('b', "const p = ({}).constructor.constructor('return process')();", 'void p;'),
      },
      async (dir) => {
        await expectRefused(dir, [
          'pipelines/a.ts:2:11: error DS111: evaluating the pipeline threw EvalError: Code generation from strings disallowed for this context',
          'pipelines/b.ts:2:11: error DS111: evaluating the pipeline threw EvalError: Code generation from strings disallowed for this context',
        ]);
      },
    );
  });

  it('eval cannot generate code', async () => {
    await withProject({ 'pipelines/a.ts': pipeline('a', "eval('1 + 1');") }, async (dir) => {
      await expectRefused(dir, [
        'pipelines/a.ts:2:1: error DS111: evaluating the pipeline threw EvalError: Code generation from strings disallowed for this context',
      ]);
    });
  });

  it('import(m) is DS114', async () => {
    await withProject(
      { 'pipelines/a.ts': pipeline('a', "const m = 'child_process';", 'void import(m).then((cp) => cp.execSync("id > PWNED"));') },
      async (dir) => {
        await expectRefused(dir, [
          'pipelines/a.ts:3:6: error DS114: import() is not allowed in a pipeline: pipelines are evaluated synchronously, so import modules statically (`import ... from`)',
        ]);
        expect(existsSync(join(dir, 'PWNED'))).to.equal(false);
      },
    );
  });

  it('process.env.HOME cannot reach a DAG', async () => {
    await withProject(
      {
        'pipelines/a.ts': lines(
          "import { definePipeline, glue } from 'dagsmith';",
          "export default definePipeline({ id: 'a', steps: [glue.job({ id: 'a', job: String((globalThis as any).process.env.HOME) })] });",
        ),
      },
      async (dir) => {
        await expectRefused(dir, [
          "pipelines/a.ts:2:75: error DS111: evaluating the pipeline threw TypeError: Cannot read properties of undefined (reading 'env')",
        ]);
      },
    );
  });

  it('process.exit(0) cannot hide a broken YAML pipeline from validate or compile --check', async () => {
    await withProject(
      {
        'pipelines/a.ts': pipeline('a', '(globalThis as any).process.exit(0);'),
        'pipelines/b.yaml': 'version: 1\nid: b\nsteps: []\n',
      },
      async (dir) => {
        const expected = [
          "pipelines/a.ts:2:1: error DS111: evaluating the pipeline threw TypeError: Cannot read properties of undefined (reading 'exit')",
          'pipelines/b.yaml:3:8: error DS211: steps must have at least 1 item',
        ];
        await expectRefused(dir, expected, ['validate']);
        await expectRefused(dir, expected, ['compile', '--check']);
      },
    );
  });

  it('Object.prototype pollution in one file changes no other pipeline, YAML or TypeScript', async () => {
    const yaml = 'version: 1\nid: y\nsteps:\n  - { id: a, kind: glue.job, job: a }\n';
    const clean = pipeline('t');
    await withProject({ 'pipelines/y.yaml': yaml, 'pipelines/t.ts': clean }, async (dir) => {
      expect((await runCli(['compile'], dir)).code).to.equal(0);
      const alone = readTree(join(dir, 'dags-out'));
      writeFileSync(
        join(dir, 'pipelines', 'evil.ts'),
        pipeline(
          'evil',
          "for (const key of ['awsConnId', 'region', 'retries']) Object.defineProperty(Object.prototype, key, { value: 'attacker_conn', enumerable: true });",
          "Object.defineProperty(Array.prototype, 'extra', { value: 'attacker', enumerable: true });",
        ),
      );
      const res = await runCli(['compile'], dir);
      expect(res.err).to.equal('');
      expect(res.code).to.equal(0);
      const after = readTree(join(dir, 'dags-out'));
      for (const file of ['t.py', 'y.py']) expect(after.get(file)?.toString(), file).to.equal(alone.get(file)?.toString());
      expect(after.get('evil.py')?.toString()).to.not.contain('attacker');
    });
  });

  it('a microtask loop is stopped at the time limit (DS115) and the other files are evaluated', async () => {
    await withProject(
      {
        'pipelines/a.ts': pipeline('a', 'const spin = (): Promise<void> => Promise.resolve().then(spin);', 'void spin();'),
        'pipelines/b.ts': pipeline('b', "throw new Error('b ran');"),
      },
      async (dir) => {
        const before = readTree(dir);
        const res = await runCli(['validate'], dir, { DAGSMITH_EVAL_TIMEOUT_MS: '500' });
        expect(res.err).to.equal(
          lines(
            'pipelines/a.ts:1:1: error DS115: evaluating the pipeline did not finish within 500 ms (an endless loop, or work that never ends?)',
            'pipelines/b.ts:2:7: error DS111: evaluating the pipeline threw Error: b ran',
            '2 errors, 0 warnings',
          ),
        );
        expect(res.code).to.equal(1);
        expect([...readTree(dir).keys()]).to.deep.equal([...before.keys()]);
      },
    );
  });

  it('an endless loop is stopped at the time limit (DS115)', async () => {
    await withProject({ 'pipelines/loop.ts': pipeline('loop', 'for (;;) {}') }, async (dir) => {
      const res = await runCli(['validate'], dir, { DAGSMITH_EVAL_TIMEOUT_MS: '300' });
      expect(res.err).to.equal(
        lines(
          'pipelines/loop.ts:1:1: error DS115: evaluating the pipeline did not finish within 300 ms (an endless loop, or work that never ends?)',
          '1 error, 0 warnings',
        ),
      );
      expect(res.code).to.equal(1);
    });
  });

  it('there are no timers: setInterval is not there to call', async () => {
    await withProject({ 'pipelines/a.ts': pipeline('a', '(globalThis as any).setInterval(() => undefined, 1);') }, async (dir) => {
      await expectRefused(dir, [
        'pipelines/a.ts:2:1: error DS111: evaluating the pipeline threw TypeError: globalThis.setInterval is not a function',
      ]);
    });
  });

  it('a looping getter on the export is stopped at the time limit (DS115)', async () => {
    await withProject(
      {
        'pipelines/a.ts': lines(
          "import { definePipeline, glue } from 'dagsmith';",
          "const p = definePipeline({ id: 'a', steps: [glue.job({ id: 'a', job: 'a' })] });",
          "Object.defineProperty(p, 'description', { enumerable: true, get() { for (;;) {} } });",
          'export default p;',
        ),
      },
      async (dir) => {
        const res = await runCli(['validate'], dir, { DAGSMITH_EVAL_TIMEOUT_MS: '300' });
        expect(res.err).to.equal(
          lines(
            'pipelines/a.ts:1:1: error DS115: evaluating the pipeline did not finish within 300 ms (an endless loop, or work that never ends?)',
            '1 error, 0 warnings',
          ),
        );
        expect(res.code).to.equal(1);
      },
    );
  });

  it('a throwing getter on the export is DS117 at the property', async () => {
    await withProject(
      {
        'pipelines/a.ts': lines(
          "import { definePipeline, glue } from 'dagsmith';",
          "const p = definePipeline({ id: 'a', steps: [glue.job({ id: 'a', job: 'a' })] });",
          "Object.defineProperty(p.steps[0], 'job', { enumerable: true, get() { throw new Error('no job'); } });",
          'export default p;',
        ),
      },
      async (dir) => {
        await expectRefused(dir, ["pipelines/a.ts:2:70: error DS117: 'steps[0].job' could not be read: reading it threw Error: no job"]);
      },
    );
  });

  it('a cycle, a function and a class instance in the export are DS117', async () => {
    await withProject(
      {
        'pipelines/a.ts': lines(
          "import { definePipeline, glue } from 'dagsmith';",
          "const p = definePipeline({ id: 'a', tags: ['x'], steps: [glue.job({ id: 'a', job: 'a' })] });",
          '(p as any).tags.push(p.tags);',
          'export default p;',
        ),
        'pipelines/b.ts': lines(
          "import { definePipeline, glue } from 'dagsmith';",
          "export default definePipeline({ id: 'b', steps: [glue.job({ id: 'a', job: 'a', arguments: { f: (() => 1) as any } })] });",
        ),
        'pipelines/c.ts': lines(
          "import { definePipeline, glue } from 'dagsmith';",
          "export default definePipeline({ id: 'c', steps: [glue.job({ id: 'a', job: 'a', arguments: { at: new Date(0) as any } })] });",
        ),
      },
      async (dir) => {
        await expectRefused(dir, [
          "pipelines/a.ts:2:43: error DS117: 'tags[1]' refers to itself (a cycle): pipeline data is a tree",
          "pipelines/b.ts:2:96: error DS117: 'steps[0].arguments.f' is a function, not data (strings, numbers, booleans, null, lists and mappings)",
          "pipelines/c.ts:2:97: error DS117: 'steps[0].arguments.at' is an instance of Date, not data (strings, numbers, booleans, null, lists and mappings)",
        ]);
      },
    );
  });

  it('heap exhaustion is DS116 at the file; the files after it are evaluated in a new process', async () => {
    await withProject(
      {
        'pipelines/a.ts': pipeline('a', 'const hoard: string[][] = [];', "for (;;) hoard.push(new Array(1e5).fill('x'));"),
        'pipelines/b.ts': pipeline('b'),
      },
      (dir) => {
        const saved = process.env.DAGSMITH_EVAL_MAX_HEAP_MB;
        process.env.DAGSMITH_EVAL_MAX_HEAP_MB = '64';
        try {
          const [a, b] = loadSpecFiles(dir, ['pipelines/a.ts', 'pipelines/b.ts']);
          expect(a!.spec).to.equal(undefined);
          expect(a!.diagnostics.map((d) => `${d.file}:${d.line}:${d.col}: ${d.code}: ${d.message}`)).to.deep.equal([
            'pipelines/a.ts:1:1: DS116: evaluating the pipeline ran out of memory (the evaluator has 64 MiB for all pipelines)',
          ]);
          expect(b!.diagnostics).to.deep.equal([]);
          expect(b!.spec?.data).to.deep.equal({ version: 1, id: 'b', steps: [{ id: 'a', kind: 'glue.job', job: 'a' }] });
        } finally {
          if (saved === undefined) delete process.env.DAGSMITH_EVAL_MAX_HEAP_MB;
          else process.env.DAGSMITH_EVAL_MAX_HEAP_MB = saved;
        }
      },
    );
  });

  it("imports the project's own JSON files and helpers, but nothing outside the project (DS114), nor through a symlink (DS142)", async () => {
    const outside = makeTemp('outside');
    try {
      writeFileSync(join(outside, 'secrets.ts'), "export const token = 'outside';\n");
      await withProject(
        {
          'pipelines/_lib/tables.json': '["orders", "refunds"]\n',
          'pipelines/_lib/jobs.ts': lines(
            "import { glue } from 'dagsmith';",
            'export const job = (t: string) => glue.job({ id: t, job: `load-${t}` });',
          ),
          'pipelines/a.ts': lines(
            "import { definePipeline } from 'dagsmith';",
            "import tables from './_lib/tables.json';",
            "import { job } from './_lib/jobs';",
            "export default definePipeline({ id: 'a', steps: tables.map(job) });",
          ),
        },
        async (dir) => {
          const [a] = loadSpecFiles(dir, ['pipelines/a.ts']);
          expect(a!.diagnostics).to.deep.equal([]);
          expect(a!.spec?.data).to.deep.equal({
            version: 1,
            id: 'a',
            steps: [
              { id: 'orders', kind: 'glue.job', job: 'load-orders' },
              { id: 'refunds', kind: 'glue.job', job: 'load-refunds' },
            ],
          });
          const relativeOut = relative(join(dir, 'pipelines'), join(outside, 'secrets')).split(sep).join('/');
          symlinkSync(join(outside, 'secrets.ts'), join(dir, 'pipelines', '_lib', 'linked.ts'));
          writeFileSync(join(dir, 'pipelines', 'b.ts'), pipeline('b', `import { token } from '${relativeOut}';`, 'void token;'));
          writeFileSync(join(dir, 'pipelines', 'c.ts'), pipeline('c', "import { token } from './_lib/linked';", 'void token;'));
          const col = 'import { token } from '.length + 1;
          await expectRefused(dir, [
            `pipelines/b.ts:2:${col}: error DS114: '${relativeOut}' is outside the project: a pipeline may import only 'dagsmith' and the project's own TypeScript and JSON files`,
            `pipelines/c.ts:2:${col}: error DS142: './_lib/linked' is a symbolic link (or behind one) leading outside the project; dagsmith reads only inside it`,
          ]);
        },
      );
    } finally {
      removeTemp(outside);
    }
  });

  it('reads an imported JSON file as it reads pipeline files: invalid UTF-8 is refused at the JSON file', async () => {
    await withProject(
      {
        'pipelines/_lib/.keep': '',
        'pipelines/a.ts': lines(
          "import { definePipeline, glue } from 'dagsmith';",
          "import names from './_lib/names.json';",
          "export default definePipeline({ id: 'a', description: names[0], steps: [glue.job({ id: 'a', job: 'a' })] });",
        ),
      },
      async (dir) => {
        writeFileSync(join(dir, 'pipelines', '_lib', 'names.json'), Buffer.from([0x5b, 0x22, 0xff, 0x22, 0x5d, 0x0a]));
        await expectRefused(dir, [
          'pipelines/_lib/names.json:1:3: error DS145: the file is not valid UTF-8 (byte 0xff at offset 2); save it as UTF-8',
        ]);
      },
    );
  });
});
