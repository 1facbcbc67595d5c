#!/usr/bin/env node
// Creates the Python virtualenvs that dagsmith's Airflow tests run in:
//   one per MWAA Airflow version (2.10.3, 2.11.2, 3.0.6, 3.3.1; pinned to Amazon MWAA's constraints), one for
//   MWAA Serverless (Airflow 3.0.6 with dag-factory and AWS's converter, as that converter pins them), moto and pre-commit.
// They live outside the clone, in
//   ${DAGSMITH_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/dagsmith}/venvs/<name>-<hash>
// where <hash> covers the requirement/constraint files and the Python version, so a
// changed pin gives a new env and an unchanged one is reused.
// Interpreter: $DAGSMITH_PYTHON, else python3.
'use strict';

const { execFileSync, spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..');
const ENVS = [
  // key in venvPaths() = folder under requirements/ = folder name prefix. Biggest installs first.
  { key: 'airflow-3.3.1', name: 'airflow-3.3.1' },
  { key: 'airflow-3.0.6', name: 'airflow-3.0.6' },
  { key: 'mwaa-serverless', name: 'mwaa-serverless' },
  { key: 'airflow-2.11.2', name: 'airflow-2.11.2' },
  { key: 'airflow-2.10.3', name: 'airflow-2.10.3' },
  { key: 'moto', name: 'moto' },
  { key: 'pre-commit', name: 'pre-commit' },
];
const MARKER = '.dagsmith-complete';
const PARALLEL = 3;

function cacheDir() {
  if (process.env.DAGSMITH_CACHE_DIR) return path.resolve(process.env.DAGSMITH_CACHE_DIR);
  const xdg = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(xdg, 'dagsmith');
}

function basePython() {
  return process.env.DAGSMITH_PYTHON || 'python3';
}

let cachedVersion;
function pythonVersion() {
  if (cachedVersion) return cachedVersion;
  let out;
  try {
    out = execFileSync(basePython(), ['-c', 'import platform; print(platform.python_implementation(), platform.python_version())'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (err) {
    throw new Error(`cannot run ${basePython()} (set DAGSMITH_PYTHON to a Python 3.9-3.12 interpreter): ${err.message.split('\n')[0]}`, {
      cause: err,
    });
  }
  const [impl, version] = out.trim().split(' ');
  const [major, minor] = version.split('.').map(Number);
  if (impl !== 'CPython' || major !== 3 || minor < 9 || minor > 12) {
    throw new Error(
      `${basePython()} is ${impl} ${version}; Airflow 2.10.3 to 3.3.1 need CPython 3.9-3.12 (MWAA uses 3.11/3.12). Set DAGSMITH_PYTHON.`,
    );
  }
  cachedVersion = `${impl} ${version}`;
  return cachedVersion;
}

function envSpec({ key, name }) {
  const reqDir = path.join(REPO, 'requirements', name);
  const requirements = path.join(reqDir, 'requirements.txt');
  const constraints = path.join(reqDir, 'constraints.txt');
  const hash = crypto.createHash('sha256');
  hash.update(pythonVersion() + '\0');
  hash.update(fs.readFileSync(requirements) + '\0');
  hash.update(fs.readFileSync(constraints));
  const dir = path.join(cacheDir(), 'venvs', `${name}-${hash.digest('hex').slice(0, 12)}`);
  return { key, name, requirements, constraints, dir, python: path.join(dir, 'bin', 'python') };
}

/** Paths of the envs, by key: { "airflow-2.10.3": {python, dir, ready}, ..., moto: {...} }. */
function venvPaths() {
  const out = {};
  for (const env of ENVS) {
    const { python, dir } = envSpec(env);
    out[env.key] = { python, dir, ready: fs.existsSync(path.join(dir, MARKER)) };
  }
  return out;
}

const children = new Set();
const locks = new Set();

function run(cmd, args, logFd) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      stdio: ['ignore', logFd, logFd],
      env: { ...process.env, PIP_DISABLE_PIP_VERSION_CHECK: '1', PIP_NO_INPUT: '1' },
    });
    children.add(child);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      children.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(cmd)} ${args.slice(0, 3).join(' ')} exited with ${signal || code}`));
    });
  });
}

// On Ctrl-C / kill: stop our pip/venv children and drop our locks. The half-built env has
// no marker, so the next run rebuilds it.
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    for (const child of children) child.kill('SIGTERM');
    for (const lock of locks) fs.rmSync(lock, { force: true });
    console.error(`setup-python: interrupted (${sig}); unfinished envs will be rebuilt next time`);
    process.exit(sig === 'SIGINT' ? 130 : 143);
  });
}

// The venv is built at its final path (venvs hard-code their own path in bin/ scripts, so
// building elsewhere and renaming would break bin/pip, bin/moto_server, ...). The marker file
// is written last: a folder without it is a broken or interrupted install and is rebuilt.
async function ensureEnv(spec) {
  const start = Date.now();
  if (fs.existsSync(path.join(spec.dir, MARKER))) return { ...spec, action: 'reused', seconds: 0 };

  fs.mkdirSync(path.dirname(spec.dir), { recursive: true });
  const lock = `${spec.dir}.lock`;
  takeLock(lock);
  locks.add(lock);
  const logFile = `${spec.dir}.log`;
  const logFd = fs.openSync(logFile, 'w');
  try {
    fs.rmSync(spec.dir, { recursive: true, force: true });
    await run(basePython(), ['-m', 'venv', spec.dir], logFd);
    await run(spec.python, ['-m', 'pip', 'install', '-r', spec.requirements, '-c', spec.constraints], logFd);
    fs.writeFileSync(path.join(spec.dir, MARKER), `${new Date().toISOString()} ${pythonVersion()}\n`);
  } catch (err) {
    const tail = fs.readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-25).join('\n');
    err.message = `[${spec.name}] install failed: ${err.message}\n--- last lines of ${logFile} ---\n${tail}`;
    throw err;
  } finally {
    fs.closeSync(logFd);
    fs.rmSync(lock, { force: true });
    locks.delete(lock);
  }
  return { ...spec, action: 'installed', seconds: (Date.now() - start) / 1000 };
}

// A lock file holding our pid stops two setup runs building the same env at once.
function takeLock(lock) {
  try {
    fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
  } catch (err) {
    if (err.code !== 'EEXIST') throw err;
    const pid = Number(fs.readFileSync(lock, 'utf8'));
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = true;
    } catch {
      /* stale lock */
    }
    if (alive && pid !== process.pid) throw new Error(`${lock} is held by running process ${pid}; wait for it or remove the file`, { cause: err });
    fs.writeFileSync(lock, String(process.pid));
  }
}

async function main() {
  const t0 = Date.now();
  const python = pythonVersion();
  const specs = ENVS.map(envSpec);
  console.log(`dagsmith: Python envs in ${path.dirname(specs[0].dir)} (base interpreter: ${basePython()}, ${python})`);

  const results = [];
  const queue = [...specs];
  let failed;
  const worker = async () => {
    while (queue.length && !failed) {
      const spec = queue.shift();
      if (!fs.existsSync(path.join(spec.dir, MARKER))) console.log(`  ${spec.name}: installing (log: ${spec.dir}.log)`);
      try {
        const r = await ensureEnv(spec);
        results.push(r);
        console.log(`  ${r.name}: ${r.action === 'reused' ? 'reused' : `installed in ${r.seconds.toFixed(1)}s`} -> ${path.basename(r.dir)}`);
      } catch (err) {
        failed = failed || err;
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  if (failed) throw failed;

  const paths = venvPaths();
  fs.mkdirSync(path.join(REPO, '.cache'), { recursive: true });
  fs.writeFileSync(path.join(REPO, '.cache', 'python-envs.json'), JSON.stringify(paths, null, 2) + '\n');
  console.log(`dagsmith: Python envs ready in ${((Date.now() - t0) / 1000).toFixed(1)}s; paths in .cache/python-envs.json`);
}

module.exports = { venvPaths, cacheDir };

if (require.main === module) {
  main().catch((err) => {
    console.error(`setup-python: ${err.message}`);
    process.exit(1);
  });
}
