import type { Severity } from './types';

/** One entry of the catalog; `why` and `fix` are required by test/diagnostics/catalog.test.ts (optional here so a
 * new code compiles before its doc text is written). */
export interface CodeInfo {
  readonly severity: Severity;
  readonly title: string;
  readonly why?: string;
  readonly fix?: string;
}
