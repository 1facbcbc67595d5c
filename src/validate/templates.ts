/**
 * Airflow's Jinja checked at compile time, with Jinja's own grammar (src/base/jinja/, a port of jinja2's lexer and
 * parser) and what the target Airflow puts in a template's reach (src/base/airflow-templates.generated.ts):
 *
 * - DS340: a syntax error, at the `{{` / `{%` it is in (Jinja's own message);
 * - DS341: a name that is not in the template context (Airflow renders with StrictUndefined: the task fails),
 *   unless it is only tested (`is defined`) or given a default (`| default(...)`), which StrictUndefined allows;
 * - DS342: a filter or test the environment does not have (Jinja refuses the template when it compiles it);
 * - DS343: `macros.<name>` that the target's macros module does not have;
 * - DS344: `params.<name>` that the pipeline does not declare.
 *
 * Every string of every step is checked, and the SQL files steps inline, at positions inside them.
 */
import { pathStartsWith } from '../util/json-path';
import type { Reporter } from '../diagnostics/reporter';
import type { Diagnostic, JsonPath, SourceRange } from '../diagnostics/types';
import { makeDiagnostic } from '../diagnostics/diagnostic';
import type { Code } from '../diagnostics/codes';
import { templateTable, type AirflowTemplateTable } from '../base/airflow-templates';
import { TemplateSyntaxError } from '../base/jinja/lexer';
import type { Expr, Stmt } from '../base/jinja/nodes';
import { parseTemplate } from '../base/jinja/parser';
import { isCheckedStep, kindOf } from '../steps/index';
import type { AirflowTarget } from '../targets';
import { isRecord } from '../util/is-record';
import { didYouMean } from '../util/suggest';
import { REMOVED_IN_AIRFLOW_3 } from './portability';
import { templateSkeleton } from './template-skeleton';

/** A SQL file a step inlines: its text with variables resolved, and where an offset of that text is in the file. */
export interface TemplateFile {
  /** Project-relative path (for diagnostics). */
  readonly file: string;
  readonly text: string;
  rangeAt(offset: number, length: number): SourceRange;
}

export interface TemplateCheckContext {
  readonly reporter: Reporter;
  readonly target: AirflowTarget;
  /** Paths already reported (schema, variables): the steps holding them are not checked. */
  readonly skip: readonly JsonPath[];
  /** Where `length` characters at `offset` of the string at `path` (as resolved) are in the source. */
  rangeIn(path: JsonPath, offset: number, length: number): SourceRange;
  /** A SQL file named relative to the pipeline; undefined when it cannot be read (reported elsewhere). */
  file(relPath: string): TemplateFile | undefined;
  /** Diagnostics about a file other than the pipeline's (a SQL file). */
  readonly fileDiagnostics: Diagnostic[];
}

/** The codes of the template checks: about the Jinja at their position, whatever value a variable gave the string. */
export const TEMPLATE_CODES: ReadonlySet<string> = new Set(['DS340', 'DS341', 'DS342', 'DS343', 'DS344', 'DS345']);

/** Whether a string holds `{{`, `{%` or `{#` (one scan for `{`: most strings of a pipeline hold none). */
export function looksLikeTemplate(text: string): boolean {
  for (let i = text.indexOf('{'); i >= 0; i = text.indexOf('{', i + 1)) {
    const next = text.charCodeAt(i + 1);
    if (next === 0x7b || next === 0x25 || next === 0x23) return true; // { % #
  }
  return false;
}

/**
 * The template strings of one step's values as checkTemplates walked them, in order, but those in fields naming a file
 * (whose text the kind inlines): what DS345 (templated-fields.ts) looks for in the step's arguments, so it need not
 * walk the step again. `step` and `kind` say which data it was found in (the check uses it only for the same ones).
 */
export interface StepTemplates {
  readonly step: unknown;
  /** The kind's definition (compared by identity). */
  readonly kind: object;
  readonly texts: readonly string[];
}

/**
 * Checks every template in the steps of a pipeline (resolved data) and in the SQL files they inline. Returns the
 * template strings of each step it checked (by step index; a hole for a step it did not check).
 */
