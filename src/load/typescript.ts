import { existsSync, realpathSync } from 'node:fs';
import { join, posix, resolve, sep } from 'node:path';
import type { SourceMap } from 'node:module';
import { Node, Project, ts, type SourceFile } from 'ts-morph';
import type { Diagnostic, SourceRange } from '../diagnostics/types';
import type { Code } from '../diagnostics/codes';
import { makeDiagnostic } from '../diagnostics/diagnostic';
import { PIPELINE_COMPILER_OPTIONS } from './compiler-options';
import { evaluateInSandbox, type Evaluation, type EvaluationRequest, type Frame } from './evaluate';
import { ownModules, type SandboxModule } from './sandbox/own-modules';
import { type SpecFile } from './source';
import { sha256 } from '../util/hash';
import { START_OF_FILE } from '../diagnostics/reporter';
import { ConfinedFileSystem } from './confined-fs';
import { directiveDiagnostics, jsonModule, leavingReferences, prepareModule, projectPath, type ModuleContext } from './ts-modules';
import { nodeRange, TsLocator, type Anchor } from './ts-locator';
import type { LoadResult } from './yaml';

/** What a pipeline file has to reach. */
interface TsInput {
  readonly file: string;
  readonly absPath: string;
  readonly text: string;
}

/**
 * Loads TypeScript pipelines: type-checks them all in one ts-morph Project (DS110 for each TypeScript error, DS113
 * for a directive that switches checks off, DS114 for an import of anything but the SDK and the project's own
 * files; a file with such errors, or importing a file with them, is not run), then evaluates the others in one
 * isolated process (evaluate.ts) and takes each one's default export as plain data (DS111 when evaluation throws,
 * DS112 when there is no pipeline to take, DS115-DS118 when it is not data, takes too long or too much memory,
 * DS150 for the files the compile's evaluation budget did not reach, DS146 for data too large to hand over).
 * The result has the same `data` a YAML file would give, and a locator that maps JSON paths to the TypeScript
 * nodes that wrote them.
 */
export function loadTypeScriptFiles(cwd: string, inputs: readonly TsInput[], opts: { readonly expected?: 'pipeline' | 'test' } = {}): LoadResult[] {
  if (inputs.length === 0) return [];
  const expected = opts.expected ?? 'pipeline';
  // The checker reads the project and dagsmith's own files, nothing else, and project files of bounded size only.
  const fs = new ConfinedFileSystem(cwd, OWN_ROOTS);
  const project = createProject(cwd, fs);
  const sources = inputs.map((i) => project.createSourceFile(i.absPath, i.text, { overwrite: true }));
  project.resolveSourceFileDependencies();
  const program = project.getProgram().compilerObject;
  const globalDiags = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
  const modules = new ModuleTable(cwd, project, ownModules().sdkEntry, fs);

  // A file's errors are printed once, however many pipelines import it.
  const reported = new Set<string>();
  const report = (file: string, diags: readonly Diagnostic[], into: Diagnostic[]): void => {
    if (reported.has(file)) return;
    reported.add(file);
    into.push(...diags);
  };
  const requests: EvaluationRequest[] = [];
  const checked = inputs.map((input, index) => {
    const sf = sources[index]!;
    const diagnostics: Diagnostic[] = [];
    let blocked = false;
    const locals = localDependencies(sf, cwd);
    for (const file of [sf, ...locals]) {
      const diags = [...program.getSyntacticDiagnostics(file.compilerNode), ...program.getSemanticDiagnostics(file.compilerNode)]
        .filter((d) => d.category === ts.DiagnosticCategory.Error)
        .map((d) => tsDiagnostic(d, cwd, input.file));
      if (file === sf) diags.unshift(...globalDiags.map((d) => tsDiagnostic(d, cwd, input.file)));
      diags.push(...directiveDiagnostics(file, projectPath(cwd, file.getFilePath())));
      diags.push(...leavingReferences(file, modules.context));
      if (diags.length === 0) continue;
      blocked = true;
      report(file.getFilePath(), diags, diagnostics);
    }
    const closure = modules.closure(input.absPath);
    for (const m of closure) {
      const diags = modules.diagnostics(m);
      if (diags.length === 0) continue;
      blocked = true;
      report(`${m}#imports`, diags, diagnostics);
    }
    if (!blocked) requests.push({ entry: input.absPath, modules: closure, expected });
    withoutEchoes(diagnostics);
    // What the incremental-compile cache must watch: every project file the pipeline imports, for types or at run time.
    const dependencies = [...new Set([...locals.map((f) => f.getFilePath() as string), ...closure])].filter((p) => p !== input.absPath);
    return { input, sf, diagnostics, evaluate: !blocked, dependencies };
  });

  const evaluations = evaluateInSandbox(modules.all(), requests);
  let next = 0;
  return checked.map(({ input, sf, diagnostics, evaluate, dependencies }) => {
    if (!evaluate) return { spec: undefined, diagnostics, dependencies };
    const result = evaluations[next++]!;
    if (result.kind !== 'pipeline') {
      diagnostics.push(...evaluationDiagnostics(result, input, modules, cwd, sf, expected));
      return { spec: undefined, diagnostics, dependencies };
    }
    const spec: SpecFile = {
      file: input.file,
      absPath: input.absPath,
      format: 'ts',
      text: input.text,
      sha256: sha256(input.text),
      data: result.data,
      locator: locatorFor(result, input, modules, sf),
    };
    return { spec, diagnostics, dependencies };
  });
}

