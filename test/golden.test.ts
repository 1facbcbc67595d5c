/**
 * Golden tests: one runner for every folder under test/fixtures/<case>/.
 *
 * A case folder is a small dagsmith project (pipelines/*.yaml, optionally dagsmith.config.yaml and SQL files) plus:
 *   case.json                  optional: { "description", "args" (default ["compile"]), "env", "exitCode", "setup" }
 *                              `setup` makes, in the temp copy, what git cannot hold (test/helpers/setup.ts): a
 *                              FIFO, a symbolic link, a file too large to commit, a file where a folder belongs
 *   expected/<airflow>/...     good cases: the files `compile` writes under dags-out/, for EVERY target in TARGETS
 *                              (the runner appends `--airflow <version>` unless `args` already names one); with
 *                              `--target mwaa-serverless` in `args`, the workflow definitions in expected/mwaa-serverless/
 *   expected/<airflow>.stderr.txt   good cases only, when the compile prints warnings
 *   expected.diagnostics.txt   bad cases: the CLI's whole stderr (lint: its stdout), byte for byte (diagnostic lines, the
 *                              "N errors, M warnings" summary and the closing line); exit code from case.json, default 1
 *
 * Each run happens in a temp copy. The out dir is seeded first (a sentinel file, plus a stale generated DAG for bad
 * cases, which a successful compile would delete): a failed compile must leave the whole tree byte-identical.
 *
 * `npm run golden:update` (UPDATE_GOLDEN=1) rewrites the expectations from what the CLI does now. Review every file it writes.
 */
import { expect } from 'chai';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { GENERATED_MARKER } from '../src/emit/python/dag';
import { applySetup, setupPath, type SetupStep } from './helpers/setup';
import { copyToTemp, hashTree, readTree, removeTemp, runCli, TARGETS, type CliResult } from './helpers/cli';
import { readJsonAs } from './helpers/json';

const FIXTURES = join(__dirname, 'fixtures');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const OUT_DIR = 'dags-out';
const SENTINEL = `${OUT_DIR}/SENTINEL.txt`;
const SENTINEL_TEXT = 'not written by dagsmith; a compile must never touch it\n';
/** A DAG file from an earlier compile whose pipeline is gone: a successful compile removes it, a failed one must not. */
const STALE_TEXT = `${GENERATED_MARKER} from "pipelines/gone.yaml". Do not edit: change the pipeline and recompile.\n`;
const EXPECTATION_ENTRIES = ['case.json', 'expected', 'expected.diagnostics.txt'];

interface CaseConfig {
  description?: string;
  args?: string[];
  env?: Record<string, string>;
  exitCode?: number;
  setup?: SetupStep[];
}

/** The paths a case's setup makes: they are not in the fixture, so positions in them are not checked against it. */
function setupPaths(c: Case): Set<string> {
  return new Set((c.config.setup ?? []).map(setupPath));
}

interface Case {
  readonly name: string;
  readonly dir: string;
  readonly config: CaseConfig;
  readonly args: readonly string[];
}

function loadCases(): Case[] {
  if (!existsSync(FIXTURES)) return [];
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const dir = join(FIXTURES, name);
      const cfgPath = join(dir, 'case.json');
      const config = existsSync(cfgPath) ? readJsonAs<CaseConfig>(cfgPath) : {};
      return { name, dir, config, args: config.args ?? ['compile'] };
    });
}

function envOf(args: readonly string[]): string | undefined {
  const i = args.indexOf('--env');
  return i >= 0 ? args[i + 1] : undefined;
}

function airflowOf(args: readonly string[]): string | undefined {
  const i = args.indexOf('--airflow');
  return i >= 0 ? args[i + 1] : undefined;
}

interface Run {
  readonly result: CliResult;
  readonly before: Record<string, string>;
  readonly after: Record<string, string>;
  /** Files the run created or changed, path relative to the project root -> content. */
  readonly written: Map<string, Buffer>;
}

