/**
 * Finds and loads the test files of a project: `tests/**\/*.test.yaml` (`.yml`) and `*.test.ts` (through the SDK's
 * `defineTest`, evaluated in the same isolated sandbox as TypeScript pipelines). Each file's `${variables}` are
 * resolved for its environment, its fixtures read from the project only, and its data checked (test-file.ts).
 * Every problem of every file is reported; a file with errors gives no test.
 */
import { dirname, join, relative, sep } from 'node:path';
import type { ProjectConfig } from '../config/project-config';
import { makeDiagnostic } from '../diagnostics/diagnostic';
import { Reporter, START_OF_FILE } from '../diagnostics/reporter';
import type { Diagnostic, JsonPath } from '../diagnostics/types';
import { discoverPipelineFiles } from '../load/discover';
import { projectRelative } from '../load/paths';
import { readRegularBytes, readTextFile } from '../load/text';
import type { SpecFile } from '../load/source';
import { loadYamlText, type LoadResult } from '../load/yaml';
import { resolveVariables } from '../validate/vars';
import { errnoText } from '../util/errno';
import { didYouMean } from '../util/suggest';
import { isRecord } from '../util/is-record';
import { readTestData, testNameOf, type TestSpec } from './test-file';

/** The folder of test files, project-relative. */
export const TESTS_DIR = 'tests';
export const TEST_EXTENSIONS = ['.test.yaml', '.test.yml', '.test.ts'] as const;
/** Largest fixture file: enough for sample data, small enough to send to the runner in one request line. */
export const MAX_FIXTURE_BYTES = 5 * 1024 * 1024;

export interface LoadedTests {
  /** Every test file found (project-relative, sorted). */
  readonly files: readonly string[];
  /** The tests whose files have no errors. */
  readonly tests: readonly TestSpec[];
  readonly diagnostics: readonly Diagnostic[];
}

export interface LoadTestsOptions {
  readonly cwd: string;
  readonly config: ProjectConfig;
  /** The environment of tests that name none (`--env`); undefined: the top-level variables. */
  readonly defaultEnv?: string;
  /** Only these test files (project-relative); default: every test file under tests/. */
  readonly files?: readonly string[];
}

/** Test files under tests/ (links followed only inside the project; `_`-prefixed and hidden entries skipped). */
export function discoverTestFiles(cwd: string): { files: readonly string[]; diagnostics: readonly Diagnostic[] } {
  return discoverPipelineFiles(cwd, TESTS_DIR, TEST_EXTENSIONS);
}

export function loadTests(opts: LoadTestsOptions): LoadedTests {
  const { cwd, config } = opts;
  const diagnostics: Diagnostic[] = [];
  let files = opts.files;
  if (!files) {
    const found = discoverTestFiles(cwd);
    diagnostics.push(...found.diagnostics);
    files = found.files;
  }
  // Names must be unique: a.test.yaml and a.test.ts are both `a`.
  const byName = new Map<string, string>();
  const runnable: string[] = [];
  for (const file of files) {
    const name = testNameOf(TESTS_DIR, file);
    const first = byName.get(name);
    if (first) {
      diagnostics.push(makeDiagnostic('DS723', file, START_OF_FILE, `this test is named '${name}', as ${first} is; rename one of them`));
      continue;
    }
    byName.set(name, file);
    runnable.push(file);
  }
  const loaded = loadFiles(cwd, runnable);
  const tests: TestSpec[] = [];
  runnable.forEach((file, i) => {
    const result = loaded[i]!;
    diagnostics.push(...result.diagnostics);
    if (!result.spec) return;
    const test = checkTest(cwd, config, result.spec, opts.defaultEnv, diagnostics);
    if (test) tests.push(test);
  });
  return { files, tests, diagnostics };
}