/** The project's own modules that pipelines load, each transpiled once per compile, with their source maps. */
class ModuleTable {
  private readonly prepared = new Map<string, { module: SandboxModule; map: SourceMap | undefined; diagnostics: readonly Diagnostic[] }>();
  private readonly ctx: ModuleContext;

  constructor(cwd: string, project: Project, sdkEntry: string, fs: ConfinedFileSystem) {
    this.ctx = {
      cwd,
      realRoot: realpathSync(cwd),
      options: project.getCompilerOptions(),
      sdkEntry,
      fs,
      sourceFile: (abs) => project.getSourceFile(abs),
    };
  }

  get context(): ModuleContext {
    return this.ctx;
  }

  /** `entry` and every project module it loads at run time (the SDK's modules are not listed). */
  closure(entry: string): string[] {
    const out: string[] = [];
    const seen = new Set<string>();
    const queue = [entry];
    while (queue.length > 0) {
      const id = queue.shift()!;
      if (seen.has(id) || id === this.ctx.sdkEntry) continue;
      seen.add(id);
      out.push(id);
      for (const [, target] of this.get(id).module.deps) queue.push(target);
    }
    return out;
  }

  diagnostics(id: string): readonly Diagnostic[] {
    return this.get(id).diagnostics;
  }

  all(): SandboxModule[] {
    return [...this.prepared.values()].map((p) => p.module);
  }

  /** Maps a V8 frame of generated JavaScript back to its TypeScript position; undefined for other files. */
  tsPosition(frame: Frame): Frame | undefined {
    const map = this.prepared.get(frame.file)?.map;
    if (!map) return undefined;
    const entry = map.findEntry(frame.line - 1, frame.col - 1) as { originalLine?: number; originalColumn?: number };
    if (entry.originalLine === undefined || entry.originalColumn === undefined) return undefined;
    return { file: frame.file, line: entry.originalLine + 1, col: entry.originalColumn + 1 };
  }

  private get(id: string): { module: SandboxModule; map: SourceMap | undefined; diagnostics: readonly Diagnostic[] } {
    let p = this.prepared.get(id);
    if (!p) {
      // JSON files are source files of the type-checker's program too, but not code.
      const sf = id.endsWith('.json') ? undefined : this.ctx.sourceFile(id);
      p = sf ? prepareModule(sf, this.ctx) : jsonModule(id, this.ctx.cwd);
      this.prepared.set(id, p);
    }
    return p;
  }
}

