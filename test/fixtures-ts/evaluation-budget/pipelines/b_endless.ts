import { definePipeline, glue } from 'dagsmith';

const tables: string[] = [];
// Waits for a table that never comes.
while (tables.length === 0) {
  tables.length = 0;
}

export default definePipeline({ id: 'b_endless', steps: tables.map((t) => glue.job({ id: t, job: t })) });
