import { statSync } from 'node:fs';
import { externalAssetsOf } from '../config/external-assets';
import { checkAssetGraph, type AssetNode } from '../validate/asset-graph';
import { relative, resolve, sep } from 'node:path';
import type { LocalUnit, UnitContext, UnitResult } from './unit';
import type { UnitHook } from './workers';
import { loadSpecFiles } from '../load/index';
import type { LoadResult } from '../load/yaml';
import { CompileCache, fingerprintFile, type CacheEntry } from '../cache/compile-cache';
import { sha256 } from '../util/hash';
import { makeDiagnostic } from '../diagnostics/diagnostic';
import type { Diagnostic, SourceRange } from '../diagnostics/types';
import { ConfigError, UsageError } from '../diagnostics/types';
import type { PipelineIR } from '../ir/types';
import { loadConfig, type EnvironmentConfig, type ProjectConfig } from '../config/project-config';
import { varScopeOf } from '../config/environments';
import { discoverPipelineFiles, PIPELINE_EXTENSIONS } from '../load/discover';
import type { SpecFile } from '../load/source';
import { DEFAULT_PLATFORM, isPlatform, PLATFORMS, resolveTarget, SERVERLESS_RUNTIME, type AirflowTarget, type Platform } from '../targets';
import { didYouMean } from '../util/suggest';

export interface ProjectOptions {
  readonly cwd: string;
  /** Environment from dagsmith.config.yaml whose vars (and Airflow version) apply. */
  readonly env?: string;
  /** Airflow version to compile for; overrides the config. */
  readonly airflow?: string;
  /** Where the pipelines run, `mwaa` or `mwaa-serverless`; overrides the environment's and the config's `target`. */
  readonly target?: string;
  /** Only these files (project-relative); default: every pipeline file discovered. */
  readonly files?: readonly string[];
  /** Reuse (and update) the incremental-compile cache in .dagsmith/cache/ (the CLI's default); default false. */
  readonly cache?: boolean;
  /**
   * Threads to compile on (the calling one included) when `irs` is false; default: as many as pay off for the
   * number of files. With `irs`, everything is compiled on the calling thread.
   */
  readonly jobs?: number;
  /** Keep each compiled file's IR and source for `irs` (lint, graph); default true. A compile does not need them. */
  readonly irs?: boolean;
  /**
   * Write each DAG's text as the build goes (default true). Lint reads IRs only: without it, a pipeline's `content`
   * is written when first read. Ignored with `cache` or `shared`, which keep the text's hash.
   */
  readonly emit?: boolean;
  /** What the compiles of several environments in one run share (src/compile/environments.ts). */
  readonly shared?: SharedWork;
  /**
   * Work on each compiled file, done on the thread that compiled it (with `irs` false, files are spread over
   * threads as a compile spreads them); its results are the build's `extras`.
   */
  readonly unitHook?: UnitHook;
}

/**
 * Work that the compiles of several environments in one run share: the pipeline files found, each file loaded (and
 * each TypeScript pipeline evaluated) once, and each file's result, reused by an environment whose values of the
 * variables it used, Airflow target and all, are the same.
 */
export class SharedWork {
  private discovered: { files: readonly string[]; diagnostics: readonly Diagnostic[] } | undefined;
  private readonly loaded = new Map<string, LoadResult>();
  private readonly results = new Map<string, UnitResult[]>();

  discover(find: () => { files: readonly string[]; diagnostics: readonly Diagnostic[] }): {
    files: readonly string[];
    diagnostics: readonly Diagnostic[];
  } {
    return (this.discovered ??= find());
  }

  /** loadSpecFiles, each file once. */
  readonly load = (cwd: string, files: readonly string[]): LoadResult[] => {
    const missing = files.filter((f) => !this.loaded.has(f));
    if (missing.length > 0) loadSpecFiles(cwd, missing).forEach((r, i) => this.loaded.set(missing[i]!, r));
    return files.map((f) => this.loaded.get(f)!);
  };

  /** A result of another environment's compile that this one would produce too (its output path moved to `outDir`). */
  reuse(file: string, ctx: UnitContext): UnitResult | undefined {
    for (const r of this.results.get(`${ctx.target.version}\0${file}`) ?? []) {
      if (r.varsUsed.some(([name, value]) => (ctx.vars.get(name) ?? null) !== value)) continue;
      return r.pipeline
        ? { ...r, pipeline: { ...r.pipeline, outPath: `${ctx.outDir}/${r.pipeline.outPath.slice(r.pipeline.outPath.lastIndexOf('/') + 1)}` } }
        : r;
    }
    return undefined;
  }

