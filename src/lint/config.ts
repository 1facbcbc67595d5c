import { isRecord } from '../util/is-record';
import { isUnknownArray } from '../util/json';
import type { ValidateFunction } from 'ajv';
import type { JsonPath, Severity } from '../diagnostics/types';
import { didYouMean } from '../util/suggest';
import picomatch from 'picomatch';
import { CODES, type Code } from '../diagnostics/codes';
import type { RuleMeta } from './types';

/** How one rule is set in `lint.rules`: its severity (or off) and its options. */
export interface RuleSetting {
  readonly severity: Severity | 'off';
  readonly options?: Readonly<Record<string, unknown>>;
}

export interface LintConfig {
  /** Rule code -> setting, for the rules the config names. */
  readonly rules: ReadonlyMap<string, RuleSetting>;
  /** Settings for files matching globs (ESLint's `overrides`), later entries winning over earlier ones. */
  readonly overrides?: readonly LintOverride[];
  /** Where the rule pages are published (`<docsUrl>DS403.md`): SARIF's helpUri. Unset: the rule text inline. */
  readonly docsUrl?: string;
}

/** `lint.overrides[i]`: rule settings for the files its globs match (project-relative, forward slashes). */
export interface LintOverride {
  readonly files: readonly string[];
  readonly rules: ReadonlyMap<string, RuleSetting>;
  readonly matches: (file: string) => boolean;
}

export const EMPTY_LINT_CONFIG: LintConfig = { rules: new Map() };

/**
 * The setting of a code for a finding in `files` (its own file and the pipeline file it belongs to): the
 * `rules` entry, then every override matching one of the files, in order; options merge, severity is the last one.
 */
export function settingFor(config: LintConfig, code: string, files: readonly string[]): RuleSetting | undefined {
  let s = config.rules.get(code);
  for (const o of config.overrides ?? []) {
    const r = o.rules.get(code);
    if (!r || !files.some((f) => o.matches(f))) continue;
    s = { severity: r.severity, ...(s?.options || r.options ? { options: { ...(s?.options ?? {}), ...(r.options ?? {}) } } : {}) };
  }
  return s;
}

