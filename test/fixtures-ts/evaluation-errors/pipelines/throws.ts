import { definePipeline, glue } from 'dagsmith';

const tables: string[] = JSON.parse('[]');
if (tables.length === 0) {
  throw new Error('no tables configured');
}

export default definePipeline({ id: 'throws', steps: tables.map((t) => glue.job({ id: t, job: t })) });