export function checkTemplates(data: unknown, ctx: TemplateCheckContext): (StepTemplates | undefined)[] {
  const found: (StepTemplates | undefined)[] = [];
  if (!isRecord(data) || !Array.isArray(data.steps)) return found;
  const table = templateTable(ctx.target.version);
  const params = new Set(isRecord(data.params) ? Object.keys(data.params) : []);
  const scope: Scope = { table, params, target: ctx.target };
  // The path of the template being checked, for the one reporting function (checkOne reports while it runs): no
  // function made per template.
  let at: readonly (string | number)[] = [];
  const report: Report = (code, offset, length, message, hint) => {
    const path = [...at];
    ctx.reporter.report(code, path, message, { range: ctx.rangeIn(path, offset, length), ...(hint ? { hint } : {}) });
  };
  data.steps.forEach((raw: unknown, index: number) => {
    const base: JsonPath = ['steps', index];
    if (!isCheckedStep(raw) || (ctx.skip.length > 0 && ctx.skip.some((p) => pathStartsWith(p, base)))) return;
    const kind = kindOf(raw.kind);
    const fileFields: readonly string[] = kind.fileFields ?? NO_FIELDS;
    const texts: string[] = [];
    forEachTemplateString(raw, base, (text, path) => {
      if (fileFields.length === 0 || !fileFields.includes(String(path[2]))) texts.push(text);
      at = path;
      checkOne(text, scope, report);
    });
    found[index] = { step: raw, kind, texts };
    for (const field of fileFields) {
      const rel: unknown = Object.getOwnPropertyDescriptor(raw, field)?.value;
      const f = typeof rel === 'string' ? ctx.file(rel) : undefined;
      if (!f || !looksLikeTemplate(f.text)) continue;
      checkOne(f.text, scope, (code, offset, length, message, hint) =>
        ctx.fileDiagnostics.push(makeDiagnostic(code, f.file, f.rangeAt(offset, length), message, hint ? { hint } : {})),
      );
    }
  });
  return found;
}

const NO_FIELDS: readonly string[] = [];

interface Scope {
  readonly table: AirflowTemplateTable;
  readonly params: ReadonlySet<string>;
  readonly target: AirflowTarget;
}

type Report = (code: Code, offset: number, length: number, message: string, hint?: string) => void;

/** One template: its syntax, then the names, filters, tests, macros and params it uses. */
function checkOne(text: string, scope: Scope, report: Report): void {
  const { analysis: a, starts } = analysisOf(text, scope.table.jinja2);
  if ('error' in a) {
    const err = a.error;
    report('DS340', err.offset, 2, `Jinja syntax error: ${err.message}${err.lineno > 1 ? ` (line ${err.lineno} of the template)` : ''}`);
    return;
  }
  const { uses, stored, offsets, guarded } = a;
  // The table's sets are built once per table (not per template); the names in reach with this template's own
  // only when a message needs them for a suggestion.
  const { contextAndGlobals, filters, tests, macros } = tableSets(scope.table);
  const isKnown = (name: string) => contextAndGlobals.has(name) || stored.has(name);
  const known = () => new Set([...scope.table.context, ...scope.table.globals, ...stored]);
  // Made when a first problem is found (most templates have none).
  let seen: Set<string> | undefined;
  const once = (key: string) => !(seen ??= new Set<string>()).has(key) && (seen.add(key), true);
  for (let i = 0; i < uses.length; i++) {
    const u = uses[i]!;
    const offset = starts ? movedOffset(offsets[i]!, starts) : offsets[i]!;
    switch (u.kind) {
      case 'name': {
        if (isKnown(u.name) || guarded.has(u.name)) break;
        // Airflow 3's removed variables have their own code (DS326) and advice.
        if (scope.target.major >= 3 && Object.hasOwn(REMOVED_IN_AIRFLOW_3, u.name)) break;
        if (!once(`n:${u.name}`)) break;
        report('DS341', offset, 2, `'${u.name}' is not in the template context on Airflow ${scope.target.version}`, suggest(u.name, known()));
        break;
      }
      case 'filter':
        if (!filters.has(u.name) && once(`f:${u.name}`)) report('DS342', offset, 2, `no filter named '${u.name}'`, suggest(u.name, filters));
        break;
      case 'test':
        if (!tests.has(u.name) && once(`t:${u.name}`)) report('DS342', offset, 2, `no test named '${u.name}'`, suggest(u.name, tests));
        break;
      case 'macro':
        if (!stored.has('macros') && !macros.has(u.name) && once(`m:${u.name}`)) {
          const hint = suggest(u.name, macros, false);
          report('DS343', offset, 2, `'macros.${u.name}' is not a macro on Airflow ${scope.target.version}`, hint);
        }
        break;
      case 'param':
        if (!stored.has('params') && !scope.params.has(u.name) && once(`p:${u.name}`)) {
          const declared = [...scope.params];
          report(
            'DS344',
            offset,
            2,
            `'params.${u.name}' is not a param of this pipeline`,
            didYouMean(u.name, declared) ??
              (declared.length
                ? `declared: ${declared.join(', ')}`
                : `declare it under params: (with a default), or use \${name} for a deploy-time value`),
          );
        }
        break;
    }
  }
}

