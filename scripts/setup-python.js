#!/usr/bin/env node
// Creates the Python virtualenvs that dagsmith's Airflow tests run in: one per MWAA Airflow version (2.10.3, 2.11.2,
// 3.0.6, 3.3.1; pinned to Amazon MWAA's constraints), one for MWAA Serverless (Airflow 3.0.6 with dag-factory and
// AWS's converter, as that converter pins them), moto and pre-commit. The environments and how they are built are the product's
// own (src/test-runner/venvs.ts, which `dagsmith test` uses on first run); this script builds them all ahead of the
// tests and writes their paths to .cache/python-envs.json. Interpreter: $DAGSMITH_PYTHON, else python3.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

// The product module is TypeScript; this repository runs it through tsx (a dev dependency).
require('tsx/cjs');
const venvs = require('../src/test-runner/venvs.ts');

const REPO = path.resolve(__dirname, '..');
// Biggest installs first. mwaa-serverless and pre-commit are for this repository's tests only (not shipped).
const ENVS = ['airflow-3.3.1', 'airflow-3.0.6', 'mwaa-serverless', 'airflow-2.11.2', 'airflow-2.10.3', 'moto', 'pre-commit'];
const PARALLEL = 3;

/** Paths of the envs, by key: { "airflow-2.10.3": {python, dir, ready}, ..., moto: {...} }. */
function venvPaths() {
  return venvs.venvPaths(ENVS);
}

// On Ctrl-C / kill: stop the pip/venv children. The half-built env has no marker, so the next run rebuilds it.
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    venvs.stopInstalls();
    console.error(`setup-python: interrupted (${sig}); unfinished envs will be rebuilt next time`);
    process.exit(sig === 'SIGINT' ? 130 : 143);
  });
}

async function main() {
  const t0 = Date.now();
  const python = venvs.basePython();
  const first = venvs.venvSpec(ENVS[0]);
  console.log(`dagsmith: Python envs in ${path.dirname(first.dir)} (base interpreter: ${python.command}, ${python.version})`);
  const queue = [...ENVS];
  let failed;
  const worker = async () => {
    while (queue.length && !failed) {
      const name = queue.shift();
      const spec = venvs.venvSpec(name);
      if (!venvs.isReady(spec)) console.log(`  ${name}: installing (log: ${spec.dir}.log)`);
      try {
        const r = await venvs.ensureVenv(name);
        console.log(`  ${name}: ${r.action === 'reused' ? 'reused' : `installed in ${r.seconds.toFixed(1)}s`} -> ${path.basename(r.dir)}`);
      } catch (err) {
        failed = failed || err;
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  if (failed) throw failed;
  fs.mkdirSync(path.join(REPO, '.cache'), { recursive: true });
  fs.writeFileSync(path.join(REPO, '.cache', 'python-envs.json'), JSON.stringify(venvPaths(), null, 2) + '\n');
  console.log(`dagsmith: Python envs ready in ${((Date.now() - t0) / 1000).toFixed(1)}s; paths in .cache/python-envs.json`);
}

module.exports = { venvPaths, cacheDir: venvs.cacheDir };

if (require.main === module) {
  main().catch((err) => {
    console.error(`setup-python: ${err.code ? `${err.code}: ` : ''}${err.message}`);
    process.exit(1);
  });
}
