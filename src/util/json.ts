/**
 * JSON text as what it is until checked: `unknown`, not `any` (`JSON.parse`'s type), so that every use of the
 * parsed value goes through a type guard (isRecord, isUnknownArray, typeof) or a named interface.
 */
export function parseJson(text: string): unknown {
  return JSON.parse(text);
}

/** `Array.isArray` for a value of unknown type that narrows to `unknown[]`, not to `any[]`. */
export function isUnknownArray(value: unknown): value is unknown[] {
  return Array.isArray(value);
}
