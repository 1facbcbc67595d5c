/**
 * Reading dag-factory YAML safely. dag-factory loads its files with PyYAML's FullLoader, which builds Python objects
 * from tags (`!!python/name:module.function`) and, with its own `__type__` mappings, calls Python callables; its 0.x
 * dataset conditions use the tags `!or` and `!and`. Here the text is parsed as data only (the `yaml` library, YAML
 * 1.1 as PyYAML reads it): no tag constructs anything. The tags a file uses are recorded by path, so that the
 * importer says what it did not carry over instead of carrying it over wrongly.
 */
import { isCollection, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { Locator } from '../../diagnostics/reporter';
import type { JsonPath } from '../../diagnostics/types';
import { rangeOf, YamlLocator } from '../../load/yaml-locator';

export interface DagFactoryText {
  /** The file as read, project-relative or as given. */
  readonly file: string;
  /** The plain data (dates as Date). */
  readonly data: unknown;
  readonly locator: Locator;
  /** Tags written in the file, by JSON path (`JSON.stringify(path)`): what the data holds there is not what dag-factory built. */
  readonly tags: ReadonlyMap<string, string>;
}

export type ReadResult =
  | { readonly ok: true; readonly text: DagFactoryText }
  | { readonly ok: false; readonly message: string; readonly line: number; readonly col: number };

const MAX_DEPTH = 64;

export function readDagFactoryText(file: string, text: string): ReadResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { version: '1.1', lineCounter, uniqueKeys: false, prettyErrors: false, strict: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const at = rangeOf(lineCounter, e.pos[0], e.pos[1]);
    return { ok: false, message: e.message.split('\n')[0]!, line: at.line, col: at.col };
  }
  const tags = new Map<string, string>();
  const walk = (node: unknown, path: JsonPath, depth: number): void => {
    if (depth > MAX_DEPTH || node === null || typeof node !== 'object') return;
    const n = node as YamlNode;
    const tag = isScalar(n) || isCollection(n) ? n.tag : undefined;
    // The core tags (!!str, !!int, ...) are data; !!python/... and local tags (!or, !and) are not.
    if (tag && (tag.startsWith('tag:yaml.org,2002:python') || !tag.startsWith('tag:yaml.org,2002:'))) {
      tags.set(JSON.stringify(path), tag.replace('tag:yaml.org,2002:', '!!'));
    }
    if (isMap(n)) {
      for (const pair of n.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        walk(pair.value, [...path, String(pair.key.value)], depth + 1);
      }
    } else if (isSeq(n)) {
      n.items.forEach((item, i) => walk(item, [...path, i], depth + 1));
    }
  };
  walk(doc.contents, [], 0);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    return { ok: false, message: (err as Error).message.split('\n')[0]!, line: 1, col: 1 };
  }
  return { ok: true, text: { file, data, locator: new YamlLocator(doc, lineCounter), tags } };
}
