import type { PipelineIR, StepIR } from '../ir/types';

/** What a reviewer needs to see of a pipeline: steps (with kind and trigger rule), groups, dependencies. */
export interface GraphNode {
  readonly id: string;
  readonly label: string;
  readonly kind: string;
  readonly group: string | null;
  /** Set when not Airflow's default (all_success): the step runs on other upstream outcomes. */
  readonly triggerRule: string | null;
}

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
}

export interface PipelineGraph {
  readonly id: string;
  readonly description: string | null;
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly groups: readonly string[];
}

export function pipelineGraph(p: PipelineIR): PipelineGraph {
  const node = (s: StepIR): GraphNode => ({
    id: s.id,
    label: s.id,
    kind: s.kind,
    group: s.group,
    triggerRule: s.triggerRule === 'all_success' ? null : s.triggerRule,
  });
  return {
    id: p.id,
    description: p.description,
    nodes: p.steps.map(node),
    edges: p.steps.flatMap((s) => s.dependsOn.map((d) => ({ from: d, to: s.id }))),
    groups: p.groups,
  };
}
