/**
 * Variables per environment, made explicit so that one environment cannot take another's value by accident.
 *
 * - `vars:` (top level) are shared: every environment gets them, and so does a compile without `--env`.
 * - `environments.<e>.vars` are that environment's own.
 * - `environmentVars: [names]` declares the variables every environment must set itself (DS161 when one does not).
 *
 * A shared variable that some environment overrides is per-environment in fact: an environment that does not set it
 * too would compile with the shared value, which is usually another environment's (the scaffold kept dev's values
 * at the top). That is an error (DS160), naming both environments, unless every environment sets it.
 */
import type { Reporter } from '../diagnostics/reporter';
import type { JsonPath, SourceRange } from '../diagnostics/types';
import type { VarScope } from '../validate/vars';

/** The part of the checked config these rules read. */
export interface EnvironmentVarsInput {
  readonly file: string;
  readonly shared: ReadonlyMap<string, string>;
  readonly declared: readonly string[];
  readonly environments: ReadonlyMap<string, { readonly vars: ReadonlyMap<string, string>; readonly hasVars: boolean }>;
}

/** Reports DS160 (a shared value another environment overrides) and DS161 (a declared variable an environment lacks). */
export function checkEnvironmentVars(input: EnvironmentVarsInput, reporter: Reporter): void {
  const at = (path: JsonPath, key = false) => {
    const r = reporter.locate(path, key ? 'key' : 'value');
    return `${input.file}:${r.line}:${r.col}`;
  };
  const envPath = (env: string): JsonPath => (input.environments.get(env)?.hasVars ? ['environments', env, 'vars'] : ['environments', env]);
  const declared = new Set(input.declared);
  for (const name of input.declared) {
    for (const [env, e] of input.environments) {
      if (e.vars.has(name)) continue;
      reporter.report(
        'DS161',
        envPath(env),
        `environment '${env}' does not set '${name}', which environmentVars (${at(['environmentVars', input.declared.indexOf(name)])}) requires every environment to set`,
        { hint: `add ${name}: <value> under environments.${env}.vars`, at: input.environments.get(env)?.hasVars ? 'value' : 'key' },
      );
    }
  }
  for (const [name, value] of input.shared) {
    if (declared.has(name)) continue;
    const overriding = [...input.environments].filter(([, e]) => e.vars.has(name)).map(([env]) => env);
    if (overriding.length === 0) continue;
    for (const [env, e] of input.environments) {
      if (e.vars.has(name)) continue;
      const other = overriding[0]!;
      reporter.report(
        'DS160',
        envPath(env),
        `environment '${env}' would take '${name}' from the shared vars (${JSON.stringify(value)}, ${at(['vars', name], true)}), ` +
          `but environment '${other}' sets its own (${at(['environments', other, 'vars', name], true)}): ${name} is per environment`,
        {
          hint: `set ${name} under environments.${env}.vars, and list it under environmentVars so that every environment must`,
          at: e.hasVars ? 'value' : 'key',
        },
      );
    }
  }
}

/** The variable scope of a compile of `config` for `env` (none: a compile without --env). */
export function varScopeOf(config: ConfigVarScopeSource, env: string | undefined): ConfigVarScope {
  return new ConfigVarScope(env, config);
}

interface ConfigVarScopeSource {
  readonly file?: string | undefined;
  readonly vars: ReadonlyMap<string, string>;
  readonly environments: ReadonlyMap<string, { readonly vars: ReadonlyMap<string, string> }>;
  readonly locate?: ((path: JsonPath, at?: 'key' | 'value') => SourceRange) | undefined;
}

/**
 * The environment a compile selected and where its variables come from, for the messages of `${name}` problems:
 * they name the environment and point at the config line. Positions are found only when a message needs one.
 */
export class ConfigVarScope implements VarScope {
  /** Whether a message used a config position (the result then depends on the config file's text). */
  consulted = false;

  constructor(
    readonly env: string | undefined,
    private readonly config: ConfigVarScopeSource,
  ) {}

  where(name: string): string | undefined {
    const envVars = this.env !== undefined ? this.config.environments.get(this.env)?.vars : undefined;
    if (envVars?.has(name)) return this.position(['environments', this.env!, 'vars', name]);
    if (this.config.vars.has(name)) return this.position(['vars', name]);
    return undefined;
  }

  environmentsSetting(name: string): readonly string[] {
    this.consulted = true;
    return [...this.config.environments].filter(([, e]) => e.vars.has(name)).map(([env]) => env);
  }

  environments(): readonly string[] {
    this.consulted = true;
    return [...this.config.environments.keys()];
  }

  placeFor(): string {
    this.consulted = true;
    const file = this.config.file ?? 'dagsmith.config.yaml';
    if (this.env === undefined) return `vars: in ${file}`;
    const at = this.config.environments.has(this.env) ? this.position(['environments', this.env]) : undefined;
    return `environments.${this.env}.vars in ${at ?? file}`;
  }

  /** The same scope with `consulted` unset, for one pipeline. */
  fork(): ConfigVarScope {
    return new ConfigVarScope(this.env, this.config);
  }

  private position(path: JsonPath): string | undefined {
    if (!this.config.locate || !this.config.file) return undefined;
    this.consulted = true;
    const r = this.config.locate(path, 'key');
    return `${this.config.file}:${r.line}:${r.col}`;
  }
}
