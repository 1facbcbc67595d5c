/** The full YAML path: the `yaml` library, every diagnostic, exact positions. Loaded only when a file needs it. */
import { LineCounter, Parser, visit, type CST, type Document, type YAMLError } from 'yaml';
import type { Code } from '../diagnostics/codes';
import { type SpecFile } from './source';
import { sha256 } from '../util/hash';
import { Reporter, START_OF_FILE, type Locator } from '../diagnostics/reporter';
import { MAX_ALIAS_COUNT, MAX_DEPTH, MAX_KEYS_PER_MAPPING } from './yaml-limits';
import { composeDocuments, rangeOf, YamlLocator } from './yaml-locator';

import type { LoadOptions, LoadResult } from './yaml';

/**
 * The full path: the `yaml` library's parser and composer, with every diagnostic and exact positions. The fast
 * path hands it every document it cannot prove it reads identically.
 */
export function loadYamlTextFull(file: string, absPath: string, original: string, opts: LoadOptions = {}): LoadResult {
  const text = original.startsWith('\uFEFF') ? original.slice(1) : original;
  const lineCounter = new LineCounter();
  const reporter = new Reporter(file, emptyLocator(lineCounter));
  // The concrete syntax tree is built in linear time without recursion; its size limits are checked before the
  // composer (recursive, with a quadratic duplicate-key check) sees it.
  const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text));
  checkSyntaxTreeLimits(tokens, reporter, lineCounter);
  if (reporter.hasErrors) return { spec: undefined, diagnostics: reporter.diagnostics };
  const list = composeDocuments(tokens, text);
  if (list.length === 0 || list.every((d) => d.contents == null)) {
    if (opts.allowEmpty && list.every((d) => d.errors.length === 0 && d.warnings.length === 0)) {
      const spec: SpecFile = {
        file,
        absPath,
        format: 'yaml',
        text: original,
        sha256: sha256(original),
        data: null,
        locator: emptyLocator(lineCounter),
      };
      return { spec, diagnostics: [] };
    }
    reporter.report('DS103', [], 'the file is empty: a pipeline file holds one YAML mapping (version, id, steps, ...)', {
      range: START_OF_FILE,
    });
    return { spec: undefined, diagnostics: reporter.diagnostics };
  }
  const doc = list[0]!;
  for (const extra of list.slice(1)) {
    const start = extra.range?.[0] ?? 0;
    reporter.report('DS104', [], 'a pipeline file holds exactly one YAML document; remove the extra `---` document', {
      range: rangeOf(lineCounter, start, start),
    });
  }
  for (const d of list) {
    for (const err of d.errors) {
      // yaml reports an unclosed quote where the text ends; the mistake is where the quote opens.
      const open = err.code === 'MISSING_CHAR' && /quote/.test(err.message) ? openQuoteStart(d, err.pos[0]) : undefined;
      if (open !== undefined) err.pos = [open, open + 1];
      reportYamlError(reporter, lineCounter, err);
    }
    for (const warn of d.warnings) reportYamlError(reporter, lineCounter, warn);
  }
  visit(doc, {
    Scalar(_key, node) {
      // An integer beyond 2^53 would be rounded silently; say so instead.
      const raw = node.range ? text.slice(node.range[0], node.range[1]) : '';
      if (typeof node.value === 'number' && !Number.isSafeInteger(node.value) && /^[-+]?(0x|0o)?[0-9a-fA-F]+$/.test(raw.trim())) {
        reporter.report('DS107', [], `the integer ${raw.trim()} is too large to be kept exactly (the limit is 2^53); quote it if it is an id`, {
          range: rangeOf(lineCounter, node.range![0], node.range![1]),
        });
      }
    },
    Alias(_key, node, path) {
      const target = node.resolve(doc);
      const [start, end] = node.range ?? [0, 0];
      if (!target) {
        reporter.report('DS105', [], `alias *${node.source} refers to no anchor &${node.source} defined before it`, {
          range: rangeOf(lineCounter, start, end),
        });
      } else if (path.includes(target)) {
        // The value would contain itself: infinitely deep data.
        reporter.report('DS149', [], `alias *${node.source} is inside the value anchored as &${node.source}, so that value would contain itself`, {
          range: rangeOf(lineCounter, start, end),
        });
      }
    },
  });
  if (reporter.hasErrors) return { spec: undefined, diagnostics: reporter.diagnostics };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    reporter.report('DS108', [], `aliases expand too far (more than ${MAX_ALIAS_COUNT} times): ${(err as Error).message}`, {
      range: START_OF_FILE,
    });
    return { spec: undefined, diagnostics: reporter.diagnostics };
  }
  const locator = new YamlLocator(doc, lineCounter);
  const spec: SpecFile = { file, absPath, format: 'yaml', text: original, sha256: sha256(original), data, locator };
  return { spec, diagnostics: reporter.diagnostics };
}

