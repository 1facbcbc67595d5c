import { Composer, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, type CST, type Document, type Node as YamlNode } from 'yaml';
import type { JsonPath, SourceRange } from '../diagnostics/types';
import type { Locator } from '../diagnostics/reporter';

/** The composer with the options the loader's contract names: YAML 1.2 core schema, `<<` merges, strict. */
export function composeDocuments(tokens: readonly CST.Token[], text: string): Document.Parsed[] {
  const composer = new Composer({ uniqueKeys: true, merge: true, version: '1.2', strict: true });
  return Array.from(composer.compose(tokens, true, text.length));
}

export function rangeOf(lc: LineCounter, start: number, end: number): SourceRange {
  const a = lc.linePos(start);
  const b = lc.linePos(end);
  return { line: a.line, col: a.col, endLine: b.line, endCol: b.col };
}

/** Finds the YAML node a JSON path names, following aliases and `<<` merges; stops at the deepest node that exists. */
export class YamlLocator implements Locator {
  constructor(
    private readonly doc: Document.Parsed,
    private readonly lc: LineCounter,
  ) {}

  locate(path: JsonPath, at: 'key' | 'value' = 'value'): SourceRange {
    let node: YamlNode | null = this.doc.contents;
    let keyNode: YamlNode | null = null;
    let reached = true;
    for (const segment of path) {
      const next = this.child(this.deref(node), segment);
      if (!next) {
        reached = false;
        break;
      }
      keyNode = next.key;
      node = next.value ?? next.key; // `key:` with no value: point at the key
    }
    const target = at === 'key' && reached && keyNode ? keyNode : node;
    const r = target?.range;
    if (!r) return rangeOf(this.lc, 0, 0);
    return rangeOf(this.lc, r[0], r[1]);
  }

  private deref(node: YamlNode | null): YamlNode | null {
    let n = node;
    for (let i = 0; i < 100 && n && isAlias(n); i++) n = (n.resolve(this.doc) as YamlNode | undefined) ?? null;
    return n;
  }

  private child(node: YamlNode | null, segment: string | number): { key: YamlNode | null; value: YamlNode | null } | undefined {
    if (!node) return undefined;
    if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as YamlNode | undefined;
      return item ? { key: item, value: item } : undefined;
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isPair(pair) && isScalar(pair.key) && !isMergeKey(pair.key.value) && String(pair.key.value) === String(segment)) {
          return { key: pair.key as YamlNode, value: (pair.value as YamlNode | null) ?? null };
        }
      }
      // Not written here: perhaps it arrives through a `<<: *anchor` merge.
      for (const pair of node.items) {
        if (isPair(pair) && isScalar(pair.key) && isMergeKey(pair.key.value)) {
          const sources = isSeq(pair.value) ? (pair.value.items as YamlNode[]) : [pair.value as YamlNode];
          for (const src of sources) {
            const found = this.child(this.deref(src), segment);
            if (found) return found;
          }
        }
      }
    }
    return undefined;
  }
}

/** `<<` merge keys: yaml 2 parses them to a Symbol when merging is on. */
function isMergeKey(value: unknown): boolean {
  return value === '<<' || (typeof value === 'symbol' && value.description === '<<');
}
