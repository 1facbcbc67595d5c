// One COPY per warehouse table, generated from a list: adding a table is one line, not twenty lines of YAML.
// Each table waits for its own export marker, loads with an upsert on its keys, and the reporting views are
// refreshed once every table has landed.
import { definePipeline, redshift, s3 } from 'dagsmith';
import { teamStandards } from './_lib/standards';

interface Table {
  readonly name: string;
  readonly keys: readonly string[];
  readonly format?: 'CSV' | 'PARQUET';
}

const TABLES: readonly Table[] = [
  { name: 'customers', keys: ['customer_id'] },
  { name: 'orders', keys: ['order_id'] },
  { name: 'order_items', keys: ['order_id', 'line_no'] },
  { name: 'products', keys: ['sku'], format: 'CSV' },
  { name: 'inventory', keys: ['sku', 'warehouse_id'] },
];

const warehouse = { workgroup: 'analytics-serverless', database: 'warehouse' } as const;

const waits = TABLES.map((t) =>
  s3.wait({
    id: `wait_${t.name}`,
    group: t.name,
    bucket: '${rawBucket}',
    key: `exports/${t.name}/dt={{ ds }}/_SUCCESS`,
    mode: 'reschedule',
    timeout: '3h',
  }),
);

const loads = TABLES.map((t, i) =>
  redshift.copy({
    id: `load_${t.name}`,
    group: t.name,
    from: `s3://\${rawBucket}/exports/${t.name}/dt={{ ds }}/`,
    schema: 'staging',
    table: t.name,
    format: t.format ?? 'PARQUET',
    compression: t.format === 'CSV' ? 'GZIP' : undefined,
    options: t.format === 'CSV' ? ['IGNOREHEADER 1'] : undefined,
    method: 'upsert',
    upsertKeys: [...t.keys],
    iamRole: 'arn:aws:iam::123456789012:role/redshift-copy',
    ...warehouse,
    dependsOn: [waits[i]!],
  }),
);

export default definePipeline({
  id: 'warehouse_table_loads',
  description: `Daily upsert of ${TABLES.length} exported tables into Redshift, then refresh the reporting views`,
  tags: ['warehouse', 'redshift', 'daily'],
  schedule: '0 5 * * *',
  startDate: '2026-01-01',
  maxActiveRuns: 1,
  dagrunTimeout: '12h',
  ...teamStandards('analytics-eng', 'standard', { deferrable: true }),
  steps: [
    ...waits,
    ...loads,
    redshift.sql({
      id: 'refresh_reporting_views',
      sql: TABLES.map((t) => `REFRESH MATERIALIZED VIEW reporting.${t.name}_daily;`).join('\n'),
      ...warehouse,
      dependsOn: loads,
    }),
  ],
});
