/**
 * Use case: scaffold a dagsmith project (see src/scaffold/), or refresh what dagsmith owns in one (`update`).
 *
 * A new project gets the config, the examples and pipelines/tsconfig.json (the user's from then on), the JSON Schema
 * and the workflow (dagsmith's: `update` rewrites them), a package.json and a .gitignore when there are none, and
 * one compile for no environment and for each environment, so that the workflow's `compile --check` passes on the
 * first push. No write goes through a symbolic link: a file is written to a new name beside it and renamed over it, and a
 * folder on the way that is a link refuses the whole init before anything is written.
 */
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { CONFIG_FILE, loadConfig, type EnvironmentConfig } from '../config/project-config';
import { ConfigError, UsageError } from '../diagnostics/types';
import { ownedFiles, userFiles } from '../scaffold/files';
import { GITIGNORE, gitignoreText, IGNORED, PACKAGE_JSON, packageJsonText } from '../scaffold/project-files';
import type { WorkflowEnvironment } from '../scaffold/workflow';
import { isRealFolderOrAbsent, writeFileSafely } from '../util/safe-write';
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
  const existing = planned.filter((f) => exists(cwd, f));
  if (existing.length > 0 && !opts.force) return { status: 'exists', existing, project: existing.includes(CONFIG_FILE) };
  checkFolders(cwd, [...planned, PACKAGE_JSON, GITIGNORE]);

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
  checkFolders(cwd, Object.keys(ownedFiles([])));
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
 * Refuses, before anything is written, a file whose folder is a symbolic link or not a folder (a link at the file's
 * own name is replaced, never written through: writeProjectFile).
 */
function checkFolders(cwd: string, files: readonly string[]): void {
  const blocked = files.find((f) => !isRealFolderOrAbsent(cwd, posix.dirname(f)));
  if (blocked) throw new UsageError(`cannot write ${blocked}: a folder on its path is a symbolic link or a file; nothing was written`);
}

/**
 * Writes one file of the project (src/util/safe-write.ts: a new file beside it renamed over it, in real folders of the
 * project). Returns what happened; an unchanged file is not rewritten.
 */
function writeProjectFile(cwd: string, file: string, text: string): FileAction {
  const abs = join(cwd, file);
  const st = lstatOrUndefined(abs);
  if (st && !st.isFile() && !st.isSymbolicLink()) throw new UsageError(`${file} exists and is not a file`);
  if (st?.isFile() && readFileSync(abs, 'utf8') === text) return 'unchanged';
  writeFileSafely(cwd, posix.dirname(file), posix.basename(file), text);
  return st ? 'overwrote' : 'created';
}

function lstatOrUndefined(abs: string): ReturnType<typeof lstatSync> | undefined {
  try {
    return lstatSync(abs);
  } catch {
    return undefined;
  }
}

/** Whether anything (a dangling link too) has this name. */
function exists(cwd: string, rel: string): boolean {
  try {
    lstatSync(join(cwd, rel));
    return true;
  } catch {
    return false;
  }
}
