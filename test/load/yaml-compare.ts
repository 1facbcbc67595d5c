/** Helpers of the differential tests of the YAML loader's fast paths against the full path. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonPath } from '../../src/diagnostics/types';

/** The first place two loaded values differ (type, Object.is for scalars, key order, prototype), or undefined. */
export function difference(a: unknown, b: unknown): string | undefined {
  const stack: [unknown, unknown, string][] = [[a, b, '$']];
  while (stack.length > 0) {
    const [x, y, at] = stack.pop()!;
    if (typeof x !== 'object' || x === null || typeof y !== 'object' || y === null) {
      if (!Object.is(x, y)) return `${at}: ${String(x)} !== ${String(y)}`;
      continue;
    }
    if (Object.getPrototypeOf(x) !== Object.getPrototypeOf(y)) return `${at}: prototypes differ`;
    const kx = Object.keys(x);
    const ky = Object.keys(y);
    if (JSON.stringify(kx) !== JSON.stringify(ky)) return `${at}: keys ${JSON.stringify(kx)} vs ${JSON.stringify(ky)}`;
    const vx = Object.values(x);
    const vy = Object.values(y);
    kx.forEach((k, i) => stack.push([vx[i], vy[i], `${at}.${k}`]));
  }
  return undefined;
}

/**
 * Every path in the data, at most `limit` of them (breadth first), each followed by two paths below it that do not
 * exist (a locator answers those with the deepest node that does).
 */
export function pathsOf(data: unknown, limit: number): JsonPath[] {
  const out: JsonPath[] = [];
  const queue: [unknown, JsonPath][] = [[data, []]];
  while (queue.length > 0 && out.length < limit) {
    const [value, path] = queue.shift()!;
    out.push(path, [...path, 'absent'], [...path, 99]);
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) value.forEach((v, i) => queue.push([v, [...path, i]]));
    else Object.keys(value).forEach((k, i) => queue.push([Object.values(value)[i], [...path, k]]));
  }
  return out;
}

/** yaml warns on stderr for each collection used as a key; the generator writes many. */
export function quietly<T>(run: () => T): T {
  // process, typed as holding emitWarning as a value to put back (Node's types declare it as a method).
  const proc: { emitWarning: typeof process.emitWarning } = process;
  const emitWarning = proc.emitWarning;
  proc.emitWarning = () => undefined;
  try {
    return run();
  } finally {
    proc.emitWarning = emitWarning;
  }
}

export function yamlFilesUnder(dir: string): string[] {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length > 0) {
    const d = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (e.isDirectory() && e.name !== 'node_modules') stack.push(join(d, e.name));
      else if (e.isFile() && /\.ya?ml$/.test(e.name)) out.push(join(d, e.name));
    }
  }
  return out.sort();
}
