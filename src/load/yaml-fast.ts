import { load as jsYamlLoad, Schema, Type, type LoadOptions as JsYamlOptions } from 'js-yaml';
import { flowNodeProblem, hasDocumentMarker, hasLongLine } from './yaml-fast-text';
import { MAX_DEPTH, MAX_KEYS_PER_MAPPING } from './yaml-limits';
import { PositionRecorder } from './yaml-fast-positions';
import { clearUnsafeInteger, CORE_TYPES, coreTypeOf, unsafeIntegerSeen } from './yaml-core';

/**
 * The fast path of the YAML loader: js-yaml (about 15x faster than the `yaml` library's lexer, parser and composer,
 * and it builds no nodes) with a schema that resolves plain scalars exactly as `yaml` does with the options the
 * full path uses (YAML 1.2 core schema). The result is taken only when it is certainly what the full path would
 * return; anything else falls back to the full path, which then reports exactly what it always did. Source
 * positions are not needed here: they are computed lazily, by the full parser, when something is reported.
 */

/** Why the fast path gave the document to the full path. */
export type FallbackReason =
  | 'byte-order-mark'
  | 'carriage-return'
  | 'tab'
  | 'directive'
  | 'empty-sequence-entry'
  | 'document-marker'
  | 'block-scalar-header'
  | 'comment-without-space'
  | 'flow-indentation'
  | 'long-line'
  | 'anchor-or-alias'
  | 'tag'
  | 'parse-error'
  | 'empty'
  | 'unsafe-integer'
  | 'merge-key'
  | 'null-key'
  | 'collection-key'
  | 'shared-object'
  | 'depth'
  | 'keys';

export type FastLoadResult =
  | {
      readonly ok: true;
      readonly data: unknown;
      /** Where each node opened and closed, for positions without a second parse (src/load/yaml-fast-positions.ts). */
      readonly positions: PositionRecorder;
    }
  | { readonly ok: false; readonly reason: FallbackReason };

/**
 * The text the fast path never reads (the full path's limits and diagnostics are subtle there; these are rare in
 * real files).
 */
