import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { Node, Project, ts, type SourceFile } from 'ts-morph';
import type { Diagnostic, JsonPath, SourceRange } from '../diagnostics/types';
import type { Code } from '../diagnostics/codes';
import { Evaluator, stackFrames } from '../sdk/evaluate';
import { PIPELINE_COMPILER_OPTIONS } from '../sdk/compiler-options';
import { callSiteOf, isPipeline, type Frame } from '../sdk/provenance';
import { STEP_KIND_NAMES } from '../spec/types.generated';
import { sha256, START_OF_FILE, type Locator, type SpecFile } from './source';
import type { LoadResult } from './yaml';

/** What a pipeline file has to reach. */
interface TsInput {
  readonly file: string;
  readonly absPath: string;
  readonly text: string;
}

/**
 * Loads TypeScript pipelines: type-checks them all in one ts-morph Project (DS110 for each TypeScript error; a file
 * with errors, or importing a file with errors, is not run), then evaluates each one and takes its default export
 * (DS111 when evaluation throws, DS112 when there is no pipeline to take). The result has the same `data` a YAML
 * file would give, and a locator that maps JSON paths to the TypeScript nodes that wrote them.
 */
export function loadTypeScriptFiles(cwd: string, inputs: readonly TsInput[]): LoadResult[] {
  if (inputs.length === 0) return [];
  const project = createProject(cwd);
  const sources = inputs.map((i) => project.createSourceFile(i.absPath, i.text, { overwrite: true }));
  project.resolveSourceFileDependencies();
  const program = project.getProgram().compilerObject;
  const globalDiags = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];

  const evaluator = new Evaluator((abs) => project.getSourceFile(abs)?.getFullText() ?? readFileSync(abs, 'utf8'));
  // A file's errors are printed once, however many pipelines import it.
  const reported = new Set<string>();
  return inputs.map((input, index) => {
    const sf = sources[index]!;
    const diagnostics: Diagnostic[] = [];
    let typeErrors = false;
    for (const own of [sf, ...localDependencies(sf, cwd)]) {
      const diags = [
        ...program.getSyntacticDiagnostics(own.compilerNode),
        ...program.getSemanticDiagnostics(own.compilerNode),
      ].filter((d) => d.category === ts.DiagnosticCategory.Error);
      if (own === sf) diags.unshift(...globalDiags);
      if (diags.length === 0) continue;
      typeErrors = true;
      if (reported.has(own.getFilePath())) continue;
      reported.add(own.getFilePath());
      diagnostics.push(...diags.map((d) => tsDiagnostic(d, cwd, input.file)));
    }
    if (typeErrors) return { spec: undefined, diagnostics };

    const evaluated = evaluator.evaluate(input.absPath);
    if ('error' in evaluated) {
      diagnostics.push(evaluationError(evaluated.error, input, evaluator, cwd, sf));
      return { spec: undefined, diagnostics };
    }
    const exported = evaluated.exports;
    const pipeline = isPipeline(exported) ? exported : isRecord(exported) ? exported.default : undefined;
    if (!isPipeline(pipeline)) {
      diagnostics.push(noPipeline(input.file, sf, exported, pipeline));
      return { spec: undefined, diagnostics };
    }
    const anchorOf = (obj: unknown): Anchor | undefined => anchor(evaluator, callSiteOf(obj), input.absPath);
    const steps = (pipeline as { steps?: unknown }).steps;
    const locator = new TsLocator(sf, anchorOf(pipeline), Array.isArray(steps) ? steps.map(anchorOf) : [], pipeline);
    const spec: SpecFile = {
      file: input.file,
      absPath: input.absPath,
      format: 'ts',
      text: input.text,
      sha256: sha256(input.text),
      data: pipeline,
      locator,
    };
    return { spec, diagnostics };
  });
}

