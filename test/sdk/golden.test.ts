/**
 * Golden tests for TypeScript pipelines: every folder under test/fixtures-ts/<case>/ (except twins/) is a small
 * dagsmith project whose `dagsmith compile` (or case.json `args`) must fail with exactly expected.diagnostics.txt
 * on stderr — the CLI's own output, so each line shows the file, line and column that a user would see — and
 * leave the project exactly as it was. case.json: { "description", "args" (default ["compile"]), "env" (variables
 * set for the run, e.g. the evaluator's limits), "exitCode" }.
 * `npm run golden:update` (UPDATE_GOLDEN=1) rewrites the expectations; review every line it writes.
 */
import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyToTemp, hashTree, removeTemp, runCli } from '../helpers/cli';
import { readJsonAs } from '../helpers/json';

const FIXTURES = join(__dirname, '..', 'fixtures-ts');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const EXPECTED = 'expected.diagnostics.txt';

interface CaseConfig {
  description?: string;
  args?: string[];
  env?: Record<string, string>;
  exitCode?: number;
}

const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((e) => e.isDirectory() && e.name !== 'twins')
  .map((e) => e.name)
  .sort();

describe('TypeScript pipeline diagnostics (test/fixtures-ts/<case>)', () => {
  for (const name of cases) {
    const dir = join(FIXTURES, name);
    const config = existsSync(join(dir, 'case.json')) ? readJsonAs<CaseConfig>(join(dir, 'case.json')) : {};
    const args = config.args ?? ['compile'];
    it(`${name}: ${config.description ?? 'fails with the expected diagnostics'}`, async () => {
      const tmp = copyToTemp(dir, `ts-golden-${name}`, ['case.json', EXPECTED]);
      try {
        const before = hashTree(tmp);
        const result = await runCli(args, tmp, config.env ?? {});
        // A failed compile (or validate) writes nothing: no DAG, no temp file, nothing in the project.
        expect(hashTree(tmp), 'the project after the run').to.deep.equal(before);
        if (UPDATE) {
          writeFileSync(join(dir, EXPECTED), result.err);
          return;
        }
        expect(result.err, 'stderr').to.equal(readFileSync(join(dir, EXPECTED), 'utf8'));
        expect(result.code, 'exit code').to.equal(config.exitCode ?? 1);
      } finally {
        removeTemp(tmp);
      }
    });
  }
});
