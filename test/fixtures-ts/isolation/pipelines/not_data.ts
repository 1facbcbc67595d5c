import { definePipeline, glue } from 'dagsmith';
import tables from './_lib/tables.json';

class Retry {
  constructor(readonly times: number) {}
}

export default definePipeline({
  id: 'not_data',
  steps: tables.map((t) => glue.job({ id: t, job: t, arguments: { '--when': new Date(0) as unknown as string } })),
  defaults: { retries: new Retry(2) as unknown as number },
});
