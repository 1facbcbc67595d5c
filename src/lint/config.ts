import { isRecord } from '../util/is-record';
import { isUnknownArray } from '../util/json';
import type { ValidateFunction } from 'ajv';
import type { JsonPath, Severity } from '../diagnostics/types';
import { didYouMean } from '../util/suggest';
import type { RuleMeta } from './types';

/** How one rule is set in `lint.rules`: its severity (or off) and its options. */
export interface RuleSetting {
  readonly severity: Severity | 'off';
  readonly options?: Readonly<Record<string, unknown>>;
}

export interface LintConfig {
  /** Rule code -> setting, for the rules the config names. */
  readonly rules: ReadonlyMap<string, RuleSetting>;
}

export const EMPTY_LINT_CONFIG: LintConfig = { rules: new Map() };

/** The words a config may use for a severity, as ESLint spells them. */
const SEVERITY_WORDS: ReadonlyMap<string, Severity | 'off'> = new Map<string, Severity | 'off'>([
  ['off', 'off'],
  ['info', 'info'],
  ['warn', 'warning'],
  ['error', 'error'],
]);

export type ConfigReport = (path: JsonPath, message: string, at?: 'key' | 'value') => void;

let validators: Map<string, ValidateFunction> | undefined;

function optionValidator(meta: RuleMeta): ValidateFunction | undefined {
  if (!meta.options) return undefined;
  validators ??= new Map();
  let v = validators.get(meta.code);
  if (!v) {
    // ajv is loaded for the first rule given options (most configurations give none).
    const { default: Ajv } = require('ajv') as typeof import('ajv');
    v = new Ajv({ allErrors: true, strict: false }).compile({ ...meta.options, type: 'object' });
    validators.set(meta.code, v);
  }
  return v;
}

/**
 * Reads `lint:` of dagsmith.config.yaml: `rules: { DS4xx: off|info|warn|error | [severity, {options}] }`.
 * Every problem is reported at its path (under `lint`); the result holds what was valid.
 */
export function readLintConfig(raw: unknown, report: ConfigReport): LintConfig {
  const rules = new Map<string, RuleSetting>();
  if (raw === undefined || raw === null) return { rules };
  if (!isRecord(raw)) {
    report(['lint'], 'lint must be a mapping (rules: ...)');
    return { rules };
  }
  for (const key of Object.keys(raw)) {
    if (key !== 'rules') report(['lint', key], `unknown setting '${key}' (settings here: rules)`, 'key');
  }
  const given = raw.rules;
  if (given === undefined || given === null) return { rules };
  if (!isRecord(given)) {
    report(['lint', 'rules'], 'lint.rules must be a mapping of rule codes (DS4xx) to off, info, warn, error or [severity, options]');
    return { rules };
  }
  // The rules are loaded only when the config names some: a compile of a project that sets none does not pay for them.
  const { ALL_RULE_METAS } = require('./rules/index') as typeof import('./rules/index');
  const byCode = new Map(ALL_RULE_METAS.map((m) => [m.code as string, m]));
  const byName = new Map(ALL_RULE_METAS.map((m) => [m.name, m]));
  for (const [code, value] of Object.entries(given)) {
    const path: JsonPath = ['lint', 'rules', code];
    const rule = byCode.get(code);
    if (!rule) {
      const named = byName.get(code);
      const hint = named ? `rules are named by code: ${code} is ${named.code}` : didYouMean(code, [...byCode.keys()]);
      report(path, `unknown lint rule '${code}'${hint ? ` (${hint})` : ''}`, 'key');
      continue;
    }
    const [sevValue, options] = isUnknownArray(value) ? [value[0], value[1]] : [value, undefined];
    if (isUnknownArray(value) && (value.length < 1 || value.length > 2)) {
      report(path, `${code} takes a severity or [severity, options], not a list of ${value.length}`);
      continue;
    }
    const sevPath = isUnknownArray(value) ? [...path, 0] : path;
    const severity = typeof sevValue === 'string' ? SEVERITY_WORDS.get(sevValue) : undefined;
    if (!severity) {
      report(sevPath, `severity of ${code} must be one of off, info, warn, error`);
      continue;
    }
    if (options !== undefined) {
      const validate = optionValidator(rule);
      if (!validate) {
        report([...path, 1], `${code} (${rule.name}) takes no options`);
        continue;
      }
      if (!validate(options)) {
        for (const e of validate.errors ?? []) {
          const sub = e.instancePath
            .split('/')
            .slice(1)
            .map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
          const extra = e.keyword === 'additionalProperties' ? (e.params as { additionalProperty: string }).additionalProperty : undefined;
          if (extra !== undefined) {
            const known = Object.keys(rule.options?.properties ?? {});
            report([...path, 1, ...sub, extra], `${code} has no option '${extra}' (options: ${known.join(', ')})`, 'key');
          } else {
            report([...path, 1, ...sub], `${code} option ${sub.length ? `'${sub.join('.')}' ` : ''}${e.message ?? 'is invalid'}`);
          }
        }
        continue;
      }
    }
    rules.set(code, { severity, ...(isRecord(options) ? { options } : {}) });
  }
  return { rules };
}
