import type { JsonPath } from '../diagnostics/types';
import type { Reporter } from '../load/source';
import { MAX_DEPTH, MAX_KEYS_PER_MAPPING } from '../load/yaml';

/** Steps in one pipeline. A 5,000-step chain is a normal input; every check is linear in the steps. */
export const MAX_STEPS = 10_000;

/**
 * The size limits every later phase relies on, for data from YAML (after aliases are expanded) and TypeScript alike:
 * nesting depth (Python's parser refuses deeper brackets, and the checks walk values recursively), keys per
 * mapping, and steps. Iterative, and stops at the first value too deep. Returns whether the data is within them.
 */
export function checkDataLimits(data: unknown, reporter: Reporter): boolean {
  let ok = true;
  const stack: { value: unknown; path: JsonPath }[] = [{ value: data, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (path.length + 1 > MAX_DEPTH) {
      reporter.report('DS148', path, `values are nested more than ${MAX_DEPTH} levels deep here`);
      return false;
    }
    if (Array.isArray(value)) {
      if (path.length === 1 && path[0] === 'steps' && value.length > MAX_STEPS) {
        reporter.report('DS146', path, `${value.length} steps; a pipeline has at most ${MAX_STEPS}`);
        ok = false;
        continue;
      }
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
      continue;
    }
    const keys = Object.keys(value);
    if (keys.length > MAX_KEYS_PER_MAPPING) {
      reporter.report('DS147', path, `this mapping has ${keys.length} keys; dagsmith reads at most ${MAX_KEYS_PER_MAPPING} keys in one mapping`);
      ok = false;
      continue;
    }
    for (let i = keys.length - 1; i >= 0; i--) {
      stack.push({ value: (value as Record<string, unknown>)[keys[i]!], path: [...path, keys[i]!] });
    }
  }
  return ok;
}
