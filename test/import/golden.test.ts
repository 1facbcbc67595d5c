/**
 * Golden cases of `dagsmith import dag-factory`: each folder under test/fixtures-import/<case>/ is a small project
 * with dag-factory files, and
 *   case.json                  { "description", "args" (the import command) }
 *   expected.diagnostics.txt   the command's stderr, byte for byte
 *   expected/                  the files it writes (the pipelines), byte for byte
 * When the import writes pipelines, the runner then compiles the project: what an import writes must compile (for
 * every MWAA target). `npm run golden:update` (UPDATE_GOLDEN=1) rewrites the expectations; review every change.
 */
import { expect } from 'chai';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { copyToTemp, hashTree, readTree, removeTemp, runCli, TARGETS } from '../helpers/cli';

const FIXTURES = join(__dirname, '..', 'fixtures-import');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const EXPECTATIONS = ['case.json', 'expected', 'expected.diagnostics.txt'];

const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

describe('import dag-factory golden cases (test/fixtures-import/<case>)', () => {
  for (const name of cases) {
    const dir = join(FIXTURES, name);
    const config = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as { description: string; args: string[] };
    it(`${name}: ${config.description}`, async function () {
      this.timeout(120_000);
      const tmp = copyToTemp(dir, `import-golden-${name}`, EXPECTATIONS);
      try {
        const before = hashTree(tmp);
        const result = await runCli(config.args, tmp);
        const written = [...readTree(tmp)].filter(([p]) => before[p] === undefined);
        if (UPDATE) {
          writeFileSync(join(dir, 'expected.diagnostics.txt'), result.err);
          rmSync(join(dir, 'expected'), { recursive: true, force: true });
          for (const [p, bytes] of written) {
            mkdirSync(dirname(join(dir, 'expected', p)), { recursive: true });
            writeFileSync(join(dir, 'expected', p), bytes);
          }
          return;
        }
        expect(result.err, 'stderr').to.equal(readFileSync(join(dir, 'expected.diagnostics.txt'), 'utf8'));
        const want = existsSync(join(dir, 'expected')) ? readTree(join(dir, 'expected')) : new Map<string, Buffer>();
        expect(written.map(([p]) => p).sort(), 'files written').to.deep.equal([...want.keys()].sort());
        for (const [p, bytes] of written) expect(bytes.toString('utf8'), p).to.equal(want.get(p)!.toString('utf8'));
        // Nothing that was there is changed.
        const after = hashTree(tmp);
        for (const [p, h] of Object.entries(before)) expect(after[p], `${p} untouched`).to.equal(h);
        if (written.length > 0) {
          for (const airflow of TARGETS) {
            const compiled = await runCli(['compile', '--airflow', airflow], tmp);
            expect(compiled.code, `the imported pipelines compile for Airflow ${airflow}:\n${compiled.err}`).to.equal(0);
          }
        }
      } finally {
        removeTemp(tmp);
      }
    });
  }
});
