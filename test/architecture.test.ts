/**
 * The layers of src/, top to bottom. A folder (or a root file) may import its own layer and the layers below it,
 * never one above; and no two folders may import each other, directly or around a circle. This table is the one
 * place the order is written (README.md's architecture map shows the same).
 */
import { expect } from 'chai';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

export const LAYERS: readonly (readonly string[])[] = [
  ['index.ts'], // the public API: the use cases, the SDK, the types
  ['cli'], // parse arguments, call one use case, print
  ['use-cases'], // compile a project, lint, plan, sync, graph, init, watch: typed options in, typed result out
  // The phases and what they need besides the kinds.
  [
    'scaffold',
    'gen',
    'compile',
    'cache',
    'config',
    'sync',
    'graph',
    'lint',
    'emit',
    'ir',
    'validate',
    'schema',
    'load',
    'sdk',
    'serverless',
    'test-runner',
    'import',
  ],
  ['steps'], // the step registry and one file per kind
  ['base', 'spec'], // what kinds stand on: values, durations, settings, the Python expression tree, schema builders, IR base types
  ['diagnostics', 'targets.ts'],
  ['util'],
];

const SRC = join(__dirname, '..', 'src');
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|\bimport\(\s*['"](\.[^'"]+)['"]\s*\)|\brequire\(\s*['"](\.[^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** The node of the layer table a path of src/ belongs to: its top folder, or the root file itself. */
function nodeOf(abs: string): string | undefined {
  const rel = relative(SRC, abs);
  if (rel.startsWith('..')) return undefined; // package.json, schemas/*.validator.js
  return rel.split(sep)[0]!;
}

function resolveImport(from: string, spec: string): string {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // try the next
    }
  }
  throw new Error(`${relative(SRC, from)} imports '${spec}', which does not resolve`);
}

/** node -> node -> the files that make the arrow. */
function importGraph(): Map<string, Map<string, string[]>> {
  const graph = new Map<string, Map<string, string[]>>();
  for (const file of sourceFiles(SRC)) {
    const from = nodeOf(file)!;
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const to = nodeOf(resolveImport(file, (m[1] ?? m[2] ?? m[3])!));
      if (to === undefined || to === from) continue;
      const arrows = graph.get(from) ?? new Map<string, string[]>();
      graph.set(from, arrows);
      arrows.set(to, [...(arrows.get(to) ?? []), relative(SRC, file)]);
    }
  }
  return graph;
}

/** Strongly connected components with more than one node (Tarjan). */
function circles(graph: ReadonlyMap<string, ReadonlyMap<string, unknown>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  let n = 0;
  const visit = (v: string): void => {
    index.set(v, n);
    low.set(v, n++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1) out.push(comp.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

describe('architecture: the import graph of src/', () => {
  const graph = importGraph();
  const layerOf = new Map(LAYERS.flatMap((nodes, i) => nodes.map((node) => [node, i] as const)));

  it('places every folder and root file of src/ in a layer', () => {
    const nodes = readdirSync(SRC).filter((e) => !e.endsWith('.d.ts'));
    expect(
      nodes.filter((n) => !layerOf.has(n)),
      'add them to LAYERS (and the README map)',
    ).to.deep.equal([]);
  });

  it('has no import that points up a layer', () => {
    const upward: string[] = [];
    for (const [from, arrows] of graph) {
      for (const [to, files] of arrows) {
        if (layerOf.get(to)! < layerOf.get(from)!) upward.push(`${from} -> ${to} (${[...new Set(files)].join(', ')})`);
      }
    }
    expect(upward).to.deep.equal([]);
  });

  it('has no circle between folders', () => {
    expect(circles(graph).map((c) => c.join(' <-> '))).to.deep.equal([]);
  });

  it('finds circles and upward arrows when they are there (the checks themselves)', () => {
    const g = new Map([
      ['a', new Map([['b', ['a/x.ts']]])],
      ['b', new Map([['c', ['b/y.ts']]])],
      ['c', new Map([['a', ['c/z.ts']]])],
    ]);
    expect(circles(g)).to.deep.equal([['a', 'b', 'c']]);
    expect(layerOf.get('steps')! > layerOf.get('lint')!, 'steps sits below lint').to.equal(true);
  });
});
