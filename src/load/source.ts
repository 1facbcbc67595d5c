import type { Locator } from '../diagnostics/reporter';

/** A pipeline or config file after loading: its plain data and a way back to source positions. */
export interface SpecFile {
  /** Project-relative path with forward slashes, as printed in diagnostics. */
  readonly file: string;
  readonly absPath: string;
  readonly format: 'yaml' | 'ts';
  readonly text: string;
  readonly sha256: string;
  /** The plain JavaScript value of the document (undefined when it could not be loaded). */
  readonly data: unknown;
  readonly locator: Locator;
}
