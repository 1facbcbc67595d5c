/**
 * Use case: scaffold a dagsmith project (see src/scaffold/), or refresh what dagsmith owns in one (`update`).
 *
 * A new project gets the config, the examples and pipelines/tsconfig.json (the user's from then on), the JSON Schema
 * and the workflow (dagsmith's: `update` rewrites them), a package.json and a .gitignore when there are none, and
 * one compile for no environment and for each environment, so that the workflow's `compile --check` passes on the
 * first push. Writes refuse symbolic links: a file is written to a temporary name beside it and renamed over it.
 */
import { existsSync, lstatSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { CONFIG_FILE, loadConfig, type EnvironmentConfig } from '../config/project-config';
import { ConfigError, UsageError } from '../diagnostics/types';
import { ownedFiles, userFiles } from '../scaffold/files';
import { GITIGNORE, gitignoreText, IGNORED, PACKAGE_JSON, packageJsonText } from '../scaffold/project-files';
import type { WorkflowEnvironment } from '../scaffold/workflow';
import { compileProject, type CompileResult } from './compile';

export interface InitOptions {
  readonly cwd: string;
  /** Overwrite files that exist (a new scaffold over an old one). */
  readonly force?: boolean;
  /** Refresh only what dagsmith owns (the JSON Schema, the workflow) in a project that has a config. */
  readonly update?: boolean;
  /** Compile once after scaffolding (default true). */
  readonly compile?: boolean;
}

export type FileAction = 'created' | 'overwrote' | 'updated' | 'unchanged';

export type InitResult =
  | /**
     * Files init would write exist (and neither `force` nor `update` is set): nothing was written. `project`: the
     * folder has a config, so it is a dagsmith project already (`update` is what was meant).
     */ { readonly status: 'exists'; readonly existing: readonly string[]; readonly project: boolean }
  | /** `update` in a folder without dagsmith.config.yaml: nothing was written. */ { readonly status: 'no-project' }
  | {
      readonly status: 'written';
      readonly files: readonly { readonly file: string; readonly action: FileAction }[];
      /** One compile per environment (and one without), in that order; empty with `update` or `compile: false`. */
      readonly compiled: readonly { readonly env: string | undefined; readonly result: CompileResult }[];
      /** What the user may want to do about files init leaves alone (a .gitignore without .dagsmith/ ...). */
      readonly notes: readonly string[];
    };

export function initProject(opts: InitOptions): InitResult {
  return opts.update ? updateProject(opts.cwd) : scaffoldProject(opts);
}

function scaffoldProject(opts: InitOptions): InitResult {
  const { cwd } = opts;
  const users = userFiles();
  const planned = [...Object.keys(users), ...Object.keys(ownedFiles([]))];
  const existing = planned.filter((f) => existsSync(join(cwd, f)));
  if (existing.length > 0 && !opts.force) return { status: 'exists', existing, project: existing.includes(CONFIG_FILE) };

  const files: { file: string; action: FileAction }[] = [];
  for (const [file, text] of Object.entries(users)) files.push({ file, action: writeProjectFile(cwd, file, text) });
  const environments = configEnvironments(cwd);
  for (const [file, text] of Object.entries(ownedFiles(workflowEnvironments(environments)))) {
    files.push({ file, action: writeProjectFile(cwd, file, text) });
  }
  const notes: string[] = [];
  if (!existsSync(join(cwd, PACKAGE_JSON))) {
    const hasTs = Object.keys(users).some((f) => f.endsWith('.ts'));
    files.push({
      file: PACKAGE_JSON,
      action: writeProjectFile(cwd, PACKAGE_JSON, packageJsonText(cwd, hasTs ? { typescript: typescriptRange() } : {})),
    });
  } else if (!readIfFile(join(cwd, PACKAGE_JSON))?.includes('"dagsmith"')) {
    notes.push(`${PACKAGE_JSON} exists and does not name dagsmith: add it, so that CI runs this version (npm install --save-dev dagsmith)`);
  }
  if (!existsSync(join(cwd, GITIGNORE))) files.push({ file: GITIGNORE, action: writeProjectFile(cwd, GITIGNORE, gitignoreText()) });
  else {
    const lines = (readIfFile(join(cwd, GITIGNORE)) ?? '').split(/\r?\n/).map((l) => l.trim());
    const missing = IGNORED.filter((p) => !lines.includes(p) && !lines.includes(p.slice(0, -1)) && !lines.includes(`/${p}`));
    if (missing.length > 0) notes.push(`${GITIGNORE} exists: add ${missing.join(' and ')} to it (dagsmith's compile cache is not to be committed)`);
  }
  const compiled: { env: string | undefined; result: CompileResult }[] = [];
  if (opts.compile !== false) {
    for (const env of [undefined, ...environments.keys()]) compiled.push({ env, result: compileProject({ cwd, env, cache: true }) });
  }
  return { status: 'written', files, compiled, notes };
}

function updateProject(cwd: string): InitResult {
  if (!existsSync(join(cwd, CONFIG_FILE))) return { status: 'no-project' };
  const environments = configEnvironments(cwd);
  const files = Object.entries(ownedFiles(workflowEnvironments(environments))).map(([file, text]) => ({
    file,
    action: updated(writeProjectFile(cwd, file, text)),
  }));
  return { status: 'written', files, compiled: [], notes: [] };
}

const updated = (a: FileAction): FileAction => (a === 'overwrote' ? 'updated' : a);

/** The environments of the project's config (as written just now, or as the user keeps it). */
function configEnvironments(cwd: string): ReadonlyMap<string, EnvironmentConfig> {
  const { config, diagnostics } = loadConfig(cwd);
  if (!config || diagnostics.some((d) => d.severity === 'error')) throw new ConfigError(diagnostics);
  return config.environments;
}

function workflowEnvironments(environments: ReadonlyMap<string, EnvironmentConfig>): WorkflowEnvironment[] {
  return [...environments.values()].map((e) => ({
    name: e.name,
    mwaa: e.mwaa !== undefined,
    ...(e.mwaa?.region ? { region: e.mwaa.region } : {}),
  }));
}

/** The TypeScript dagsmith type-checks pipelines with (ts-morph's), as a range of its patch releases. */
function typescriptRange(): string {
  const { ts } = require('ts-morph') as typeof import('ts-morph');
  return `~${ts.version}`;
}

function readIfFile(abs: string): string | undefined {
  try {
    return lstatSync(abs).isFile() ? readFileSync(abs, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes one file of the project: never through a symbolic link (neither the file nor a folder on its way), via a
 * temporary file beside it renamed over it. Returns what happened; an unchanged file is not rewritten.
 */
function writeProjectFile(cwd: string, file: string, text: string): FileAction {
  const abs = join(cwd, file);
  let dir = cwd;
  for (const part of dirname(file)
    .split('/')
    .filter((p) => p !== '.' && p !== '')) {
    dir = join(dir, part);
    const st = lstatOrUndefined(dir);
    if (st?.isSymbolicLink())
      throw new UsageError(
        `${dir
          .slice(cwd.length + 1)
          .split(sep)
          .join('/')} is a symbolic link; dagsmith init writes no file through one`,
      );
    if (!st) mkdirSync(dir);
  }
  const st = lstatOrUndefined(abs);
  if (st?.isSymbolicLink()) throw new UsageError(`${file} is a symbolic link; dagsmith init does not write through it`);
  if (st && !st.isFile()) throw new UsageError(`${file} exists and is not a file`);
  if (st && readFileSync(abs, 'utf8') === text) return 'unchanged';
  const tmp = `${abs}.dagsmith-init-${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text, { flag: 'wx' });
    renameSync(tmp, abs);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  return st ? 'overwrote' : 'created';
}

function lstatOrUndefined(abs: string): ReturnType<typeof lstatSync> | undefined {
  try {
    return lstatSync(abs);
  } catch {
    return undefined;
  }
}