function createProject(cwd: string): Project {
  const { options, errors } = ts.convertCompilerOptionsFromJson(
    { ...PIPELINE_COMPILER_OPTIONS, paths: { dagsmith: [sdkTypesEntry()] } },
    cwd,
  );
  if (errors.length > 0) throw new Error(`internal error: bad pipeline compiler options: ${errors.map((e) => ts.flattenDiagnosticMessageText(e.messageText, ' ')).join('; ')}`);
  return new Project({ compilerOptions: options, skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true });
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
  return {
    code: 'DS110' satisfies Code,
    severity: d.category === ts.DiagnosticCategory.Warning ? 'warning' : 'error',
    message: `${message} (TS${d.code})`,
    file,
    ...range,
    path: [],
  };
}

function projectPath(cwd: string, abs: string): string {
  return relative(cwd, abs).split(sep).join('/');
}

/**
 * Where in `pipelineFile` an SDK object was made: the innermost call in that file. `direct` when that call is the
 * SDK call itself (then the properties of its argument can be followed), not a call of a helper that made it.
 */
function anchor(evaluator: Evaluator, frames: readonly Frame[] | undefined, pipelineFile: string): Anchor | undefined {
  if (!frames) return undefined;
  const i = frames.findIndex((f) => f.file === pipelineFile);
  if (i < 0) return undefined;
  const pos = evaluator.tsPosition(frames[i]!);
  return pos && { line: pos.line, col: pos.col, direct: i === 0 };
}

/** DS111 at the line of the throw in the pipeline file (or the call into the helper that threw). */
function evaluationError(error: unknown, input: TsInput, evaluator: Evaluator, cwd: string, sf: SourceFile): Diagnostic {
  const frames = stackFrames(error);
  const mapped = frames.map((f) => evaluator.tsPosition(f)).filter((f) => f !== undefined);
  const inPipeline = mapped.find((f) => f.file === input.absPath);
  const thrownAt = mapped[0];
  const what = error instanceof Error ? `${error.name}: ${error.message}` : `a non-Error value: ${safeString(error)}`;
  const elsewhere = thrownAt && thrownAt !== inPipeline ? ` (thrown at ${projectPath(cwd, thrownAt.file)}:${thrownAt.line}:${thrownAt.col})` : '';
  const range = inPipeline ? pointRange(sf, inPipeline.line, inPipeline.col) : START_OF_FILE;
  return {
    code: 'DS111' satisfies Code,
    severity: 'error',
    message: `evaluating the pipeline threw ${what}${elsewhere}`,
    file: input.file,
    ...range,
    path: [],
  };
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

function noPipeline(file: string, sf: SourceFile, exported: unknown, value: unknown): Diagnostic {
  const exportNode = sf.getExportAssignments().find((e) => !e.isExportEquals()) ?? sf.getExportAssignments()[0];
  const range: SourceRange = exportNode ? nodeRange(sf, exportNode.getExpression().getStart(), exportNode.getExpression().getEnd()) : START_OF_FILE;
  const hasDefault = isRecord(exported) && 'default' in exported;
  const message = hasDefault
    ? `the default export is ${notAPipeline(value)}`
    : 'the file has no default export: end it with `export default definePipeline({ ... })` (files and folders whose names start with `_` are helpers, not pipelines)';
  return { code: 'DS112' satisfies Code, severity: 'error', message, file, ...range, path: [] };
}

function notAPipeline(value: unknown): string {
  const fix = 'export default definePipeline({ ... })';
  if (value instanceof Promise) return 'a Promise, not a pipeline: pipelines are evaluated synchronously (no top-level await, no async factory)';
  if (typeof value === 'function') return `a function, not a pipeline: export what it returns, \`${fix}\``;
  if (Array.isArray(value)) return `an array, not a pipeline: one file holds one pipeline, \`${fix}\``;
  if (value !== null && typeof value === 'object') return `an object that definePipeline did not make: wrap it, \`${fix}\``;
  return `${value === null ? 'null' : `a ${typeof value}`}, not a pipeline: \`${fix}\``;
}

function nodeRange(sf: SourceFile, start: number, end: number): SourceRange {
  const a = sf.getLineAndColumnAtPos(start);
  const b = sf.getLineAndColumnAtPos(end);
  return { line: a.line, col: a.column, endLine: b.line, endCol: b.column };
}

function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return typeof value;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && (typeof value === 'object' || typeof value === 'function');
}