/** What checking a template needs of its text alone: its syntax error, or the names it uses and stores. */
type Analysis =
  | { readonly error: TemplateSyntaxError }
  | {
      readonly uses: readonly Use[];
      readonly stored: ReadonlySet<string>;
      /** Each use's offset in the text. */
      readonly offsets: readonly number[];
      /** The names the template guards somewhere (`x is defined`, `x | default(...)`). */
      readonly guarded: ReadonlySet<string>;
    };

/**
 * Templates already parsed, by Jinja version and text: projects repeat the same templates (`{{ ds }}`, the same
 * SQL) in many steps and files, and templates that differ only around their `{{ }}` share the parse of their
 * skeleton (src/validate/template-skeleton.ts). Bounded: emptied when it holds this many.
 */
const ANALYSED_MAX = 20_000;
const analysedByJinja = new Map<string, Map<string, Analysis>>();

/**
 * The analysis to check a template with: its skeleton's when it has one that parses, with `starts` to move its offsets
 * to the text's (movedOffset); else (a syntax error's message and line depend on the whole text) the text's own.
 */
function analysisOf(text: string, jinja2: string): { readonly analysis: Analysis; readonly starts?: readonly number[] } {
  let memo = analysedByJinja.get(jinja2);
  if (!memo) analysedByJinja.set(jinja2, (memo = new Map<string, Analysis>()));
  const skeleton = templateSkeleton(text);
  if (skeleton && skeleton.text !== text) {
    const analysis = memoized(skeleton.text, jinja2, memo);
    if (!('error' in analysis)) return { analysis, starts: skeleton.starts };
  }
  return { analysis: memoized(text, jinja2, memo) };
}

/** The analysis of a template with offsets in the text, as checkOne sees it (for the differential test). */
export function analysedTemplate(text: string, jinja2: string): Analysis {
  const { analysis, starts } = analysisOf(text, jinja2);
  if ('error' in analysis || !starts) return analysis;
  return { ...analysis, offsets: analysis.offsets.map((o) => movedOffset(o, starts)) };
}

/** An offset inside the skeleton's expression that starts at or before it, moved to where that expression is in the text. */
function movedOffset(offset: number, starts: readonly number[]): number {
  let i = starts.length - 2;
  while (i > 0 && starts[i + 1]! > offset) i -= 2;
  return offset - starts[i + 1]! + starts[i]!;
}

function memoized(text: string, jinja2: string, memo: Map<string, Analysis>): Analysis {
  let a = memo.get(text);
  if (a) return a;
  a = analysedText(text, jinja2);
  if (memo.size >= ANALYSED_MAX) memo.clear();
  memo.set(text, a);
  return a;
}

/** The analysis of a template by parsing the whole text (the general path; exported for the differential test). */
export function analysedText(text: string, jinja2: string): Analysis {
  try {
    const parsed = parseTemplate(text, { jinja2 });
    const stored = new Set<string>(['loop', 'caller', 'varargs', 'kwargs', 'self', 'super']);
    const uses: Use[] = [];
    collect(parsed.body, stored, uses);
    // In the order of the text, so that the first use of a name is the one reported.
    uses.sort((x, y) => x.tag - y.tag);
    // A name the template guards anywhere is taken as optional everywhere in it.
    const guarded = new Set(uses.flatMap((u) => (u.kind === 'name' && u.guarded ? [u.name] : [])));
    // Each use's offset in the text as given (the parse result itself is not kept).
    return { uses, stored, guarded, offsets: uses.map((u) => parsed.source.original[u.tag] ?? 0) };
  } catch (err) {
    if (!(err instanceof TemplateSyntaxError)) throw err;
    return { error: err };
  }
}

