import { boundedMemo } from '../util/bounded-memo';
import type { JsonPath } from '../diagnostics/types';
import { isStepOfKind, type PipelineIR, type SettingName, type StepIR } from './types';
import type { FieldsOf, KindName } from '../steps/index';

export interface StepOf<K extends KindName> {
  readonly step: StepIR;
  readonly fields: FieldsOf<K>;
}

/** The steps of a kind a pipeline has none of (shared: nobody changes a read-only list). */
const NONE: readonly StepOf<KindName>[] = Object.freeze([]);

/**
 * The steps of one kind with their fields typed (the IR is a union keyed by kind), found on each ask: a pass over a
 * pipeline's steps costs less than remembering them. A WeakMap of each pipeline's steps by kind kept every
 * pipeline's lists alive as long as its IR (to the end of a lint), for each garbage collection to copy again.
 */
export function stepsOfKind<K extends KindName>(pipeline: PipelineIR, kind: K): readonly StepOf<K>[] {
  let found: StepOf<KindName>[] | undefined;
  for (const step of pipeline.steps) if (step.kind === kind) (found ??= []).push({ step, fields: step.fields });
  return (found ?? NONE) as unknown as readonly StepOf<K>[];
}

export function fieldsOf<K extends KindName>(step: StepIR, kind: K): FieldsOf<K> | undefined {
  return isStepOfKind(step, kind) ? (step.fields as FieldsOf<K>) : undefined;
}

/**
 * Where a step's effective setting is written: on the step, in `defaults`, or nowhere (the built-in default, then
 * `undefined`). Findings about a setting land where changing it fixes them.
 */
export function settingSource(
  has: (p: PipelineIR, path: JsonPath) => boolean,
  pipeline: PipelineIR,
  step: StepIR,
  name: SettingName,
): JsonPath | undefined {
  if (step.overrides.includes(name)) return [...step.origin.path, name];
  if (has(pipeline, ['defaults', name])) return ['defaults', name];
  return undefined;
}

/** Ids of every step upstream of `step` (transitively), found iteratively: a 5,000-step chain is a normal input. */
export function upstreamOf(pipeline: PipelineIR, step: StepIR): Set<string> {
  const byId = new Map(pipeline.steps.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const stack = [...step.dependsOn];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const s = byId.get(id);
    if (s) stack.push(...s.dependsOn);
  }
  return seen;
}

/** Glob with `*` and `?` only, case-sensitive, whole string. */
export function globMatch(pattern: string, text: string): boolean {
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
  return re.test(text);
}

/**
 * What stringsIn found in an object of an IR (rules ask for the strings of the same step's fields). Bounded, by
 * identity: the rules that ask run one pipeline after another, so only the last pipeline's steps are asked again. A
 * WeakMap kept every step's strings (paths and all) alive as long as the IRs, which a lint keeps to its end for the
 * project rules: every garbage collection copied them again.
 */
const stringsOf = boundedMemo(256, (value: object): readonly StringIn[] => stringsInWalk(value));

export interface StringIn {
  readonly path: JsonPath;
  readonly text: string;
  readonly key: string | null;
}

/** Every string inside a value, with its path relative to the value; iterative and bounded by the value's size. */
export function stringsIn(value: unknown): readonly StringIn[] {
  if (typeof value !== 'object' || value === null) return stringsInWalk(value);
  return stringsOf(value);
}

/**
 * Depth first, items and properties in order (what a recursive walk gives), iteratively: one frame per open list or
 * object, and one path that grows and shrinks with the walk, copied only for each string found.
 */
