/** What `dagsmith graph` draws. */
export type GraphFormat = 'mermaid' | 'dot' | 'svg';
export const GRAPH_FORMATS: readonly GraphFormat[] = ['mermaid', 'dot', 'svg'];
