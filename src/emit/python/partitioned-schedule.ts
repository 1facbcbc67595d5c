/**
 * The Python of partitioned schedules (src/base/partitioned-schedule.ts), Airflow 3.3.1 only (validation refused them
 * elsewhere: DS240). Every argument is written out, defaults included, so the DAG does not depend on Airflow's.
 */
import type { PipelineIR } from '../../ir/types';
import { call, lit, type PyExpr, type PyKwarg } from '../../base/python-expr';
import { PARTITION_MAPPERS, type AssetPartitionIR, type CronPartitionIR } from '../../base/partitioned-schedule';
import type { Imports } from './imports';

/** `CronPartitionTimetable(cron, timezone=..., key_format=...[, run_offset=...])` from airflow.sdk. */
export function cronPartitionExpr(expression: string, p: CronPartitionIR, ir: PipelineIR, imports: Imports): PyExpr {
  const kw: PyKwarg[] = [
    ['timezone', lit(ir.timezone)],
    ['key_format', lit(p.keyFormat)],
  ];
  if (p.runOffset !== null) kw.push(['run_offset', lit(p.runOffset)]);
  return call(imports.from('airflow.sdk', 'CronPartitionTimetable'), [lit(expression)], kw);
}

/**
 * `PartitionedAssetTimetable(assets=..., default_partition_mapper=...)` from airflow.sdk. A temporal mapper reads
 * keys as wall-clock times in the pipeline's timezone (its `timezone` argument).
 */
export function partitionedAssetExpr(condition: PyExpr, p: AssetPartitionIR, ir: PipelineIR, imports: Imports): PyExpr {
  const cls = imports.from('airflow.sdk', PARTITION_MAPPERS[p.mapper].cls);
  const mapper =
    p.inputFormat === null
      ? call(cls)
      : call(
          cls,
          [],
          [
            ['timezone', lit(ir.timezone)],
            ['input_format', lit(p.inputFormat)],
            ['output_format', lit(p.outputFormat)],
          ],
        );
  return call(
    imports.from('airflow.sdk', 'PartitionedAssetTimetable'),
    [],
    [
      ['assets', condition],
      ['default_partition_mapper', mapper],
    ],
  );
}
