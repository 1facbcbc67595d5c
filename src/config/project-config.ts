import { existsSync } from 'node:fs';
import { assetUriError } from '../base/asset-condition';
import { join } from 'node:path';
import type { ErrorObject } from 'ajv';
import type { Diagnostic } from '../diagnostics/types';
import { DEFAULT_AIRFLOW, DEFAULT_PLATFORM, PLATFORMS, TARGET_VERSIONS, type Platform } from '../targets';
import type { JsonSchema } from '../base/json-schema';
import { S } from '../base/json-schema';
import { projectRelative } from '../load/paths';
import { makeDiagnostic } from '../diagnostics/diagnostic';
import { Reporter, START_OF_FILE } from '../diagnostics/reporter';
import { readTextFile } from '../load/text';
import { loadYamlText } from '../load/yaml';
import { pathOfPointer } from '../util/json-path';
import { didYouMean } from '../util/suggest';
import { readLintConfig, type LintConfig } from '../lint/config';
import type { JsonPath, SourceRange } from '../diagnostics/types';
import { checkEnvironmentVars } from './environments';

export const CONFIG_FILE = 'dagsmith.config.yaml';

export interface EnvironmentConfig {
  readonly name: string;
  readonly mwaa?: { readonly name: string; readonly region?: string };
  /** s3://bucket/prefix for self-managed Airflow (instead of an MWAA environment). */
  readonly bucket?: string;
  readonly airflow?: string;
  /** Where this environment's pipelines run (default: the config's `target`). */
  readonly target?: Platform;
  /** How `sync` deploys to MWAA Serverless (with `target: mwaa-serverless`). */
  readonly serverless?: ServerlessEnvironmentConfig;
  readonly vars: ReadonlyMap<string, string>;
  /** This environment's own lint settings (`rules`, `overrides`), applied over the project's (`lintConfigFor`). */
  readonly lint?: LintConfig;
}

/** An MWAA Serverless environment: one workflow per pipeline, its definition uploaded to a versioned bucket. */
export interface ServerlessEnvironmentConfig {
  /** s3://bucket/prefix/ the workflow definitions are uploaded to (a bucket with versioning enabled). */
  readonly bucket: string;
  /** The IAM role every workflow of the environment runs with. */
  readonly roleArn: string;
  /** The workflow name of a pipeline: `{id}` is replaced by its id (default '{id}'). */
  readonly workflowName?: string;
  readonly region?: string;
  /** A customer managed KMS key for the workflows (set when a workflow is created; default: an AWS managed key). */
  readonly kmsKey?: string;
  /** CloudWatch log group of the workflows' task logs. */
  readonly logGroup?: string;
  /** VPC subnets and security groups the tasks run in. */
  readonly network?: { readonly subnetIds?: readonly string[]; readonly securityGroupIds?: readonly string[] };
  /** s3://bucket/key of a code package (.zip, .py or .sh) for operators that run code (the workflow's `Code`). */
  readonly code?: string;
}

export interface ProjectConfig {
  /** Folder of pipeline files, project-relative with forward slashes ('.' for the root), inside the project. */
  readonly pipelines: string;
  /** Folder the DAGs are written to, in the same form; printed and written as this one path. */
  readonly outDir: string;
  readonly airflow: string;
  /** Where the pipelines run unless an environment or `--target` says otherwise (absent: mwaa). */
  readonly target?: Platform;
  /**
   * Variables shared by every environment (and the only ones of a compile without --env). An environment may set
   * its own value of one only when every environment does (DS160).
   */
  readonly vars: ReadonlyMap<string, string>;
  /** `environmentVars`: variables every environment must set itself (DS161). */
  readonly environmentVars: readonly string[];
  /** `externalAssets`: asset URIs updated outside the project, which pipelines may be scheduled on (DS395). */
  readonly externalAssets: readonly string[];
  /** User keys are data: a Map, so that `--env constructor` finds nothing. */
  readonly environments: ReadonlyMap<string, EnvironmentConfig>;
  readonly lint: LintConfig;
  /** `dagsmith test` settings. */
  readonly test?: TestConfig;
  /** Present when the file exists. */
  readonly file?: string;
  /** Where a path of the config file is (parses it for positions when first asked); present when the file exists. */
  readonly locate?: (path: JsonPath, at?: 'key' | 'value') => SourceRange;
}

