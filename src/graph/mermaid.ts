import { inertText } from '../diagnostics/inert';
import type { PipelineGraph } from './model';

/** Mermaid node ids: letters, digits and '_' only, and never a Mermaid keyword (end, graph, ...). */
function nodeId(index: number): string {
  return `s${index}`;
}

/** Text inside a quoted Mermaid label: inert text, with quotes and the characters Mermaid reads as markup as entities. */
export function mermaidText(s: string): string {
  return inertText(s).replace(/[#"<>&`]/g, (c) => `#${c.charCodeAt(0)};`);
}

/** A Mermaid flowchart: steps as boxes labelled with id and kind, task groups as subgraphs, trigger rules on the box. */
export function toMermaid(g: PipelineGraph): string {
  const ids = new Map(g.nodes.map((n, i) => [n.id, nodeId(i)]));
  const lines = ['flowchart LR'];
  const box = (n: PipelineGraph['nodes'][number]) => {
    const rule = n.triggerRule ? `<br/><i>${mermaidText(n.triggerRule)}</i>` : '';
    return `${ids.get(n.id)}["<b>${mermaidText(n.label)}</b><br/>${mermaidText(n.kind)}${rule}"]`;
  };
  g.groups.forEach((group, gi) => {
    lines.push(`  subgraph g${gi}["${mermaidText(group)}"]`);
    for (const n of g.nodes.filter((x) => x.group === group)) lines.push(`    ${box(n)}`);
    lines.push('  end');
  });
  for (const n of g.nodes.filter((x) => x.group === null)) lines.push(`  ${box(n)}`);
  for (const e of g.edges) {
    const from = ids.get(e.from);
    const to = ids.get(e.to);
    if (!from || !to) continue;
    const target = g.nodes.find((n) => n.id === e.to);
    // A step that runs whatever its upstreams did gets dotted edges: they order it, they do not gate it.
    lines.push(`  ${from} ${target?.triggerRule ? '-.->' : '-->'} ${to}`);
  }
  return lines.join('\n');
}
