import type { Diagnostic, JsonPath } from '../diagnostics/types';
import type { Reporter } from '../diagnostics/reporter';
import { makeDiagnostic } from '../diagnostics/diagnostic';
import { boundedMemo } from '../util/bounded-memo';
import { didYouMean } from '../util/suggest';
import { lineStartsOf, rangeOfOffsets } from '../load/string-range';

const VAR_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * The environment a compile selected and where its variables are set (src/config/environments.ts implements it), so
 * that a `${name}` problem names the environment and points at the config line. Without one, messages say less.
 */
export interface VarScope {
  /** The selected environment; undefined for a compile without --env. */
  readonly env: string | undefined;
  /** `file:line:col` of the config entry that sets `name` for this compile, if any. */
  where(name: string): string | undefined;
  /** The environments that set `name` themselves. */
  environmentsSetting(name: string): readonly string[];
  /** Every environment of the config. */
  environments(): readonly string[];
  /** Where a variable for this compile is defined: "environments.dev.vars in dagsmith.config.yaml:5:3". */
  placeFor(): string;
}

/** One `${name}` replaced: where it was in the original text, how long it was there and in the result. */
export interface Substitution {
  /** Offset of `${` (or `$${`) in the original text. */
  readonly from: number;
  readonly fromLength: number;
  /** Offset of the replacement in the resolved text. */
  readonly to: number;
  readonly toLength: number;
  /** The variable's name; undefined for the `$${` escape. */
  readonly name: string | undefined;
}

/** What resolving one string did. */
interface TextResolution {
  readonly text: string;
  readonly substitutions: readonly Substitution[];
  /** Problems, each at an offset of the original text. */
  readonly problems: readonly { readonly code: 'DS312' | 'DS320'; readonly offset: number; readonly message: string; readonly hint?: string }[];
}

/**
 * Replaces `${name}` in one string with its value. `$${` writes a literal `${`; `{{ ... }}` (Airflow Jinja) is left
 * alone. An undefined reference is kept as written; a malformed one ends the resolution (the rest is kept as written).
 */
export function resolveText(text: string, vars: ReadonlyMap<string, string>, scope?: VarScope): TextResolution {
  const substitutions: Substitution[] = [];
  // Made at the first problem: most strings have none, and share the empty list.
  let problems: TextResolution['problems'][number][] | undefined;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const dollar = text.indexOf('$', i);
    if (dollar < 0) break;
    out += text.slice(i, dollar);
    i = dollar;
    if (text.startsWith('$${', i)) {
      substitutions.push({ from: i, fromLength: 3, to: out.length, toLength: 2, name: undefined });
      out += '${';
      i += 3;
      continue;
    }
    if (!text.startsWith('${', i)) {
      out += '$';
      i++;
      continue;
    }
    const end = text.indexOf('}', i + 2);
    const name = end < 0 ? '' : text.slice(i + 2, end);
    if (end < 0 || !isVarName(name)) {
      (problems ??= []).push({
        code: 'DS320',
        offset: i,
        message: `malformed variable reference in ${JSON.stringify(text)}: write \${name} (or $\${ for a literal \${)`,
      });
      return { text: out + text.slice(i), substitutions, problems };
    }
    const v = vars.get(name);
    if (v === undefined) {
      (problems ??= []).push({ code: 'DS312', offset: i, ...undefinedMessage(name, vars, scope) });
      out += text.slice(i, end + 1);
    } else {
      substitutions.push({ from: i, fromLength: end + 1 - i, to: out.length, toLength: v.length, name });
      out += v;
    }
    i = end + 1;
  }
  out += text.slice(i);
  return { text: out, substitutions, problems: problems ?? NO_PROBLEMS };
}

const NO_PROBLEMS: TextResolution['problems'] = Object.freeze([]);

/*
 * A project uses a handful of variable names in thousands of strings: each name is judged once (bounded), so the
 * pattern runs once per name.
 */
const isVarName = boundedMemo(10_000, (name: string): boolean => VAR_NAME.test(name));

/** The message and hint for `${name}` undefined in this compile. */
function undefinedMessage(name: string, vars: ReadonlyMap<string, string>, scope: VarScope | undefined): { message: string; hint?: string } {
  const elsewhere = scope?.environmentsSetting(name) ?? [];
  if (scope && scope.env === undefined && elsewhere.length > 0) {
    return {
      message: `variable '${name}' is set per environment (${elsewhere.join(', ')}) and this compile selects none`,
      hint: `run with --env ${elsewhere[0]} or --all-envs; without --env only the shared vars apply`,
    };
  }
  const where =
    scope?.env !== undefined
      ? ` for environment '${scope.env}'`
      : scope && scope.environments().length > 0
        ? ' in the shared vars (the only ones of a compile without --env)'
        : '';
  const defined = [...vars.keys()];
  const hint =
    didYouMean(name, defined) ??
    (elsewhere.length > 0
      ? `set by ${elsewhere.map((e) => `'${e}'`).join(', ')}; add it to ${scope!.placeFor()}`
      : defined.length
        ? `defined: ${defined.join(', ')}`
        : `define it under ${scope ? scope.placeFor() : 'vars: in dagsmith.config.yaml'}`);
  return { message: `variable '${name}' is not defined${where}`, hint };
}

/** What `resolveVariables` found: the data with references replaced, and where they were. */
export interface Resolution {
  readonly data: unknown;
  /** Paths of strings whose references could not all be resolved (reported): later checks leave them alone. */
  readonly unresolved: JsonPath[];
  /** Each string that took a variable's value: its path and the names it used. */
  readonly substituted: readonly { readonly path: JsonPath; readonly names: readonly string[] }[];
}