interface TableSets {
  readonly contextAndGlobals: ReadonlySet<string>;
  readonly filters: ReadonlySet<string>;
  readonly tests: ReadonlySet<string>;
  readonly macros: ReadonlySet<string>;
}

const setsOfTable = new WeakMap<AirflowTemplateTable, TableSets>();

function tableSets(table: AirflowTemplateTable): TableSets {
  let sets = setsOfTable.get(table);
  if (!sets) {
    sets = {
      contextAndGlobals: new Set([...table.context, ...table.globals]),
      filters: new Set(table.filters),
      tests: new Set(table.tests),
      macros: new Set(table.macros),
    };
    setsOfTable.set(table, sets);
  }
  return sets;
}

function suggest(name: string, candidates: Iterable<string>, listAll = false): string | undefined {
  return didYouMean(name, candidates) ?? (listAll ? [...candidates].join(', ') : undefined);
}

type Use =
  | { readonly kind: 'name'; readonly name: string; readonly tag: number; readonly guarded: boolean }
  | { readonly kind: 'filter' | 'test' | 'macro' | 'param'; readonly name: string; readonly tag: number };

/** The filters and tests under which an undefined name is fine with StrictUndefined. */
const GUARDING_FILTERS = new Set(['default', 'd']);
const GUARDING_TESTS = new Set(['defined', 'undefined']);

/**
 * Every name loaded, filter, test, `macros.x` and `params.x` used; and every name a statement stores (set, for,
 * macro arguments, with, imports), which the template may then read. Iterative over an explicit stack (depth-safe).
 */
