import { definePipeline, glue } from 'dagsmith';

// The same DAG id as the YAML pipeline next to it: reported at this `id`.
export default definePipeline({ id: 'nightly', steps: [glue.job({ id: 'a', job: 'a' })] });
