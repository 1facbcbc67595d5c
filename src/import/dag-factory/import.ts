/**
 * `dagsmith import dag-factory`: dag-factory YAML files in, dagsmith pipeline specs (YAML, with comments) out. Pure
 * apart from reading the files named and their defaults.yml files: the caller writes the result.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { makeDiagnostic } from '../../diagnostics/diagnostic';
import { Reporter, START_OF_FILE } from '../../diagnostics/reporter';
import type { Diagnostic, JsonPath, SourceRange } from '../../diagnostics/types';
import { isInside } from '../../load/paths';
import { readTextFile } from '../../load/text';
import { isRecord } from '../../util/is-record';
import { inertText } from '../../diagnostics/inert';
import type { YamlMap, YamlValue } from '../../emit/serverless/values';
import { yamlDocument } from '../../emit/serverless/yaml-text';
import { convertFile, mergeGlobalDefaults, type ImportedPipeline } from './convert';
import { readDagFactoryText } from './read';

/** dag-factory's defaults file names, the first found in a folder being used (dagfactory.py DEFAULTS_FILE_NAMES). */
const DEFAULTS_FILE_NAMES = ['defaults.yml', 'defaults.yaml'];

export interface DagFactoryImportInput {
  /** The project folder (file names in diagnostics are relative to it). */
  readonly cwd: string;
  /** dag-factory files, relative to `cwd` or absolute. */
  readonly files: readonly string[];
  /**
   * dag-factory's `defaults_config_path`: defaults.yml files are read from each file's folder up to this folder
   * (default: the file's own folder only).
   */
  readonly defaultsRoot?: string;
  /** The day a relative start date is fixed to, YYYY-MM-DD. */
  readonly today: string;
}

export interface ImportedFile {
  /** The dag-factory file, as named in diagnostics. */
  readonly source: string;
  readonly pipeline: string;
  /** The pipeline spec as YAML text. */
  readonly text: string;
  /** Where the DAG is in its source (for a diagnostic about writing it). */
  readonly at: { readonly line: number; readonly col: number; readonly endLine: number; readonly endCol: number };
}

export function importDagFactoryFiles(input: DagFactoryImportInput): { pipelines: ImportedFile[]; diagnostics: Diagnostic[]; skipped: string[] } {
  const diagnostics: Diagnostic[] = [];
  const pipelines: ImportedFile[] = [];
  const skipped: string[] = [];
  const seen = new Map<string, string>();
  for (const f of input.files) {
    const abs = resolve(input.cwd, f);
    const name = displayName(input.cwd, abs);
    // dag-factory's defaults files hold no DAGs: they are read with the DAG files of their folder and below.
    if (DEFAULTS_FILE_NAMES.includes(basename(abs))) {
      skipped.push(name);
      continue;
    }
    const read = readTextFile(abs);
    if (!read.ok) {
      diagnostics.push(makeDiagnostic('DS800', name, read.range ?? START_OF_FILE, read.message));
      continue;
    }
    const parsed = readDagFactoryText(name, read.text);
    if (!parsed.ok) {
      diagnostics.push(
        makeDiagnostic(
          'DS800',
          name,
          { line: parsed.line, col: parsed.col, endLine: parsed.line, endCol: parsed.col },
          `not YAML: ${parsed.message}`,
        ),
      );
      continue;
    }
    const reporter = new Reporter(name, parsed.text.locator);
    const imported = convertFile(parsed.text, globalDefaults(abs, input.defaultsRoot ? resolve(input.cwd, input.defaultsRoot) : undefined), {
      reporter,
      today: input.today,
    });
    for (const p of imported) {
      const at = reporter.locate(p.dagPath, 'key');
      const first = seen.get(p.id);
      if (first !== undefined) {
        reporter.report('DS801', p.dagPath, `DAG '${p.id}' is also in ${first}; pipeline ids are unique in a project`, { at: 'key' });
        continue;
      }
      seen.set(p.id, name);
      pipelines.push({ source: name, pipeline: p.id, text: pipelineText(p, name), at });
    }
    diagnostics.push(...reporter.diagnostics);
  }
  return { pipelines, diagnostics, skipped };
}

/** The merged defaults.yml files that apply to a file, as dag-factory 1.0.1 finds them. */
function globalDefaults(abs: string, root: string | undefined): Record<string, unknown> {
  const dirs: string[] = [];
  const top = root ?? dirname(abs);
  for (let d = dirname(abs); ; d = dirname(d)) {
    dirs.push(d);
    if (d === top || !isInside(relative(top, d)) || dirname(d) === d) break;
  }
  const configs: Record<string, unknown>[] = [];
  // Nearest first in `dirs`; merged from the farthest, so that the nearest wins.
  for (const d of dirs.reverse()) {
    const file = DEFAULTS_FILE_NAMES.map((n) => join(d, n)).find((p) => existsSync(p));
    if (!file) continue;
    const read = readTextFile(file);
    const parsed = read.ok ? readDagFactoryText(file, read.text) : undefined;
    if (parsed?.ok && isRecord(parsed.text.data)) configs.push(parsed.text.data);
  }
  return mergeGlobalDefaults(configs);
}

function displayName(cwd: string, abs: string): string {
  const rel = relative(resolve(cwd), abs);
  return (isInside(rel) ? rel : abs).split(sep).join('/');
}

/** The spec as YAML, with a header and the comments where they belong (one line each, control characters escaped). */
export function pipelineText(p: ImportedPipeline, source: string): string {
  const comments = new Map<string, string[]>();
  for (const c of p.comments) {
    const key = JSON.stringify(nearestPath(p.spec, c.path));
    comments.set(key, [
      ...(comments.get(key) ?? []),
      ...c.lines.map((l) => inertText(l).replace(/[\u202a-\u202e\u2066-\u2069]/g, (x) => `\\u${x.charCodeAt(0).toString(16)}`)),
    ]);
  }
  const header = `# Imported by dagsmith from ${JSON.stringify(inertText(source))} (dag-factory). Comments mark what was not carried over.`;
  return `${header}\n${yamlDocument(toYaml(p.spec) as YamlMap, { dollar: 'keep', comments })}`;
}

/** The longest prefix of `path` that names something in the spec (a comment about a key left out goes to its parent). */
function nearestPath(spec: unknown, path: JsonPath): JsonPath {
  let node: unknown = spec;
  const out: (string | number)[] = [];
  for (const seg of path) {
    const next: unknown =
      Array.isArray(node) && typeof seg === 'number' ? (node as unknown[])[seg] : isRecord(node) && Object.hasOwn(node, seg) ? node[seg] : undefined;
    if (next === undefined) break;
    out.push(seg);
    node = next;
  }
  return out;
}

function toYaml(v: unknown): YamlValue {
  if (Array.isArray(v)) return v.map(toYaml);
  if (isRecord(v)) return new Map(Object.entries(v).map(([k, x]) => [k, toYaml(x)]));
  if (v === undefined) return null;
  return v as YamlValue;
}

/** DS809 for each pipeline file the import would write over one that exists (it writes none then). */
export function existingOutputs<T extends { readonly path: string; readonly source: string; readonly at: SourceRange }>(
  made: readonly T[],
  exists: (m: T) => boolean,
): Diagnostic[] {
  return made.filter(exists).map((m) => makeDiagnostic('DS809', m.source, m.at, `${m.path} already exists; import writes no file over another`));
}
