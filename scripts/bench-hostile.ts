// Benchmarks of inputs built to be slow: each must take about as long as an ordinary pipeline of its size.
// Usage: npm run bench:hostile
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProject } from '../src/compile/project';
import { chainPipeline, wideMappingPipeline } from './hostile-inputs';

const cases: [string, string][] = [
  ['5,000-step chain', chainPipeline(5000)],
  ['5,000-step cycle', chainPipeline(5000, { cycle: true })],
  [
    '20,000-character unknown dependsOn among 400 long ids',
    chainPipeline(400, { idPrefix: 'a_rather_long_step_identifier_'.repeat(2), unknownDependency: 'x'.repeat(20_000) }),
  ],
  ['unknown dependsOn of 60 characters among 400 ids of 60', chainPipeline(400, { idPrefix: 'y'.repeat(57), unknownDependency: 'z'.repeat(60) })],
  ['mapping with 40,000 keys (refused by the limit)', wideMappingPipeline(40_000)],
  ['mapping with 2,000 keys (the most allowed)', wideMappingPipeline(2_000)],
];

for (const [name, text] of cases) {
  const dir = mkdtempSync(join(tmpdir(), 'dagsmith-bench-'));
  mkdirSync(join(dir, 'pipelines'));
  writeFileSync(join(dir, 'pipelines', 'p.yaml'), text);
  const t0 = process.hrtime.bigint();
  const result = buildProject({ cwd: dir });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const codes = [...new Set(result.diagnostics.map((d) => d.code))].join(', ') || 'no diagnostics';
  console.log(`${name}: ${ms.toFixed(0)} ms (${(text.length / 1024).toFixed(0)} KiB; ${codes})`);
  rmSync(dir, { recursive: true, force: true });
}
