import { definePipeline } from 'dagsmith';
import { standardJob } from '../lib/jobs';

export default definePipeline({ id: 'also_uses_helper', steps: [standardJob('b')] });
