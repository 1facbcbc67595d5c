/**
 * Partitions across the project's asset graph (src/validate/asset-graph.ts), as Airflow 3.3.1's scheduler queues
 * runs for asset events (airflow/assets/manager.py `_queue_dagruns`):
 * A pipeline's runs are partitioned when its schedule is (a cron producer, or a partitioned consumer: its runs carry
 * the mapped key, and so do their events).
 * - DS243: a partitioned consumer of an asset that only unpartitioned pipelines of the project produce: their events
 *   carry no key, and Airflow skips them for it ("missing partition key");
 * - DS244: a plain asset consumer of an asset that only partitioned pipelines produce: Airflow queues no plain
 *   consumer for an event with a key;
 * - DS245: a temporal mapper whose input format is not a partitioned producer's key format: strptime fails on the
 *   keys and the consumer does not run for them.
 * Warnings: an asset may also be updated from outside the project (`externalAssets` skips DS243 and DS244).
 * Numbered in the schema block (DS240-DS249) for want of semantics codes (test/diagnostics/catalog.test.ts).
 */
import { airflowAssetUri } from '../base/asset-condition';
import type { AssetPartitionIR } from '../base/partitioned-schedule';
import { makeDiagnostic } from '../diagnostics/diagnostic';
import type { Reporter } from '../diagnostics/reporter';
import type { Diagnostic } from '../diagnostics/types';
import type { AssetNode } from './asset-graph';
import { isRecord } from '../util/is-record';

/** What the graph keeps of a partitioned consumer: the format its mapper reads, and where to report about it. */
export function partitionedConsumerOf(p: AssetPartitionIR, spec: unknown, reporter: Reporter): NonNullable<AssetNode['partitionedConsumer']> {
  const written =
    isRecord(spec) && isRecord(spec.schedule) && isRecord(spec.schedule.partitioned) && Object.hasOwn(spec.schedule.partitioned, 'inputFormat');
  const range = written ? reporter.locate(['schedule', 'partitioned', 'inputFormat']) : reporter.locate(['schedule', 'partitioned'], 'key');
  return { inputFormat: p.inputFormat, range };
}

export function checkPartitionGraph(nodes: readonly AssetNode[], external: readonly string[]): Diagnostic[] {
  const producers = new Map<string, AssetNode[]>();
  for (const n of nodes) {
    for (const u of new Set(n.produces.map(airflowAssetUri))) producers.set(u, [...(producers.get(u) ?? []), n]);
  }
  const externalSet = new Set(external.map(airflowAssetUri));
  const out: Diagnostic[] = [];
  for (const n of nodes) {
    const consumer = n.partitionedConsumer;
    for (const c of n.consumes) {
      const key = airflowAssetUri(c.uri);
      const from = producers.get(key) ?? [];
      if (from.length === 0) continue; // DS395's, or external
      const partitioned = from.filter((p) => p.partitionKeyFormat !== undefined);
      if (consumer && partitioned.length === 0 && !externalSet.has(key)) {
        out.push(
          makeDiagnostic(
            'DS243',
            n.file,
            c.range,
            `pipeline '${n.id}' runs once per partition of ${c.uri}, but ${names(from)} ${from.length === 1 ? 'produces' : 'produce'} it without partitions: Airflow skips events without a partition key for a partitioned schedule, so it never runs on them`,
            { hint: `give ${names(from)} a partitioned schedule: schedule: { cron: ..., partitioned: { keyFormat: ... } }` },
          ),
        );
      }
      if (!consumer && partitioned.length === from.length && !externalSet.has(key)) {
        out.push(
          makeDiagnostic(
            'DS244',
            n.file,
            c.range,
            `pipeline '${n.id}' is scheduled on ${c.uri}, which only partitioned pipelines (${names(from)}) produce: Airflow does not queue a plain asset schedule for an event with a partition key, so it never runs on them`,
            { hint: "add partitioned: {} to its schedule (one run per partition key), or a mapper such as partitioned: { mapper: 'startOfDay' }" },
          ),
        );
      }
      if (consumer?.inputFormat) {
        for (const p of partitioned) {
          // null: an identity consumer passes on its producers' keys, whose format is checked where it reads them.
          if (p.partitionKeyFormat === null || p.partitionKeyFormat === consumer.inputFormat) continue;
          out.push(
            makeDiagnostic(
              'DS245',
              n.file,
              consumer.range,
              `pipeline '${n.id}' reads the partition keys of ${c.uri} as '${consumer.inputFormat}', but '${p.id}' writes them as '${p.partitionKeyFormat}': the mapper cannot parse them, and the pipeline does not run for them`,
              { hint: `set partitioned.inputFormat: '${p.partitionKeyFormat}'` },
            ),
          );
        }
      }
    }
  }
  return out;
}

function names(nodes: readonly AssetNode[]): string {
  return nodes.map((n) => `'${n.id}'`).join(', ');
}
