import { expect } from 'chai';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli';

describe('TypeScript pipeline evaluation', () => {
  it('stops a pipeline that never finishes and reports it as DS111', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dagsmith-loop-'));
    try {
      mkdirSync(join(dir, 'pipelines'));
      writeFileSync(
        join(dir, 'pipelines', 'loop.ts'),
        [
          "import { definePipeline, glue } from 'dagsmith';",
          'function spin(): number { let i = 0; for (;;) { i++; } }',
          "export default definePipeline({ id: 'loop', steps: [glue.job({ id: 'a', job: `j${spin()}` })] });",
          '',
        ].join('\n'),
      );
      const res = await runCli(['validate'], dir, { DAGSMITH_EVAL_TIMEOUT_MS: '300' });
      expect(res.code).to.equal(1);
      expect(res.err).to.contain(
        'pipelines/loop.ts:1:1: error DS111: evaluating the pipeline threw Error: it did not finish within 300 ms (an endless loop?)',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
