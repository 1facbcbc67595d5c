/**
 * AWS's MWAA Serverless validator schema, read from the vendored copy (schemas/vendor/mwaa-serverless/, see its
 * PROVENANCE): which operators the service accepts, and which keys a DAG, a task and `default_args` may carry.
 *
 * The file is a Yamale schema: YAML documents whose values are rule expressions in Python call syntax
 * (`str(required=False)`, `enum("a", "b", required=False)`, `map(key=enum(...), none=True)`). Yamale parses those
 * expressions as Python, so this reader does the same for the subset the file uses: calls, keyword arguments,
 * string literals (adjacent literals concatenate, as in Python: the file has one place where a missing comma glues
 * two operator paths into one string, and Yamale, like this reader, then accepts neither), numbers, True/False/None.
 * PyYAML keeps the last of two equal keys, and so does this reader. test/vendor/mwaa-serverless-schema.test.ts
 * checks the result against Yamale's own reading of the file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

/** One argument of a rule expression. */
export type RuleValue = string | number | boolean | null | RuleCall;

/** A rule expression: `validator(args..., key=value...)`. */
export interface RuleCall {
  readonly validator: string;
  readonly args: readonly RuleValue[];
  readonly kwargs: ReadonlyMap<string, RuleValue>;
}

/** The rule of one key, with Yamale's defaults made explicit. */
export interface KeyRule {
  readonly rule: RuleCall;
  /** Yamale's `required=` (default true): a key the dialect demands. */
  readonly required: boolean;
  /** The rule's source text, for messages. */
  readonly text: string;
}

export interface ServerlessValidatorSchema {
  /** Dotted class paths of the operators and sensors the service accepts (the task `operator` enum). */
  readonly operators: ReadonlySet<string>;
  /** Keys a DAG (a top-level entry of the YAML) may carry, with their rules. */
  readonly dagKeys: ReadonlyMap<string, KeyRule>;
  /** Keys a task may carry, with their rules. */
  readonly taskKeys: ReadonlyMap<string, KeyRule>;
  /** Keys `default_args` may carry (the key enum of the DAG's `default_args` rule). */
  readonly defaultArgsKeys: ReadonlySet<string>;
}

/** The vendored schema file, relative to this module in src/ and in dist/ alike. */
export const VALIDATOR_SCHEMA_PATH = join(__dirname, '..', '..', 'schemas', 'vendor', 'mwaa-serverless', 'validator_schema.yaml');

let cached: ServerlessValidatorSchema | undefined;

/** The vendored validator schema (read and parsed once). */
export function serverlessValidatorSchema(): ServerlessValidatorSchema {
  cached ??= parseValidatorSchema(readFileSync(VALIDATOR_SCHEMA_PATH, 'utf8'));
  return cached;
}

export function parseValidatorSchema(text: string): ServerlessValidatorSchema {
  const sections = new Map<string, Map<string, KeyRule>>();
  for (const doc of parseAllDocuments(text, { uniqueKeys: false })) {
    if ('errors' in doc && doc.errors.length > 0) throw new Error(`validator schema: ${doc.errors[0]!.message}`);
    const value: unknown = doc.toJS();
    if (value === null || typeof value !== 'object' || Array.isArray(value)) continue; // the root rule `map(include('dag'))`
    for (const [section, keys] of Object.entries(value as Record<string, unknown>)) {
      if (keys === null || typeof keys !== 'object' || Array.isArray(keys)) continue;
      const rules = new Map<string, KeyRule>();
      for (const [key, ruleText] of Object.entries(keys as Record<string, unknown>)) {
        if (typeof ruleText !== 'string') throw new Error(`validator schema: ${section}.${key} is not a rule expression`);
        const rule = parseRule(ruleText);
        const required = rule.kwargs.get('required');
        rules.set(key, { rule, required: required === undefined ? true : required === true, text: ruleText.trim() });
      }
      sections.set(section, rules);
    }
  }
  const dagKeys = sections.get('dag');
  const taskKeys = sections.get('task');
  if (!dagKeys || !taskKeys) throw new Error('validator schema: no `dag` or `task` section');
  const operatorRule = taskKeys.get('operator')?.rule;
  if (!operatorRule || operatorRule.validator !== 'enum') throw new Error('validator schema: task.operator is not an enum');
  const defaultArgsKey = dagKeys.get('default_args')?.rule.kwargs.get('key');
  const defaultArgsKeys = isCall(defaultArgsKey) && defaultArgsKey.validator === 'enum' ? enumValues(defaultArgsKey) : [];
  return { operators: new Set(enumValues(operatorRule)), dagKeys, taskKeys, defaultArgsKeys: new Set(defaultArgsKeys) };
}