  remember(ctx: UnitContext, result: UnitResult): void {
    if (result.envSpecific || result.namesUsed) return;
    const key = `${ctx.target.version}\0${result.file}`;
    this.results.set(key, [...(this.results.get(key) ?? []), result]);
  }
}

export interface CompiledPipeline {
  /** The pipeline's IR (for a pipeline from the cache: compiled again when read). */
  readonly ir: PipelineIR;
  /** Output path, project-relative. */
  readonly outPath: string;
  /** The DAG file's text (for a pipeline from the cache: read from the cache when read). */
  readonly content: string;
}

export interface ProjectResult {
  readonly config: ProjectConfig;
  readonly environment: EnvironmentConfig | undefined;
  readonly target: AirflowTarget;
  readonly outDir: string;
  readonly files: readonly string[];
  readonly pipelines: readonly CompiledPipeline[];
  /** With `irs` (the default): the IR of every file compiled in this run that got that far (all of them without the cache, as lint and graph run). */
  readonly irs: readonly { readonly ir: PipelineIR; readonly spec: SpecFile }[];
  readonly diagnostics: readonly Diagnostic[];
  /** The files checked (and compiled) in this run; the others came from the incremental-compile cache. */
  readonly recompiled: readonly string[];
  /** What each pipeline that checked clean produces and is scheduled on (the asset graph). */
  readonly assets: readonly AssetNode[];
  /** With a `unitHook`: what it returned for each file compiled in this run that has a DAG, in file order. */
  readonly extras: ReadonlyMap<string, unknown>;
}

export { ConfigError };

/** A project build whose cache the caller saves once it knows what the output folder holds (see `compile`). */
export interface ProjectBuild {
  readonly result: ProjectResult;
  readonly cache: CompileCache | undefined;
  /** For each pipeline file with a DAG: the cached output record to check the output folder against. */
  readonly cached: ReadonlyMap<string, CacheEntry>;
}

/**
 * The whole pipeline of the program short of writing: load -> schema -> variables -> semantics -> IR -> Python.
 * Every file is taken as far as it can go, so one file's errors do not hide another's.
 */
export function buildProject(opts: ProjectOptions): ProjectResult {
  const build = buildProjectWithCache(opts);
  build.cache?.save();
  return build.result;
}

