import { definePipeline, glue } from 'dagsmith';
import tables from './_lib/tables.json';

export default definePipeline({ id: 'json_ok', steps: tables.map((t) => glue.job({ id: t, job: `load-${t}` })) });
