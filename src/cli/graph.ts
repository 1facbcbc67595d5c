import { formatDiagnostics, summarize } from '../diagnostics/format';
import { UsageError } from '../diagnostics/types';
import { changedFiles, changedPipelines, sqlFilesOf } from '../graph/changed';
import { toDot } from '../graph/dot';
import { toMermaid } from '../graph/mermaid';
import { pipelineGraph } from '../graph/model';
import { renderSvg } from '../graph/svg';
import type { PipelineIR } from '../ir/types';
import { buildProject } from '../project';
import { didYouMean } from '../util/suggest';
import { EXIT, type CliIO } from './io';

import { GRAPH_FORMATS, type GraphFormat } from '../graph/formats';

export type { GraphFormat };
export { GRAPH_FORMATS };

export interface GraphOptions {
  readonly cwd: string;
  /** Pipeline ids to draw; with `changed`, the changed ones are drawn instead. */
  readonly ids: readonly string[];
  readonly format?: GraphFormat;
  /** A git ref: draw the pipelines whose files (or SQL files) changed since it. */
  readonly changed?: string;
  readonly env?: string;
  readonly airflow?: string;
}

const own = (o: unknown, k: string | number): unknown =>
  typeof o === 'object' && o !== null && Object.prototype.hasOwnProperty.call(o, k) ? (o as Record<string | number, unknown>)[k] : undefined;

/** `dagsmith graph`: a picture of pipelines for reviewers, as Mermaid (for PR comments), DOT or SVG. */
export async function graph(opts: GraphOptions, io: CliIO): Promise<number> {
  const format = opts.format ?? 'mermaid';
  if (opts.changed === undefined && opts.ids.length === 0) throw new UsageError('name the pipeline to draw (dagsmith graph ID), or use --changed REF');
  const project = buildProject(opts);
  let selected: PipelineIR[];
  if (opts.changed !== undefined) {
    const changed = changedFiles(opts.cwd, opts.changed);
    const withFiles = project.irs.map(({ ir, spec }) => ({
      ir,
      file: spec.file,
      sqlFiles: sqlFilesOf(ir, (i, field) => own(own(own(spec.data, 'steps'), i), field)),
    }));
    selected = changedPipelines(withFiles, changed, project.config.pipelines.replace(/\/+$/, ''));
  } else {
    const byId = new Map(project.irs.map(({ ir }) => [ir.id, ir]));
    selected = opts.ids.map((id) => {
      const ir = byId.get(id);
      if (ir) return ir;
      const broken = project.diagnostics.some((d) => d.severity === 'error');
      const hint = didYouMean(id, [...byId.keys()]);
      throw new UsageError(`no pipeline '${id}'${hint ? ` (${hint})` : ''}${broken ? '; pipelines with errors cannot be drawn (run dagsmith validate)' : ''}`);
    });
  }
  const errors = project.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    io.err(formatDiagnostics(errors, 'stylish'));
    io.err(summarize(errors));
  }
  if (selected.length === 0) {
    io.out(`No pipeline changed since ${opts.changed}.`);
    return errors.length > 0 ? EXIT.inputErrors : EXIT.ok;
  }
  if (format === 'svg') {
    if (selected.length !== 1) throw new UsageError(`--format svg draws one pipeline; ${selected.length} are selected (${selected.map((p) => p.id).join(', ')})`);
    io.out(await renderSvg(toDot(pipelineGraph(selected[0]!))));
  } else if (format === 'dot') {
    io.out(selected.map((p) => toDot(pipelineGraph(p))).join('\n\n'));
  } else if (opts.changed === undefined && selected.length === 1) {
    io.out(toMermaid(pipelineGraph(selected[0]!)));
  } else {
    // Several pipelines: Markdown, ready to paste into a pull request comment (GitHub renders mermaid blocks).
    io.out(
      selected
        .map((p) => `### \`${p.id}\` (${p.source.file})\n\n\`\`\`mermaid\n${toMermaid(pipelineGraph(p))}\n\`\`\``)
        .join('\n\n'),
    );
  }
  return errors.length > 0 ? EXIT.inputErrors : EXIT.ok;
}
