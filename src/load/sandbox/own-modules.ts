import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ts } from 'ts-morph';

/** A CommonJS module as the evaluator runs it: its id (absolute path), code and resolved relative imports. */
export interface SandboxModule {
  readonly id: string;
  readonly code?: string;
  /** A JSON module's text (parsed inside the context). */
  readonly json?: string;
  /** [specifier as written, id] for each import the module may make; any other import fails. */
  readonly deps: readonly [string, string][];
}

/** dagsmith's own code that the evaluator needs, as CommonJS source text. */
export interface OwnModules {
  /** The evaluator process's main program (sandbox/runner), passed to `node -e`. */
  readonly runner: string;
  /** The in-context loader and copier (sandbox/harness). */
  readonly harness: string;
  /** The id `import ... from 'dagsmith'` resolves to, and the SDK's module that knows which objects it made. */
  readonly sdkEntry: string;
  readonly provenance: string;
  /** The SDK's modules, evaluated again in each pipeline's context. */
  readonly sdk: readonly SandboxModule[];
}

let cached: OwnModules | undefined;

/**
 * dagsmith's own modules, read once per process: from dist/ (JavaScript, as built) or, when dagsmith runs from its
 * TypeScript sources (tests, `tsx`), from src/, transpiled here the way `tsc` builds them.
 */
export function ownModules(): OwnModules {
  if (cached) return cached;
  const loadDir = resolve(__dirname, '..');
  const sdkEntry = ownFile(join(loadDir, '..', 'sdk', 'index'));
  const sdk: SandboxModule[] = [];
  const seen = new Set<string>();
  const queue = [sdkEntry];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const code = ownCode(id);
    const deps: [string, string][] = [];
    for (const ref of ts.preProcessFile(code, true, true).importedFiles) {
      if (!ref.fileName.startsWith('.'))
        throw new Error(`internal error: the SDK module ${id} imports '${ref.fileName}', which the evaluator cannot give it`);
      const target = ownFile(resolve(dirname(id), ref.fileName.replace(/\.js$/, '')));
      deps.push([ref.fileName, target]);
      queue.push(target);
    }
    sdk.push({ id, code, deps });
  }
  const provenance = ownFile(join(loadDir, '..', 'sdk', 'provenance'));
  if (!seen.has(provenance)) throw new Error('internal error: the SDK does not load sdk/provenance');
  cached = {
    runner: ownCode(ownFile(join(__dirname, 'runner'))),
    harness: ownCode(ownFile(join(__dirname, 'harness'))),
    sdkEntry,
    provenance,
    sdk,
  };
  return cached;
}

/** `base` + `.ts` when running from sources, `.js` when built. */
function ownFile(base: string): string {
  const fromSources = __filename.endsWith('.ts');
  const file = `${base}${fromSources ? '.ts' : '.js'}`;
  if (!existsSync(file)) throw new Error(`internal error: dagsmith's own file ${file} is missing`);
  return file;
}

function ownCode(file: string): string {
  const text = readFileSync(file, 'utf8');
  const code = file.endsWith('.ts')
    ? ts.transpileModule(text, {
        fileName: file,
        reportDiagnostics: false,
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      }).outputText
    : text;
  return code.replace(/\/\/# sourceMappingURL=\S*\s*$/, '');
}