function isCall(value: RuleValue | undefined): value is RuleCall {
  return value !== null && typeof value === 'object';
}

function enumValues(rule: RuleCall): string[] {
  return rule.args.filter((a): a is string => typeof a === 'string');
}

const MAX_DEPTH = 16;

/** Parses one rule expression (the Python call subset Yamale schemas use). */
export function parseRule(text: string): RuleCall {
  let pos = 0;
  const fail = (what: string): never => {
    throw new Error(`validator schema: ${what} at offset ${pos} of rule ${JSON.stringify(text.trim().slice(0, 80))}`);
  };
  const skipSpace = () => {
    while (pos < text.length && /\s/.test(text[pos]!)) pos++;
  };
  const ident = (): string => {
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(pos));
    if (!m) return fail('expected a name');
    pos += m[0].length;
    return m[0];
  };
  const stringLiteral = (): string => {
    const quote = text[pos]!;
    pos++;
    let out = '';
    while (pos < text.length && text[pos] !== quote) {
      const c = text[pos]!;
      if (c === '\\' && pos + 1 < text.length) {
        const next = text[pos + 1]!;
        const escapes = new Map([
          ['\\', '\\'],
          ["'", "'"],
          ['"', '"'],
          ['n', '\n'],
          ['t', '\t'],
        ]);
        out += escapes.get(next) ?? `\\${next}`; // Python keeps unknown escapes as written
        pos += 2;
      } else {
        out += c;
        pos++;
      }
    }
    if (pos >= text.length) fail('unterminated string');
    pos++;
    return out;
  };
  const value = (depth: number): RuleValue => {
    skipSpace();
    const c = text[pos];
    if (c === '"' || c === "'") {
      let s = stringLiteral();
      skipSpace();
      while (text[pos] === '"' || text[pos] === "'") {
        s += stringLiteral(); // adjacent literals concatenate, as in Python
        skipSpace();
      }
      return s;
    }
    const num = /^-?\d+(\.\d+)?/.exec(text.slice(pos));
    if (num) {
      pos += num[0].length;
      return Number(num[0]);
    }
    const name = ident();
    if (name === 'True') return true;
    if (name === 'False') return false;
    if (name === 'None') return null;
    skipSpace();
    if (text[pos] !== '(') return fail(`expected '(' after ${name}`);
    return call(name, depth + 1);
  };
  const call = (validator: string, depth: number): RuleCall => {
    if (depth > MAX_DEPTH) fail('rule nested too deeply');
    pos++; // '('
    const args: RuleValue[] = [];
    const kwargs = new Map<string, RuleValue>();
    for (;;) {
      skipSpace();
      if (text[pos] === ')') break;
      const kw = /^([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)/.exec(text.slice(pos));
      if (kw) {
        pos += kw[0].length;
        kwargs.set(kw[1]!, value(depth));
      } else {
        if (kwargs.size > 0) fail('positional argument after a keyword argument');
        args.push(value(depth));
      }
      skipSpace();
      if (text[pos] === ',') pos++;
      else if (text[pos] !== ')') fail("expected ',' or ')'");
    }
    pos++; // ')'
    return { validator, args, kwargs };
  };
  skipSpace();
  const name = ident();
  skipSpace();
  if (text[pos] !== '(') fail(`expected '(' after ${name}`);
  const rule = call(name, 1);
  skipSpace();
  if (pos !== text.length) fail('text after the rule');
  return rule;
}
