import { definePipeline } from 'dagsmith';
import { standardJob } from '../lib/jobs';

export default definePipeline({ id: 'uses_helper', steps: [standardJob('a')] });
