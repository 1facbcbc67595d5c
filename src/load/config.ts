import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import type { Diagnostic } from '../diagnostics/types';
import { DEFAULT_AIRFLOW, MWAA_TARGETS } from '../emit/target';
import type { JsonSchema } from '../schema/json-schema';
import { S } from '../schema/json-schema';
import { Reporter } from './source';
import { loadYamlText } from './yaml';
import { didYouMean } from '../util/suggest';

export const CONFIG_FILE = 'dagsmith.config.yaml';

export interface EnvironmentConfig {
  readonly name: string;
  readonly mwaa?: { readonly name: string; readonly region?: string };
  /** s3://bucket/prefix for self-managed Airflow (instead of an MWAA environment). */
  readonly bucket?: string;
  readonly airflow?: string;
  readonly vars: Readonly<Record<string, string>>;
}

export interface ProjectConfig {
  /** Folder of pipeline files, relative to the project root. */
  readonly pipelines: string;
  readonly outDir: string;
  readonly airflow: string;
  /** Variables for every environment (and for compiles without --env); an environment's vars override them. */
  readonly vars: Readonly<Record<string, string>>;
  readonly environments: Readonly<Record<string, EnvironmentConfig>>;
  readonly lint: Readonly<Record<string, unknown>>;
  /** Present when the file exists. */
  readonly file?: string;
}

const varsSchema: JsonSchema = {
  type: 'object',
  description: 'Deploy-time variables, used as ${name} in pipelines.',
  additionalProperties: { type: ['string', 'number', 'boolean'] },
};

export const CONFIG_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    pipelines: S.nonEmptyString('Folder of pipeline files.', { default: 'pipelines' }),
    outDir: S.nonEmptyString('Folder the DAG files are written to.', { default: 'dags-out' }),
    airflow: S.enum('Airflow version to compile for (an MWAA version).', Object.keys(MWAA_TARGETS)),
    vars: varsSchema,
    environments: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        properties: {
          mwaa: {
            type: 'object',
            properties: { name: S.nonEmptyString('MWAA environment name.'), region: S.nonEmptyString('AWS region.') },
            required: ['name'],
            additionalProperties: false,
          },
          bucket: S.string('s3://bucket/prefix of the DAG folder, for Airflow outside MWAA.'),
          airflow: S.enum('Airflow version of this environment.', Object.keys(MWAA_TARGETS)),
          vars: varsSchema,
        },
        additionalProperties: false,
      },
    },
    lint: { type: 'object', description: 'Lint settings.' },
  },
  additionalProperties: false,
};

export interface ConfigResult {
  readonly config: ProjectConfig | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** Reads dagsmith.config.yaml when there is one; its problems are configuration errors (exit code 2). */
export function loadConfig(cwd: string): ConfigResult {
  const abs = join(cwd, CONFIG_FILE);
  const defaults: ProjectConfig = {
    pipelines: 'pipelines',
    outDir: 'dags-out',
    airflow: DEFAULT_AIRFLOW,
    vars: {},
    environments: {},
    lint: {},
  };
  if (!existsSync(abs)) return { config: defaults, diagnostics: [] };
  const loaded = loadYamlText(CONFIG_FILE, abs, readFileSync(abs, 'utf8'));
  if (!loaded.spec) return { config: undefined, diagnostics: loaded.diagnostics };
  const reporter = new Reporter(CONFIG_FILE, loaded.spec.locator);
  const data = loaded.spec.data;
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, verbose: true });
  if (!ajv.validate(CONFIG_SCHEMA, data ?? {})) {
    for (const e of ajv.errors ?? []) {
      const path = e.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
      const extra = e.keyword === 'additionalProperties' ? (e.params as { additionalProperty: string }).additionalProperty : undefined;
      const allowed = Object.keys((e.parentSchema as JsonSchema | undefined)?.properties ?? {});
      const hint = extra !== undefined ? didYouMean(extra, allowed) : undefined;
      const message =
        extra !== undefined
          ? `unknown setting '${extra}'${hint ? ` (${hint})` : allowed.length ? ` (settings here: ${allowed.join(', ')})` : ''}`
          : e.keyword === 'enum'
            ? `${path.join('.') || 'value'} must be one of ${(e.params as { allowedValues: string[] }).allowedValues.join(', ')}`
            : e.keyword === 'type'
              ? `${path.join('.') || 'the file'} must be ${String((e.params as { type: string }).type).split(',').join(' or ')}`
              : `${path.join('.') || 'the file'} ${e.message ?? 'is invalid'}`;
      reporter.report('DS130', extra !== undefined ? [...path, extra] : path, message, { at: extra !== undefined ? 'key' : 'value' });
    }
    return { config: undefined, diagnostics: reporter.diagnostics };
  }
  const raw = (data ?? {}) as Record<string, any>;
  const environments: Record<string, EnvironmentConfig> = {};
  for (const [name, env] of Object.entries((raw.environments ?? {}) as Record<string, any>)) {
    environments[name] = { name, ...env, vars: stringify(env?.vars) };
  }
  return {
    config: {
      pipelines: raw.pipelines ?? defaults.pipelines,
      outDir: raw.outDir ?? defaults.outDir,
      airflow: raw.airflow ?? defaults.airflow,
      vars: stringify(raw.vars),
      environments,
      lint: raw.lint ?? {},
      file: CONFIG_FILE,
    },
    diagnostics: [],
  };
}

function stringify(vars: Record<string, unknown> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(vars ?? {}).map(([k, v]) => [k, String(v)]));
}
