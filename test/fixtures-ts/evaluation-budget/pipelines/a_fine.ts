import { definePipeline, glue } from 'dagsmith';

export default definePipeline({ id: 'a_fine', steps: [glue.job({ id: 'load', job: 'load-events' })] });
