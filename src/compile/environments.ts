/**
 * Every environment of the config in one run (`--all-envs`): each environment's compile is exactly the one `--env E`
 * makes (same options, same output folder, same cache), while the work they have in common is done once
 * (SharedWork: discovery, loading and evaluating files, and each file's result where the values it uses agree).
 */
import { resolve } from 'node:path';
import { loadConfig, type EnvironmentConfig } from '../config/project-config';
import { ConfigError, UsageError, type Diagnostic } from '../diagnostics/types';
import { buildProjectWithCache, SharedWork, type ProjectBuild, type ProjectOptions } from './project';

export interface EnvironmentBuild {
  readonly environment: EnvironmentConfig;
  readonly build: ProjectBuild;
}

/** The environments of the project's config, in the order the config lists them; a usage error when there are none. */
export function configEnvironments(cwd: string): readonly EnvironmentConfig[] {
  const { config, diagnostics } = loadConfig(resolve(cwd));
  if (!config) throw new ConfigError(diagnostics);
  const envs = [...config.environments.values()];
  if (envs.length === 0) {
    throw new UsageError(
      `--all-envs: ${config.file ?? 'dagsmith.config.yaml'} defines no environments (add them under environments:, or drop --all-envs)`,
    );
  }
  return envs;
}

/** Builds the project once per environment, sharing what can be shared. Callers save each build's cache. */
export function buildEachEnvironment(opts: Omit<ProjectOptions, 'env' | 'shared'>): EnvironmentBuild[] {
  const shared = new SharedWork();
  return configEnvironments(opts.cwd).map((environment) => ({
    environment,
    build: buildProjectWithCache({ ...opts, env: environment.name, shared }),
  }));
}

/**
 * The diagnostics of several environments' compiles as one list: what every environment reports once, as it is; what
 * only some report, once, marked with those environments (unless the message names its environment already).
 */
export function mergeEnvironmentDiagnostics(perEnvironment: readonly (readonly [string, readonly Diagnostic[]])[]): Diagnostic[] {
  const byKey = new Map<string, { d: Diagnostic; envs: string[] }>();
  for (const [env, diags] of perEnvironment) {
    for (const d of diags) {
      const k = JSON.stringify([d.file, d.line, d.col, d.code, d.message, d.hint ?? null]);
      const seen = byKey.get(k);
      if (seen) {
        if (!seen.envs.includes(env)) seen.envs.push(env);
      } else byKey.set(k, { d, envs: [env] });
    }
  }
  const all = perEnvironment.length;
  return [...byKey.values()].map(({ d, envs }) => {
    if (envs.length === all || envs.some((e) => d.message.includes(`environment '${e}'`))) return d;
    return { ...d, message: `${d.message} [environment${envs.length === 1 ? '' : 's'} ${envs.join(', ')}]` };
  });
}
