/**
 * One pipeline file, taken as far as it goes on its own: load -> schema -> variables -> semantics -> IR -> Python.
 * Nothing here looks at another pipeline file (that is src/compile/project.ts), so files can be compiled in any order, in
 * worker threads (src/compile/workers.ts), or not at all when the incremental cache has them.
 */
import { realpathSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { RecordingVars } from '../cache/compile-cache';
import type { Diagnostic, SourceRange } from '../diagnostics/types';
import type { WorkflowOptions } from '../emit/serverless/workflow';
import { LiteralError } from '../emit/python/literal';
import type { PipelineIR } from '../ir/types';
import { normalize } from '../ir/normalize';
import { loadSpecFiles } from '../load/index';
import type { LoadResult } from '../load/yaml';
import { isInside, realPathOf } from '../load/paths';
import { type SpecFile } from '../load/source';
import { sha256 } from '../util/hash';
import { pathStartsWith } from '../util/json-path';
import { Reporter } from '../diagnostics/reporter';
import { readTextFile } from '../load/text';
import { validateAgainstSchema } from '../schema/validate';
import { checkForEach } from '../schema/for-each';
import type { PipelineSpec } from '../spec/types.generated';
import type { AirflowTarget } from '../targets';
import { checkDataLimits } from '../validate/limits';
import { checkRepresentable, checkTargetCompatibility } from '../validate/portability';
import { assetAliasesWithPaths, assetUrisWithPaths, type PipelineAssets } from '../base/asset-condition';
import { checkSemantics } from '../validate/semantic';
import { partitionedConsumerOf } from '../validate/partition-graph';
import {
  originalOffset,
  resolveFileVariables,
  resolveText,
  resolveVariables,
  variableNote,
  type ResolvedFile,
  type VarScope,
} from '../validate/vars';
import { checkTemplates, TEMPLATE_CODES, type StepTemplates, type TemplateFile } from '../validate/templates';
import { checkTemplatedFields } from '../validate/templated-fields';
import { lineStartsOf, rangeInValue, rangeOfOffsets } from '../load/string-range';
import type { ConfigVarScope } from '../config/environments';

/** What every file of one compile shares. */
export interface UnitContext {
  /** The project folder (absolute). */
  readonly cwd: string;
  readonly vars: ReadonlyMap<string, string>;
  readonly target: AirflowTarget;
  /** The output folder, project-relative. */
  readonly outDir: string;
  /** The environment selected and where the variables are set (for messages); absent in tests that give only vars. */
  readonly scope?: ConfigVarScope;
  /** Project-relative path of dagsmith.config.yaml when it exists: a message that points into it depends on it. */
  readonly configFile?: string;
  /** Loads pipeline files; given when several compiles of one run (one per environment) share what they load. */
  readonly load?: (cwd: string, files: readonly string[]) => LoadResult[];
  /** For the MWAA Serverless target: what the environment deploys with the workflows. */
  readonly serverless?: WorkflowOptions;
  /**
   * Write each DAG's text (default true). Lint and graph read IRs, not text: without it a checked pipeline still gets
   * its `pipeline` (output path), with no `content`. Writing reports nothing: the checks before it found every error.
   */
  readonly emit?: boolean;
}

/** What one file produced, as plain data (it crosses threads and goes into the cache). */
export interface UnitResult {
  readonly file: string;
  /**
   * Every file it read (absolute path): itself, SQL files, TypeScript modules; each with the sha256 of the text the
   * compile read when that is known (null: hash the file).
   */
  readonly deps: readonly (readonly [string, string | null])[];
  /** Each variable looked up, with its value (null: undefined). */
  readonly varsUsed: readonly (readonly [string, string | null])[];
  /** Whether it needed the names of all variables (a "did you mean" hint). */
  readonly namesUsed: boolean;
  /** Everything reported for this file alone. */
  readonly diagnostics: readonly Diagnostic[];
  /**
   * Whether a message names the environment or points into the config: then the result holds for this environment
   * only, even where another has the same values.
   */
  readonly envSpecific: boolean;
  /** The pipeline id, when the file checked clean (so it takes part in the duplicate-id check). */
  readonly id?: string;
  /** Its DAG file, when it also emitted without errors; `content` is absent when the context asked for no text. */
  readonly pipeline?: { readonly outPath: string; readonly content?: string };
  /** What it produces and is scheduled on, with it (for the project's asset graph). */
  readonly assets?: PipelineAssets;
  /** What the caller's unit hook made of it (src/compile/workers.ts, UnitHook). */
  readonly extra?: unknown;
}

/** A unit compiled in this thread keeps what lint and graph look at, and can point at its id. */
export interface LocalUnit extends UnitResult {
  readonly ir?: PipelineIR;
  readonly spec?: SpecFile;
  readonly locateId?: () => SourceRange;
}

/**
 * Compiles files (project-relative); TypeScript files are evaluated together first. Each phase runs over every file
 * before the next starts (load, then the checks, then the IR and DS345): a phase's code and tables stay hot in the
 * processor's caches, where going file by file through all of them measured 10-15% slower.
 */
export function compileUnits(ctx: UnitContext, files: readonly string[]): LocalUnit[] {
  const readSibling = siblingReader(ctx.cwd);
  const loaded = (ctx.load ?? loadSpecFiles)(ctx.cwd, files);
  const checkedFiles = files.map((file, i) => checkUnit(ctx, file, loaded[i]!, readSibling));
  return checkedFiles.map((c) => ('unit' in c ? c.unit : emitChecked(ctx, c)));
}

/** A file whose checks passed, with what its emit needs and what its result is made of. */
interface CheckedUnit {
  readonly spec: SpecFile;
  readonly data: PipelineSpec;
  readonly checked: ReturnType<typeof checkSpec>;
  readonly reading: SiblingReader;
  readonly diagnostics: Diagnostic[];
  readonly result: (extra?: Partial<LocalUnit>) => LocalUnit;
}

/** The checks of one loaded file: its result when they end it (no spec, errors), else what its emit needs. */
function checkUnit(ctx: UnitContext, file: string, l: LoadResult, readSibling: SiblingReader): CheckedUnit | { readonly unit: LocalUnit } {
  const deps = new Map<string, string | null>([
    [join(ctx.cwd, file), l.spec?.sha256 ?? null],
    ...(l.dependencies ?? []).map((d) => [d, null] as const),
  ]);
  const vars = new RecordingVars(ctx.vars);
  const scope = ctx.scope?.fork();
  const diagnostics: Diagnostic[] = [...l.diagnostics];
  const result = (extra: Partial<LocalUnit> = {}): LocalUnit => ({
    file,
    deps: [...deps],
    varsUsed: [...vars.used],
    namesUsed: vars.namesUsed,
    envSpecific: scope?.consulted ?? false,
    diagnostics,
    ...extra,
  });
  if (!l.spec) return { unit: result() };
  const spec = l.spec;
  // SQL files are templates of the pipeline too: their `${name}` are resolved (once per file), with problems
  // reported at their positions inside the file.
  const sqlFiles = new Map<string, ResolvedFile | undefined>();
  const reading: SiblingReader = (pipelineAbsPath, rel) => {
    const abs = resolve(dirname(pipelineAbsPath), rel);
    if (!sqlFiles.has(abs)) {
      const text = readSibling(pipelineAbsPath, rel);
      deps.set(abs, text === undefined ? null : sha256(text));
      sqlFiles.set(abs, text === undefined ? undefined : resolveFileVariables(projectPath(ctx.cwd, abs), text, vars, scope));
    }
    return sqlFiles.get(abs)?.text;
  };
  const templateFile = (rel: string): TemplateFile | undefined => {
    if (reading(spec.absPath, rel) === undefined) return undefined;
    const abs = resolve(dirname(spec.absPath), rel);
    const f = sqlFiles.get(abs)!;
    return templateFileOf(projectPath(ctx.cwd, abs), f);
  };
  const checked = checkSpec(spec, vars, ctx.target, reading, scope, templateFile, ctx.serverless);
  diagnostics.push(...checked.reporter.diagnostics);
  const fileDiagnostics = [...[...sqlFiles.values()].flatMap((f) => f?.diagnostics ?? []), ...checked.fileDiagnostics];
  diagnostics.push(...fileDiagnostics);
  if (scope?.consulted && ctx.configFile) deps.set(join(ctx.cwd, ctx.configFile), null);
  if (!checked.data || fileDiagnostics.some((d) => d.severity === 'error')) return { unit: result({ spec }) };
  return { spec, data: checked.data, checked, reading, diagnostics, result };
}

/** The IR and DAG of a checked file, and DS345 over them. */
function emitChecked(ctx: UnitContext, c: CheckedUnit): LocalUnit {
  const { spec, data, checked, reading, diagnostics } = c;
  const emitted = emitUnit({ spec, data, reporter: checked.reporter, read: reading }, ctx);
  diagnostics.push(...emitted.diagnostics);
  // Warnings only (DS345), so they never hold the DAG back: which templates reach arguments Airflow does not render.
  const templating = new Reporter(spec.file, spec.locator);
  checkTemplatedFields(emitted.ir, data, ctx.target, templating, checked.templates);
  diagnostics.push(...templating.diagnostics);
  return c.result({
    spec,
    ir: emitted.ir,
    id: data.id,
    pipeline: emitted.pipeline,
    assets: pipelineAssets(emitted.ir, data, checked.reporter),
    locateId: () => checked.reporter.locate(['id']),
  });
}

/** Strips what cannot leave the thread. */
export function plainResult(u: LocalUnit): UnitResult {
  const { file, deps, varsUsed, namesUsed, envSpecific, diagnostics, id, pipeline, assets } = u;
  return {
    file,
    deps,
    varsUsed,
    namesUsed,
    envSpecific,
    diagnostics,
    ...(id !== undefined ? { id } : {}),
    ...(pipeline ? { pipeline } : {}),
    ...(assets ? { assets } : {}),
  };
}

/** The assets a checked pipeline produces and is scheduled on (URIs resolved), with where each consumed one is. */
function pipelineAssets(ir: PipelineIR, data: PipelineSpec, reporter: Reporter): PipelineAssets {
  const produces = [...new Set(ir.steps.flatMap((s) => s.produces))];
  const s = data.schedule;
  const consumes =
    s !== null && typeof s === 'object' && 'assets' in s
      ? assetUrisWithPaths(s.assets, ['schedule', 'assets']).map(({ uri, path }) => ({ uri, range: reporter.locate(path) }))
      : [];
  const producesAliases = [...new Set(ir.steps.flatMap((st) => st.producesAlias.map((o) => o.alias)))];
  const consumesAliases =
    s !== null && typeof s === 'object' && 'assets' in s
      ? assetAliasesWithPaths(s.assets, ['schedule', 'assets']).map(({ name, path }) => ({ name, range: reporter.locate(path) }))
      : [];
  const sched = ir.schedule;
  return {
    produces,
    consumes,
    ...(producesAliases.length > 0 ? { producesAliases } : {}),
    ...(consumesAliases.length > 0 ? { consumesAliases } : {}),
    ...(sched.type === 'cron' && sched.partition ? { partitionKeyFormat: sched.partition.keyFormat } : {}),
    ...(sched.type === 'assets' && sched.partition
      ? { partitionKeyFormat: sched.partition.outputFormat, partitionedConsumer: partitionedConsumerOf(sched.partition, data, reporter) }
      : {}),
  };
}

/** Where a pipeline's `id` value is in its source (loads it again: needed only to report a duplicate id). */
export function locateId(cwd: string, file: string): SourceRange {
  const [loaded] = loadSpecFiles(cwd, [file]);
  return loaded?.spec ? new Reporter(file, loaded.spec.locator).locate(['id']) : { line: 1, col: 1, endLine: 1, endCol: 1 };
}

interface Checked {
  readonly spec: SpecFile;
  readonly data: PipelineSpec;
  readonly reporter: Reporter;
  readonly read: SiblingReader;
}

/** The IR of a file that passed validation. */
function irOf(spec: SpecFile, data: PipelineSpec, read: SiblingReader): PipelineIR {
  return normalize({
    file: spec.file,
    sha256: spec.sha256,
    format: spec.format,
    spec: data,
    readSibling: (p) => {
      const text = read(spec.absPath, p);
      if (text === undefined) throw new Error(`internal error: '${p}' passed validation but cannot be read`);
      return text;
    },
  });
}

/**
 * IR and output for a checked file: a Python DAG file, or for MWAA Serverless a workflow definition (YAML);
 * `pipeline` is unset when the emitter reported an error.
 */
function emitUnit(v: Checked, ctx: UnitContext): { ir: PipelineIR; pipeline?: { outPath: string; content?: string }; diagnostics: Diagnostic[] } {
  const { target, outDir } = ctx;
  const ir = irOf(v.spec, v.data, v.read);
  const ext = target.platform === 'mwaa-serverless' ? 'yaml' : 'py';
  if (ctx.emit === false) return { ir, pipeline: { outPath: `${outDir}/${ir.id}.${ext}` }, diagnostics: [] };
  const before = v.reporter.diagnostics.length;
  let content: string;
  try {
    // The writers load when something is written (lint, graph and validate write nothing), each for its platform.
    content =
      target.platform === 'mwaa-serverless'
        ? (require('../emit/serverless/emit') as typeof import('../emit/serverless/emit')).emitServerlessWorkflow(ir, target, ctx.serverless)
        : (require('../emit/python/dag') as typeof import('../emit/python/dag')).emitPythonDag(ir, target);
  } catch (err) {
    if (err instanceof LiteralError) throw new Error(`internal error: ${err.message} passed validation in ${v.spec.file}`, { cause: err });
    throw err;
  }
  const diagnostics = v.reporter.diagnostics.slice(before);
  if (diagnostics.some((d) => d.severity === 'error')) return { ir, diagnostics };
  return { ir, pipeline: { outPath: `${outDir}/${ir.id}.${ext}`, content }, diagnostics };
}

/** Schema, variables and semantics for one loaded file. `data` is set when nothing is wrong with it. */
export function checkSpec(
  spec: SpecFile,
  vars: ReadonlyMap<string, string>,
  target: AirflowTarget,
  readSibling: SiblingReader,
  scope?: VarScope,
  templateFile?: (relPath: string) => TemplateFile | undefined,
  serverless?: WorkflowOptions,
): {
  reporter: Reporter;
  data: PipelineSpec | undefined;
  fileDiagnostics: readonly Diagnostic[];
  /** The template strings of each step checkTemplates checked (handed to the DS345 check, which looks for them again). */
  templates?: readonly (StepTemplates | undefined)[];
} {
  const reporter = new Reporter(spec.file, spec.locator);
  const fileDiagnostics: Diagnostic[] = [];
  if (typeof spec.data !== 'object' || spec.data === null || Array.isArray(spec.data)) {
    const got = spec.data === null ? 'null' : Array.isArray(spec.data) ? 'a list' : `a ${typeof spec.data}`;
    reporter.report('DS103', [], `a pipeline file holds one YAML mapping (version, id, steps, ...), not ${got}`);
    return { reporter, data: undefined, fileDiagnostics };
  }
  // Depth and size first: every later phase walks the data.
  if (!checkDataLimits(spec.data, reporter)) return { reporter, data: undefined, fileDiagnostics };
  // Variables first, so that `${workerType}` is checked against the schema with its value.
  const { data: resolved, unresolved, substituted } = resolveVariables(spec.data, vars, reporter, scope);
  const firstCheck = reporter.diagnostics.length;
  const schemaErrors = validateAgainstSchema(resolved, reporter, unresolved);
  checkRepresentable(resolved, reporter);
  const checks = { reporter, target, skip: [...schemaErrors, ...unresolved], readSibling: (p: string) => readSibling(spec.absPath, p) };
  checkSemantics(resolved, checks);
  checkForEach(resolved, checks);
  checkTargetCompatibility(resolved, target, checks);
  const templates = checkTemplates(resolved, {
    reporter,
    target,
    skip: checks.skip,
    fileDiagnostics,
    rangeIn: (path, offset, length) => {
      const written = valueAt(spec.data, path);
      if (typeof written !== 'string') return reporter.locate(path);
      const writtenOffset = originalOffset(resolveText(written, vars).substitutions, offset);
      return rangeInValue(spec.text, spec.locator, path, written, writtenOffset, length);
    },
    file:
      templateFile ??
      ((rel) => {
        const text = readSibling(spec.absPath, rel);
        return text === undefined ? undefined : templateFileOf(rel, { original: text, text, substitutions: [] });
      }),
  });
  // What the workflow dialect cannot say is found on the IR, so only in a pipeline that is valid otherwise.
  if (target.platform === 'mwaa-serverless' && !reporter.hasErrors && !fileDiagnostics.some((d) => d.severity === 'error')) {
    const { checkServerless } = require('../emit/serverless/check') as typeof import('../emit/serverless/check');
    checkServerless(resolved as PipelineSpec, irOf(spec, resolved as PipelineSpec, readSibling), target, reporter, serverless);
  }
  noteVariables(reporter.diagnostics, firstCheck, substituted, vars, scope);
  const ok = !reporter.hasErrors && !fileDiagnostics.some((d) => d.severity === 'error');
  return { reporter, data: ok ? (resolved as PipelineSpec) : undefined, fileDiagnostics, templates };
}

/**
 * A problem with a value that came from variables names them, with the environment and the config line of each
 * value: the spec line alone would not show where the value came from.
 */
function noteVariables(
  diagnostics: Diagnostic[],
  from: number,
  substituted: readonly { readonly path: readonly (string | number)[]; readonly names: readonly string[] }[],
  vars: ReadonlyMap<string, string>,
  scope: VarScope | undefined,
): void {
  if (substituted.length === 0) return;
  for (let i = from; i < diagnostics.length; i++) {
    const d = diagnostics[i]!;
    // A template finding is about the Jinja at its position, not about the value a variable gave the string.
    const names = TEMPLATE_CODES.has(d.code) ? undefined : namesAt(substituted, d.path);
    if (names) diagnostics[i] = { ...d, message: `${d.message} (${variableNote(names, vars, scope)})` };
  }
}

/** The names substituted into the string at `path` (compared segment by segment: no key text per path). */
function namesAt(
  substituted: readonly { readonly path: readonly (string | number)[]; readonly names: readonly string[] }[],
  path: readonly (string | number)[],
): readonly string[] | undefined {
  // The last entry for a path wins, as in a Map built from them all.
  for (let k = substituted.length - 1; k >= 0; k--) {
    const s = substituted[k]!;
    if (s.path.length === path.length && pathStartsWith(s.path, path)) return s.names;
  }
  return undefined;
}

/** A SQL file as the template checks see it: resolved text, and positions in the file as written. */
function templateFileOf(file: string, f: Pick<ResolvedFile, 'original' | 'text' | 'substitutions'>): TemplateFile {
  let lines: number[] | undefined;
  return {
    file,
    text: f.text,
    rangeAt: (offset, length) => {
      const at = originalOffset(f.substitutions, offset);
      return rangeOfOffsets((lines ??= lineStartsOf(f.original)), at, at + length);
    },
  };
}

/** The value at a path of plain data, by own properties only. */
function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let v = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, seg)) return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

/** Project-relative, forward-slash path of a file inside the project. */
function projectPath(cwd: string, abs: string): string {
  return relative(cwd, abs).split(sep).join('/');
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