/**
 * Reports the first collection nested deeper than MAX_DEPTH and every mapping with more than MAX_KEYS_PER_MAPPING
 * keys. Iterative: the depth of a document is what is being checked.
 */
function checkSyntaxTreeLimits(tokens: readonly CST.Token[], reporter: Reporter, lc: LineCounter): void {
  const stack: { token: CST.Token | undefined; depth: number }[] = tokens.map((token) => ({ token, depth: 0 })).reverse();
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (!token) continue;
    if (token.type === 'document') {
      stack.push({ token: token.value, depth });
      continue;
    }
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue;
    const at = (n: number) => ({ range: rangeOf(lc, token.offset, token.offset + n) });
    if (depth + 1 > MAX_DEPTH) {
      reporter.report('DS148', [], `values are nested more than ${MAX_DEPTH} levels deep here`, at(1));
      return;
    }
    const isMapping = token.type === 'block-map' || (token.type === 'flow-collection' && token.start.source === '{');
    if (isMapping && token.items.length > MAX_KEYS_PER_MAPPING) {
      reporter.report(
        'DS147',
        [],
        `this mapping has ${token.items.length} keys; dagsmith reads at most ${MAX_KEYS_PER_MAPPING} keys in one mapping`,
        at(1),
      );
      continue;
    }
    for (let i = token.items.length - 1; i >= 0; i--) {
      const item = token.items[i] as { key?: CST.Token | null; value?: CST.Token | null };
      stack.push({ token: item.value ?? undefined, depth: depth + 1 });
      stack.push({ token: item.key ?? undefined, depth: depth + 1 });
    }
  }
}

function reportYamlError(reporter: Reporter, lc: LineCounter, err: YAMLError): void {
  const [start, end] = err.pos;
  const range = rangeOf(lc, start, Math.max(end, start));
  const message = firstLine(err.message);
  let code: Code = 'DS101';
  if (err.code === 'DUPLICATE_KEY') code = 'DS102';
  else if (err.code === 'BAD_ALIAS' || err.code === 'ALIAS_PROPS') code = 'DS105';
  else if (err.code === 'TAG_RESOLVE_FAILED') code = 'DS106';
  const text = code === 'DS102' ? 'duplicate key: each key may appear once in a mapping' : `YAML: ${message}`;
  // Warnings of the yaml parser (an unknown tag read as a plain string) are errors here: the value is not what
  // the author wrote.
  reporter.report(code, [], text, { range });
}

function firstLine(message: string): string {
  // yaml's messages end with " at line L, column C" — we print our own position.
  return message
    .split('\n')[0]!
    .replace(/ at line \d+, column \d+:?$/, '')
    .trim();
}

function emptyLocator(lc: LineCounter): Locator {
  return { locate: () => rangeOf(lc, 0, 0) };
}

/** The quoted scalar an unclosed quote started: the last one that begins before the error. */
function openQuoteStart(doc: Document.Parsed, errorStart: number): number | undefined {
  let best: number | undefined;
  visit(doc, {
    Scalar(_key, node) {
      const start = node.range?.[0];
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && start !== undefined && start <= errorStart) {
        if (best === undefined || start > best) best = start;
      }
    },
  });
  return best;
}
