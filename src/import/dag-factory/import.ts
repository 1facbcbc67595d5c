/**
 * `dagsmith import dag-factory`: dag-factory YAML files in, dagsmith pipeline specs (YAML, with comments) out. Pure
 * apart from reading the files named and their defaults.yml files: the caller writes the result.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { Document, isMap, isPair, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { makeDiagnostic } from '../../diagnostics/diagnostic';
import { Reporter, START_OF_FILE } from '../../diagnostics/reporter';
import type { Diagnostic, JsonPath } from '../../diagnostics/types';
import { isInside } from '../../load/paths';
import { readTextFile } from '../../load/text';
import { isRecord } from '../../util/is-record';
import { printable } from '../../util/printable';
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

/** The spec as YAML, with a header and the comments where they belong. */
export function pipelineText(p: ImportedPipeline, source: string): string {
  const doc = new Document(p.spec, { version: '1.2' });
  for (const c of p.comments) {
    const text = c.lines.map((l) => ` ${printable(l)}`).join('\n');
    if (c.path.length === 0) {
      doc.commentBefore = doc.commentBefore ? `${doc.commentBefore}\n${text}` : text;
      continue;
    }
    const node = commentTarget(doc, c.path);
    if (node) node.commentBefore = node.commentBefore ? `${node.commentBefore}\n${text}` : text;
    else doc.commentBefore = doc.commentBefore ? `${doc.commentBefore}\n${text}` : text;
  }
  return `# Imported by dagsmith from ${JSON.stringify(printable(source))} (dag-factory). Comments mark what was not carried over.\n${doc.toString({ lineWidth: 0 })}`;
}

/** The node a comment at `path` goes before: a mapping key, or a list item; the nearest that exists. */
function commentTarget(doc: Document, path: JsonPath): { commentBefore?: string | null } | undefined {
  let node: YamlNode | null = doc.contents;
  let target: { commentBefore?: string | null } | undefined;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((i) => isPair(i) && isScalar(i.key) && i.key.value === seg);
      if (!pair || !isScalar(pair.key)) return target;
      target = pair.key;
      node = pair.value as YamlNode | null;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as YamlNode | undefined;
      if (!item) return target;
      target = item;
      node = item;
    } else return target;
  }
  return target;
}