function createProject(cwd: string, fileSystem: ConfinedFileSystem): Project {
  const { options, errors } = ts.convertCompilerOptionsFromJson({ ...PIPELINE_COMPILER_OPTIONS, paths: { dagsmith: [sdkTypesEntry()] } }, cwd);
  if (errors.length > 0)
    throw new Error(
      `internal error: bad pipeline compiler options: ${errors.map((e) => ts.flattenDiagnosticMessageText(e.messageText, ' ')).join('; ')}`,
    );
  return new Project({ compilerOptions: options, skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true, fileSystem });
}

/**
 * `import ... from 'dagsmith'` in a pipeline means the SDK of the dagsmith that is running, wherever the project
 * has (or has not) installed it: its TypeScript sources when run from them, its declarations when built.
 */
function sdkTypesEntry(): string {
  const source = join(__dirname, '..', 'sdk', 'index.ts');
  if (__filename.endsWith('.ts') && existsSync(source)) return source;
  return join(__dirname, '..', 'sdk', 'index.d.ts');
}

/** dagsmith's own files (sources or build) are checked by dagsmith's tests, not reported to users. */
const PACKAGE_ROOT = resolve(__dirname, '..', '..');
/** The folders of dagsmith the checker may read besides the project: the SDK's sources or declarations. */
const OWN_ROOTS = [join(PACKAGE_ROOT, 'src'), join(PACKAGE_ROOT, 'dist')];

/** TypeScript's "cannot find" errors, said again where dagsmith already said why the file is not there. */
const NOT_FOUND = /\(TS(2307|2792|6053)\)$/;
const MODULE_NAMED = /^Cannot find module '([^']+)'/;

/**
 * Drops DS110 "cannot find" errors that only echo what dagsmith said already (in place): at a place where a DS114 or
 * DS142 says why, or naming a project file that DS145 or DS146 says cannot be read (too large: the checker was not
 * given it).
 */
function withoutEchoes(diagnostics: Diagnostic[]): void {
  const said = new Set(diagnostics.filter((d) => d.code === 'DS114' || d.code === 'DS142').map((d) => `${d.file}:${d.line}:${d.col}`));
  const unreadable = new Set(diagnostics.filter((d) => d.code === 'DS145' || d.code === 'DS146').map((d) => d.file));
  const echoes = (d: Diagnostic): boolean => {
    if (d.code !== 'DS110' || !NOT_FOUND.test(d.message)) return false;
    if (said.has(`${d.file}:${d.line}:${d.col}`)) return true;
    const spec = MODULE_NAMED.exec(d.message)?.[1];
    if (!spec?.startsWith('.')) return false;
    const target = posix.normalize(posix.join(posix.dirname(d.file), spec));
    return ['', '.ts', '.json'].some((ext) => unreadable.has(target + ext));
  };
  const kept = diagnostics.filter((d) => !echoes(d));
  diagnostics.splice(0, diagnostics.length, ...kept);
}
function isOwnFile(abs: string): boolean {
  return [join(PACKAGE_ROOT, 'src'), join(PACKAGE_ROOT, 'dist')].some((d) => abs.startsWith(d + sep) || abs.startsWith(d + '/'));
}

/** The user's own TypeScript files that `sf` imports, directly or not (helpers such as pipelines/_lib/*.ts). */
function localDependencies(sf: SourceFile, cwd: string): SourceFile[] {
  const seen = new Set<SourceFile>([sf]);
  const out: SourceFile[] = [];
  const visit = (f: SourceFile): void => {
    for (const dep of f.getReferencedSourceFiles()) {
      if (seen.has(dep)) continue;
      seen.add(dep);
      const p = dep.getFilePath();
      if (dep.isDeclarationFile() || dep.isInNodeModules() || isOwnFile(p) || !p.startsWith(resolve(cwd))) continue;
      out.push(dep);
      visit(dep);
    }
  };
  visit(sf);
  return out;
}