function stringsInWalk(value: unknown): StringIn[] {
  if (typeof value === 'string') return [{ path: [], text: value, key: null }];
  const out: StringIn[] = [];
  const path: (string | number)[] = [];
  const frames: { v: object; keys: string[] | undefined; i: number; key: string | null }[] = [];
  const open = (v: object, key: string | null) => frames.push({ v, keys: Array.isArray(v) ? undefined : Object.keys(v), i: 0, key });
  if (typeof value === 'object' && value !== null) open(value, null);
  while (frames.length > 0) {
    const f = frames[frames.length - 1]!;
    if (f.i >= (f.keys ?? (f.v as unknown[])).length) {
      frames.pop();
      path.pop(); // the segment that led to this frame (none for the value itself: popping [] is a no-op)
      continue;
    }
    const seg = f.keys ? f.keys[f.i]! : f.i;
    // An item of a list is under the list's key; a property under its own.
    const key = f.keys ? (seg as string) : f.key;
    const child: unknown = (f.v as Record<string | number, unknown>)[seg];
    f.i++;
    path.push(seg);
    if (typeof child === 'string') out.push({ path: path.slice(), text: child, key });
    if (typeof child === 'object' && child !== null) open(child, key);
    else path.pop();
  }
  return out;
}

/**
 * Groups steps by where the setting that makes them fail a rule is written, so each fix gets one finding: a step's
 * own override, `defaults.<name>`, or (built-in default) the pipeline's `defaults` block or its `id`.
 */
export function bySettingSource(
  has: (p: PipelineIR, path: JsonPath) => boolean,
  pipeline: PipelineIR,
  steps: readonly StepIR[],
  name: SettingName,
): { path: JsonPath; steps: StepIR[]; at: 'key' | 'value' }[] {
  const groups = new Map<string, { path: JsonPath; steps: StepIR[]; at: 'key' | 'value' }>();
  // What is the same for every step not setting it itself (`settingSource`'s second answer, and where a finding
  // about the built-in default lands), asked once rather than for each step, each key written out once.
  let inDefaults: boolean | undefined;
  let fallback: { readonly path: JsonPath; readonly key: string } | undefined;
  const defaultsKey = JSON.stringify(['defaults', name]);
  for (const step of steps) {
    let path: JsonPath;
    let k: string;
    let at: 'key' | 'value' = 'value';
    if (step.overrides.includes(name)) {
      path = [...step.origin.path, name];
      k = JSON.stringify(path);
    } else if ((inDefaults ??= has(pipeline, ['defaults', name]))) {
      path = ['defaults', name];
      k = defaultsKey;
    } else {
      fallback ??= has(pipeline, ['defaults']) ? { path: ['defaults'], key: '["defaults"]' } : { path: ['id'], key: '["id"]' };
      path = fallback.path;
      k = fallback.key;
      at = 'key';
    }
    const g = groups.get(k) ?? { path, steps: [], at };
    g.steps.push(step);
    groups.set(k, g);
  }
  return [...groups.values()];
}

/** `a`, `a and b`, `a, b and 3 more`. */
export function listIds(steps: readonly StepIR[], max = 3): string {
  const ids = steps.map((s) => `'${s.id}'`);
  if (ids.length <= 1) return ids.join('');
  if (ids.length <= max) return `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;
  return `${ids.slice(0, max).join(', ')} and ${ids.length - max} more`;
}

/** The spec path of a normalized field: most keep their name; SQL statements come from `sql`/`sqlFile`. */
export function specField(has: (p: PipelineIR, path: JsonPath) => boolean, pipeline: PipelineIR, step: StepIR, irPath: JsonPath): JsonPath {
  const [first, second] = irPath;
  const stepPath = step.origin.path;
  if (first === 'statements' || first === 'query') {
    const inline = first === 'statements' ? 'sql' : 'query';
    const file = first === 'statements' ? 'sqlFile' : 'queryFile';
    return has(pipeline, [...stepPath, file]) ? [file] : has(pipeline, [...stepPath, inline, second ?? 0]) ? [inline, second ?? 0] : [inline];
  }
  if (first === 'parameters' && typeof second === 'number') {
    const f = step.fields as { parameters?: readonly { name: string }[] };
    const name = f.parameters?.[second]?.name;
    return name !== undefined ? ['parameters', name] : ['parameters'];
  }
  return irPath;
}
