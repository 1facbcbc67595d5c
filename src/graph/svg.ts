/**
 * SVG through Graphviz itself (@viz-js/viz: Graphviz compiled to WebAssembly, shipped inside the npm package), so
 * the SVG is laid out exactly as `dot -Tsvg` would lay out the DOT output.
 */
export async function renderSvg(dot: string): Promise<string> {
  const { instance } = await import('@viz-js/viz');
  const viz = await instance();
  return viz.renderString(dot, { format: 'svg' });
}
