import { glue } from 'dagsmith';

// A helper's type errors are reported once, in the helper, and stop every pipeline that imports it.
export function standardJob(name: string) {
  return glue.job({ id: name, job: name, retries: '3' });
}