/** Where an SDK object was made, in TypeScript coordinates (see `anchor`). */
export interface Anchor {
  readonly line: number;
  readonly col: number;
  readonly direct: boolean;
}

/** `definePipeline` and the step builders (`glue.job`, ...): calls whose first argument the locator looks into. */
const SDK_CALLS = new Set(['definePipeline', ...STEP_KIND_NAMES]);

/**
 * JSON path -> TypeScript node. A step starts at the SDK call that made it (recorded by the SDK at run time, so
 * steps made in loops, `.map` callbacks or spread from other arrays are found too); the rest of the path is
 * followed through object and array literals (and `const` names, `as`/`satisfies`, spreads) as far as the source
 * spells it out. Where it stops — a value computed at run time, a helper call — that node is the answer.
 */
export class TsLocator implements Locator {
  constructor(
    private readonly sf: SourceFile,
    private readonly root: Anchor | undefined,
    private readonly steps: readonly (Anchor | undefined)[],
    /** The evaluated pipeline: its array lengths place elements that follow a spread. */
    private readonly data: unknown,
  ) {}

  locate(path: JsonPath, at: 'key' | 'value' = 'value'): SourceRange {
    const { node, rest } = this.start(path);
    const found = descend(node, rest, valueAt(this.data, path.slice(0, path.length - rest.length)));
    const target = at === 'key' && found.reached && found.key ? found.key : found.node;
    return nodeRange(this.sf, target.getStart(), target.getEnd());
  }

  private start(path: JsonPath): { node: Node; rest: JsonPath } {
    const index = path[0] === 'steps' ? path[1] : undefined;
    const step = typeof index === 'number' ? this.steps[index] : undefined;
    const stepCall = step && this.callAt(step);
    if (step && stepCall) {
      return step.direct ? { node: stepCall.getArguments()[0] ?? stepCall, rest: path.slice(2) } : { node: stepCall, rest: [] };
    }
    const rootCall = this.root && this.callAt(this.root);
    if (this.root && rootCall) {
      return this.root.direct ? { node: rootCall.getArguments()[0] ?? rootCall, rest: path } : { node: rootCall, rest: [] };
    }
    // No call site (not run on V8?): start from what the file default-exports.
    const exported = this.sf.getExportAssignments()[0]?.getExpression();
    return exported ? { node: exported, rest: path } : { node: this.sf, rest: [] };
  }

  /** The call whose callee is at a V8 call position (V8 points at the callee's last name: `job` in `glue.job(`). */
  private callAt(a: Anchor): Node & { getArguments(): Node[] } | undefined {
    const pos = this.sf.compilerNode.getPositionOfLineAndCharacter(a.line - 1, a.col - 1);
    for (let n: Node | undefined = this.sf.getDescendantAtPos(pos); n; n = n.getParent()) {
      if (Node.isCallExpression(n) || Node.isNewExpression(n)) {
        const callee = n.getExpression();
        if (callee.getStart() <= pos && pos <= callee.getEnd()) return n as Node & { getArguments(): Node[] };
      }
    }
    return undefined;
  }
}

interface Found {
  readonly node: Node;
  readonly key?: Node;
  readonly reached: boolean;
}

function descend(start: Node, path: JsonPath, startValue: unknown): Found {
  let found: Found = { node: start, reached: true };
  let value = startValue;
  for (const segment of path) {
    const container = resolveValue(found.node);
    const child = container && childOf(container, segment, value);
    if (!child) return { node: found.node, reached: false };
    if (!child.reached) return child;
    found = child;
    value = valueAt(value, [segment]);
  }
  return found;
}

function valueAt(value: unknown, path: JsonPath): unknown {
  let v = value;
  for (const segment of path) v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[segment] : undefined;
  return v;
}

