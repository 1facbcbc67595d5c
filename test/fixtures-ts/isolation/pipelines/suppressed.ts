import { definePipeline, glue } from 'dagsmith';
import { retries } from './_lib/loose';

export default definePipeline({
  id: 'suppressed',
  // @ts-expect-error: retries is a string here
  defaults: { retries },
  steps: [glue.job({ id: 'a', job: 'a' })],
});
