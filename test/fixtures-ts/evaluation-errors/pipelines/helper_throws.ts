import { definePipeline } from 'dagsmith';
import { jobsFor } from '../lib/catalog';

export default definePipeline({
  id: 'helper_throws',
  steps: jobsFor('marketing'),
});
