// Twin of pipelines/orders_backfill.yaml. The two COPY steps differ only in table and options: one helper.
import { definePipeline, redshift, s3 } from 'dagsmith';

const warehouse = {
  cluster: 'analytics-ra3',
  database: 'warehouse',
  secretArn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:redshift/loader-AbCdEf',
} as const;

const waitExport = s3.wait({
  id: 'wait_export',
  bucket: '${rawBucket}',
  key: ['exports/orders/month={{ params.month }}/_SUCCESS', 'exports/order_items/month={{ params.month }}/_SUCCESS'],
  timeout: '1h',
  pokeInterval: '2m',
  mode: 'reschedule',
});

function copyMonth(table: string, upsertKeys: string[], more: { columns?: string[]; options?: string[] } = {}) {
  return redshift.copy({
    id: `copy_${table}`,
    from: `s3://\${rawBucket}/exports/${table}/month={{ params.month }}/`,
    schema: 'sales',
    table,
    columns: more.columns, // left out of the spec when undefined
    format: 'CSV',
    compression: 'GZIP',
    options: more.options ?? ['IGNOREHEADER 1'],
    method: 'upsert',
    upsertKeys,
    iamRole: 'arn:aws:iam::123456789012:role/redshift-copy',
    ...warehouse,
    dependsOn: [waitExport],
  });
}

const orders = copyMonth('orders', ['order_id'], {
  columns: ['order_id', 'customer_id', 'order_ts', 'status', 'total_amount'],
  options: ['IGNOREHEADER 1', "TIMEFORMAT 'auto'", 'EMPTYASNULL'],
});
const items = copyMonth('order_items', ['order_id', 'line_no']);

export default definePipeline({
  id: 'orders_backfill',
  description: 'Historical backfill of orders into Redshift, one month per run',
  owner: 'analytics-eng',
  tags: ['backfill', 'redshift', 'orders'],
  schedule: null,
  maxActiveRuns: 2,
  params: {
    month: { default: '2024-01', type: 'string', pattern: '^\\d{4}-\\d{2}$', description: 'Month to load (YYYY-MM)' },
  },
  defaults: { retries: 1, retryDelay: '10m', executionTimeout: '3h', deferrable: true, region: 'us-east-1' },
  steps: [
    waitExport,
    orders,
    items,
    redshift.sql({
      id: 'analyze',
      sql: 'ANALYZE sales.orders;\nANALYZE sales.order_items;\n',
      ...warehouse,
      dependsOn: [orders, items],
    }),
  ],
});
