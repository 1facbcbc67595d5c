/**
 * The project's asset graph: pipelines linked by the assets one produces (step `produces`, task outlets) and another
 * is scheduled on (`schedule: { assets }`). Across all pipelines of a compile:
 * - DS395: a consumed asset that no pipeline produces and the config does not declare external (`externalAssets`)
 *   would never trigger a run; reported at the consumer's URI with the closest known URI;
 * - DS396: pipelines that trigger each other through assets, in a circle; reported once per cycle with its path;
 * - DS178: a schedule on an asset alias that no pipeline produces through (`producesAlias`): a warning, as an alias
 *   may be fed from outside the project.
 * - DS243-DS245: partitioned producers and consumers that do not fit (src/validate/partition-graph.ts).
 * An alias links its producers to the pipelines scheduled on it (a cycle may run through one).
 * Assets match as Airflow matches them: by URI after Airflow's normalization (src/base/asset-condition.ts).
 */
import { airflowAssetUri, type PipelineAssets } from '../base/asset-condition';
import { makeDiagnostic } from '../diagnostics/diagnostic';
import type { Diagnostic } from '../diagnostics/types';
import { didYouMean } from '../util/suggest';
import { checkPartitionGraph } from './partition-graph';

export interface AssetNode extends PipelineAssets {
  readonly id: string;
  readonly file: string;
}

/** How an edge through an alias names what links it (`alias NAME`, as messages write it). */
const ALIAS_LINK = 'alias ';

export interface AssetEdge {
  readonly from: string;
  readonly to: string;
  readonly uri: string;
}

/** Producer -> consumer edges (pipeline ids), one per asset that links them, in a stable order. */
export function assetEdges(nodes: readonly AssetNode[]): AssetEdge[] {
  const producers = new Map<string, string[]>();
  for (const n of nodes) {
    for (const u of n.produces) {
      const key = airflowAssetUri(u);
      const list = producers.get(key) ?? [];
      if (!list.includes(n.id)) list.push(n.id);
      producers.set(key, list);
    }
  }
  const edges: AssetEdge[] = [];
  const seen = new Set<string>();
  for (const n of nodes) {
    for (const c of n.consumes) {
      for (const p of producers.get(airflowAssetUri(c.uri)) ?? []) {
        const key = JSON.stringify([p, n.id, airflowAssetUri(c.uri)]);
        if (seen.has(key)) continue;
        seen.add(key);
        edges.push({ from: p, to: n.id, uri: c.uri });
      }
    }
  }
  // An alias links its producers to the pipelines scheduled on it (whatever asset it resolves to in a run).
  const aliasProducers = new Map<string, string[]>();
  for (const n of nodes) for (const a of n.producesAliases ?? []) aliasProducers.set(a, [...(aliasProducers.get(a) ?? []), n.id]);
  for (const n of nodes) {
    for (const c of n.consumesAliases ?? []) {
      for (const p of aliasProducers.get(c.name) ?? []) {
        const key = JSON.stringify([p, n.id, ALIAS_LINK + c.name]);
        if (seen.has(key)) continue;
        seen.add(key);
        edges.push({ from: p, to: n.id, uri: ALIAS_LINK + c.name });
      }
    }
  }
  return edges;
}

