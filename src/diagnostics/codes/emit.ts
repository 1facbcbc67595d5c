import type { CodeInfo } from '../code-info';

/** DS5xx, emit: writing the output. See src/diagnostics/codes.ts. */
export const EMIT_CODES = {
  DS504: {
    severity: 'error',
    title: 'output file not written by dagsmith is in the way',
    why: 'dagsmith only overwrites files it generated (they start with its header); another file with the DAG\u2019s name would be lost.',
    fix: 'Move the file away, or give the pipeline another id.',
  },
  DS520: {
    severity: 'error',
    title: 'output folder cannot be read or written',
    why: 'A compile writes all DAG files or none; it stopped and undid what it had written.',
    fix: 'Make the output folder writable (and the disk not full), then compile again.',
  },
} as const satisfies Record<string, CodeInfo>;
