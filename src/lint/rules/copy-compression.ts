import { stepsOfKind } from '../../ir/queries';
import { pipelineRule } from '../types';

export const copyCompression = pipelineRule({
  meta: {
    code: 'DS410',
    name: 'copy-compression',
    defaultSeverity: 'warning',
    description: 'A redshift.copy loads CSV, JSON or delimited text without compression: more S3 bytes to read and a slower load.',
  },
  defaultOptions: {},
  check(ctx) {
    for (const { step, fields } of stepsOfKind(ctx.pipeline, 'redshift.copy')) {
      if (fields.format !== null && fields.format !== 'CSV' && fields.format !== 'JSON') continue;
      if (fields.compression !== null) continue;
      const field = ctx.has(ctx.pipeline, [...step.origin.path, 'compression']) ? 'compression' : fields.format !== null ? 'format' : 'from';
      ctx.reportStep(step, [field], `COPY loads uncompressed ${fields.format ?? 'delimited text'} files into ${fields.schema}.${fields.table}`, {
        hint: 'write the files compressed (GZIP, ZSTD, BZIP2 or LZOP) and split into several files, and set compression',
      });
    }
  },
});