export function checkAssetGraph(nodes: readonly AssetNode[], external: readonly string[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const produced = new Set(nodes.flatMap((n) => n.produces.map(airflowAssetUri)));
  const externalSet = new Set(external.map(airflowAssetUri));
  const known = [...new Set([...nodes.flatMap((n) => n.produces), ...external])];
  for (const n of nodes) {
    for (const c of n.consumes) {
      const key = airflowAssetUri(c.uri);
      if (produced.has(key) || externalSet.has(key)) continue;
      const hint = didYouMean(c.uri, known);
      out.push(
        makeDiagnostic(
          'DS395',
          n.file,
          c.range,
          `pipeline '${n.id}' is scheduled on asset ${c.uri}, which no pipeline of the project produces: it would never run on it`,
          {
            hint:
              hint ??
              "add it to a step's produces, or list it under externalAssets in dagsmith.config.yaml if something outside the project updates it",
          },
        ),
      );
    }
  }
  const aliases = new Set(nodes.flatMap((n) => n.producesAliases ?? []));
  for (const n of nodes) {
    for (const c of n.consumesAliases ?? []) {
      if (aliases.has(c.name)) continue;
      const hint = didYouMean(c.name, [...aliases]);
      out.push(
        makeDiagnostic(
          'DS178',
          n.file,
          c.range,
          `pipeline '${n.id}' is scheduled on asset alias '${c.name}', through which no pipeline of the project produces: it runs only if something outside the project records events through it`,
          { hint: hint ?? "add it to a step's producesAlias, or correct the name" },
        ),
      );
    }
  }
  out.push(...cycles(nodes), ...checkPartitionGraph(nodes, external));
  return out;
}

/** One DS396 per strongly connected group of pipelines that trigger each other (Tarjan), with one cycle's path. */
function cycles(nodes: readonly AssetNode[]): Diagnostic[] {
  const edges = assetEdges(nodes);
  const next = new Map<string, AssetEdge[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e]);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups: string[][] = [];
  let counter = 0;
  // Iterative Tarjan: a long chain of pipelines cannot exhaust the call stack.
  for (const root of nodes.map((n) => n.id).sort()) {
    if (index.has(root)) continue;
    const work: { id: string; i: number }[] = [{ id: root, i: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const out = next.get(frame.id) ?? [];
      if (frame.i < out.length) {
        const to = out[frame.i++]!.to;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ id: to, i: 0 });
        } else if (onStack.has(to)) low.set(frame.id, Math.min(low.get(frame.id)!, index.get(to)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]!.id;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.id)!));
      }
      if (low.get(frame.id) === index.get(frame.id)) {
        const group: string[] = [];
        let x: string;
        do {
          x = stack.pop()!;
          onStack.delete(x);
          group.push(x);
        } while (x !== frame.id);
        const selfLoop = group.length === 1 && out.some((e) => e.to === frame.id);
        if (group.length > 1 || selfLoop) groups.push(group.sort());
      }
    }
  }
  return groups.map((group) => {
    const members = new Set(group);
    // A cycle from the group's first pipeline: breadth-first back to it, inside the group.
    const start = group[0]!;
    const prev = new Map<string, AssetEdge>();
    const queue = [start];
    let closing: AssetEdge | undefined;
    while (queue.length > 0 && !closing) {
      const id = queue.shift()!;
      for (const e of next.get(id) ?? []) {
        if (!members.has(e.to)) continue;
        if (e.to === start) {
          closing = e;
          break;
        }
        if (!prev.has(e.to)) {
          prev.set(e.to, e);
          queue.push(e.to);
        }
      }
    }
    const path: AssetEdge[] = [closing!];
    for (let e = prev.get(closing!.from); e; e = prev.get(e.from)) path.unshift(e);
    const text = [start, ...path.map((e) => `(${e.uri}) -> ${e.to}`)].join(' -> ');
    const consumer = byId.get(path[0]!.to)!;
    const first = path[0]!.uri;
    const at = first.startsWith(ALIAS_LINK)
      ? consumer.consumesAliases!.find((c) => ALIAS_LINK + c.name === first)!
      : consumer.consumes.find((c) => airflowAssetUri(c.uri) === airflowAssetUri(first))!;
    const message =
      path.length === 1
        ? `pipeline '${start}' is scheduled on ${path[0]!.uri}, which it produces itself: each run triggers the next (${text})`
        : `pipelines trigger each other through assets in a circle: ${text}`;
    return makeDiagnostic('DS396', consumer.file, at.range, message, {
      hint: 'schedule one of them on time, or have it stop producing the asset that starts the next',
    });
  });
}
