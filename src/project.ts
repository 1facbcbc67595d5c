import { realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { CompileCache, hashFile, RecordingVars, type CacheEntry, type CachedPipeline } from './cache/compile-cache';
import { CODES } from './diagnostics/codes';
import type { Diagnostic, SourceRange } from './diagnostics/types';
import { UsageError } from './diagnostics/types';
import { emitPythonDag } from './emit/python/dag';
import { LiteralError } from './emit/python/literal';
import { resolveTarget, type AirflowTarget } from './targets';
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
  /** Reuse (and update) the incremental-compile cache in .dagsmith/cache/ (the CLI's default); default false. */
  readonly cache?: boolean;
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
  readonly target: AirflowTarget;
  readonly outDir: string;
  readonly files: readonly string[];
  readonly pipelines: readonly CompiledPipeline[];
  /** Every pipeline that built an IR (also those whose emit failed), with its loaded file: what lint looks at. */
  /** The IR of every file compiled in this run that got that far (all of them when the cache is off, as lint and graph run). */
  readonly irs: readonly { readonly ir: PipelineIR; readonly spec: SpecFile }[];
  readonly diagnostics: readonly Diagnostic[];
  /** The files checked (and compiled) in this run; the others came from the incremental-compile cache. */
  readonly recompiled: readonly string[];
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

  const cache = opts.cache ? new CompileCache(cwd, { target: target.version, outDir }) : undefined;
  const hits = new Map<string, CacheEntry>();
  const misses: string[] = [];
  for (const f of files) {
    const entry = cache?.lookup(f, vars);
    if (entry) hits.set(f, entry);
    else misses.push(f);
  }

  // Every file is a unit: what it alone reports, and (without errors) its IR and DAG. Cached units are reused whole.
  const units: Unit[] = [];
  const readSibling = siblingReader(cwd);
  const loadedMisses = new Map(loadSpecFiles(cwd, misses).map((l, i) => [misses[i]!, l]));
  for (const file of files) {
    const hit = hits.get(file);
    if (hit) {
      units.push({ file, entry: hit });
      continue;
    }
    const loaded = loadedMisses.get(file)!;
    const deps = new Set<string>([join(cwd, file), ...(loaded.dependencies ?? [])]);
    const recording = new RecordingVars(vars);
    const unit: FreshUnit = { file, deps, vars: recording, diagnostics: [...loaded.diagnostics] };
    units.push(unit);
    if (!loaded.spec) continue;
    const spec = loaded.spec;
    const reading: SiblingReader = (pipelineAbsPath, rel) => {
      deps.add(resolve(dirname(pipelineAbsPath), rel));
      return readSibling(pipelineAbsPath, rel);
    };
    const checked = checkSpec(spec, recording, target, reading);
    unit.diagnostics.push(...checked.reporter.diagnostics);
    if (checked.data) unit.valid = { spec, data: checked.data, reporter: checked.reporter, read: reading };
  }

  // Pipeline ids are DAG ids and file names: unique across the project, even ignoring case (macOS, Windows).
  const firstById = new Map<string, { id: string; file: string; line: number }>();
  const dupes = new Set<string>();
  for (const u of units) {
    const idAt = unitId(u);
    if (!idAt) continue;
    const first = firstById.get(idAt.id.toLowerCase());
    if (first) {
      const message =
        first.id === idAt.id
          ? `pipeline id '${idAt.id}' is already used by ${first.file}:${first.line}`
          : `pipeline id '${idAt.id}' differs only in case from '${first.id}' (${first.file}:${first.line}); their DAG files would collide on case-insensitive file systems`;
      diagnostics.push(duplicateId(u.file, idAt.range, message));
      dupes.add(u.file);
    } else {
      firstById.set(idAt.id.toLowerCase(), { id: idAt.id, file: u.file, line: idAt.range.line });
    }
  }

  const pipelines: CompiledPipeline[] = [];
  const irs: { ir: PipelineIR; spec: SpecFile }[] = [];
  for (const u of units) {
    if ('entry' in u) {
      diagnostics.push(...u.entry.diagnostics);
      if (u.entry.pipeline && !dupes.has(u.file)) pipelines.push(fromCache(u.entry.pipeline));
      continue;
    }
    const compiled = u.valid && !dupes.has(u.file) ? emitUnit(u.valid, target, outDir) : undefined;
    if (compiled) {
      u.diagnostics.push(...compiled.diagnostics);
      irs.push({ ir: compiled.ir, spec: u.valid!.spec });
    }
    diagnostics.push(...u.diagnostics);
    if (compiled?.pipeline) pipelines.push(compiled.pipeline);
    // A unit held back by another file's duplicate id is not cached: its own result is not complete.
    if (u.valid && !compiled) continue;
    cache?.keep({
      file: u.file,
      deps: [...u.deps].map((abs) => ({ path: relative(cwd, abs).split(sep).join('/'), sha256: hashFile(abs) })),
      vars: [...u.vars.used],
      varNames: u.vars.namesUsed ? [...vars.keys()].sort() : null,
      diagnostics: u.diagnostics,
      pipeline: compiled?.pipeline
        ? {
            id: compiled.pipeline.ir.id,
            idRange: u.valid!.reporter.locate(['id']),
            irJson: JSON.stringify(compiled.pipeline.ir),
            outPath: compiled.pipeline.outPath,
            content: compiled.pipeline.content,
          }
        : null,
    });
  }
  for (const entry of hits.values()) cache?.keep(entry);
  cache?.save(misses.length > 0);
  return { config, environment, target, outDir, files, pipelines, irs, diagnostics: dedupe(diagnostics), recompiled: misses };
}