const PRESCAN: readonly (readonly [RegExp, FallbackReason])[] = [
  [/\uFEFF/, 'byte-order-mark'],
  [/\r/, 'carriage-return'],
  [/\t/, 'tab'],
  [/^%/m, 'directive'],
  // A verbatim tag: `!<?>` is js-yaml's own marker for "resolve me", indistinguishable later from a plain scalar.
  [/!</, 'tag'],
  // js-yaml 4.3 puts the entry after an empty one (`-` alone on its line) into the wrong sequence when the next
  // entry is indented less: `- - y\n  -\n- z` reads as [[y, null, z]] instead of [[y, null], z].
  [/^[ ]*(?:- +)*-[ ]*(?:#.*)?$/m, 'empty-sequence-entry'],
  // Block scalars that keep their trailing lines (`|+`) or name their indentation (`|2`): the two libraries differ
  // on trailing lines of spaces there.
  [/[|>](?:[1-9][-+]?|[-+][1-9]|\+)[ ]*(?:#.*)?$/m, 'block-scalar-header'],
  // A block scalar whose leading empty lines hold spaces: yaml refuses more-indented ones, js-yaml does not.
  [/[|>][-+0-9]*[ ]*(?:#[^\n]*)?\n(?:[ ]*\n)*?[ ]+\n/, 'block-scalar-header'],
];

/** The fields of js-yaml's loader state the listener reads (not in its published types). */
interface ComposerState {
  readonly kind: 'scalar' | 'sequence' | 'mapping' | null;
  readonly tag: string | null | undefined;
  readonly anchor: string | null | undefined;
  readonly result: unknown;
  readonly anchorMap: object;
  readonly input: string;
  readonly position: number;
}

const HASH = '#'.charCodeAt(0);
/** Closing quotes and brackets: yaml wants white space between them and a comment. */
const CLOSERS = new Set([...'"\']}'].map((c) => c.charCodeAt(0)));

/**
 * The core schema as ONE implicit js-yaml type: js-yaml calls every implicit type's `resolve` in turn for every
 * plain scalar (keys too), which was eight regular expressions per scalar; here one first-character test settles
 * most. js-yaml calls `construct` right after a `resolve` that returned true, with the same text; the index found
 * is kept for it (and found again should that ever not hold).
 * The tag name is private on purpose: an explicit tag (`!!int 5`) is then unknown to js-yaml, which throws, so
 * tagged nodes always take the full path.
 */
const OWN_TAG = 'tag:dagsmith.invalid,2026:';

let resolvedSource: string | undefined;
let resolvedType = -1;

const CORE_SCHEMA_AS_YAML = new Schema({
  implicit: [
    new Type(`${OWN_TAG}core`, {
      kind: 'scalar',
      resolve: (data: unknown) => {
        if (typeof data !== 'string') return false;
        resolvedType = coreTypeOf(data);
        resolvedSource = data;
        return resolvedType !== -1;
      },
      construct: (data: string) => {
        const index = data === resolvedSource ? resolvedType : coreTypeOf(data);
        return CORE_TYPES[index]![1](data);
      },
    }),
  ],
});

/**
 * Parses `text` (a byte-order mark already removed) with js-yaml; returns the data only when the full path would
 * return the same data and no diagnostic.
 */
export function fastLoadYaml(text: string): FastLoadResult {
  for (const [pattern, reason] of PRESCAN) if (pattern.test(text)) return { ok: false, reason };
  if (hasLongLine(text)) return { ok: false, reason: 'long-line' };
  if (hasDocumentMarker(text)) return { ok: false, reason: 'document-marker' };
  const composed = new Set<unknown>();
  let tagged = false;
  let anchored = false;
  let textProblem: FallbackReason | undefined;
  let anchors: object | undefined;
  const positions = new PositionRecorder();
  const options: JsYamlOptions & { maxDepth: number } = {
    schema: CORE_SCHEMA_AS_YAML,
    // Deeper than the full path allows anyway; js-yaml's parser is recursive and must not overflow the stack.
    maxDepth: 2 * MAX_DEPTH + 2,
    listener(event, rawState) {
      const state = rawState as unknown as ComposerState;
      // An explicit tag (even the non-specific `!`): yaml checks and warns about tags in ways js-yaml does not.
      // Checked on opening too: js-yaml 4.3 drops the tag (and anchor) of a root block scalar on the next line.
      if (state.tag != null && state.tag !== '?' && !state.tag.startsWith(OWN_TAG)) tagged = true;
      if (state.anchor != null) anchored = true;
      if (event === 'open') {
        positions.open(state.position);
        return;
      }
      const start = positions.close(state.position, state.kind, state.result);
      // yaml wants white space before a comment after a quoted scalar or a flow collection; js-yaml does not.
      const after = state.input.charCodeAt(state.position);
      if (after === HASH && CLOSERS.has(state.input.charCodeAt(state.position - 1))) textProblem ??= 'comment-without-space';
      if (state.kind === 'scalar') textProblem ??= flowNodeProblem(state.input, start, state.position, false);
      anchors = state.anchorMap;
      // Every collection js-yaml composes; one not reachable from the root became a key (or was dropped).
      if (state.kind === 'mapping' || state.kind === 'sequence') {
        composed.add(state.result);
        textProblem ??= flowNodeProblem(state.input, start, state.position, true);
      }
      // A node of no kind is empty or an alias: one with a value is an alias (a second guard; every alias needs an
      // anchor, and any anchor takes the full path).
      else if (state.kind === null && state.result !== null) anchored = true;
    },
  };
  let data: unknown;
  clearUnsafeInteger();
  try {
    data = jsYamlLoad(text, options);
  } catch {
    return { ok: false, reason: 'parse-error' };
  }
  if (textProblem) return { ok: false, reason: textProblem };
  // yaml counts every alias expansion against its limit, even of a scalar, and checks anchor names its own way;
  // anchors are rare in pipelines, so any anchor takes the full path.
  if (anchored || (anchors && hasAnchor(anchors))) return { ok: false, reason: 'anchor-or-alias' };
  if (tagged) return { ok: false, reason: 'tag' };
  if (unsafeIntegerSeen()) return { ok: false, reason: 'unsafe-integer' };
  if (data === undefined || data === null) return { ok: false, reason: 'empty' };
  const walked = checkData(data, composed);
  if (typeof walked === 'string') return { ok: false, reason: walked };
  if (walked !== composed.size) return { ok: false, reason: 'collection-key' };
  return { ok: true, data, positions: positions.finish() };
}

/**
 * Walks the data for what js-yaml builds differently from yaml or what the full path reports. Returns how many of
 * the `composed` collections it reached (the others became keys), or why the data cannot be used.
 * Recursive, depth first, each node before its children and the children last to first (the order of the stack this
 * was written with first, so the same reason comes back); the recursion stops below MAX_DEPTH + 1 levels, as the
 * depth is one of the things checked, and at any node seen before.
 */
export function checkData(root: unknown, composed: ReadonlySet<unknown>): number | FallbackReason {
  if (typeof root !== 'object' || root === null) return 0;
  const walk = { reached: 0, seen: new Set<object>(), composed };
  const problem = checkNode(root, 1, walk);
  return problem ?? walk.reached;
}

function checkNode(
  value: object,
  depth: number,
  walk: { reached: number; seen: Set<object>; composed: ReadonlySet<unknown> },
): FallbackReason | undefined {
  // Aliases are refused earlier; this is the second line of defence against shared or cyclic data.
  if (walk.seen.has(value)) return 'shared-object';
  walk.seen.add(value);
  // A flow sequence's `[a: 1]` pair is a mapping js-yaml builds without composing it.
  if (walk.composed.has(value)) walk.reached++;
  if (depth > MAX_DEPTH) return 'depth';
  if (Array.isArray(value)) {
    for (let i = value.length - 1; i >= 0; i--) {
      const child: unknown = value[i];
      if (typeof child === 'object' && child !== null) {
        const problem = checkNode(child, depth + 1, walk);
        if (problem) return problem;
      }
    }
    return undefined;
  }
  const keys = Object.keys(value);
  if (keys.length > MAX_KEYS_PER_MAPPING) return 'keys';
  for (const key of keys) {
    // js-yaml writes a null key as "null" (yaml: ""); `<<` is a merge key for yaml.
    if (key === 'null') return 'null-key';
    if (key === '<<') return 'merge-key';
  }
  // Own enumerable values, in key order (a `__proto__` key is an own property here, as in yaml's output).
  for (let i = keys.length - 1; i >= 0; i--) {
    const child = (value as Record<string, unknown>)[keys[i]!];
    if (typeof child === 'object' && child !== null) {
      const problem = checkNode(child, depth + 1, walk);
      if (problem) return problem;
    }
  }
  return undefined;
}

function hasAnchor(anchors: object): boolean {
  for (const _ in anchors) return true;
  return false;
}
