import { importDagFactoryFiles } from './src/import/dag-factory/import';
import { formatDiagnostics } from './src/diagnostics/format';
const r = importDagFactoryFiles({ cwd: process.cwd(), files: process.argv.slice(3), defaultsRoot: process.argv[2], today: '2026-12-04' });
for (const p of r.pipelines) console.log(`----- ${p.pipeline}\n${p.text}`);
console.log(formatDiagnostics(r.diagnostics, 'stylish'));