async function runCase(c: Case, args: readonly string[], seedStale: boolean): Promise<Run> {
  const dir = copyToTemp(c.dir, `golden-${c.name}`, EXPECTATION_ENTRIES);
  try {
    mkdirSync(join(dir, OUT_DIR), { recursive: true });
    writeFileSync(join(dir, SENTINEL), SENTINEL_TEXT);
    if (seedStale) {
      writeFileSync(join(dir, OUT_DIR, 'gone_pipeline.py'), STALE_TEXT);
      const env = envOf(args);
      if (env) {
        mkdirSync(join(dir, OUT_DIR, env), { recursive: true });
        writeFileSync(join(dir, OUT_DIR, env, 'gone_pipeline.py'), STALE_TEXT);
      }
    }
    applySetup(dir, c.config.setup ?? []);
    const before = hashTree(dir);
    const result = await runCli(args, dir, c.config.env ?? {});
    const after = hashTree(dir);
    const tree = readTree(dir);
    const written = new Map([...tree].filter(([p]) => before[p] !== after[p]));
    return { result, before, after, written };
  } finally {
    removeTemp(dir);
  }
}

/**
 * The targets a good case is compiled for, each with its expected/<version>/ folder: every Airflow version, or the
 * one `args` names; `--target mwaa-serverless` (one Airflow version) has its files in expected/mwaa-serverless/.
 */
function targetsOf(c: Case): { version: string; label: string; args: string[] }[] {
  const i = c.args.indexOf('--target');
  if (i >= 0 && c.args[i + 1] === 'mwaa-serverless')
    return [{ version: 'mwaa-serverless', label: 'MWAA Serverless (Airflow 3.0.6)', args: [...c.args] }];
  const fixed = airflowOf(c.args);
  if (fixed) return [{ version: fixed, label: `Airflow ${fixed}`, args: [...c.args] }];
  return TARGETS.map((version) => ({ version, label: `Airflow ${version}`, args: [...c.args, '--airflow', version] }));
}

/** Path of a generated file inside expected/<version>/: its path under dags-out/. */
function expectedName(path: string): string {
  expect(path.startsWith(`${OUT_DIR}/`), `${path} was written outside ${OUT_DIR}/`).to.equal(true);
  return path.slice(OUT_DIR.length + 1);
}

/** What a bad case's expected.diagnostics.txt holds: lint's stdout (its report), other commands' stderr. */
function reportOf(c: Case, result: { readonly out: string; readonly err: string }): string {
  return c.args[0] === 'lint' ? result.out : result.err;
}

function writeCaseConfig(c: Case, config: CaseConfig): void {
  const file = join(c.dir, 'case.json');
  const keys = Object.keys(config).filter((k) => (config as Record<string, unknown>)[k] !== undefined);
  if (keys.length === 0) rmSync(file, { force: true });
  else writeFileSync(file, JSON.stringify(config, null, 2) + '\n');
}

async function updateCase(c: Case): Promise<void> {
  const targets = targetsOf(c);
  const probe = await runCase(c, targets[0]!.args, true);
  const expectedDir = join(c.dir, 'expected');
  const diagFile = join(c.dir, 'expected.diagnostics.txt');
  if (probe.result.code !== 0) {
    rmSync(expectedDir, { recursive: true, force: true });
    // A bad case runs with its own args only: no target is appended.
    const run = await runCase(c, c.args, true);
    writeFileSync(diagFile, reportOf(c, run.result));
    writeCaseConfig(c, { ...c.config, exitCode: run.result.code === 1 ? undefined : run.result.code });
    return;
  }
  rmSync(diagFile, { force: true });
  rmSync(expectedDir, { recursive: true, force: true });
  writeCaseConfig(c, { ...c.config, exitCode: undefined });
  for (const t of targets) {
    const run = await runCase(c, t.args, false);
    if (run.result.code !== 0) throw new Error(`${c.name}: compiles for one target but not for Airflow ${t.version}:\n${run.result.err}`);
    for (const [path, content] of run.written) {
      if (path === SENTINEL) continue;
      const dest = join(expectedDir, t.version, expectedName(path));
      mkdirSync(dirname(dest), { recursive: true });
      writeFileSync(dest, content);
    }
    if (run.result.err !== '') writeFileSync(join(expectedDir, `${t.version}.stderr.txt`), run.result.err);
  }
}

/** Every `file:line:col` in an expectation names a file of the case and a position inside it. */
function checkPositions(c: Case, stderr: string): void {
  const made = setupPaths(c);
  for (const m of stderr.matchAll(/^(.+?):(\d+):(\d+): (?:error|warning|info) DS\d{3}: /gm)) {
    const [, file, line, col] = m;
    if (made.has(file!) || (existsSync(join(c.dir, file!)) && statSync(join(c.dir, file!)).isDirectory())) {
      expect([Number(line), Number(col)], `${c.name}: ${file} is made by the setup or a folder; only its start can be named`).to.deep.equal([1, 1]);
      continue;
    }
    const abs = join(c.dir, file!);
    expect(existsSync(abs), `${c.name}: diagnostic names ${file}, which the case does not have`).to.equal(true);
    const lines = readFileSync(abs, 'utf8').split('\n');
    const text = lines[Number(line) - 1];
    expect(text, `${c.name}: ${file}:${line} is past the end of the file`).to.be.a('string');
    expect(Number(col), `${c.name}: ${file}:${line}:${col} is past the end of the line`).to.be.within(1, text!.length + 1);
  }
}

