import { definePipeline, glue } from 'dagsmith';
import { leftPad } from 'left-pad';
import tables from './_lib/tables.json';

const later = () => import('./_lib/loose');

export default definePipeline({
  id: 'imports',
  steps: tables.map((t) => glue.job({ id: t, job: leftPad(t, 8) })),
  description: String(later),
});
