import { glue } from 'dagsmith';

export function nightlyJob(job: string) {
  return glue.job({ id: `nightly_${job}`, job, retries: 2 });
}
