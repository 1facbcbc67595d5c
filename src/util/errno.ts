/**
 * A file system error as "CODE: what happened", without the absolute path Node appends (diagnostics name the
 * project-relative path themselves, and must not print this machine's paths).
 */
export function errnoText(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (!e?.code) return String(e?.message ?? e);
  return `${e.code}: ${e.message.replace(/^\w+: /, '').replace(/, \w+( '.*')?$/, '')}`;
}
