// Partner data feeds: every partner drops files into its own inbox; each feed is landed, normalised by the shared
// Glue job and registered in the catalog. The feed steps come from one function, the retries and alerts from the
// team standards in _lib/, so the ten tasks below stay consistent by construction.
import { definePipeline, glue, s3 } from 'dagsmith';
import { teamStandards } from './_lib/standards';

const PARTNERS = {
  acme: { workers: 4 },
  globex: { workers: 10 },
  initech: { workers: 2 },
} as const;

type Partner = keyof typeof PARTNERS;

/** wait -> land -> normalise, in a task group named after the partner. */
function partnerFeed(partner: Partner) {
  const inbox = `partners/${partner}/inbox/{{ ds }}/`;
  const landing = `s3://\${rawBucket}/landing/partners/${partner}/dt={{ ds }}/` as const;
  const wait = s3.wait({ id: `wait_${partner}`, group: partner, bucket: '${rawBucket}', key: `${inbox}_READY`, mode: 'reschedule', timeout: '4h' });
  const land = s3.copy({
    id: `land_${partner}`,
    group: partner,
    from: `s3://\${rawBucket}/${inbox}manifest.json`,
    to: `${landing}manifest.json`,
    dependsOn: [wait],
  });
  const normalise = glue.job({
    id: `normalise_${partner}`,
    group: partner,
    job: 'normalise-partner-feed',
    arguments: { '--partner': partner, '--source': landing, '--run_date': '{{ ds }}' },
    workerType: 'G.1X',
    numberOfWorkers: PARTNERS[partner].workers,
    dependsOn: [land],
  });
  return { steps: [wait, land, normalise], done: normalise };
}

const feeds = (Object.keys(PARTNERS) as Partner[]).map(partnerFeed);

export default definePipeline({
  id: 'partner_feeds',
  description: 'Land, normalise and catalog the daily partner data feeds',
  tags: ['partners', 'landing'],
  schedule: '0 2 * * *',
  startDate: '2026-01-01',
  maxActiveRuns: 1,
  dagrunTimeout: '12h',
  ...teamStandards('data-platform', 'critical', { deferrable: true }),
  steps: [
    ...feeds.flatMap((f) => f.steps),
    glue.crawler({
      id: 'catalog_partner_feeds',
      crawler: 'partner-feeds',
      dependsOn: feeds.map((f) => f.done),
    }),
  ],
});
