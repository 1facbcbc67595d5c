import { definePipeline, glue } from 'dagsmith';

const pipeline = definePipeline({ id: 'proxy', steps: [glue.job({ id: 'a', job: 'a' })] });
export default new Proxy(pipeline, {});