function collect(body: readonly Stmt[], stored: Set<string>, uses: Use[]): void {
  type Item = { readonly node: Stmt | Expr; readonly guarded: boolean };
  const stack: Item[] = body.map((node) => ({ node, guarded: false }));
  const push = (node: Stmt | Expr | null | undefined, guarded = false) => {
    if (node) stack.push({ node, guarded });
  };
  const pushAll = (nodes: readonly (Stmt | Expr)[]) => nodes.forEach((n) => push(n));
  const store = (target: Expr) => {
    if (target.t === 'Name') stored.add(target.name);
    else if (target.t === 'Tuple') target.items.forEach(store);
    else if (target.t === 'NSRef') push({ t: 'Name', lineno: target.lineno, tag: target.tag, name: target.name, ctx: 'load' });
  };
  while (stack.length > 0) {
    const { node, guarded } = stack.pop()!;
    switch (node.t) {
      case 'Name':
        if (node.ctx === 'load') uses.push({ kind: 'name', name: node.name, tag: node.tag, guarded });
        else stored.add(node.name);
        break;
      case 'NSRef':
      case 'Const':
        break;
      case 'Tuple':
      case 'List':
        pushAll(node.items);
        break;
      case 'Dict':
        for (const i of node.items) {
          push(i.key);
          push(i.value);
        }
        break;
      case 'CondExpr':
        push(node.test);
        push(node.expr1);
        push(node.expr2);
        break;
      case 'BinExpr':
        push(node.left);
        push(node.right);
        break;
      case 'UnaryExpr':
        push(node.node);
        break;
      case 'Compare':
        push(node.expr);
        for (const o of node.ops) push(o.expr);
        break;
      case 'Concat':
        pushAll(node.nodes);
        break;
      case 'Getattr':
        if (node.node.t === 'Name' && node.node.ctx === 'load' && node.node.name === 'macros')
          uses.push({ kind: 'macro', name: node.attr, tag: node.tag });
        if (node.node.t === 'Name' && node.node.ctx === 'load' && node.node.name === 'params')
          uses.push({ kind: 'param', name: node.attr, tag: node.tag });
        push(node.node);
        break;
      case 'Getitem':
        if (node.node.t === 'Name' && node.node.name === 'params' && node.arg.t === 'Const' && typeof node.arg.value === 'string') {
          uses.push({ kind: 'param', name: node.arg.value, tag: node.tag });
        }
        push(node.node);
        push(node.arg);
        break;
      case 'Slice':
        push(node.start);
        push(node.stop);
        push(node.step);
        break;
      case 'Call':
        // A method of params (params.get('x'), params.items()) is not a param.
        if (node.node.t === 'Getattr' && node.node.node.t === 'Name' && node.node.node.name === 'params') push(node.node.node);
        else push(node.node);
        pushArgs(node, push);
        break;
      case 'Filter':
        uses.push({ kind: 'filter', name: node.name, tag: node.tag });
        push(node.node, GUARDING_FILTERS.has(node.name));
        pushArgs(node, push);
        break;
      case 'Test':
        uses.push({ kind: 'test', name: node.name, tag: node.tag });
        push(node.node, GUARDING_TESTS.has(node.name));
        pushArgs(node, push);
        break;
      case 'Output':
        for (const n of node.nodes) if (n.t !== 'TemplateData') push(n);
        break;
      case 'For':
        store(node.target);
        stored.add('loop');
        push(node.iter);
        push(node.test);
        pushAll(node.body);
        pushAll(node.else_);
        break;
      case 'If':
        push(node.test);
        pushAll(node.body);
        pushAll(node.elif);
        pushAll(node.else_);
        break;
      case 'With':
        node.targets.forEach(store);
        pushAll(node.values);
        pushAll(node.body);
        break;
      case 'Scope':
        pushAll(node.options);
        pushAll(node.body);
        break;
      case 'Block':
        pushAll(node.body);
        break;
      case 'Extends':
      case 'Include':
        push(node.template);
        break;
      case 'Import':
        stored.add(node.target);
        push(node.template);
        break;
      case 'FromImport':
        for (const n of node.names) stored.add(typeof n === 'string' ? n : n[1]);
        push(node.template);
        break;
      case 'Macro':
        stored.add(node.name);
        node.args.forEach(store);
        pushAll(node.defaults);
        pushAll(node.body);
        break;
      case 'CallBlock':
        node.args.forEach(store);
        push(node.call);
        pushAll(node.defaults);
        pushAll(node.body);
        break;
      case 'FilterBlock':
        push(node.filter);
        pushAll(node.body);
        break;
      case 'Assign':
        store(node.target);
        push(node.node);
        break;
      case 'AssignBlock':
        store(node.target);
        push(node.filter);
        pushAll(node.body);
        break;
      case 'ExprStmt':
        push(node.node);
        break;
    }
  }
}

function pushArgs(
  node: {
    readonly args: readonly Expr[];
    readonly kwargs: readonly { readonly value: Expr }[];
    readonly dynArgs: Expr | null;
    readonly dynKwargs: Expr | null;
  },
  push: (n: Expr | null) => void,
): void {
  node.args.forEach(push);
  for (const k of node.kwargs) push(k.value);
  push(node.dynArgs);
  push(node.dynKwargs);
}

/**
 * Visits every string under `value` that holds a template, with its path (`base` followed by the keys). The path is
 * one array that changes as the walk goes on, valid during the visit: a visitor that keeps it copies it (most
 * strings of a pipeline hold no template, and most templates are reported nothing).
 */
export function forEachTemplateString(value: unknown, base: JsonPath, visit: (text: string, path: readonly (string | number)[]) => void): void {
  walkTemplateStrings(value, [...base], 0, visit);
}

function walkTemplateStrings(
  v: unknown,
  path: (string | number)[],
  depth: number,
  visit: (text: string, path: readonly (string | number)[]) => void,
): void {
  if (depth > 200) return;
  if (typeof v === 'string') {
    if (looksLikeTemplate(v)) visit(v, path);
  } else if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      path.push(i);
      walkTemplateStrings(v[i], path, depth + 1, visit);
      path.pop();
    }
  } else if (isRecord(v)) {
    // for...in, not Object.keys: no array of keys per mapping. The data is plain (resolveVariables makes every mapping
    // a plain one), so its enumerable keys are its own, in the same order.
    for (const k in v) {
      path.push(k);
      walkTemplateStrings(v[k], path, depth + 1, visit);
      path.pop();
    }
  }
}
