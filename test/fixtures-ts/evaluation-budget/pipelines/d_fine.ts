import { definePipeline, glue } from 'dagsmith';

export default definePipeline({ id: 'd_fine', steps: [glue.job({ id: 'load', job: 'load-events' })] });
