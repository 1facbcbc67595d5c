import { inertText } from '../diagnostics/inert';
import type { PipelineGraph } from './model';

/**
 * A DOT quoted string of one or more lines (DOT's `\n` between them), each inert text (also in the SVG Graphviz draws
 * from it), with backslashes and quotes escaped.
 */
export function dotString(...lines: string[]): string {
  return `"${lines.map((l) => inertText(l).replace(/\\/g, '\\\\').replace(/"/g, '\\"')).join('\\n')}"`;
}

/** Graphviz DOT: left to right, task groups as clusters, non-default trigger rules in the label and dashed edges. */
export function toDot(g: PipelineGraph): string {
  const lines = [
    `digraph ${dotString(g.id)} {`,
    '  rankdir=LR;',
    '  node [shape=box, style="rounded,filled", fillcolor="#f5f7fa", fontname="Helvetica", fontsize=11];',
    '  edge [color="#5b6770"];',
  ];
  const node = (n: PipelineGraph['nodes'][number]) =>
    `${dotString(n.id)} [label=${dotString(n.label, n.kind, ...(n.triggerRule ? [`(${n.triggerRule})`] : []))}];`;
  g.groups.forEach((group, i) => {
    lines.push(`  subgraph cluster_${i} {`, `    label=${dotString(group)};`, '    style="rounded,dashed";');
    for (const n of g.nodes.filter((x) => x.group === group)) lines.push(`    ${node(n)}`);
    lines.push('  }');
  });
  for (const n of g.nodes.filter((x) => x.group === null)) lines.push(`  ${node(n)}`);
  const rules = new Map(g.nodes.map((n) => [n.id, n.triggerRule]));
  for (const e of g.edges) lines.push(`  ${dotString(e.from)} -> ${dotString(e.to)}${rules.get(e.to) ? ' [style=dashed]' : ''};`);
  lines.push('}');
  return lines.join('\n');
}