interface Checked {
  readonly spec: SpecFile;
  readonly data: PipelineSpec;
  readonly reporter: Reporter;
  readonly read: SiblingReader;
}

/** A file compiled in this run: the files and variables it used, what it reported, its checked data. */
interface FreshUnit {
  readonly file: string;
  readonly deps: Set<string>;
  readonly vars: RecordingVars;
  readonly diagnostics: Diagnostic[];
  valid?: Checked;
}
type Unit = FreshUnit | { readonly file: string; readonly entry: CacheEntry };

/** The same diagnostic twice (a shared TypeScript module's error, once cached with one pipeline, once fresh with another). */
function dedupe(diags: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diags.filter((d) => {
    const k = JSON.stringify([d.file, d.line, d.col, d.code, d.message]);
    return seen.has(k) ? false : (seen.add(k), true);
  });
}

/** A cached pipeline as the compile returns it; its IR is parsed only if someone reads it (a no-op compile does not). */
function fromCache(c: CachedPipeline): CompiledPipeline {
  let ir: PipelineIR | undefined;
  return {
    outPath: c.outPath,
    content: c.content,
    get ir() {
      return (ir ??= JSON.parse(c.irJson) as PipelineIR);
    },
  };
}

function unitId(u: Unit): { id: string; range: SourceRange } | undefined {
  if ('entry' in u) return u.entry.pipeline ? { id: u.entry.pipeline.id, range: u.entry.pipeline.idRange } : undefined;
  return u.valid ? { id: u.valid.data.id, range: u.valid.reporter.locate(['id']) } : undefined;
}

function duplicateId(file: string, range: SourceRange, message: string): Diagnostic {
  return { code: 'DS311', severity: CODES.DS311.severity, message, file, ...range, path: ['id'] };
}

/** IR and Python for a checked file; `pipeline` is unset when the emitter reported an error. */
function emitUnit(v: Checked, target: AirflowTarget, outDir: string): { ir: PipelineIR; pipeline?: CompiledPipeline; diagnostics: Diagnostic[] } {
  const ir = normalize({
    file: v.spec.file,
    sha256: v.spec.sha256,
    format: v.spec.format,
    spec: v.data,
    readSibling: (p) => {
      const text = v.read(v.spec.absPath, p);
      if (text === undefined) throw new Error(`internal error: '${p}' passed validation but cannot be read`);
      return text;
    },
  });
  const before = v.reporter.diagnostics.length;
  let content: string;
  try {
    content = emitPythonDag(ir, target);
  } catch (err) {
    if (err instanceof LiteralError) throw new Error(`internal error: ${err.message} passed validation in ${v.spec.file}`);
    throw err;
  }
  const diagnostics = v.reporter.diagnostics.slice(before);
  if (diagnostics.some((d) => d.severity === 'error')) return { ir, diagnostics };
  return { ir, pipeline: { ir, outPath: `${outDir}/${ir.id}.py`, content }, diagnostics };
}

/** Schema, variables and semantics for one loaded file. `data` is set when nothing is wrong with it. */
export function checkSpec(
  spec: SpecFile,
  vars: ReadonlyMap<string, string>,
  target: AirflowTarget,
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
  const checks = { reporter, target, skip: [...schemaErrors, ...unresolved], readSibling: (p: string) => readSibling(spec.absPath, p) };
  checkSemantics(resolved, checks);
  checkTargetCompatibility(resolved, target, checks);
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
