/**
 * `dagsmith graph --assets`: the pipelines of a project linked by assets. Pipelines are boxes, assets rounded
 * nodes between them: producer -> asset (a step's produces) -> consumer (its schedule waits for the asset). An asset
 * that is declared external (externalAssets) or that nothing produces is marked so. Assets are one node per URI as
 * Airflow normalizes it (src/base/asset-condition.ts); an asset alias (producesAlias, `{ alias }` in a schedule) is a
 * node `alias NAME` between the pipelines producing through it and those scheduled on it.
 */
import { airflowAssetUri } from '../base/asset-condition';
import { dotString } from './dot';
import { mermaidText } from './mermaid';

export interface AssetPipeline {
  readonly id: string;
  readonly produces: readonly string[];
  readonly consumes: readonly { readonly uri: string }[];
  /** Asset aliases it produces through and is scheduled on: a node each, `alias NAME`. */
  readonly producesAliases?: readonly string[];
  readonly consumesAliases?: readonly { readonly name: string }[];
}

/** Whether a pipeline is linked to another by an asset or an alias. */
export function hasAssetLinks(p: AssetPipeline): boolean {
  return p.produces.length > 0 || p.consumes.length > 0 || (p.producesAliases ?? []).length > 0 || (p.consumesAliases ?? []).length > 0;
}

interface AssetMap {
  readonly pipelines: readonly AssetPipeline[];
  readonly assets: readonly { readonly key: string; readonly uri: string; readonly note: string | null }[];
  readonly edges: readonly { readonly from: string; readonly to: string; readonly kind: 'produces' | 'consumes' }[];
}

/** Pipelines that produce or consume an asset, in id order, and the assets they name. */
function assetMap(all: readonly AssetPipeline[], external: readonly string[]): AssetMap {
  const pipelines = all.filter(hasAssetLinks).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const assets = new Map<string, { key: string; uri: string; produced: boolean }>();
  const add = (uri: string, produced: boolean) => {
    const key = airflowAssetUri(uri);
    const a = assets.get(key) ?? { key, uri, produced: false };
    a.produced ||= produced;
    assets.set(key, a);
  };
  const edges: { from: string; to: string; kind: 'produces' | 'consumes' }[] = [];
  const seen = new Set<string>();
  const edge = (from: string, to: string, kind: 'produces' | 'consumes') => {
    const k = JSON.stringify([from, to]);
    if (!seen.has(k)) edges.push({ from, to, kind });
    seen.add(k);
  };
  for (const p of pipelines) {
    for (const u of p.produces) {
      add(u, true);
      edge(`p:${p.id}`, `a:${airflowAssetUri(u)}`, 'produces');
    }
  }
  for (const p of pipelines) {
    for (const c of p.consumes) {
      add(c.uri, false);
      edge(`a:${airflowAssetUri(c.uri)}`, `p:${p.id}`, 'consumes');
    }
  }
  // An alias is a node of its own (`alias NAME`: no URI has a space), between its producers and its consumers.
  const aliasKey = (name: string) => `alias ${name}`;
  const addAlias = (name: string, produced: boolean) => {
    const a = assets.get(aliasKey(name)) ?? { key: aliasKey(name), uri: aliasKey(name), produced: false };
    a.produced ||= produced;
    assets.set(aliasKey(name), a);
  };
  for (const p of pipelines) {
    for (const name of p.producesAliases ?? []) {
      addAlias(name, true);
      edge(`p:${p.id}`, `a:${aliasKey(name)}`, 'produces');
    }
  }
  for (const p of pipelines) {
    for (const c of p.consumesAliases ?? []) {
      addAlias(c.name, false);
      edge(`a:${aliasKey(c.name)}`, `p:${p.id}`, 'consumes');
    }
  }
  const externals = new Set(external.map(airflowAssetUri));
  return {
    pipelines,
    assets: [...assets.values()].map((a) => ({
      key: a.key,
      uri: a.uri,
      note: a.produced ? null : externals.has(a.key) ? 'external' : 'not produced in the project',
    })),
    edges,
  };
}

/** A Mermaid flowchart of the asset map. */
export function assetsToMermaid(pipelines: readonly AssetPipeline[], external: readonly string[]): string {
  const m = assetMap(pipelines, external);
  const ids = new Map<string, string>();
  m.pipelines.forEach((p, i) => ids.set(`p:${p.id}`, `p${i}`));
  m.assets.forEach((a, i) => ids.set(`a:${a.key}`, `a${i}`));
  const lines = ['flowchart LR'];
  for (const p of m.pipelines) lines.push(`  ${ids.get(`p:${p.id}`)}["<b>${mermaidText(p.id)}</b>"]`);
  for (const a of m.assets) {
    const note = a.note ? `<br/><i>${mermaidText(a.note)}</i>` : '';
    lines.push(`  ${ids.get(`a:${a.key}`)}(["${mermaidText(a.uri)}${note}"])`);
  }
  for (const e of m.edges) lines.push(`  ${ids.get(e.from)} --> ${ids.get(e.to)}`);
  return lines.join('\n');
}

/** Graphviz DOT of the asset map (also what the SVG is drawn from). */
export function assetsToDot(pipelines: readonly AssetPipeline[], external: readonly string[]): string {
  const m = assetMap(pipelines, external);
  const lines = ['digraph "assets" {', '  rankdir=LR;', '  node [fontname="Helvetica", fontsize=11];', '  edge [color="#5b6770"];'];
  for (const p of m.pipelines) lines.push(`  ${dotString(`p:${p.id}`)} [label=${dotString(p.id)}, shape=box, style="filled", fillcolor="#f5f7fa"];`);
  for (const a of m.assets) {
    const style = a.note ? 'rounded,dashed' : 'rounded,filled';
    lines.push(
      `  ${dotString(`a:${a.key}`)} [label=${dotString(a.uri, ...(a.note ? [`(${a.note})`] : []))}, shape=box, style="${style}", fillcolor="#e8f1fb"];`,
    );
  }
  for (const e of m.edges) lines.push(`  ${dotString(e.from)} -> ${dotString(e.to)};`);
  lines.push('}');
  return lines.join('\n');
}
