import { glue } from 'dagsmith';

export const job = glue.job({ id: 'a', job: 'a' });
