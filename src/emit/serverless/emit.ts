import { CODES } from '../../diagnostics/codes';
import type { PipelineIR } from '../../ir/types';
import { SERVERLESS_RUNTIME, type AirflowTarget } from '../../targets';
import { GENERATED_MARKER } from '../marker';
import { buildWorkflow, type WorkflowOptions } from './workflow';
import { doubleQuoted, yamlDocument } from './yaml-text';

/**
 * The MWAA Serverless workflow definition of a pipeline (`dags-out/<id>.yaml`). Pure: the IR and target in, YAML
 * text out, starting with the "generated" marker (how the output folder tells dagsmith's files). It finds no
 * problems: validation reported what the dialect cannot say (check.ts); one left is a bug.
 */
export function emitServerlessWorkflow(ir: PipelineIR, target: AirflowTarget, opts: WorkflowOptions = {}): string {
  const { workflow, problems } = buildWorkflow(ir, target, opts);
  const blocking = problems.filter((p) => CODES[p.code].severity === 'error');
  if (blocking.length > 0) throw new Error(`internal error: ${blocking[0]!.code} ${blocking[0]!.message} passed validation in ${ir.source.file}`);
  const header = [
    // The file name is written as a YAML string (escaped), so no name can end the comment line.
    `${GENERATED_MARKER} from ${doubleQuoted(ir.source.file)}. Do not edit: change the pipeline and recompile.`,
    `# source sha256: ${ir.source.sha256}`,
    `# target: MWAA Serverless workflow (dag-factory ${SERVERLESS_RUNTIME.dagFactory}, Apache Airflow ${target.version}, apache-airflow-providers-amazon ${target.provider})`,
  ];
  return `${header.join('\n')}\n${yamlDocument(workflow.document)}`;
}
