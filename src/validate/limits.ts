import type { JsonPath } from '../diagnostics/types';
import type { Reporter } from '../diagnostics/reporter';
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
  // A frame knows its parent and key instead of holding its path: a path is built only for a report. Only mappings
  // and lists get frames (scalars have no limits; most values are scalars).
  const stack: Frame[] = [{ value: data, parent: undefined, key: '', depth: 0 }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { value, depth } = frame;
    if (typeof value !== 'object' || value === null) continue;
    if (depth + 1 > MAX_DEPTH) {
      reporter.report('DS148', pathOf(frame), `values are nested more than ${MAX_DEPTH} levels deep here`);
      return false;
    }
    if (Array.isArray(value)) {
      if (depth === 1 && frame.key === 'steps' && value.length > MAX_STEPS) {
        reporter.report('DS146', pathOf(frame), `${value.length} steps; a pipeline has at most ${MAX_STEPS}`);
        ok = false;
        continue;
      }
      for (let i = value.length - 1; i >= 0; i--) {
        const v: unknown = value[i];
        if (typeof v === 'object' && v !== null) stack.push({ value: v, parent: frame, key: i, depth: depth + 1 });
      }
      continue;
    }
    const keys = Object.keys(value);
    if (keys.length > MAX_KEYS_PER_MAPPING) {
      reporter.report(
        'DS147',
        pathOf(frame),
        `this mapping has ${keys.length} keys; dagsmith reads at most ${MAX_KEYS_PER_MAPPING} keys in one mapping`,
      );
      ok = false;
      continue;
    }
    for (let i = keys.length - 1; i >= 0; i--) {
      const v = (value as Record<string, unknown>)[keys[i]!];
      if (typeof v === 'object' && v !== null) stack.push({ value: v, parent: frame, key: keys[i]!, depth: depth + 1 });
    }
  }
  return ok;
}

interface Frame {
  readonly value: unknown;
  readonly parent: Frame | undefined;
  /** Where the value is in its parent (unused at the root). */
  readonly key: string | number;
  /** The length of the value's path. */
  readonly depth: number;
}

function pathOf(frame: Frame): JsonPath {
  const path: (string | number)[] = [];
  for (let f: Frame | undefined = frame; f?.parent; f = f.parent) path.push(f.key);
  return path.reverse();
}