/** YAML files are parsed here; TypeScript files are type-checked together and evaluated in one sandbox process. */
function loadFiles(cwd: string, files: readonly string[]): LoadResult[] {
  const results: LoadResult[] = [];
  const typescript: { index: number; file: string; absPath: string; text: string }[] = [];
  files.forEach((file, index) => {
    const abs = join(cwd, file);
    const read = readTextFile(abs);
    if (!read.ok) {
      results[index] = { spec: undefined, diagnostics: [makeDiagnostic(read.code, file, read.range ?? START_OF_FILE, read.message)] };
      return;
    }
    if (file.endsWith('.ts')) typescript.push({ index, file, absPath: abs, text: read.text });
    else results[index] = loadYamlText(file, abs, read.text);
  });
  if (typescript.length > 0) {
    const { loadTypeScriptFiles } = require('../load/typescript') as typeof import('../load/typescript');
    loadTypeScriptFiles(cwd, typescript, { expected: 'test' }).forEach((r, i) => (results[typescript[i]!.index] = r));
  }
  return results;
}

function checkTest(cwd: string, config: ProjectConfig, spec: SpecFile, defaultEnv: string | undefined, out: Diagnostic[]): TestSpec | undefined {
  const reporter = new Reporter(spec.file, spec.locator);
  // The environment first: its variables apply to the rest of the file.
  const rawEnv = isRecord(spec.data) && Object.hasOwn(spec.data, 'env') ? spec.data.env : undefined;
  const envName = typeof rawEnv === 'string' ? rawEnv : defaultEnv;
  let data = spec.data;
  const environment = envName === undefined ? undefined : config.environments.get(envName);
  if (envName !== undefined && !environment && typeof rawEnv === 'string') {
    const names = [...config.environments.keys()];
    const hint = didYouMean(rawEnv, names);
    reporter.report(
      'DS716',
      ['env'],
      `environment '${rawEnv}' is not defined in dagsmith.config.yaml${names.length ? ` (it defines: ${names.join(', ')})` : ''}`,
      hint ? { hint } : {},
    );
  } else {
    const vars = new Map([...config.vars, ...(environment?.vars ?? [])]);
    data = resolveVariables(spec.data, vars, reporter).data;
  }
  const test = readTestData(
    data,
    {
      name: testNameOf(TESTS_DIR, spec.file),
      file: spec.file,
      readFixture: (rel, path) => readFixture(cwd, spec.file, rel, path, reporter),
    },
    reporter,
    defaultEnv,
  );
  out.push(...reporter.diagnostics);
  return reporter.hasErrors ? undefined : test;
}

/**
 * A fixture file as base64: relative to the test file, inside the project (symbolic links resolved), not itself
 * a link, a regular file of at most MAX_FIXTURE_BYTES. Anything else is DS717 at `path`.
 */
function readFixture(cwd: string, testFile: string, rel: string, path: JsonPath, reporter: Reporter): string | undefined {
  const fail = (why: string): undefined => {
    reporter.report('DS717', path, `fixture '${rel}' ${why}`);
    return undefined;
  };
  if (rel.includes('\0')) return fail('is not a file name');
  const abs = join(cwd, dirname(testFile), rel);
  const inProject = projectRelative(cwd, abs);
  if (inProject === undefined || inProject === '')
    return fail('leads outside the project (symbolic links resolved); fixtures are read from the project only');
  const read = readRegularBytes(abs, MAX_FIXTURE_BYTES, { noFollow: true });
  switch (read.kind) {
    case 'bytes':
      return read.bytes.toString('base64');
    case 'too-large':
      return fail(`is larger than ${MAX_FIXTURE_BYTES} bytes, the most a fixture may be`);
    case 'not-file':
      return fail('is not a regular file');
    case 'error': {
      const code = (read.error as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') return fail('is a symbolic link; give the path of the file itself');
      if (code === 'ENOENT') return fail(`does not exist (looked for ${relative(cwd, abs).split(sep).join('/')})`);
      return fail(`cannot be read (${errnoText(read.error)})`);
    }
  }
}