function tsDiagnostic(d: ts.Diagnostic, cwd: string, fallbackFile: string): Diagnostic {
  let range: SourceRange = START_OF_FILE;
  let file = fallbackFile;
  if (d.file && d.start !== undefined) {
    file = projectPath(cwd, d.file.fileName);
    const a = d.file.getLineAndCharacterOfPosition(d.start);
    const b = d.file.getLineAndCharacterOfPosition(d.start + (d.length ?? 0));
    range = { line: a.line + 1, col: a.character + 1, endLine: b.line + 1, endCol: b.character + 1 };
  }
  const message = ts
    .flattenDiagnosticMessageText(d.messageText, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' ');
  // The one code with two severities: the checker's own category decides.
  return makeDiagnostic('DS110', file, range, `${message} (TS${d.code})`, {
    severity: d.category === ts.DiagnosticCategory.Warning ? 'warning' : 'error',
  });
}

/** The call, `new` or `throw` that V8 reports at a 1-based line and column (V8 points inside it). */
function pointRange(sf: SourceFile, line: number, col: number): SourceRange {
  const pos = sf.compilerNode.getPositionOfLineAndCharacter(line - 1, col - 1);
  const token = sf.getDescendantAtPos(pos);
  let target = token;
  for (let n = token; n; n = n.getParent()) {
    if (Node.isCallExpression(n) || Node.isNewExpression(n) || Node.isThrowStatement(n)) {
      target = n;
      break;
    }
    if (Node.isStatement(n) || Node.isSourceFile(n)) break;
  }
  return target ? nodeRange(sf, target.getStart(), target.getEnd()) : { line, col, endLine: line, endCol: col };
}

/** `what` is the kind of value the harness found: 'promise', 'function', 'array', 'object', 'null', or a typeof. */
function notAPipeline(what: string, expected: 'pipeline' | 'test' = 'pipeline'): string {
  const define = expected === 'test' ? 'defineTest' : 'definePipeline';
  const fix = `export default ${define}({ ... })`;
  const a = expected === 'test' ? 'a test' : 'a pipeline';
  if (what === 'promise') return `a Promise, not ${a}: ${expected}s are evaluated synchronously (no top-level await, no async factory)`;
  if (what === 'function') return `a function, not ${a}: export what it returns, \`${fix}\``;
  if (what === 'array') return `an array, not ${a}: one file holds one ${expected}, \`${fix}\``;
  if (what === 'object') return `an object that ${define} did not make: wrap it, \`${fix}\``;
  return `${what === 'null' ? 'null' : `a ${what}`}, not ${a}: \`${fix}\``;
}

/** Where in `pipelineFile` an SDK object was made: the innermost call in that file (see `Anchor`). */
function anchor(modules: ModuleTable, frames: readonly Frame[] | undefined, pipelineFile: string): Anchor | undefined {
  if (!frames) return undefined;
  const i = frames.findIndex((f) => f.file === pipelineFile);
  if (i < 0) return undefined;
  const pos = modules.tsPosition(frames[i]!);
  return pos && { line: pos.line, col: pos.col, direct: i === 0 };
}

function locatorFor(
  result: { readonly root: readonly Frame[] | undefined; readonly steps: readonly (readonly Frame[] | undefined)[]; readonly data?: unknown },
  input: TsInput,
  modules: ModuleTable,
  sf: SourceFile,
): TsLocator {
  const anchorOf = (frames: readonly Frame[] | undefined): Anchor | undefined => anchor(modules, frames, input.absPath);
  return new TsLocator(sf, anchorOf(result.root), result.steps.map(anchorOf), result.data);
}

