// The daily warehouse loads of 2026-03-01: every table's export marker is there; each table is upserted from its
// day's prefix (CSV tables with their header skipped) and the reporting views are refreshed once all have landed.
import { defineTest } from 'dagsmith';

const TABLES = ['customers', 'orders', 'order_items', 'products', 'inventory'];

export default defineTest({
  pipeline: 'warehouse_table_loads',
  date: '2026-03-01',
  given: { s3: TABLES.map((t) => `s3://\${rawBucket}/exports/${t}/dt=2026-03-01/_SUCCESS`) },
  expect: {
    sql: {
      'orders.load_orders': { contains: ["FROM 's3://${rawBucket}/exports/orders/dt=2026-03-01/'", 'FORMAT AS PARQUET'] },
      'products.load_products': { contains: ['IGNOREHEADER 1', 'GZIP'] },
      refresh_reporting_views: { contains: TABLES.map((t) => `REFRESH MATERIALIZED VIEW reporting.${t}_daily;`) },
    },
  },
});