const targetSchema = (what: string): JsonSchema =>
  S.enum(`${what}: mwaa (Python DAG files for an MWAA environment) or mwaa-serverless (MWAA Serverless workflows).`, PLATFORMS);

const serverlessSchema: JsonSchema = {
  type: 'object',
  description: 'How sync deploys this environment to MWAA Serverless: one workflow per pipeline.',
  properties: {
    bucket: S.nonEmptyString('s3://bucket/prefix/ the workflow definitions are uploaded to; the bucket must have versioning enabled.'),
    roleArn: S.nonEmptyString('IAM role the workflows run with.'),
    workflowName: S.nonEmptyString("Workflow name of a pipeline; '{id}' is replaced by the pipeline id.", { default: '{id}' }),
    region: S.nonEmptyString('AWS region of the workflows.'),
    kmsKey: S.nonEmptyString('Customer managed KMS key (id or ARN) the workflows are encrypted with; set when a workflow is created.'),
    logGroup: S.nonEmptyString('CloudWatch Logs group of the task logs.'),
    network: {
      type: 'object',
      description: 'VPC the tasks run in.',
      properties: { subnetIds: S.stringList('Subnet ids.'), securityGroupIds: S.stringList('Security group ids.') },
      additionalProperties: false,
    },
    code: S.nonEmptyString('s3://bucket/key of a code package (.zip, .py or .sh) for operators that run code.'),
  },
  required: ['bucket', 'roleArn'],
  additionalProperties: false,
};

export interface TestConfig {
  /** Operator, sensor or notifier classes (dotted paths) of `airflow.operator` steps that `dagsmith test` may run. */
  readonly allowOperators: readonly string[];
}

const varsSchema: JsonSchema = {
  type: 'object',
  description: 'Deploy-time variables, used as ${name} in pipelines.',
  additionalProperties: { type: ['string', 'number', 'boolean'] },
};

/** `lint:` of the project, and of an environment (which sets rules and overrides only); read by readLintConfig. */
function lintSchema(description: string, rulesNote: string, overridesNote: string, extra: Record<string, JsonSchema> = {}): JsonSchema {
  return {
    type: 'object',
    description,
    properties: {
      rules: { type: 'object', description: `Severity (and options) per lint rule code, ${rulesNote}.` },
      overrides: { type: 'array', description: `Rule settings for the files some globs match ${overridesNote}.`, items: { type: 'object' } },
      ...extra,
    },
  };
}

export const CONFIG_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    pipelines: S.nonEmptyString('Folder of pipeline files.', { default: 'pipelines' }),
    outDir: S.nonEmptyString('Folder the DAG files are written to.', { default: 'dags-out' }),
    airflow: S.enum('Airflow version to compile for (an MWAA version).', TARGET_VERSIONS),
    target: targetSchema('Where the pipelines run'),
    vars: { ...varsSchema, description: 'Deploy-time variables shared by every environment, used as ${name} in pipelines.' },
    environmentVars: {
      type: 'array',
      description: 'Variables every environment must set in its own vars (none takes a shared value for them).',
      items: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_.-]*$' },
      uniqueItems: true,
    },
    externalAssets: {
      type: 'array',
      description:
        'Asset URIs that something outside the project updates (another team, a service); pipelines may be scheduled on them. ${name} variables are resolved per environment.',
      items: { type: 'string', minLength: 1 },
      uniqueItems: true,
    },
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
          airflow: S.enum('Airflow version of this environment.', TARGET_VERSIONS),
          target: targetSchema("Where this environment's pipelines run"),
          serverless: serverlessSchema,
          vars: { ...varsSchema, description: "This environment's own deploy-time variables." },
          lint: lintSchema(
            "This environment's lint settings, over the project's: rules: { DS4xx: off | info | warn | error | [severity, options] }, overrides: [{ files: [globs], rules: {...} }].",
            "in this environment; wins over the project's lint.rules",
            "in this environment; after the project's lint.overrides",
          ),
        },
        additionalProperties: false,
      },
    },
    lint: lintSchema(
      'Lint settings: rules: { DS4xx: off | info | warn | error | [severity, options] }, overrides: [{ files: [globs], rules: {...} }], docsUrl.',
      'or per validation warning code (DS385, ...)',
      "(ESLint's overrides); later entries win",
      { docsUrl: { type: 'string', description: "Where the rule pages are published (https://.../, ending in '/'): SARIF's helpUri." } },
    ),
    test: {
      type: 'object',
      description: '`dagsmith test` settings.',
      properties: {
        allowOperators: {
          type: 'array',
          description: 'Classes of airflow.operator steps (module.Class) that tests may run; others are refused (DS700).',
          items: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)+$' },
        },
      },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
};

