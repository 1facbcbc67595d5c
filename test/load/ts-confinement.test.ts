/**
 * The TypeScript type checker is confined to the project (issue 16, findings 5 and 8): it reads no file outside it —
 * not through `/// <reference path>`, not through a helper (or a folder of helpers) that is a symbolic link leading
 * out, not through a type-only import — and no project file larger than the size limit, which it checks before
 * reading (a 58 MB JSON import used to be read whole, and the compile ran out of memory).
 * Every read the compile makes is watched (fs.readFileSync and fs.openSync, which ts-morph and dagsmith read with).
 */
import { expect } from 'chai';
import { mkdirSync, openSync, closeSync, ftruncateSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The module object itself (not an import's read-only namespace): what every caller looks the functions up on. */
const fs = require('node:fs') as typeof import('node:fs');
import { makeTemp, removeTemp, runCli, type CliResult } from '../helpers/cli';

/** Runs `f`, recording the real path of every file opened or read whole meanwhile. */
async function readsDuring(f: () => Promise<CliResult>): Promise<{ result: CliResult; reads: string[] }> {
  const reads: string[] = [];
  const record = (p: unknown) => {
    if (typeof p !== 'string') return;
    try {
      reads.push(fs.realpathSync(p));
    } catch {
      reads.push(resolve(p));
    }
  };
  const mutable = fs as unknown as Record<string, unknown>;
  const readFileSync = fs.readFileSync;
  const openSyncOriginal = fs.openSync;
  mutable.readFileSync = (p: unknown, ...rest: unknown[]) => {
    record(p);
    return (readFileSync as (...a: unknown[]) => unknown)(p, ...rest);
  };
  mutable.openSync = (p: unknown, ...rest: unknown[]) => {
    record(p);
    return (openSyncOriginal as (...a: unknown[]) => unknown)(p, ...rest);
  };
  try {
    return { result: await f(), reads };
  } finally {
    mutable.readFileSync = readFileSync;
    mutable.openSync = openSyncOriginal;
  }
}

describe('the TypeScript checker reads only inside the project, and only files of bounded size', function () {
  this.timeout(120_000);
  let parent = '';
  let dir = '';
  let outside = '';
  beforeEach(() => {
    parent = makeTemp('ts-confined');
    dir = join(parent, 'project');
    outside = join(parent, 'outside');
    mkdirSync(join(dir, 'pipelines', '_lib'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(join(dir, 'dagsmith.config.yaml'), 'airflow: "2.10.3"\n');
    // Files a pull request would like dagsmith to read: they type-check, so reading them would go unnoticed.
    writeFileSync(join(outside, 'ref.ts'), 'declare const FROM_OUTSIDE: string;\n');
    writeFileSync(join(outside, 'helper.ts'), "export const JOB = 'from-outside';\n");
    writeFileSync(join(outside, 'types.ts'), 'export type Job = string;\n');
    mkdirSync(join(outside, 'lib'));
    writeFileSync(join(outside, 'lib', 'more.ts'), "export const MORE = 'more';\n");
  });
  afterEach(() => removeTemp(parent));

  const pipeline = (id: string, head: string, job = "'run'") =>
    `${head}\nimport { definePipeline, glue } from 'dagsmith';\nexport default definePipeline({ id: '${id}', steps: [glue.job({ id: 'run', job: ${job} })] });\n`;

  it('refuses /// <reference path>, symlinked helpers and folders, and type-only imports that leave the project (DS142, DS114)', async () => {
    symlinkSync(join(outside, 'helper.ts'), join(dir, 'pipelines', '_lib', 'helper.ts'));
    symlinkSync(join(outside, 'lib'), join(dir, 'pipelines', '_lib', 'linked'));
    writeFileSync(join(dir, 'pipelines', 'referencing.ts'), pipeline('referencing', '/// <reference path="../../outside/ref.ts" />'));
    writeFileSync(join(dir, 'pipelines', 'linked_helper.ts'), pipeline('linked_helper', "import { JOB } from './_lib/helper';", 'JOB'));
    writeFileSync(join(dir, 'pipelines', 'linked_folder.ts'), pipeline('linked_folder', "import { MORE } from './_lib/linked/more';", 'MORE'));
    writeFileSync(
      join(dir, 'pipelines', 'type_only.ts'),
      pipeline('type_only', "import type { Job } from '../../outside/types';\nconst j: Job = 'x';", 'j'),
    );
    writeFileSync(join(dir, 'pipelines', 'fine.ts'), pipeline('fine', ''));
    const { result, reads } = await readsDuring(() => runCli(['validate'], dir));
    expect(
      reads.filter((p) => p.startsWith(outside)),
      'files outside the project that were read',
    ).to.deep.equal([]);
    expect(result.code, result.err).to.equal(1);
    const lines = result.err.split('\n');
    const at = (file: string) => lines.filter((l) => l.startsWith(`pipelines/${file}:`));
    expect(at('referencing.ts')).to.deep.equal([
      'pipelines/referencing.ts:1:22: error DS142: /// <reference path="../../outside/ref.ts" /> leads outside the project; dagsmith reads only inside it (copy the file into the project)',
    ]);
    expect(at('linked_helper.ts')).to.deep.equal([
      "pipelines/linked_helper.ts:1:21: error DS142: './_lib/helper' is a symbolic link (or behind one) leading outside the project; dagsmith reads only inside it",
    ]);
    expect(at('linked_folder.ts')).to.deep.equal([
      "pipelines/linked_folder.ts:1:22: error DS142: './_lib/linked/more' is a symbolic link (or behind one) leading outside the project; dagsmith reads only inside it",
    ]);
    expect(at('type_only.ts')).to.deep.equal([
      "pipelines/type_only.ts:1:26: error DS114: '../../outside/types' is outside the project: a pipeline may import only 'dagsmith' and the project's own TypeScript and JSON files",
    ]);
    expect(at('fine.ts')).to.deep.equal([]);
  });

  it('checks the size of an imported JSON file before reading it: a huge one is DS146 at the file, read by nobody', async () => {
    // 3 GiB, sparse: nothing on disk, and far more than anything may read whole.
    const big = join(dir, 'pipelines', '_lib', 'big.json');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 3 * 2 ** 30);
    closeSync(fd);
    writeFileSync(join(dir, 'pipelines', 'uses_big.ts'), pipeline('uses_big', "import big from './_lib/big.json';", 'String(big)'));
    writeFileSync(join(dir, 'pipelines', 'fine.ts'), pipeline('fine', ''));
    const spy = fs.readFileSync;
    let wholeReads = 0;
    (fs as unknown as Record<string, unknown>).readFileSync = (p: unknown, ...rest: unknown[]) => {
      if (typeof p === 'string' && resolve(p) === big) wholeReads++;
      return (spy as (...a: unknown[]) => unknown)(p, ...rest);
    };
    let result: CliResult;
    try {
      result = await runCli(['validate'], dir);
    } finally {
      (fs as unknown as Record<string, unknown>).readFileSync = spy;
    }
    expect(wholeReads, 'reads of the whole file').to.equal(0);
    expect(result.code, result.err).to.equal(1);
    expect(result.err).to.contain(
      'pipelines/_lib/big.json:1:1: error DS146: the file is 3221225472 bytes; dagsmith reads files of at most 1048576 bytes',
    );
    expect(result.err).not.to.contain('internal error');
    // The import is not reported again as "cannot find module": DS146 says why.
    expect(result.err.split('\n').filter((l) => l.startsWith('pipelines/uses_big.ts') || l.startsWith('pipelines/fine.ts'))).to.deep.equal([]);
  });
});
