/**
 * Every DAG file dagsmith generates must be Python that parses and compiles: the good golden fixtures and the
 * example pipelines in pipelines/, each compiled for every Airflow target. One python3 process checks them all.
 */
import { expect } from 'chai';
import { cpSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildProject } from '../../src/compile/project';
import { isServerlessCase } from '../airflow/harness';
import { configEnvironments } from '../../src/compile/environments';
import { makeTemp, readTree, removeTemp, runCli, TARGETS } from '../helpers/cli';
import { readJsonAs } from '../helpers/json';
import { runPythonJson } from '../helpers/python';

const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures');

interface Source {
  name: string;
  source: string;
}

interface Result {
  name: string;
  ok: boolean;
  error: string | null;
}

function goodFixtureSources(): Source[] {
  const out: Source[] = [];
  for (const name of readdirSync(FIXTURES).sort()) {
    const dir = join(FIXTURES, name);
    if (!existsSync(join(dir, 'expected')) || existsSync(join(dir, 'expected.diagnostics.txt'))) continue;
    // MWAA Serverless cases hold workflow definitions, not Python (test/airflow/serverless.test.ts loads them).
    if (isServerlessCase(dir)) continue;
    const cfgPath = join(dir, 'case.json');
    const args = (existsSync(cfgPath) ? readJsonAs<{ args?: string[] }>(cfgPath).args : undefined) ?? [];
    const envAt = args.indexOf('--env');
    // --all-envs: every environment of the case's config, each compiled as --env compiles it.
    const envs = args.includes('--all-envs') ? configEnvironments(dir).map((e) => e.name) : [envAt >= 0 ? args[envAt + 1] : undefined];
    // A case pinned to one Airflow version (`--airflow` in its args) holds a feature the other targets refuse.
    const airflowAt = args.indexOf('--airflow');
    const targets = airflowAt >= 0 ? [args[airflowAt + 1]!] : TARGETS;
    for (const env of envs) {
      for (const airflow of targets) {
        const result = buildProject({ cwd: dir, airflow, ...(env ? { env } : {}) });
        const errors = result.diagnostics.filter((d) => d.severity === 'error');
        expect(errors, `${name} compiles for Airflow ${airflow}`).to.deep.equal([]);
        for (const p of result.pipelines) out.push({ name: `fixtures/${name}@${airflow}/${p.outPath}`, source: p.content });
      }
    }
  }
  return out;
}

async function exampleSources(): Promise<Source[]> {
  const out: Source[] = [];
  if (!existsSync(join(ROOT, 'pipelines'))) return out;
  for (const airflow of TARGETS) {
    const dir = makeTemp('examples');
    try {
      cpSync(join(ROOT, 'pipelines'), join(dir, 'pipelines'), { recursive: true });
      if (existsSync(join(ROOT, 'dagsmith.config.yaml'))) cpSync(join(ROOT, 'dagsmith.config.yaml'), join(dir, 'dagsmith.config.yaml'));
      const res = await runCli(['compile', '--airflow', airflow], dir);
      // The one warning an example may get: GlueCrawlerOperator's deprecation (DS390) on Airflow 3.3.1, for each
      // crawler an example creates or updates; anything else on stderr fails.
      const diagnostics = res.err.split('\n').filter((l) => / (error|warning) DS\d+: /.test(l));
      const expected = airflow === '3.3.1' ? diagnostics.filter((l) => / warning DS390: GlueCrawlerOperator/.test(l)) : [];
      expect(diagnostics, `examples compile for Airflow ${airflow}`).to.deep.equal(expected);
      expect(res.err, `examples compile for Airflow ${airflow}`).to.equal(
        expected.length ? `${expected.join('\n')}\n0 errors, ${expected.length} warning${expected.length > 1 ? 's' : ''}\n` : '',
      );
      expect(res.code).to.equal(0);
      for (const [path, bytes] of readTree(dir)) {
        if (path.endsWith('.py')) out.push({ name: `examples@${airflow}/${path}`, source: bytes.toString('utf8') });
      }
    } finally {
      removeTemp(dir);
    }
  }
  return out;
}

describe('generated Python parses and compiles (python3 ast.parse + compile)', () => {
  it('for every good fixture and every example pipeline, on every Airflow target', async () => {
    const fixtures = goodFixtureSources();
    const examples = await exampleSources();
    expect(fixtures.length, 'good fixture DAGs').to.be.greaterThan(20);
    const yamlExamples = existsSync(join(ROOT, 'pipelines')) ? readdirSync(join(ROOT, 'pipelines')).filter((f) => /\.ya?ml$/.test(f)).length : 0;
    expect(examples.length, 'example DAGs: at least one per YAML example and target').to.be.at.least(yamlExamples * TARGETS.length);
    const perTarget = TARGETS.map((t) => examples.filter((e) => e.name.startsWith(`examples@${t}/`)).map((e) => e.name.split('/').pop()));
    expect(perTarget[1], 'the same DAG files for every target').to.deep.equal(perTarget[0]);
    const sources = [...fixtures, ...examples];
    const results = runPythonJson<Result[]>('check_sources.py', sources);
    expect(results.map((r) => r.name)).to.deep.equal(sources.map((s) => s.name));
    const failures = results.filter((r) => !r.ok).map((r) => r.error);
    expect(failures).to.deep.equal([]);
  });

  it('the checker itself rejects broken Python (so a pass means something)', () => {
    const results = runPythonJson<Result[]>('check_sources.py', [
      { name: 'ok.py', source: 'x = 1\n' },
      { name: 'syntax.py', source: 'x = (\n' },
      { name: 'repeated-kwarg.py', source: 'f(a=1, a=2)\n' },
      { name: 'walrus-too-new-for-3.7-but-fine.py', source: '(y := 1)\n' },
      { name: 'match-needs-3.10.py', source: 'match x:\n    case 1:\n        pass\n' },
      { name: 'nul.py', source: 'x = "a\u0000b"\n' },
    ]);
    expect(results.map((r) => [r.name, r.ok])).to.deep.equal([
      ['ok.py', true],
      ['syntax.py', false],
      ['repeated-kwarg.py', false],
      ['walrus-too-new-for-3.7-but-fine.py', true],
      ['match-needs-3.10.py', false],
      ['nul.py', false],
    ]);
  });
});
