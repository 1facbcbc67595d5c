import { definePipeline, glue } from 'dagsmith';

// A recursion without a base case.
function depth(n: number): number {
  return depth(n + 1) + 1;
}

export default definePipeline({ id: 'recursive', steps: [glue.job({ id: `j${depth(0)}`, job: 'j' })] });
