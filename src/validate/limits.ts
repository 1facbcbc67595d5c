import type { Reporter } from '../diagnostics/reporter';
import { MAX_DEPTH, MAX_KEYS_PER_MAPPING } from '../load/yaml';

/** Steps in one pipeline. A 5,000-step chain is a normal input; every check is linear in the steps. */
export const MAX_STEPS = 10_000;

/**
 * The size limits every later phase relies on, for data from YAML (after aliases are expanded) and TypeScript alike:
 * nesting depth (Python's parser refuses deeper brackets, and the checks walk values recursively), keys per
 * mapping, and steps. Stops at the first value too deep. Returns whether the data is within them.
 */
export function checkDataLimits(data: unknown, reporter: Reporter): boolean {
  let ok = true;
  // The path of the value being visited, one array pushed and popped: copied only for a report. Recursive (the
  // depth is bounded by MAX_DEPTH, checked before going deeper), in the same order as an explicit stack would visit
  // (each value before its children, children in order), without a frame object per mapping or list.
  const path: (string | number)[] = [];
  /** Checks `value` and what it holds; false when the walk must stop (a value too deep). */
  const visit = (value: unknown): boolean => {
    if (typeof value !== 'object' || value === null) return true;
    if (path.length + 1 > MAX_DEPTH) {
      reporter.report('DS148', path.slice(), `values are nested more than ${MAX_DEPTH} levels deep here`);
      return false;
    }
    if (Array.isArray(value)) {
      if (path.length === 1 && path[0] === 'steps' && value.length > MAX_STEPS) {
        reporter.report('DS146', path.slice(), `${value.length} steps; a pipeline has at most ${MAX_STEPS}`);
        ok = false;
        return true;
      }
      for (let i = 0; i < value.length; i++) {
        const v: unknown = value[i];
        if (typeof v !== 'object' || v === null) continue;
        path.push(i);
        const go = visit(v);
        path.pop();
        if (!go) return false;
      }
      return true;
    }
    const keys = Object.keys(value);
    if (keys.length > MAX_KEYS_PER_MAPPING) {
      reporter.report(
        'DS147',
        path.slice(),
        `this mapping has ${keys.length} keys; dagsmith reads at most ${MAX_KEYS_PER_MAPPING} keys in one mapping`,
      );
      ok = false;
      return true;
    }
    for (let i = 0; i < keys.length; i++) {
      const v = (value as Record<string, unknown>)[keys[i]!];
      if (typeof v !== 'object' || v === null) continue;
      path.push(keys[i]!);
      const go = visit(v);
      path.pop();
      if (!go) return false;
    }
    return true;
  };
  return visit(data) && ok;
}