type ConfigValidator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/**
 * CONFIG_SCHEMA's validator, generated at `npm run gen` (src/gen/validators.ts): no run loads ajv and compiles the
 * schema for it. True when valid, else the errors on `.errors`.
 */
function configValidator(): ConfigValidator {
  return require('../../schemas/config.validator.js') as ConfigValidator;
}

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
    target: DEFAULT_PLATFORM,
    vars: new Map(),
    environmentVars: [],
    externalAssets: [],
    environments: new Map(),
    lint: { rules: new Map() },
    test: { allowOperators: [] },
  };
  if (!existsSync(abs)) return { config: defaults, diagnostics: [] };
  const read = readTextFile(abs);
  if (!read.ok) {
    const at = read.range ?? START_OF_FILE;
    return { config: undefined, diagnostics: [makeDiagnostic(read.code, CONFIG_FILE, at, read.message)] };
  }
  // An empty or comment-only config means "all defaults".
  const loaded = loadYamlText(CONFIG_FILE, abs, read.text, { allowEmpty: true });
  if (!loaded.spec) return { config: undefined, diagnostics: loaded.diagnostics };
  const reporter = new Reporter(CONFIG_FILE, loaded.spec.locator);
  const data = loaded.spec.data;
  const validate = configValidator();
  if (!validate(data ?? {})) {
    for (const e of validate.errors ?? []) {
      const path = pathOfPointer(e.instancePath);
      const extra = e.keyword === 'additionalProperties' ? (e.params as { additionalProperty: string }).additionalProperty : undefined;
      const allowed = Object.keys((e.parentSchema as JsonSchema | undefined)?.properties ?? {});
      const hint = extra !== undefined ? didYouMean(extra, allowed) : undefined;
      const message =
        extra !== undefined
          ? `unknown setting '${extra}'${hint ? ` (${hint})` : allowed.length ? ` (settings here: ${allowed.join(', ')})` : ''}`
          : e.keyword === 'enum'
            ? `${path.join('.') || 'value'} must be one of ${(e.params as { allowedValues: string[] }).allowedValues.join(', ')}`
            : e.keyword === 'type'
              ? `${path.join('.') || 'the file'} must be ${String((e.params as { type: string }).type)
                  .split(',')
                  .join(' or ')}`
              : `${path.join('.') || 'the file'} ${e.message ?? 'is invalid'}`;
      reporter.report('DS130', extra !== undefined ? [...path, extra] : path, message, { at: extra !== undefined ? 'key' : 'value' });
    }
    return { config: undefined, diagnostics: reporter.diagnostics };
  }
  // The schema above has checked the shape.
  const raw = (data ?? {}) as RawConfig;
  const lint = readLintConfig(raw.lint, (path, message, at) => reporter.report('DS130', path, message, { at: at ?? 'value' }));
  if (reporter.hasErrors) return { config: undefined, diagnostics: reporter.diagnostics };
  const environments = new Map<string, EnvironmentConfig>();
  const withVars = new Set<string>();
  for (const [name, env] of Object.entries(raw.environments ?? {})) {
    // The name becomes a folder under outDir: nothing that could climb out of it or hide.
    if (!ENVIRONMENT_NAME.test(name)) {
      reporter.report(
        'DS144',
        ['environments', name],
        `environment name '${name}' is not allowed: use letters, digits, '_' and '-', starting with a letter or digit`,
        { at: 'key' },
      );
    }
    checkServerlessEnvironment(name, env, raw.target ?? DEFAULT_PLATFORM, reporter);
    const envLint =
      env?.lint !== undefined
        ? readLintConfig(env.lint, (path, message, at) => reporter.report('DS130', path, message, { at: at ?? 'value' }), [
            'environments',
            name,
            'lint',
          ])
        : undefined;
    const { lint: _rawLint, ...settings } = env ?? {};
    environments.set(name, { name, ...settings, vars: stringify(env?.vars), ...(envLint ? { lint: envLint } : {}) });
    if (env && Object.hasOwn(env, 'vars')) withVars.add(name);
  }
  checkEnvironmentVars(
    {
      file: CONFIG_FILE,
      shared: stringify(raw.vars),
      declared: raw.environmentVars ?? [],
      environments: new Map([...environments].map(([name, env]) => [name, { vars: env.vars, hasVars: withVars.has(name) }])),
    },
    reporter,
  );
  (raw.externalAssets ?? []).forEach((uri, i) => {
    // With ${name}, the resolved URI is checked per environment (src/config/external-assets.ts).
    const err = uri.includes('${') ? undefined : assetUriError(uri);
    if (err) reporter.report('DS170', ['externalAssets', i], err.message, err.hint ? { hint: err.hint } : undefined);
  });
  const folders: Record<'pipelines' | 'outDir', string> = { pipelines: defaults.pipelines, outDir: defaults.outDir };
  for (const key of ['pipelines', 'outDir'] as const) {
    if (raw[key] === undefined) continue;
    const rel = projectRelative(cwd, raw[key]);
    if (rel === undefined) {
      reporter.report(
        'DS143',
        [key],
        `${key} '${raw[key]}' leads outside the project (symbolic links resolved); dagsmith reads and writes only inside it`,
      );
    } else if (rel === '' && key === 'outDir') {
      reporter.report('DS143', [key], `outDir cannot be the project folder itself; name a folder such as dags-out`);
    } else {
      folders[key] = rel || '.';
    }
  }
  if (reporter.hasErrors) return { config: undefined, diagnostics: reporter.diagnostics };
  return {
    config: {
      pipelines: folders.pipelines,
      outDir: folders.outDir,
      airflow: raw.airflow ?? defaults.airflow,
      target: raw.target ?? defaults.target,
      vars: stringify(raw.vars),
      environmentVars: raw.environmentVars ?? [],
      externalAssets: raw.externalAssets ?? [],
      environments,
      lint,
      test: { allowOperators: [...new Set(raw.test?.allowOperators ?? [])] },
      file: CONFIG_FILE,
      locate: (path, at) => reporter.locate(path, at),
    },
    diagnostics: [],
  };
}

