import type { JsonPath } from '../../diagnostics/types';
import type { StepIR } from '../../ir/types';
import { fieldsOf, globMatch, stepsOfKind } from '../../ir/queries';
import { parseS3Uri } from '../../base/s3-uri';
import { urisAfterFlag } from '../job-args';
import { pipelineRule } from '../types';
import { verb } from '../sql';

interface Options {
  /** Buckets whose default encryption is known to be SSE-KMS (globs); `lint --remote` checks it. */
  readonly kmsBuckets: readonly string[];
}

/** An argument that names where a job writes: `--output`, `--out`, `--output-path`, `--dest`, `--target-path`, ... */
const OUTPUT_FLAG =
  /^--?(out|output|outputs|output[-_]?(path|uri|dir|location|prefix)|dest|destination|target[-_]?(path|uri|location)|sink|write[-_]?path)$/i;
/** Spark settings that make EMRFS ask S3 for SSE-KMS (EMR Serverless has no security configuration for that). */
const EMRFS_KMS = /fs\.s3\.(enableServerSideEncryption|serverSideEncryption\.kms\.keyId|cse\.enabled)/;

export const s3WriterEncryption = pipelineRule<Options>({
  meta: {
    code: 'DS405',
    name: 's3-writer-encryption',
    defaultSeverity: 'warning',
    category: 'security',
    securitySeverity: 4,
    description:
      "A step writes to S3 without its own KMS setting (s3.copy, s3.put, an Athena CTAS location, an EMR or EMR Serverless job's output), into a bucket whose default encryption is not known to be SSE-KMS (kmsBuckets).",
    options: {
      type: 'object',
      properties: {
        kmsBuckets: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Globs of buckets whose default encryption is SSE-KMS.' },
      },
      additionalProperties: false,
    },
  },
  defaultOptions: { kmsBuckets: [] },
  check(ctx) {
    // A bucket named by Jinja is only known at run time: nothing to judge.
    const kms = (bucket: string) => bucket.includes('{{') || ctx.options.kmsBuckets.some((g) => globMatch(g, bucket));
    const hint = "write into a bucket whose default is SSE-KMS and list it in DS405's kmsBuckets (lint --remote checks it)";
    const flag = (step: StepIR, field: JsonPath, bucket: string, what: string) =>
      ctx.reportStep(
        step,
        field,
        `${what} in '${bucket}' is encrypted however that bucket's default encryption says, which may be SSE-S3 rather than SSE-KMS`,
        { hint },
      );
    const p = ctx.pipeline;
    for (const { step, fields } of stepsOfKind(p, 's3.copy')) {
      if (!kms(fields.to.bucket)) flag(step, ['to'], fields.to.bucket, 'the copy');
    }
    for (const { step, fields } of stepsOfKind(p, 's3.put')) {
      if (!kms(fields.bucket)) flag(step, ['bucket'], fields.bucket, `the object s3.put writes${fields.encrypt ? ' (encrypt: SSE-S3)' : ''}`);
    }
    for (const step of p.steps) {
      if (step.kind !== 'athena.query') continue;
      const sql = ctx.sql(step);
      for (const st of sql?.statements ?? []) {
        if (verb(st) !== 'CREATE') continue;
        const loc = st.tokens.findIndex((t) => t.type === 'word' && t.value === 'EXTERNAL_LOCATION');
        const value = st.tokens.slice(loc + 1, loc + 3).find((t) => t.type === 'string');
        const uri = loc >= 0 && value ? parseS3Uri(value.value) : undefined;
        if (!uri || kms(uri.bucket)) continue;
        const t = st.tokens[loc]!;
        ctx.reportSql(
          sql!,
          st,
          t.start,
          t.end,
          `the table this CTAS writes in '${uri.bucket}' is encrypted however the workgroup's result encryption and that bucket's default say, which may be SSE-S3 rather than SSE-KMS`,
          {
            hint: `${hint}, or enforce SSE-KMS in the workgroup (EncryptionConfiguration)`,
          },
        );
      }
    }
    const clusters = new Map(stepsOfKind(p, 'emr.cluster').map(({ step, fields }) => [step.id, fields]));
    for (const step of p.steps) {
      const steps = fieldsOf(step, 'emr.steps');
      const cluster = fieldsOf(step, 'emr.cluster') ?? (steps?.clusterStep ? clusters.get(steps.clusterStep) : undefined);
      const emrSteps = steps?.steps ?? (step.kind === 'emr.cluster' ? step.fields.steps : []);
      // A security configuration sets EMRFS encryption (an external cluster's is unknown here: its outputs count).
      if (cluster?.securityConfiguration) continue;
      emrSteps.forEach((s, i) => {
        for (const o of urisAfterFlag(s.args, OUTPUT_FLAG)) {
          const uri = parseS3Uri(o.uri);
          if (uri && !kms(uri.bucket)) flag(step, ['steps', i, 'args', o.index], uri.bucket, `what EMR step '${s.name}' writes`);
        }
      });
    }
    for (const { step, fields } of stepsOfKind(p, 'emr.serverless')) {
      const conf = `${fields.sparkSubmitParameters ?? ''} ${JSON.stringify(fields.configurationOverrides ?? {})}`;
      if (EMRFS_KMS.test(conf)) continue;
      for (const o of urisAfterFlag(fields.arguments, OUTPUT_FLAG)) {
        const uri = parseS3Uri(o.uri);
        if (uri && !kms(uri.bucket)) flag(step, ['arguments', o.index], uri.bucket, 'what the EMR Serverless job writes');
      }
    }
  },
});
