/**
 * Use case: `dagsmith import dag-factory FILE...`: convert dag-factory YAML files into pipeline specs and write them
 * into the project (by default its pipelines folder), one `<dag id>.yaml` per DAG. Writes are exclusive: an existing
 * file (or link) at a name stops the import before anything is written. Returns what happened; prints nothing.
 */
import { lstatSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '../config/project-config';
import { ConfigError, UsageError, type Diagnostic } from '../diagnostics/types';
import { existingOutputs, importDagFactoryFiles } from '../import/dag-factory/import';
import { projectRelative } from '../load/paths';

export interface ImportOptions {
  readonly cwd: string;
  /** dag-factory YAML files (not their defaults.yml), relative to cwd or absolute. */
  readonly files: readonly string[];
  /** Folder to write the pipelines to, inside the project; default: the config's pipelines folder. */
  readonly out?: string;
  /** dag-factory's defaults root: defaults.yml files are read from each file's folder up to it (default: its own folder). */
  readonly defaultsRoot?: string;
  /** Convert and report, write nothing. */
  readonly dryRun?: boolean;
  /** The day relative start dates are fixed to (default: today, UTC). */
  readonly today?: string;
}

export interface ImportResult {
  /** The output folder, project-relative. */
  readonly outDir: string;
  /** Each pipeline made: its file (project-relative), DAG id, source and text. */
  readonly pipelines: readonly { readonly path: string; readonly pipeline: string; readonly source: string; readonly text: string }[];
  readonly diagnostics: readonly Diagnostic[];
  /** Files named that are dag-factory defaults files (defaults.yml): read with the others, not imported. */
  readonly skipped: readonly string[];
  /** Whether the files were written (not with errors that stop it, nor with dryRun). */
  readonly written: boolean;
}

export function importDagFactory(opts: ImportOptions): ImportResult {
  if (opts.files.length === 0) throw new UsageError('import dag-factory needs at least one file');
  const { config, diagnostics: configDiags } = loadConfig(opts.cwd);
  if (!config) throw new ConfigError(configDiags);
  const outDir = projectRelative(opts.cwd, opts.out ?? config.pipelines);
  if (outDir === undefined) throw new UsageError(`--out '${opts.out}' leads outside the project (symbolic links resolved)`);
  const { pipelines, diagnostics, skipped } = importDagFactoryFiles({
    cwd: opts.cwd,
    files: opts.files,
    today: opts.today ?? new Date().toISOString().slice(0, 10),
    ...(opts.defaultsRoot !== undefined ? { defaultsRoot: opts.defaultsRoot } : {}),
  });
  const outAbs = resolve(opts.cwd, outDir);
  const made = pipelines.map((p) => ({
    path: [outDir, `${p.pipeline}.yaml`].filter((x) => x !== '').join('/'),
    pipeline: p.pipeline,
    source: p.source,
    text: p.text,
    at: p.at,
  }));
  const overwrites = existingOutputs(made, (m) => exists(join(outAbs, `${m.pipeline}.yaml`)));
  diagnostics.push(...overwrites);
  const result = (written: boolean): ImportResult => ({
    outDir: outDir || '.',
    pipelines: made.map(({ at: _at, ...m }) => m),
    diagnostics,
    skipped,
    written,
  });
  if (opts.dryRun || overwrites.length > 0 || made.length === 0) return result(false);
  mkdirSync(outAbs, { recursive: true });
  // The folder may not lead out through a link made since it was checked.
  if (projectRelative(opts.cwd, outAbs) === undefined) throw new UsageError(`--out '${outDir}' leads outside the project`);
  for (const m of made) writeFileSync(join(outAbs, `${m.pipeline}.yaml`), m.text, { flag: 'wx' });
  return result(true);
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
