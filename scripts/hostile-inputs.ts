// Pipelines that are large or built to be slow, shared by test/validate/scale.test.ts and scripts/bench-hostile.ts.

export interface ChainOptions {
  /** The first step depends on the last: one cycle through every step. */
  readonly cycle?: boolean;
  readonly idPrefix?: string;
  /** The last step also depends on this id, which no step has. */
  readonly unknownDependency?: string;
}

/** A pipeline of `n` S3 delete steps, each depending on the one before. */
export function chainPipeline(n: number, opts: ChainOptions = {}): string {
  const p = opts.idPrefix ?? 's';
  const lines = ['version: 1', 'id: chain', 'steps:'];
  for (let i = 0; i < n; i++) {
    const deps: string[] = [];
    if (i > 0) deps.push(`${p}${i - 1}`);
    if (i === 0 && opts.cycle) deps.push(`${p}${n - 1}`);
    if (i === n - 1 && opts.unknownDependency !== undefined) deps.push(opts.unknownDependency);
    lines.push(`  - id: ${p}${i}`, '    kind: s3.delete', '    bucket: scratch-bucket', `    prefix: tmp/${i}/`);
    if (deps.length > 0) lines.push(`    dependsOn: [${deps.join(', ')}]`);
  }
  return lines.join('\n') + '\n';
}

/** A pipeline whose one step has `n` script arguments: a mapping with `n` keys. */
export function wideMappingPipeline(n: number): string {
  const args = Array.from({ length: n }, (_, i) => `      --k${i}: v\n`).join('');
  return `version: 1\nid: wide\nsteps:\n  - id: run\n    kind: glue.job\n    job: run\n    scriptArgs:\n${args}`;
}