/** Validation codes a project may configure like rules: the ones that are warnings (or infos), never errors. */
export function configurableValidationCode(code: string): boolean {
  if (code.startsWith('DS4') || !Object.prototype.hasOwnProperty.call(CODES, code)) return false;
  return CODES[code as Code].severity !== 'error';
}

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
 * Reads `lint:` of dagsmith.config.yaml: `rules: { DS4xx: off|info|warn|error | [severity, {options}] }`,
 * `overrides: [{ files: [globs], rules: {...} }]` and `docsUrl`. Every problem is reported at its path (under
 * `at`, `lint` or `environments.<e>.lint`); the result holds what was valid. An environment's lint settings take
 * `rules` and `overrides` only (`docsUrl` is where the project's rule pages are, one place for every environment).
 */
export function readLintConfig(raw: unknown, report: ConfigReport, at: JsonPath = ['lint']): LintConfig {
  const name = at.join('.');
  const settings = at.length === 1 ? ['rules', 'overrides', 'docsUrl'] : ['rules', 'overrides'];
  if (raw === undefined || raw === null) return { rules: new Map() };
  if (!isRecord(raw)) {
    report(at, `${name} must be a mapping (rules: ..., overrides: ...)`);
    return { rules: new Map() };
  }
  for (const key of Object.keys(raw)) {
    if (!settings.includes(key)) {
      const hint = key === 'docsUrl' ? '; docsUrl is set once, under the top-level lint' : '';
      report([...at, key], `unknown setting '${key}' (settings here: ${settings.join(', ')}${hint})`, 'key');
    }
  }
  const rules = readRules(raw.rules, [...at, 'rules'], report);
  const overrides: LintOverride[] = [];
  if (raw.overrides !== undefined && raw.overrides !== null) {
    if (!Array.isArray(raw.overrides)) report([...at, 'overrides'], `${name}.overrides must be a list of { files: [globs], rules: {...} }`);
    else
      raw.overrides.forEach((o: unknown, i) => {
        const path: JsonPath = [...at, 'overrides', i];
        if (!isRecord(o)) return report(path, 'an override is a mapping { files: [globs], rules: {...} }');
        for (const key of Object.keys(o))
          if (key !== 'files' && key !== 'rules') report([...path, key], `unknown setting '${key}' (settings here: files, rules)`, 'key');
        const files = o.files;
        if (!Array.isArray(files) || files.length === 0 || !files.every((f) => typeof f === 'string' && f.length > 0)) {
          return report([...path, 'files'], "an override's files is a non-empty list of globs relative to the project, e.g. ['pipelines/legacy/**']");
        }
        const globs = files as string[];
        const bad = globs.findIndex((g) => g.startsWith('/') || g.split('/').includes('..'));
        if (bad >= 0) return report([...path, 'files', bad], `'${globs[bad]}' must be relative to the project and stay inside it`);
        overrides.push({ files: globs, rules: readRules(o.rules, [...path, 'rules'], report), matches: picomatch(globs, { dot: true }) });
      });
  }
  let docsUrl: string | undefined;
  if (raw.docsUrl !== undefined && settings.includes('docsUrl')) {
    if (typeof raw.docsUrl !== 'string' || !/^https:\/\/[^\s]+\/$/.test(raw.docsUrl)) {
      report([...at, 'docsUrl'], "lint.docsUrl is the https:// address the rule pages are published under, ending in '/' (<docsUrl>DS403.md)");
    } else docsUrl = raw.docsUrl;
  }
  return { rules, ...(overrides.length > 0 ? { overrides } : {}), ...(docsUrl ? { docsUrl } : {}) };
}

/**
 * The lint settings of a build for `environment`: the project's, with the environment's own on top (its rules win
 * over the project's rules, and its overrides come after the project's, so they win over those too, per file).
 */
export function lintConfigFor(project: LintConfig, environment: LintConfig | undefined): LintConfig {
  if (!environment) return project;
  const overrides = [...(project.overrides ?? []), ...(environment.overrides ?? [])];
  return {
    rules: new Map([...project.rules, ...environment.rules]),
    ...(overrides.length > 0 ? { overrides } : {}),
    ...(project.docsUrl ? { docsUrl: project.docsUrl } : {}),
  };
}

function readRules(given: unknown, at: JsonPath, report: ConfigReport): Map<string, RuleSetting> {
  const rules = new Map<string, RuleSetting>();
  if (given === undefined || given === null) return rules;
  if (!isRecord(given)) {
    report(
      at,
      `${at.join('.')} must be a mapping of codes (DS4xx, or validation warnings such as DS385) to off, info, warn, error or [severity, options]`,
    );
    return rules;
  }
  // The rules are loaded only when the config names some: a compile of a project that sets none does not pay for them.
  const { ALL_RULE_METAS } = require('./rules/index') as typeof import('./rules/index');
  const byCode = new Map(ALL_RULE_METAS.map((m) => [m.code as string, m]));
  const byName = new Map(ALL_RULE_METAS.map((m) => [m.name, m]));
  for (const [code, value] of Object.entries(given)) {
    const path: JsonPath = [...at, code];
    const rule = byCode.get(code);
    const validation = !rule && configurableValidationCode(code);
    if (!rule && !validation) {
      const named = byName.get(code);
      const hint = named
        ? `rules are named by code: ${code} is ${named.code}`
        : /^DS\d{3}$/.test(code) && Object.prototype.hasOwnProperty.call(CODES, code)
          ? `${code} is an error; only warnings can be configured`
          : didYouMean(code, [...byCode.keys()]);
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
      const validate = rule ? optionValidator(rule) : undefined;
      if (!validate) {
        report([...path, 1], `${code}${rule ? ` (${rule.name})` : ''} takes no options`);
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
            const known = Object.keys(rule?.options?.properties ?? {});
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
  return rules;
}
