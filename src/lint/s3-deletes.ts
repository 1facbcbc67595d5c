import type { JsonPath } from '../diagnostics/types';
import type { PipelineIR, StepIR } from '../ir/types';
import { stepsOfKind } from '../ir/queries';

/** S3 deletes written through the escape hatch: airflow.operator with S3DeleteObjectsOperator. */
export function escapeHatchDeletes(p: PipelineIR): { step: StepIR; field: JsonPath; bucket: string; prefix: string | null }[] {
  const out: { step: StepIR; field: JsonPath; bucket: string; prefix: string | null }[] = [];
  for (const { step, fields } of stepsOfKind(p, 'airflow.operator')) {
    if (fields.operator.name !== 'S3DeleteObjectsOperator') continue;
    const args = new Map(fields.arguments);
    const bucket = args.get('bucket');
    const prefix = args.get('prefix');
    if (typeof bucket !== 'string') continue;
    out.push({
      step,
      field: ['arguments', typeof prefix === 'string' ? 'prefix' : 'bucket'],
      bucket,
      prefix: typeof prefix === 'string' ? prefix : null,
    });
  }
  return out;
}
