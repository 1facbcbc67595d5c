/** A JSON-like mapping: an object that is not null and not an array (what a YAML or JSON mapping loads as). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
