/** A JSON path into a pipeline document: property names and array indexes. */
export type JsonPath = readonly (string | number)[];

/** Whether `path` is `prefix` or lies under it. */
export function pathStartsWith(path: JsonPath, prefix: JsonPath): boolean {
  return prefix.length <= path.length && prefix.every((p, i) => path[i] === p);
}

/**
 * The value at `path` inside plain data, or undefined. Keys are user data: only own properties are followed (a
 * path segment `constructor` or `__proto__` finds nothing unless the data has such a key itself); arrays by index only.
 */
export function valueAt(data: unknown, path: JsonPath): unknown {
  let node = data;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    if (Array.isArray(node)) {
      const index = Number(segment);
      node = Number.isInteger(index) && index >= 0 && String(index) === String(segment) ? node[index] : undefined;
      continue;
    }
    const key = String(segment);
    node = Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node;
}

/**
 * The JSON path of a JSON Pointer (RFC 6901, as ajv's `instancePath`): `~1` is `/`, `~0` is `~`. With `data`,
 * segments that index an array become numbers, as JsonPath writes them.
 */
export function pathOfPointer(pointer: string, data?: unknown): (string | number)[] {
  if (pointer === '') return [];
  const out: (string | number)[] = [];
  let node = data;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const index = Array.isArray(node) && /^\d+$/.test(segment) ? Number(segment) : undefined;
    out.push(index ?? segment);
    node = valueAt(node, [segment]);
  }
  return out;
}
