import type { Diagnostic } from '../diagnostics/types';
import { type SpecFile } from './source';
import { sha256 } from '../util/hash';
import { blockLoadYaml } from './yaml-block';
import { LazyYamlLocator } from './yaml-lazy-locator';

export { MAX_DEPTH, MAX_KEYS_PER_MAPPING } from './yaml-limits';
export { LazyYamlLocator } from './yaml-lazy-locator';

export interface LoadOptions {
  /** An empty (or comment-only) document is data `null` instead of an error: for dagsmith.config.yaml. */
  readonly allowEmpty?: boolean;
}

export interface LoadResult {
  readonly spec: SpecFile | undefined;
  readonly diagnostics: readonly Diagnostic[];
  /** Absolute paths of the other files the result depends on (modules a TypeScript pipeline imports). */
  readonly dependencies?: readonly string[];
}

/**
 * Parses YAML 1.2 (so `2026-01-01` and `on` stay strings) with source positions.
 * Syntax errors, duplicate keys, bad aliases and extra documents become diagnostics; a file with any of them
 * yields no data, so later phases never guess at a half-parsed document.
 * Most files take the fast path (src/load/yaml-fast.ts): the same data, no diagnostics, and positions parsed only
 * when the first one is asked for. Everything else takes the full path below, with exactly its diagnostics.
 */
export function loadYamlText(file: string, absPath: string, original: string, opts: LoadOptions = {}): LoadResult {
  // Editors do not count a byte-order mark as a column; neither do we.
  const text = original.startsWith('\uFEFF') ? original.slice(1) : original;
  // Most pipelines are plain block YAML: the block parser reads them, positions included; it answers undefined for
  // anything else, and the fast path (js-yaml) runs as before.
  const block = blockLoadYaml(text);
  if (block) return loaded(file, absPath, original, block.data, new LazyYamlLocator(text, block.positions));
  // js-yaml is loaded only for the files the block parser hands over.
  const fast = (require('./yaml-fast') as typeof import('./yaml-fast')).fastLoadYaml(text);
  // The `yaml` library is loaded only for the files the fast path hands over (and for positions, when asked).
  if (!fast.ok) return (require('./yaml-full') as typeof import('./yaml-full')).loadYamlTextFull(file, absPath, original, opts);
  return loaded(file, absPath, original, fast.data, new LazyYamlLocator(text, fast.positions));
}

/** A file one of the two quick paths read: no diagnostics, positions when first asked for. */
function loaded(file: string, absPath: string, original: string, data: unknown, locator: LazyYamlLocator): LoadResult {
  const spec: SpecFile = { file, absPath, format: 'yaml', text: original, sha256: sha256(original), data, locator };
  return { spec, diagnostics: [] };
}

/** The full path (the `yaml` library), for tests and callers that want its exact diagnostics and positions. */
export function loadYamlTextFull(file: string, absPath: string, original: string, opts: LoadOptions = {}): LoadResult {
  return (require('./yaml-full') as typeof import('./yaml-full')).loadYamlTextFull(file, absPath, original, opts);
}
