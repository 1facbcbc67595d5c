import { crawlerFrequency } from '../../../src/lint/rules/crawler-frequency';
import { ruleTester } from '../rule-tester';

const crawl = (schedule: string) => `version: 1
id: p
schedule: ${schedule}
startDate: 2026-01-01
steps:
  - id: crawl
    kind: glue.crawler
    crawler: raw-events
`;

ruleTester(crawlerFrequency, {
  valid: [
    { name: 'daily', yaml: crawl('"@daily"') },
    { name: 'hourly', yaml: crawl('"0 * * * *"') },
    { name: 'manual', yaml: crawl('null') },
    { name: 'every 30 minutes allowed by option', yaml: crawl('{ every: 30m }'), options: { minInterval: '30m' } },
  ],
  invalid: [
    { name: 'every 15 minutes', yaml: crawl('"*/15 * * * *"'), errors: [{ line: 8, col: 14, message: 'as often as every 15m' }] },
    { name: 'interval of 20 minutes', yaml: crawl('{ every: 20m }'), errors: [{ line: 8, col: 14, message: 'every 20m' }] },
  ],
});
