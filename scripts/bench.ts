// Benchmarks: validate + compile of thousands of pipelines, in process, with time and memory.
// Usage: npm run bench [-- 1000 3000]
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProject } from '../src/project';
import { applyOutputs, planOutputs } from '../src/emit/output';

const root = join(__dirname, '..');
const counts = process.argv.slice(2).map(Number).filter((n) => n > 0);
const sizes = counts.length > 0 ? counts : [1000, 3000];

function makeProject(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'dagsmith-bench-'));
  cpSync(join(root, 'dagsmith.config.yaml'), join(dir, 'dagsmith.config.yaml'));
  cpSync(join(root, 'pipelines', 'sql'), join(dir, 'pipelines', 'sql'), { recursive: true });
  const templates = readdirSync(join(root, 'pipelines'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => readFileSync(join(root, 'pipelines', f), 'utf8'));
  for (let i = 0; i < n; i++) {
    const text = templates[i % templates.length]!.replace(/^id: (\S+)$/m, (_m, id: string) => `id: ${id}_${i}`);
    writeFileSync(join(dir, 'pipelines', `p${String(i).padStart(5, '0')}.yaml`), text);
  }
  return dir;
}

for (const n of sizes) {
  const dir = makeProject(n);
  global.gc?.();
  const rss0 = process.memoryUsage().rss;
  const t0 = process.hrtime.bigint();
  const result = buildProject({ cwd: dir });
  const t1 = process.hrtime.bigint();
  const plan = planOutputs(dir, result.outDir, result.pipelines.map((p) => ({ path: p.outPath, content: p.content })));
  applyOutputs(dir, plan);
  const t2 = process.hrtime.bigint();
  const again = planOutputs(dir, result.outDir, result.pipelines.map((p) => ({ path: p.outPath, content: p.content })));
  const t3 = process.hrtime.bigint();
  const rss = process.memoryUsage().rss;
  const ms = (a: bigint, b: bigint) => Number(b - a) / 1e6;
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  console.log(
    `${n} pipelines: build ${ms(t0, t1).toFixed(0)} ms (${(ms(t0, t1) / n).toFixed(2)} ms/pipeline), ` +
      `write ${ms(t1, t2).toFixed(0)} ms, unchanged re-check ${ms(t2, t3).toFixed(0)} ms (${again.unchanged.length} unchanged), ` +
      `rss +${((rss - rss0) / 2 ** 20).toFixed(0)} MiB, ${result.pipelines.length} compiled, ${errors} errors`,
  );
  rmSync(dir, { recursive: true, force: true });
}
