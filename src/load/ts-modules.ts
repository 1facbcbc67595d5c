import { statSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';
import { Node, SyntaxKind, ts, type SourceFile } from 'ts-morph';
import { makeDiagnostic } from '../diagnostics/diagnostic';
import type { Diagnostic } from '../diagnostics/types';
import type { SandboxModule } from './sandbox/own-modules';
import { START_OF_FILE } from '../diagnostics/reporter';
import type { Code } from '../diagnostics/codes';
import type { ConfinedFileSystem } from './confined-fs';
import { isInside, realPathOf } from './paths';
import { readTextFile } from './text';
import { parseJson } from '../util/json';
import { nodeRange } from './ts-locator';

/**
 * What a pipeline may run: its own code, the project's own TypeScript and JSON files it imports by name, and the
 * dagsmith SDK. This module checks that (DS113, DS114) and prepares those files for the evaluator: each is
 * transpiled on its own to CommonJS, with a source map that turns V8 frames back into TypeScript positions.
 */

/** `// @ts-ignore`, `// @ts-expect-error` and `// @ts-nocheck` switch off the checks a pipeline must pass (DS113). */
export function directiveDiagnostics(sf: SourceFile, file: string): Diagnostic[] {
  // Both are TypeScript internals (stable since TS 3.9): the directives exactly as the checker honours them.
  const node = sf.compilerNode as ts.SourceFile & {
    checkJsDirective?: { enabled: boolean; pos: number; end: number };
    commentDirectives?: readonly { range: { pos: number; end: number }; type: number }[];
  };
  const found: { pos: number; end: number; name: string }[] = [];
  if (node.checkJsDirective && !node.checkJsDirective.enabled) found.push({ ...node.checkJsDirective, name: '@ts-nocheck' });
  for (const d of node.commentDirectives ?? []) {
    found.push({ pos: d.range.pos, end: d.range.end, name: d.type === 0 ? '@ts-expect-error' : '@ts-ignore' });
  }
  return found
    .sort((a, b) => a.pos - b.pos)
    .map((d) =>
      makeDiagnostic(
        'DS113',
        file,
        nodeRange(sf, d.pos, d.end),
        `${d.name} switches off type checking, which every pipeline file must pass: remove it and fix the error it hides`,
      ),
    );
}

/** A local module as the evaluator gets it, with the map from its generated JavaScript back to its source. */
export interface PreparedModule {
  readonly module: SandboxModule;
  readonly map: SourceMap | undefined;
  /** Import problems (DS114), reported at the import. */
  readonly diagnostics: readonly Diagnostic[];
}

export interface ModuleContext {
  readonly cwd: string;
  /** The project root, through its real path (imports are checked against it). */
  readonly realRoot: string;
  readonly options: ts.CompilerOptions;
  readonly sdkEntry: string;
  /** What the checker may read: the project and dagsmith's own files (see confined-fs.ts). */
  readonly fs: ConfinedFileSystem;
  sourceFile(absPath: string): SourceFile | undefined;
}

/** Transpiles `sf` and resolves each of its imports: 'dagsmith', or a project .ts/.json file; anything else is DS114. */
export function prepareModule(sf: SourceFile, ctx: ModuleContext): PreparedModule {
  const id = sf.getFilePath();
  const file = projectPath(ctx.cwd, id);
  const diagnostics: Diagnostic[] = [];
  const deps: [string, string][] = [];
  const refuse = (at: Node, message: string, code: Code = 'DS114'): void => {
    diagnostics.push(makeDiagnostic(code, file, nodeRange(sf, at.getStart(), at.getEnd()), message));
  };
  for (const literal of runtimeImports(sf)) {
    const spec = literal.getLiteralText();
    if (spec === 'dagsmith') {
      deps.push([spec, ctx.sdkEntry]);
      continue;
    }
    const target = resolveLocal(spec, id, ctx);
    if (typeof target === 'string') deps.push([spec, target]);
    else if (target.link) refuse(literal, `'${spec}' ${target.why}; dagsmith reads only inside it`, 'DS142');
    else refuse(literal, `'${spec}' ${target.why}: a pipeline may import only 'dagsmith' and the project's own TypeScript and JSON files`);
  }
  for (const call of sf.getDescendantsOfKind(SyntaxKind.ImportKeyword)) {
    const parent = call.getParent();
    if (parent && Node.isCallExpression(parent)) {
      refuse(
        parent,
        'import() is not allowed in a pipeline: pipelines are evaluated synchronously, so import modules statically (`import ... from`)',
      );
    }
  }
  const out = ts.transpileModule(sf.getFullText(), {
    fileName: id,
    reportDiagnostics: false,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, sourceMap: true },
  });
  // Without the URL comment: nothing must go looking for a .map file (frames are mapped here).
  const code = out.outputText.replace(/\/\/# sourceMappingURL=\S*\s*$/, '');
  const map = out.sourceMapText ? new SourceMap(parseJson(out.sourceMapText) as SourceMapPayload) : undefined;
  return { module: { id, code, deps }, map, diagnostics };
}

/** A project JSON file that a pipeline imports, as a module of its own; read as pipeline files are (size, UTF-8). */
export function jsonModule(absPath: string, cwd: string): PreparedModule {
  const read = readTextFile(absPath);
  if (read.ok) return { module: { id: absPath, json: read.text, deps: [] }, map: undefined, diagnostics: [] };
  const diagnostic = makeDiagnostic(read.code, projectPath(cwd, absPath), read.range ?? START_OF_FILE, read.message);
  return { module: { id: absPath, json: 'null', deps: [] }, map: undefined, diagnostics: [diagnostic] };
}

/** The module specifiers of the imports that exist at run time (not `import type`), as string literals. */
function runtimeImports(sf: SourceFile): Node[] & { getLiteralText(): string }[] {
  const out: (Node & { getLiteralText(): string })[] = [];
  for (const s of sf.getStatements()) {
    if (Node.isImportDeclaration(s) && !s.isTypeOnly()) out.push(s.getModuleSpecifier());
    else if (Node.isExportDeclaration(s) && !s.isTypeOnly()) {
      const m = s.getModuleSpecifier();
      if (m) out.push(m);
    } else if (Node.isImportEqualsDeclaration(s) && !s.isTypeOnly()) {
      const ref = s.getModuleReference();
      if (Node.isExternalModuleReference(ref)) {
        const e = ref.getExpression();
        if (e && Node.isStringLiteral(e)) out.push(e);
      }
    }
  }
  return out;
}

/**
 * The absolute path of a project file that `spec` names from `from`, or why it cannot be imported (`link`: it is a
 * symbolic link, or behind one, whose real path leaves the project: DS142). Resolution looks at files' metadata
 * anywhere (to say where a name leads) but reads only inside the project (package.json files elsewhere are not read).
 */
function resolveLocal(spec: string, from: string, ctx: ModuleContext): string | { why: string; link?: true } {
  const resolved = ts.resolveModuleName(spec, from, ctx.options, metadataHost(ctx)).resolvedModule;
  if (!resolved) return { why: 'is not a file of this project' };
  const target = resolved.resolvedFileName;
  if (resolved.isExternalLibraryImport) return { why: 'is an installed package' };
  const leaves = leavesProject(target, ctx);
  if (leaves) return leaves;
  if (/\.d\.[cm]?ts$/.test(target)) return { why: 'is a declaration file (types only, no code)' };
  if (target.endsWith('.json')) return target;
  if (!/\.[cm]?tsx?$/.test(target) || !ctx.sourceFile(target)) return { why: 'is not a TypeScript or JSON file' };
  return target;
}

/** Where `target` leads, when that is out of the project: behind a link (DS142) or simply elsewhere (DS114). */
function leavesProject(target: string, ctx: ModuleContext): { why: string; link?: true } | undefined {
  if (ctx.fs.where(target) !== 'outside') return undefined;
  const lexicallyInside = isInside(relative(ctx.cwd, resolve(target))) || isInside(relative(ctx.realRoot, resolve(target)));
  return lexicallyInside ? { why: 'is a symbolic link (or behind one) leading outside the project', link: true } : { why: 'is outside the project' };
}

/** Module resolution that sees every file's metadata (to tell where a name leads) but reads only what the checker may. */
function metadataHost(ctx: ModuleContext): ts.ModuleResolutionHost {
  const confined = ctx.fs.resolutionHost();
  const stat = (p: string) => {
    try {
      return statSync(p);
    } catch {
      return undefined;
    }
  };
  return {
    ...confined,
    fileExists: (p) => stat(p)?.isFile() ?? false,
    directoryExists: (p) => stat(p)?.isDirectory() ?? false,
    realpath: (p) => realPathOf(p),
  };
}

/**
 * What the checker would follow out of the project besides the imports a pipeline runs (prepareModule checks those):
 * `/// <reference path>` (DS142), and type-only imports and import types (`typeof import("x")`) (DS142 behind a link, else DS114).
 * The checker itself cannot read them (confined-fs.ts); these say why, at the place that names them.
 */
export function leavingReferences(sf: SourceFile, ctx: ModuleContext): Diagnostic[] {
  const id = sf.getFilePath();
  const file = projectPath(ctx.cwd, id);
  const out: Diagnostic[] = [];
  const text = sf.getFullText();
  for (const ref of sf.compilerNode.referencedFiles) {
    const target = resolve(dirname(id), ref.fileName);
    if (ctx.fs.where(target) !== 'outside') continue;
    const lineStart = text.lastIndexOf('\n', ref.pos) + 1;
    const lineEnd = text.indexOf('\n', ref.end);
    const directive = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd).trim();
    out.push(
      makeDiagnostic(
        'DS142',
        file,
        nodeRange(sf, ref.pos, ref.end),
        `${directive} leads outside the project; dagsmith reads only inside it (copy the file into the project)`,
      ),
    );
  }
  const typeOnly: Node[] = [];
  for (const s of sf.getStatements()) {
    if ((Node.isImportDeclaration(s) || Node.isExportDeclaration(s)) && s.isTypeOnly()) {
      const m = s.getModuleSpecifier();
      if (m) typeOnly.push(m);
    }
  }
  for (const t of sf.getDescendantsOfKind(SyntaxKind.ImportType)) {
    const arg = t.getArgument();
    const lit = Node.isLiteralTypeNode(arg) ? arg.getLiteral() : undefined;
    if (lit && Node.isStringLiteral(lit)) typeOnly.push(lit);
  }
  for (const literal of typeOnly) {
    if (!Node.isStringLiteral(literal)) continue;
    const spec = literal.getLiteralText();
    const resolved = ts.resolveModuleName(spec, id, ctx.options, metadataHost(ctx)).resolvedModule;
    const leaves = resolved && !resolved.isExternalLibraryImport ? leavesProject(resolved.resolvedFileName, ctx) : undefined;
    if (!leaves) continue;
    const message = leaves.link
      ? `'${spec}' ${leaves.why}; dagsmith reads only inside it`
      : `'${spec}' ${leaves.why}: a pipeline may import only 'dagsmith' and the project's own TypeScript and JSON files`;
    out.push(makeDiagnostic(leaves.link ? 'DS142' : 'DS114', file, nodeRange(sf, literal.getStart(), literal.getEnd()), message));
  }
  return out;
}

export function projectPath(cwd: string, abs: string): string {
  return relative(cwd, abs).split(sep).join('/');
}
