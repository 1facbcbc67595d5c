import { realpathSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { Diagnostic } from './diagnostics/types';
import { UsageError } from './diagnostics/types';
import { emitPythonDag } from './emit/python/dag';
import { LiteralError } from './emit/python/literal';
import { resolveTarget, type Target } from './emit/target';
import type { PipelineIR } from './ir/types';
import { normalize } from './ir/normalize';
import { loadConfig, type EnvironmentConfig, type ProjectConfig } from './load/config';
import { discoverPipelineFiles } from './load/discover';
import { isInside, realPathOf } from './load/paths';
import { readTextFile } from './load/text';
import { Reporter, type SpecFile } from './load/source';
import { loadSpecFiles, PIPELINE_EXTENSIONS } from './load/index';
import { validateAgainstSchema } from './schema/validate';
import type { PipelineSpec } from './spec/types.generated';
import { checkRepresentable, checkTargetCompatibility } from './validate/portability';
import { checkDataLimits } from './validate/limits';
import { checkSemantics } from './validate/semantic';
import { resolveVariables } from './validate/vars';
import { didYouMean } from './util/suggest';

export interface ProjectOptions {
  readonly cwd: string;
  /** Environment from dagsmith.config.yaml whose vars (and Airflow version) apply. */
  readonly env?: string;
  /** Airflow version to compile for; overrides the config. */
  readonly airflow?: string;
  /** Only these files (project-relative); default: every pipeline file discovered. */
  readonly files?: readonly string[];
}

export interface CompiledPipeline {
  readonly ir: PipelineIR;
  /** Output path, project-relative. */
  readonly outPath: string;
  readonly content: string;
}

export interface ProjectResult {
  readonly config: ProjectConfig;
  readonly environment: EnvironmentConfig | undefined;
  readonly target: Target;
  readonly outDir: string;
  readonly files: readonly string[];
  readonly pipelines: readonly CompiledPipeline[];
  /** Every pipeline that built an IR (also those whose emit failed), with its loaded file: what lint looks at. */
  readonly irs: readonly { readonly ir: PipelineIR; readonly spec: SpecFile }[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Thrown for configuration problems found in files (exit code 2), with their diagnostics. */
export class ConfigError extends UsageError {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super('dagsmith.config.yaml has errors');
  }
}

/**
 * The whole pipeline of the program short of writing: load -> schema -> variables -> semantics -> IR -> Python.
 * Every file is taken as far as it can go, so one file's errors do not hide another's.
 */
export function buildProject(opts: ProjectOptions): ProjectResult {
  const cwd = resolve(opts.cwd);
  const { config, diagnostics: configDiags } = loadConfig(cwd);
  if (!config) throw new ConfigError(configDiags);
  let environment: EnvironmentConfig | undefined;
  if (opts.env !== undefined) {
    environment = config.environments.get(opts.env);
    if (!environment) {
      const names = [...config.environments.keys()];
      const hint = didYouMean(opts.env, names);
      throw new UsageError(
        `unknown environment '${opts.env}'${hint ? ` (${hint})` : ''}; ${names.length ? `dagsmith.config.yaml defines: ${names.join(', ')}` : 'dagsmith.config.yaml defines no environments'}`,
      );
    }
  }
  const target = resolveTarget(opts.airflow ?? environment?.airflow ?? config.airflow);
  const vars = new Map([...config.vars, ...(environment?.vars ?? [])]);
  if (!opts.files && !isFolder(resolve(cwd, config.pipelines))) {
    // Never "compile nothing" here: that would remove every generated DAG as an orphan.
    throw new UsageError(
      `the pipelines folder '${config.pipelines}' does not exist${config.file ? ` (set by 'pipelines:' in ${config.file})` : ''}`,
    );
  }
  const diagnostics: Diagnostic[] = [];
  let files = opts.files;
  if (!files) {
    // Entries that cannot be read are errors: skipping them would delete their DAGs as orphans.
    const found = discoverPipelineFiles(cwd, config.pipelines, PIPELINE_EXTENSIONS);
    diagnostics.push(...found.diagnostics);
    files = found.files;
  }
  const outDir = environment ? `${config.outDir}/${environment.name}` : config.outDir;

  const readSibling = siblingReader(cwd);
  const valid: { spec: SpecFile; data: PipelineSpec; reporter: Reporter }[] = [];
  for (const loaded of loadSpecFiles(cwd, files)) {
    diagnostics.push(...loaded.diagnostics);
    if (!loaded.spec) continue;
    const checked = checkSpec(loaded.spec, vars, target, readSibling);
    diagnostics.push(...checked.reporter.diagnostics);
    if (checked.data) valid.push({ spec: loaded.spec, data: checked.data, reporter: checked.reporter });
  }

  // Pipeline ids are DAG ids and file names: unique across the project, even ignoring case (macOS, Windows).
  const firstById = new Map<string, { id: string; file: string; line: number }>();
  const dupes = new Set<SpecFile>();
  for (const v of valid) {
    const first = firstById.get(v.data.id.toLowerCase());
    if (first) {
      const message =
        first.id === v.data.id
          ? `pipeline id '${v.data.id}' is already used by ${first.file}:${first.line}`
          : `pipeline id '${v.data.id}' differs only in case from '${first.id}' (${first.file}:${first.line}); their DAG files would collide on case-insensitive file systems`;
      v.reporter.report('DS311', ['id'], message);
      diagnostics.push(v.reporter.diagnostics[v.reporter.diagnostics.length - 1]!);
      dupes.add(v.spec);
    } else {
      firstById.set(v.data.id.toLowerCase(), { id: v.data.id, file: v.spec.file, line: v.reporter.locate(['id']).line });
    }
  }

  const pipelines: CompiledPipeline[] = [];
  const irs: { ir: PipelineIR; spec: SpecFile }[] = [];
  for (const v of valid) {
    if (v.reporter.hasErrors || dupes.has(v.spec)) continue;
    const ir = normalize({
      file: v.spec.file,
      sha256: v.spec.sha256,
      format: v.spec.format,
      spec: v.data,
      readSibling: (p) => {
        const text = readSibling(v.spec.absPath, p);
        if (text === undefined) throw new Error(`internal error: '${p}' passed validation but cannot be read`);
        return text;
      },
    });
    irs.push({ ir, spec: v.spec });
    const before = v.reporter.diagnostics.length;
    let content: string;
    try {
      content = emitPythonDag(ir, target, (code, path, message, o) => v.reporter.report(code, path, message, o));
    } catch (err) {
      if (err instanceof LiteralError) throw new Error(`internal error: ${err.message} passed validation in ${v.spec.file}`);
      throw err;
    }
    diagnostics.push(...v.reporter.diagnostics.slice(before));
    if (v.reporter.hasErrors) continue;
    pipelines.push({ ir, outPath: `${outDir}/${ir.id}.py`, content });
  }
  return { config, environment, target, outDir, files, pipelines, irs, diagnostics };
}

/** Schema, variables and semantics for one loaded file. `data` is set when nothing is wrong with it. */
export function checkSpec(
  spec: SpecFile,
  vars: ReadonlyMap<string, string>,
  target: Target,
  readSibling: SiblingReader,
): { reporter: Reporter; data: PipelineSpec | undefined } {
  const reporter = new Reporter(spec.file, spec.locator);
  if (typeof spec.data !== 'object' || spec.data === null || Array.isArray(spec.data)) {
    const got = spec.data === null ? 'null' : Array.isArray(spec.data) ? 'a list' : `a ${typeof spec.data}`;
    reporter.report('DS103', [], `a pipeline file holds one YAML mapping (version, id, steps, ...), not ${got}`);
    return { reporter, data: undefined };
  }
  // Depth and size first: every later phase walks the data.
  if (!checkDataLimits(spec.data, reporter)) return { reporter, data: undefined };
  // Variables first, so that `${workerType}` is checked against the schema with its value.
  const { data: resolved, unresolved } = resolveVariables(spec.data, vars, reporter);
  const schemaErrors = validateAgainstSchema(resolved, reporter, unresolved);
  checkRepresentable(resolved, reporter);
  checkSemantics(resolved, {
    reporter,
    target,
    skip: [...schemaErrors, ...unresolved],
    readSibling: (p) => readSibling(spec.absPath, p),
  });
  checkTargetCompatibility(resolved, target, reporter, (p) => readSibling(spec.absPath, p));
  return { reporter, data: reporter.hasErrors ? undefined : (resolved as PipelineSpec) };
}

/** Reads a file named relative to a pipeline file (`sqlFile`, `queryFile`); undefined when it cannot be used. */
export type SiblingReader = (pipelineAbsPath: string, rel: string) => string | undefined;

/**
 * A sibling reader for one project: only regular files whose REAL path is inside `root` (a spec cannot inline
 * /etc/passwd, nor /proc/self/environ through a symbolic link), valid UTF-8 and of bounded size, each read once
 * although checks, target checks and normalization all ask for it.
 */
export function siblingReader(root: string): SiblingReader {
  const realRoot = realPathOf(root);
  const cache = new Map<string, string | undefined>();
  return (pipelineAbsPath, rel) => {
    const p = resolve(dirname(pipelineAbsPath), rel);
    if (!cache.has(p)) {
      let text: string | undefined;
      try {
        const real = realpathSync(p);
        if (isInside(relative(realRoot, real))) {
          const read = readTextFile(real);
          text = read.ok ? read.text : undefined;
        }
      } catch {
        text = undefined;
      }
      cache.set(p, text);
    }
    return cache.get(p);
  };
}

function isFolder(abs: string): boolean {
  try {
    return statSync(abs).isDirectory();
  } catch {
    return false;
  }
}
