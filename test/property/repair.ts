/**
 * Brings a random spec that dagsmith refused closer to one it accepts, using only what the diagnostics say: the
 * value at a diagnostic's path is removed (an optional field, a list item), or the step holding it when the field
 * cannot go. The generator then needs no knowledge of rules the schema cannot express ("exactly one of", worker
 * pairs, ...): dagsmith's own checks shape the specs, and what survives them must import.
 */
import type { Diagnostic, JsonPath } from '../../src/diagnostics/types';

/** Keys whose removal would not make a valid spec: the diagnostic is then resolved by dropping the step. */
const KEEP = new Set(['version', 'id', 'kind', 'steps']);

type Json = Record<string, unknown> | unknown[];

/** Removes what each error diagnostic points at; returns false when nothing could be removed. */
export function repair(spec: Record<string, unknown>, diagnostics: readonly Diagnostic[]): boolean {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const dropSteps = new Set<number>();
  const removals: JsonPath[] = [];
  for (const d of errors) {
    const path = d.path;
    const last = path[path.length - 1];
    const inStep = path[0] === 'steps' && typeof path[1] === 'number' ? path[1] : undefined;
    if (path.length === 0 || (typeof last === 'string' && KEEP.has(last)) || (path.length === 2 && inStep !== undefined)) {
      if (inStep === undefined) return false;
      dropSteps.add(inStep);
    } else {
      removals.push(path);
    }
  }
  // Deepest and last first, so that earlier list indexes stay valid.
  removals.sort((a, b) => b.length - a.length || comparePaths(b, a));
  for (const path of removals) removeAt(spec, path);
  const steps = spec.steps;
  if (dropSteps.size > 0 && Array.isArray(steps)) {
    if (dropSteps.size >= steps.length) return false;
    const dropped = new Set([...dropSteps].map((i) => (steps[i] as { id?: unknown } | undefined)?.id));
    const kept = steps.filter((_, i) => !dropSteps.has(i)) as Record<string, unknown>[];
    for (const s of kept) {
      if (Array.isArray(s.dependsOn)) {
        s.dependsOn = s.dependsOn.filter((dep) => !dropped.has(dep));
        if ((s.dependsOn as unknown[]).length === 0) delete s.dependsOn;
      }
    }
    spec.steps = kept;
  }
  return removals.length > 0 || dropSteps.size > 0;
}

function removeAt(root: Json, path: JsonPath): void {
  let node: unknown = root;
  for (const seg of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return;
    node = Array.isArray(node) ? node[seg as number] : Object.hasOwn(node, seg) ? (node as Record<string, unknown>)[seg] : undefined;
  }
  const last = path[path.length - 1]!;
  if (Array.isArray(node) && typeof last === 'number') node.splice(last, 1);
  else if (node && typeof node === 'object' && typeof last === 'string') delete (node as Record<string, unknown>)[last];
}

function comparePaths(a: JsonPath, b: JsonPath): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    return typeof a[i] === 'number' && typeof b[i] === 'number' ? (a[i] as number) - (b[i] as number) : String(a[i]) < String(b[i]) ? -1 : 1;
  }
  return a.length - b.length;
}