/** dagsmith.config.yaml as its schema allows it. */
interface RawConfig {
  readonly pipelines?: string;
  readonly outDir?: string;
  readonly airflow?: string;
  readonly target?: Platform;
  readonly vars?: Record<string, unknown>;
  readonly environmentVars?: readonly string[];
  readonly externalAssets?: readonly string[];
  readonly lint?: unknown;
  readonly test?: { readonly allowOperators?: readonly string[] };
  readonly environments?: Record<
    string,
    (Omit<EnvironmentConfig, 'name' | 'vars' | 'lint'> & { readonly vars?: Record<string, unknown>; readonly lint?: unknown }) | null
  >;
}

const ENVIRONMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

/**
 * An environment deploys to MWAA or to MWAA Serverless, not both: a `serverless:` block goes with target
 * mwaa-serverless, `mwaa:` and `bucket:` with mwaa, and a Serverless environment that sync can deploy has its block.
 */
function checkServerlessEnvironment(
  name: string,
  env: (Omit<EnvironmentConfig, 'name' | 'vars' | 'lint'> & { readonly vars?: unknown }) | null,
  projectTarget: Platform,
  reporter: Reporter,
): void {
  if (!env) return;
  const target = env.target ?? projectTarget;
  const at = (key: string): (string | number)[] => ['environments', name, key];
  if (target === 'mwaa-serverless') {
    for (const key of ['mwaa', 'bucket'] as const) {
      if (env[key] !== undefined)
        reporter.report(
          'DS130',
          at(key),
          `environment '${name}' deploys to MWAA Serverless (target mwaa-serverless): '${key}' is for Python DAG files (target mwaa)`,
          {
            at: 'key',
          },
        );
    }
  } else if (env.serverless !== undefined) {
    reporter.report(
      'DS130',
      at('serverless'),
      `environment '${name}' has a 'serverless' block but its target is ${target}: add 'target: mwaa-serverless'`,
      {
        at: 'key',
      },
    );
  }
}

function stringify(vars: Record<string, unknown> | undefined): Map<string, string> {
  return new Map(Object.entries(vars ?? {}).map(([k, v]) => [k, String(v)]));
}