export function buildProjectWithCache(opts: ProjectOptions): ProjectBuild {
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
  const target = targetOf(opts, config, environment);
  const vars = new Map([...config.vars, ...(environment?.vars ?? [])]);
  if (!opts.files && !isFolder(resolve(cwd, config.pipelines))) {
    // Never "compile nothing" here: that would remove every generated DAG as an orphan.
    throw new UsageError(`the pipelines folder '${config.pipelines}' does not exist${config.file ? ` (set by 'pipelines:' in ${config.file})` : ''}`);
  }
  const diagnostics: Diagnostic[] = [];
  let files = opts.files;
  if (!files) {
    // Entries that cannot be read are errors: skipping them would delete their DAGs as orphans.
    const find = () => discoverPipelineFiles(cwd, config.pipelines, PIPELINE_EXTENSIONS);
    const found = opts.shared ? opts.shared.discover(find) : find();
    diagnostics.push(...found.diagnostics);
    files = found.files;
  }
  const outDir = environment ? `${config.outDir}/${environment.name}` : config.outDir;
  const codePackage = target.platform === 'mwaa-serverless' && environment?.serverless?.code !== undefined;
  const ctx: UnitContext = {
    cwd,
    vars,
    target,
    outDir,
    ...(codePackage ? { serverless: { codePackage } } : {}),
    scope: varScopeOf(config, environment?.name),
    ...(config.file ? { configFile: config.file } : {}),
    ...(opts.shared ? { load: opts.shared.load } : {}),
    ...(opts.emit === false && !opts.cache && !opts.shared ? { emit: false } : {}),
  };

  const cacheTarget = target.platform === 'mwaa' ? target.version : `${target.platform}/${target.version}${codePackage ? '+code' : ''}`;
  const cache = opts.cache ? new CompileCache(cwd, { target: cacheTarget, outDir }) : undefined;
  const hits = new Map<string, CacheEntry>();
  const misses: string[] = [];
  for (const f of files) {
    const entry = cache?.lookup(f, vars);
    if (entry) hits.set(f, entry);
    else misses.push(f);
  }
  const fresh = compileMisses(ctx, misses, opts.jobs, opts.irs ?? true, opts.shared, opts.unitHook);

  // Pipeline ids are DAG ids and file names: unique across the project, even ignoring case (macOS, Windows).
  const firstById = new Map<string, { id: string; file: string; range: () => SourceRange }>();
  const dupes = new Set<string>();
  for (const file of files) {
    const hit = hits.get(file);
    const u = fresh.get(file);
    const id = hit ? hit.pipeline?.id : u?.id;
    if (id === undefined) continue;
    const range = idRangeOf(cwd, file, hit, u);
    const first = firstById.get(id.toLowerCase());
    if (first) {
      const line = first.range().line;
      const message =
        first.id === id
          ? `pipeline id '${id}' is already used by ${first.file}:${line}`
          : `pipeline id '${id}' differs only in case from '${first.id}' (${first.file}:${line}); their DAG files would collide on case-insensitive file systems`;
      diagnostics.push(makeDiagnostic('DS311', file, range(), message, { path: ['id'] }));
      dupes.add(file);
    } else {
      firstById.set(id.toLowerCase(), { id, file, range });
    }
  }

  const pipelines: CompiledPipeline[] = [];
  const irs: { ir: PipelineIR; spec: SpecFile }[] = [];
  const extras = new Map<string, unknown>();
  const cached = new Map<string, CacheEntry>();
  for (const file of files) {
    const hit = hits.get(file);
    if (hit) {
      diagnostics.push(...hit.diagnostics);
      cache!.keep(hit);
      if (hit.pipeline && !dupes.has(file)) {
        pipelines.push(fromCache(ctx, file, hit.pipeline.outPath));
        cached.set(file, hit);
      }
      continue;
    }
    const u = fresh.get(file)!;
    diagnostics.push(...u.diagnostics);
    const local = u as LocalUnit;
    if (local.ir && local.spec && u.pipeline && !dupes.has(file)) irs.push({ ir: local.ir, spec: local.spec });
    if (u.extra !== undefined && u.pipeline && !dupes.has(file)) extras.set(file, u.extra);
    if (u.pipeline && !dupes.has(file)) pipelines.push(freshPipeline(ctx, u));
    if (!cache) continue;
    const content = u.pipeline?.content;
    cache.keep({
      file,
      deps: u.deps.map(([abs, read]) => ({
        path: relative(cwd, abs).split(sep).join('/'),
        ...fingerprintFile(abs, cache.started, read ?? undefined),
      })),
      vars: u.varsUsed,
      varNames: u.namesUsed ? [...vars.keys()].sort() : null,
      diagnostics: u.diagnostics,
      pipeline:
        u.pipeline && u.id !== undefined && content !== undefined
          ? {
              id: u.id,
              idRange: null,
              outPath: u.pipeline.outPath,
              outSha256: sha256(content),
              outSig: null,
              ...(u.assets ? { assets: u.assets } : {}),
            }
          : null,
    });
    const kept = cache.kept(file);
    if (kept?.pipeline && !dupes.has(file)) cached.set(file, kept);
  }
  // The project's asset graph, from what each pipeline (compiled now or cached) produces and is scheduled on.
  const assetNodes: AssetNode[] = [];
  for (const file of files) {
    if (dupes.has(file)) continue;
    const hit = hits.get(file);
    const id = hit ? hit.pipeline?.id : fresh.get(file)?.id;
    const assets = hit ? hit.pipeline?.assets : fresh.get(file)?.assets;
    if (id !== undefined && assets) assetNodes.push({ id, file, ...assets });
  }
  if (opts.files === undefined) {
    const external = externalAssetsOf(config, vars);
    diagnostics.push(...external.diagnostics, ...checkAssetGraph(assetNodes, external.uris));
  }
  const result = {
    config,
    environment,
    target,
    outDir,
    files,
    pipelines,
    irs,
    assets: assetNodes,
    extras,
    diagnostics: dedupe(diagnostics),
    recompiled: misses,
  };
  return { result, cache, cached };
}

/**
 * The target: the platform from --target, else the environment's, else the config's; the Airflow version from
 * --airflow, else the environment's, else (for MWAA) the config's. MWAA Serverless runs one Airflow version, so
 * there the config's project-wide `airflow:` (meant for MWAA) does not apply, and any other version is refused.
 */
function targetOf(opts: ProjectOptions, config: ProjectConfig, environment: EnvironmentConfig | undefined): AirflowTarget {
  if (opts.target !== undefined && !isPlatform(opts.target)) {
    throw new UsageError(`unknown target '${opts.target}'; use one of ${PLATFORMS.join(', ')}`);
  }
  const platform: Platform = opts.target ?? environment?.target ?? config.target ?? DEFAULT_PLATFORM;
  if (platform === 'mwaa-serverless') return resolveTarget(opts.airflow ?? environment?.airflow ?? SERVERLESS_RUNTIME.airflow, platform);
  return resolveTarget(opts.airflow ?? environment?.airflow ?? config.airflow, platform);
}