/**
 * Replaces deploy-time variables `${name}` in every string value (not in keys) with the environment's value.
 * Undefined or malformed references are reported at the string that holds them, left as written, and their paths
 * returned so that later checks leave them alone instead of reporting the same mistake again. The caller bounds the
 * data's depth (checkDataLimits). What holds no reference is returned as it is, shared with `data` (which nothing
 * changes), not copied.
 */
export function resolveVariables(data: unknown, vars: ReadonlyMap<string, string>, reporter: Reporter, scope?: VarScope): Resolution {
  const unresolved: JsonPath[] = [];
  const substituted: { path: JsonPath; names: string[] }[] = [];
  // The path of the value being walked, one array pushed and popped: copied only for a string that has a reference.
  const path: (string | number)[] = [];
  const substitute = (text: string): string => {
    const r = resolveText(text, vars, scope);
    // The path is copied (once) only for a string that has a problem or took a variable: most with a `$` do.
    let here: JsonPath | undefined;
    if (r.problems.length > 0) unresolved.push((here ??= path.slice()));
    for (const p of r.problems) reporter.report(p.code, (here ??= path.slice()), p.message, p.hint ? { hint: p.hint } : {});
    let names: string[] | undefined;
    for (const s of r.substitutions) if (s.name !== undefined) (names ??= []).push(s.name);
    if (names) substituted.push({ path: here ?? path.slice(), names });
    return r.text;
  };
  // A mapping or list is copied only when a value inside it changes; the rest of the data is returned as it was.
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return value.includes('$') ? substitute(value) : value;
    if (Array.isArray(value)) {
      let copy: unknown[] | undefined;
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        const v = walk(value[i]);
        path.pop();
        if (!Object.is(v, value[i])) (copy ??= value.slice())[i] = v;
      }
      return copy ?? value;
    }
    if (value && typeof value === 'object') {
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj);
      // Anything but a plain mapping (which neither YAML nor a TypeScript pipeline's data has) becomes one.
      let copy: Record<string, unknown> | undefined = Object.getPrototypeOf(obj) === Object.prototype ? undefined : {};
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!;
        path.push(key);
        const v = walk(obj[key]);
        path.pop();
        if (!copy && !Object.is(v, obj[key])) {
          copy = {};
          for (let j = 0; j < i; j++) setOwn(copy, keys[j]!, obj[keys[j]!]);
        }
        if (copy) setOwn(copy, key, v);
      }
      return copy ?? value;
    }
    return value;
  };
  return { data: walk(data), unresolved, substituted };
}

/**
 * Names, in a diagnostic about a value that came from variables, the variables, the environment and the config line
 * each value was set at: the message then points at both the spec and the config.
 */
export function variableNote(names: readonly string[], vars: ReadonlyMap<string, string>, scope: VarScope | undefined): string {
  const setter = scope?.env !== undefined ? `environment '${scope.env}'` : 'the shared vars';
  const each = [...new Set(names)].map((n) => {
    const where = scope?.where(n);
    return `\${${n}}, which ${setter} set${scope?.env !== undefined ? 's' : ''} to ${JSON.stringify(vars.get(n) ?? '')}${where ? ` at ${where}` : ''}`;
  });
  return `from ${each.join('; ')}`;
}

/** A file (a SQL file a step inlines) with its variables resolved, and the problems found, at their positions in it. */
export interface ResolvedFile {
  /** The file's text as written, and with its variables resolved. */
  readonly original: string;
  readonly text: string;
  readonly substitutions: readonly Substitution[];
  readonly diagnostics: readonly Diagnostic[];
  /** The names of the variables it used. */
  readonly names: readonly string[];
}

/** Resolves `${name}` in the text of `file` (project-relative, for the diagnostics' positions inside it). */
export function resolveFileVariables(file: string, text: string, vars: ReadonlyMap<string, string>, scope?: VarScope): ResolvedFile {
  if (!text.includes('$')) return { original: text, text, substitutions: [], diagnostics: [], names: [] };
  const r = resolveText(text, vars, scope);
  const lines = lineStartsOf(text);
  const diagnostics = r.problems.map((p) => {
    const end = p.code === 'DS320' ? p.offset + 2 : text.indexOf('}', p.offset) + 1;
    return makeDiagnostic(
      p.code,
      file,
      rangeOfOffsets(lines, p.offset, end),
      p.code === 'DS320' ? `malformed variable reference: write \${name} (or $\${ for a literal \${)` : p.message,
      {
        ...(p.hint ? { hint: p.hint } : {}),
      },
    );
  });
  return {
    original: text,
    text: r.text,
    substitutions: r.substitutions,
    diagnostics,
    names: r.substitutions.flatMap((s) => (s.name !== undefined ? [s.name] : [])),
  };
}

/**
 * The offset in the original text of an offset in the resolved text: before, after or between references it moves
 * with them; inside a replaced value it is the reference's `${`.
 */
export function originalOffset(substitutions: readonly Substitution[], resolvedOffset: number): number {
  let shift = 0;
  for (const s of substitutions) {
    if (resolvedOffset < s.to) break;
    if (resolvedOffset < s.to + s.toLength) return s.from;
    shift = s.from + s.fromLength - (s.to + s.toLength);
  }
  return resolvedOffset + shift;
}

/** Sets an own property: a key such as `__proto__` is data here, not the prototype (as with Object.fromEntries). */
function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  else obj[key] = value;
}
