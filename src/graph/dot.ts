import type { PipelineGraph } from './model';

/** A DOT quoted string: backslashes and quotes escaped, newlines as \n. */
export function dotString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
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
    `${dotString(n.id)} [label=${dotString(`${n.label}\n${n.kind}${n.triggerRule ? `\n(${n.triggerRule})` : ''}`)}];`;
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