/**
 * Compiles the files the cache does not have. TypeScript files are evaluated together on this thread; YAML files
 * are spread over threads when there are enough of them. `keepLocal`: keep IRs and sources (for lint and graph).
 */
function compileMisses(
  ctx: UnitContext,
  all: readonly string[],
  jobs: number | undefined,
  keepLocal: boolean,
  shared: SharedWork | undefined,
  hook?: UnitHook,
): Map<string, UnitResult> {
  const out = new Map<string, UnitResult>();
  const misses: string[] = [];
  for (const f of all) {
    const reused = shared?.reuse(f, ctx);
    // Lint and graph read every IR: a result reused without its IR would be compiled again when read.
    if (reused && (!keepLocal || (reused as LocalUnit).ir || !reused.pipeline)) out.set(f, reused);
    else misses.push(f);
  }
  if (misses.length === 0) return out;
  // The compiler proper is loaded only when something is compiled: a no-op compile does not pay for it.
  const unit = require('./unit') as typeof import('./unit');
  const yaml = misses.filter((f) => !f.endsWith('.ts'));
  const ts = misses.filter((f) => f.endsWith('.ts'));
  // Worker threads hand back plain data: a caller that reads IRs and sources (lint, graph) compiles on this thread.
  const threads = canUseWorkers() && !keepLocal ? (require('./workers') as typeof import('./workers')).threadsFor(yaml.length, jobs) : 1;
  const keep = (u: LocalUnit): UnitResult =>
    keepLocal ? u : hook ? (require('./workers') as typeof import('./workers')).hookedResult(u, ctx, hook) : unit.plainResult(u);
  if (threads > 1) {
    const results = (require('./workers') as typeof import('./workers')).compileInParallel(ctx, yaml, threads, keepLocal, hook);
    yaml.forEach((f, i) => out.set(f, results[i]!));
  } else {
    for (const u of unit.compileUnits(ctx, yaml)) out.set(u.file, keep(u));
  }
  if (ts.length > 0) for (const u of unit.compileUnits(ctx, ts)) out.set(u.file, keep(u));
  if (shared) for (const f of misses) shared.remember(ctx, out.get(f)!);
  return out;
}

/** Worker threads run the compiled JavaScript (dist/); from TypeScript sources (tests, tsx) everything runs here. */
function canUseWorkers(): boolean {
  return __filename.endsWith('.js');
}

function idRangeOf(cwd: string, file: string, hit: CacheEntry | undefined, u: UnitResult | undefined): () => SourceRange {
  let range: SourceRange | undefined = hit?.pipeline?.idRange ?? undefined;
  const local: LocalUnit | undefined = u;
  return () => (range ??= local?.locateId ? local.locateId() : (require('./unit') as typeof import('./unit')).locateId(cwd, file));
}

/**
 * A pipeline compiled in this run; its IR, when it came from a worker thread, and its text, when the build wrote none,
 * are compiled again if read.
 */
function freshPipeline(ctx: UnitContext, u: UnitResult): CompiledPipeline {
  const local = u as LocalUnit;
  const { outPath } = u.pipeline!;
  let { content } = u.pipeline!;
  let ir = local.ir;
  return {
    outPath,
    get content() {
      return (content ??= recompile(ctx, u.file).content);
    },
    get ir() {
      return (ir ??= recompile(ctx, u.file).ir);
    },
  };
}

/**
 * A cached pipeline as the compile returns it: its text and IR are compiled again only if read (a compile reads the
 * text only when the DAG file on disk is missing or is not what the cache recorded).
 */
function fromCache(ctx: UnitContext, file: string, outPath: string): CompiledPipeline {
  let compiled: { ir: PipelineIR; content: string } | undefined;
  return {
    outPath,
    get content() {
      return (compiled ??= recompile(ctx, file)).content;
    },
    get ir() {
      return (compiled ??= recompile(ctx, file)).ir;
    },
  };
}

function recompile(ctx: UnitContext, file: string): { ir: PipelineIR; content: string } {
  const [u] = (require('./unit') as typeof import('./unit')).compileUnits({ ...ctx, emit: true }, [file]);
  if (!u?.ir || u.pipeline?.content === undefined) throw new Error(`internal error: ${file} no longer compiles as it did earlier in this run`);
  return { ir: u.ir, content: u.pipeline.content };
}

/** The same diagnostic twice (a shared TypeScript module's error, once cached with one pipeline, once fresh with another). */
function dedupe(diags: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diags.filter((d) => {
    const k = JSON.stringify([d.file, d.line, d.col, d.code, d.message]);
    return seen.has(k) ? false : (seen.add(k), true);
  });
}

function isFolder(abs: string): boolean {
  try {
    return statSync(abs).isDirectory();
  } catch {
    return false;
  }
}
