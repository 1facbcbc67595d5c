/** Use case: pictures of pipelines for reviewers: the named ones, or those changed since a git ref. */
import { buildProject } from '../compile/project';
import { markdownCode } from '../diagnostics/inert';
import { UsageError, type Diagnostic } from '../diagnostics/types';
import { changedFiles, changedPipelines, sqlFilesOf } from '../graph/changed';
import { assetsToDot, assetsToMermaid, hasAssetLinks } from '../graph/assets';
import { externalAssetsOf } from '../config/external-assets';
import { toDot } from '../graph/dot';
import type { GraphFormat } from '../graph/formats';
import { toMermaid } from '../graph/mermaid';
import { pipelineGraph } from '../graph/model';
import { renderSvg } from '../graph/svg';
import type { PipelineIR } from '../ir/types';
import { didYouMean } from '../util/suggest';

export interface GraphOptions {
  readonly cwd: string;
  /** Pipeline ids to draw; with `changed`, the changed ones are drawn instead. */
  readonly ids: readonly string[];
  readonly format?: GraphFormat;
  /** A git ref: draw the pipelines whose files (or SQL files) changed since it. */
  readonly changed?: string;
  readonly env?: string;
  readonly airflow?: string;
  /** Draw the project's pipelines linked by assets instead of steps (no ids, no `changed`). */
  readonly assets?: boolean;
}

export interface GraphResult {
  /** Errors of pipelines that could not be drawn. */
  readonly errors: readonly Diagnostic[];
  readonly pipelines: readonly PipelineIR[];
  /** The drawing (undefined when no pipeline was selected). */
  readonly text: string | undefined;
}

const own = (o: unknown, k: string | number): unknown =>
  typeof o === 'object' && o !== null && Object.prototype.hasOwnProperty.call(o, k) ? (o as Record<string | number, unknown>)[k] : undefined;

export async function graphProject(opts: GraphOptions): Promise<GraphResult> {
  const format = opts.format ?? 'mermaid';
  if (opts.assets) return graphAssets(opts, format);
  if (opts.changed === undefined && opts.ids.length === 0)
    throw new UsageError('name the pipeline to draw (dagsmith graph ID), or use --changed REF');
  const project = buildProject({ ...opts, emit: false });
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
      throw new UsageError(
        `no pipeline '${id}'${hint ? ` (${hint})` : ''}${broken ? '; pipelines with errors cannot be drawn (run dagsmith validate)' : ''}`,
      );
    });
  }
  const errors = project.diagnostics.filter((d) => d.severity === 'error');
  return { errors, pipelines: selected, text: selected.length === 0 ? undefined : await render(selected, format, opts.changed !== undefined) };
}

/** The project's pipelines linked by the assets they produce and are scheduled on. */
async function graphAssets(opts: GraphOptions, format: GraphFormat): Promise<GraphResult> {
  if (opts.ids.length > 0 || opts.changed !== undefined) throw new UsageError('--assets draws the whole project: name no pipeline and no --changed');
  const project = buildProject({ ...opts, emit: false });
  const vars = new Map([...project.config.vars, ...(project.environment?.vars ?? [])]);
  const external = externalAssetsOf(project.config, vars).uris;
  const errors = project.diagnostics.filter((d) => d.severity === 'error');
  const linked = new Set(project.assets.filter(hasAssetLinks).map((a) => a.id));
  const pipelines = project.irs.map(({ ir }) => ir).filter((ir) => linked.has(ir.id));
  if (linked.size === 0) return { errors, pipelines, text: undefined };
  const text =
    format === 'mermaid'
      ? assetsToMermaid(project.assets, external)
      : format === 'dot'
        ? assetsToDot(project.assets, external)
        : await renderSvg(assetsToDot(project.assets, external));
  return { errors, pipelines, text };
}

async function render(selected: readonly PipelineIR[], format: GraphFormat, changed: boolean): Promise<string> {
  if (format === 'svg') {
    if (selected.length !== 1)
      throw new UsageError(`--format svg draws one pipeline; ${selected.length} are selected (${selected.map((p) => p.id).join(', ')})`);
    return renderSvg(toDot(pipelineGraph(selected[0]!)));
  }
  if (format === 'dot') return selected.map((p) => toDot(pipelineGraph(p))).join('\n\n');
  if (!changed && selected.length === 1) return toMermaid(pipelineGraph(selected[0]!));
  // Several pipelines: Markdown, ready to paste into a pull request comment (GitHub renders mermaid blocks).
  return selected
    .map((p) => `### ${markdownCode(p.id)} (${markdownCode(p.source.file)})\n\n\`\`\`mermaid\n${toMermaid(pipelineGraph(p))}\n\`\`\``)
    .join('\n\n');
}