const cases = loadCases();

describe('golden fixtures (test/fixtures/<case>)', () => {
  it('has fixtures', () => {
    expect(cases.length).to.be.greaterThan(0);
  });

  for (const c of cases) {
    if (UPDATE) {
      it(`${c.name}: rewrite expectations (UPDATE_GOLDEN=1)`, async () => {
        await updateCase(c);
      });
      continue;
    }
    const diagFile = join(c.dir, 'expected.diagnostics.txt');
    const expectedDir = join(c.dir, 'expected');
    if (existsSync(diagFile)) {
      it(`${c.name}: fails with the expected diagnostics and writes nothing`, async () => {
        expect(existsSync(expectedDir), 'a case has expected/ or expected.diagnostics.txt, not both').to.equal(false);
        const run = await runCase(c, c.args, true);
        const want = readFileSync(diagFile, 'utf8');
        expect(reportOf(c, run.result), c.args[0] === 'lint' ? 'stdout' : 'stderr').to.equal(want);
        expect(run.result.code, 'exit code').to.equal(c.config.exitCode ?? 1);
        // lint's findings are its output (stdout); validate and compile complain on stderr and print nothing else.
        expect(c.args[0] === 'lint' ? run.result.err : run.result.out, c.args[0] === 'lint' ? 'stderr' : 'stdout').to.equal('');
        expect(run.after, 'a failed compile changes no file').to.deep.equal(run.before);
        checkPositions(c, want);
      });
    } else if (existsSync(expectedDir)) {
      for (const t of targetsOf(c)) {
        it(`${c.name}: compiles for ${t.label} to the expected files`, async () => {
          const run = await runCase(c, t.args, false);
          const stderrFile = join(expectedDir, `${t.version}.stderr.txt`);
          const wantErr = existsSync(stderrFile) ? readFileSync(stderrFile, 'utf8') : '';
          expect(run.result.err, 'stderr').to.equal(wantErr);
          expect(run.result.code, 'exit code').to.equal(0);
          const wantDir = join(expectedDir, t.version);
          expect(existsSync(wantDir), `expected/${t.version}/ exists (run UPDATE_GOLDEN=1 and review)`).to.equal(true);
          const want = readTree(wantDir);
          const got = new Map([...run.written].filter(([p]) => p !== SENTINEL).map(([p, b]) => [expectedName(p), b] as const));
          expect([...got.keys()], 'generated file names').to.deep.equal([...want.keys()]);
          for (const [name, bytes] of want) {
            expect(got.get(name)!.toString('utf8'), `generated ${name}`).to.equal(bytes.toString('utf8'));
          }
          // Nothing but new files under dags-out/: inputs and the sentinel are untouched, nothing was removed.
          for (const [p, h] of Object.entries(run.before)) expect(run.after[p], `${p} untouched`).to.equal(h);
          const line = (count: number, env: string | undefined) =>
            `compiled ${count} pipeline${count === 1 ? '' : 's'} for ${t.label} into ${OUT_DIR}${env ? `/${env}` : ''}/: ` +
            `${count} created, 0 updated, 0 unchanged, 0 removed\n`;
          if (t.args.includes('--all-envs')) {
            // One line per environment folder (expected/<airflow>/<env>/...), in the config's order.
            const envs = new Map<string, number>();
            for (const name of want.keys()) envs.set(name.split('/')[0]!, (envs.get(name.split('/')[0]!) ?? 0) + 1);
            expect(run.result.out, 'stdout').to.equal([...envs].map(([env, n]) => line(n, env)).join(''));
          } else {
            expect(run.result.out, 'stdout').to.equal(line(want.size, envOf(t.args)));
          }
        });
      }
    } else {
      it(`${c.name}: has expectations`, () => {
        expect.fail(`test/fixtures/${c.name} has neither expected/ nor expected.diagnostics.txt: run UPDATE_GOLDEN=1 and review`);
      });
    }
  }
});