/** The diagnostics of a file that gave no pipeline data. */
function evaluationDiagnostics(
  result: Exclude<Evaluation, { kind: 'pipeline' }>,
  input: TsInput,
  modules: ModuleTable,
  cwd: string,
  sf: SourceFile,
  expected: 'pipeline' | 'test' = 'pipeline',
): Diagnostic[] {
  if (result.kind === 'not-data') {
    const locator = locatorFor(result, input, modules, sf);
    return result.problems.map(({ path, what }) => {
      const where =
        path.length === 0
          ? 'the default export'
          : `'${path
              .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
              .join('')
              .slice(1)}'`;
      return makeDiagnostic('DS117', input.file, locator.locate(path), `${where} ${what}`, { path });
    });
  }
  return [evaluationDiagnostic(result, input, modules, cwd, sf, expected)];
}

function evaluationDiagnostic(
  result: Exclude<Evaluation, { kind: 'pipeline' | 'not-data' }>,
  input: TsInput,
  modules: ModuleTable,
  cwd: string,
  sf: SourceFile,
  expected: 'pipeline' | 'test',
): Diagnostic {
  const at = (code: Code, message: string, range: SourceRange = START_OF_FILE): Diagnostic => makeDiagnostic(code, input.file, range, message);
  switch (result.kind) {
    case 'threw': {
      // DS111 at the line of the throw in the pipeline file (or the call into the helper that threw).
      const mapped = result.frames.map((f) => modules.tsPosition(f)).filter((f) => f !== undefined);
      const inPipeline = mapped.find((f) => f.file === input.absPath);
      const thrownAt = mapped[0];
      const elsewhere = thrownAt && thrownAt !== inPipeline ? ` (thrown at ${projectPath(cwd, thrownAt.file)}:${thrownAt.line}:${thrownAt.col})` : '';
      return at(
        'DS111',
        `evaluating the ${expected} threw ${result.what}${elsewhere}`,
        inPipeline ? pointRange(sf, inPipeline.line, inPipeline.col) : START_OF_FILE,
      );
    }
    case 'no-pipeline':
      return noPipeline(input.file, sf, result.hasDefault, result.what, expected);
    case 'timeout':
      return at('DS115', `evaluating the ${expected} did not finish within ${result.ms} ms (an endless loop, or work that never ends?)`);
    case 'out-of-memory':
      return at('DS116', `evaluating the ${expected} ran out of memory (the evaluator has ${result.mb} MiB for all ${expected}s)`);
    case 'crashed':
      return at('DS118', `the evaluator process ${result.how} while evaluating this ${expected}`);
    case 'budget':
      return at(
        'DS150',
        `${result.started ? `evaluating the ${expected} was stopped` : `the ${expected} was not evaluated`}: the ${Math.round(result.ms / 1000)} s that all TypeScript files of one compile may take together (DAGSMITH_EVAL_BUDGET_MS) ran out`,
      );
    case 'too-large':
      return at(
        'DS146',
        `the ${expected}'s data is more than ${Math.round(result.limit / 2 ** 20)} MiB as JSON, the most dagsmith takes from a TypeScript file`,
      );
  }
}

function noPipeline(file: string, sf: SourceFile, hasDefault: boolean, what: string, expected: 'pipeline' | 'test'): Diagnostic {
  const exportNode = sf.getExportAssignments().find((e) => !e.isExportEquals()) ?? sf.getExportAssignments()[0];
  const range: SourceRange = exportNode ? nodeRange(sf, exportNode.getExpression().getStart(), exportNode.getExpression().getEnd()) : START_OF_FILE;
  const message = hasDefault
    ? `the default export is ${notAPipeline(what, expected)}`
    : expected === 'test'
      ? 'the file has no default export: end it with `export default defineTest({ ... })`'
      : 'the file has no default export: end it with `export default definePipeline({ ... })` (files and folders whose names start with `_` are helpers, not pipelines)';
  return makeDiagnostic('DS112', file, range, message);
}
