import { definePipeline, glue } from 'dagsmith';

export default Promise.resolve(definePipeline({ id: 'promise', steps: [glue.job({ id: 'a', job: 'a' })] }));
