import { definePipeline, glue } from 'dagsmith';

// Keeps a million-row lookup table per partition, for ever more partitions.
const partitions: number[][] = [];
while (partitions.length >= 0) partitions.push(new Array<number>(1_000_000).fill(partitions.length));

export default definePipeline({ id: 'hog', steps: partitions.map((p) => glue.job({ id: `p${p[0]}`, job: 'load' })) });