function childOf(container: Node, segment: string | number, value: unknown): Found | undefined {
  if (Node.isObjectLiteralExpression(container) && typeof segment === 'string') {
    const props = container.getProperties();
    for (let i = props.length - 1; i >= 0; i--) {
      const p = props[i]!;
      if (Node.isSpreadAssignment(p)) {
        // The property may come from this spread: look into it when the source spells it out.
        const inner = resolveValue(p.getExpression());
        const found = inner && childOf(inner, segment, value);
        if (found) return found;
        return { node: p, reached: false };
      }
      if (Node.isPropertyAssignment(p) && propertyName(p.getNameNode()) === segment) {
        return { node: p.getInitializerOrThrow(), key: p.getNameNode(), reached: true };
      }
      if (Node.isShorthandPropertyAssignment(p) && p.getName() === segment) {
        return { node: p.getNameNode(), key: p.getNameNode(), reached: true };
      }
      if ((Node.isMethodDeclaration(p) || Node.isGetAccessorDeclaration(p)) && propertyName(p.getNameNode()) === segment) {
        return { node: p, key: p.getNameNode(), reached: true };
      }
    }
    return undefined;
  }
  if (Node.isArrayLiteralExpression(container) && typeof segment === 'number') {
    const elements = container.getElements();
    const spreads = elements.flatMap((e, i) => (Node.isSpreadElement(e) ? [i] : []));
    let e: Node | undefined;
    if (spreads.length === 0 || segment < spreads[0]!) e = elements[segment];
    else if (Array.isArray(value)) {
      // After the last spread, count from the end: `[...loads, publish]` puts `publish` last however many loads.
      const fromEnd = value.length - 1 - segment;
      if (fromEnd >= 0 && fromEnd < elements.length - 1 - spreads[spreads.length - 1]!) e = elements[elements.length - 1 - fromEnd];
    }
    if (e) return { node: e, key: e, reached: true };
    const spread = spreads.length === 1 ? elements[spreads[0]!] : undefined;
    return spread ? { node: spread, reached: false } : undefined;
  }
  return undefined;
}

/** The expression that gives `node` its value, through parentheses, `as`, `satisfies`, `!`, `const` names and SDK calls. */
function resolveValue(node: Node): Node | undefined {
  let n: Node = node;
  for (let i = 0; i < 20; i++) {
    if (Node.isParenthesizedExpression(n) || Node.isAsExpression(n) || Node.isSatisfiesExpression(n) || Node.isNonNullExpression(n) || Node.isTypeAssertion(n)) {
      n = n.getExpression();
    } else if (Node.isIdentifier(n)) {
      const next = constInitializer(n);
      if (!next) return n;
      n = next;
    } else if (Node.isCallExpression(n) && SDK_CALLS.has(n.getExpression().getText().replace(/\s+/g, '')) && n.getArguments()[0]) {
      n = n.getArguments()[0]!;
    } else {
      return n;
    }
  }
  return n;
}

function constInitializer(id: Node): Node | undefined {
  const parent = id.getParent();
  const symbol = parent && Node.isShorthandPropertyAssignment(parent) ? parent.getValueSymbol() : id.getSymbol();
  const decl = symbol?.getValueDeclaration() ?? symbol?.getDeclarations()[0];
  if (!decl || !Node.isVariableDeclaration(decl) || decl.getSourceFile() !== id.getSourceFile()) return undefined;
  if (!(ts.getCombinedNodeFlags(decl.compilerNode) & ts.NodeFlags.Const)) return undefined;
  return decl.getInitializer();
}

function propertyName(name: Node): string | undefined {
  if (Node.isIdentifier(name) || Node.isPrivateIdentifier(name)) return name.getText();
  if (Node.isStringLiteral(name) || Node.isNoSubstitutionTemplateLiteral(name)) return name.getLiteralText();
  if (Node.isNumericLiteral(name)) return String(name.getLiteralValue());
  if (Node.isComputedPropertyName(name)) {
    const e = name.getExpression();
    if (Node.isStringLiteral(e) || Node.isNoSubstitutionTemplateLiteral(e)) return e.getLiteralText();
  }
  return undefined;
}
