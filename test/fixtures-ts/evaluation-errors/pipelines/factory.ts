import { definePipeline, glue } from 'dagsmith';

export default () => definePipeline({ id: 'factory', steps: [glue.job({ id: 'a', job: 'a' })] });
