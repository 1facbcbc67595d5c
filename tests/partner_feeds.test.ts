// The daily partner feeds of 2026-03-01, written in TypeScript: the given objects come from the same partner list
// as the expectations. Every partner's inbox is landed and normalised, then the feeds are catalogued.
import { defineTest } from 'dagsmith';

const PARTNERS = ['acme', 'globex', 'initech'] as const;
const day = '2026-03-01';

export default defineTest({
  pipeline: 'partner_feeds',
  date: day,
  given: {
    s3: PARTNERS.flatMap((p) => [
      `s3://\${rawBucket}/partners/${p}/inbox/${day}/_READY`,
      { bucket: '${rawBucket}', key: `partners/${p}/inbox/${day}/manifest.json`, json: { partner: p, files: ['part-0.csv'] } },
    ]),
  },
  expect: {
    s3: {
      exists: PARTNERS.map((p) => `s3://\${rawBucket}/landing/partners/${p}/dt=${day}/manifest.json`),
    },
    calls: [
      ...PARTNERS.map((p) => ({
        task: `${p}.normalise_${p}`,
        operation: 'StartJobRun',
        args: { JobName: 'normalise-partner-feed', Arguments: { '--partner': p, '--run_date': day } },
      })),
      { task: 'catalog_partner_feeds', operation: 'StartCrawler', args: { Name: 'partner-feeds' } },
    ],
  },
});
