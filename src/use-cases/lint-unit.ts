/**
 * Lint's unit hook (src/compile/workers.ts, UnitHook): the rules over one pipeline, run on the thread that built it,
 * so that only their findings (plain data) cross threads. Loaded by path by every compile thread of a lint.
 */
import { loadConfig } from '../config/project-config';
import { lintConfigFor, type LintConfig } from '../lint/config';
import { lintPipeline, type PipelineLint } from '../lint/engine';
import { dirname, relative, resolve, sep } from 'node:path';
import type { LocalUnit, UnitContext } from '../compile/unit';
import { siblingReader } from '../compile/unit';
import type { SiblingFiles } from '../lint/engine';

export interface LintUnitOptions {
  /** "Now" of the lint (ms since the epoch): the same on every thread. */
  readonly now: number;
  /** The environment linted (`--env`): its lint settings apply over the project's. */
  readonly env?: string;
}

let configOf: { cwd: string; env: string | undefined; lint: LintConfig; siblings: SiblingFiles } | undefined;

/** The pipeline's part of the lint, when it built an IR and a DAG (what lint checks); else undefined. */
export function afterUnit(unit: LocalUnit, ctx: UnitContext, options: unknown): PipelineLint | undefined {
  if (!unit.ir || !unit.spec || !unit.pipeline) return undefined;
  const o = options as LintUnitOptions;
  if (configOf?.cwd !== ctx.cwd || configOf.env !== o.env) {
    const { config, diagnostics } = loadConfig(ctx.cwd);
    if (!config) throw new Error(`internal error: the config no longer loads (${diagnostics[0]?.message ?? 'no diagnostic'})`);
    const lint = lintConfigFor(config.lint, o.env !== undefined ? config.environments.get(o.env)?.lint : undefined);
    configOf = { cwd: ctx.cwd, env: o.env, lint, siblings: projectSiblings(ctx.cwd) };
  }
  return lintPipeline({ ir: unit.ir, spec: unit.spec }, 0, {
    target: ctx.target,
    config: configOf.lint,
    now: new Date(o.now),
    siblings: configOf.siblings,
  });
}

/** SQL files as compile reads them (inside the project, real paths checked), named relative to the project. */
export function projectSiblings(cwd: string): SiblingFiles {
  const read = siblingReader(cwd);
  const root = resolve(cwd);
  return (spec, rel) => {
    const text = read(spec.absPath, rel);
    if (text === undefined) return undefined;
    return {
      file: relative(root, resolve(dirname(spec.absPath), rel))
        .split(sep)
        .join('/'),
      text,
    };
  };
}
