import { GetCrawlerCommand, GetJobCommand, GetSecurityConfigurationCommand, GlueClient } from '@aws-sdk/client-glue';
import { GetBucketEncryptionCommand, GetPublicAccessBlockCommand, HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import type { LintCode } from '../diagnostics/codes';
import type { JsonPath } from '../diagnostics/types';
import { RemoteError } from '../diagnostics/types';
import type { PipelineIR } from '../ir/types';
import { fieldsOf } from '../ir/queries';
import { parseS3Uri } from '../base/s3-uri';

/** A finding of `lint --remote`, placed like a rule's: a pipeline and a path in it. */
export interface ExternalFinding {
  readonly code: LintCode;
  readonly pipeline: PipelineIR;
  readonly path: JsonPath;
  readonly message: string;
  readonly hint?: string;
}

/** The AWS clients `lint --remote` reads with. */
export interface RemoteClients {
  readonly glue: Pick<GlueClient, 'send'>;
  readonly s3: Pick<S3Client, 'send'>;
}

interface Ref {
  readonly pipeline: PipelineIR;
  readonly path: JsonPath;
}

/** What the pipelines name in AWS, each name with the places that name it (first place per pipeline). */
interface Referenced {
  readonly jobs: Map<string, Ref[]>;
  readonly crawlers: Map<string, Ref[]>;
  readonly securityConfigurations: Map<string, Ref[]>;
  readonly buckets: Map<string, Ref[]>;
}

/** A name that is rendered at run time (`{{ ... }}`) cannot be looked up now. */
const isTemplate = (s: string) => s.includes('{{') || s.includes('{%');

export function referencedResources(pipelines: readonly PipelineIR[]): Referenced {
  const r: Referenced = { jobs: new Map(), crawlers: new Map(), securityConfigurations: new Map(), buckets: new Map() };
  const add = (map: Map<string, Ref[]>, name: string | null | undefined, ref: Ref) => {
    if (!name || isTemplate(name)) return;
    const refs = map.get(name) ?? [];
    if (!refs.some((x) => x.pipeline === ref.pipeline)) refs.push(ref);
    map.set(name, refs);
  };
  const bucketOf = (uri: string | null) => (uri ? parseS3Uri(uri)?.bucket : undefined);
  for (const p of pipelines) {
    for (const step of p.steps) {
      const at = (...field: JsonPath): Ref => ({ pipeline: p, path: [...step.origin.path, ...field] });
      const job = fieldsOf(step, 'glue.job');
      // A job or crawler the operator may create (script and role given) need not exist yet.
      if (job && !(job.scriptLocation && job.role)) add(r.jobs, job.job, at('job'));
      if (job) {
        add(r.securityConfigurations, job.securityConfiguration, at('securityConfiguration'));
        add(r.buckets, bucketOf(job.scriptLocation), at('scriptLocation'));
      }
      const crawler = fieldsOf(step, 'glue.crawler');
      if (crawler && !(crawler.role && crawler.s3Targets.length > 0)) add(r.crawlers, crawler.crawler, at('crawler'));
      crawler?.s3Targets.forEach((t, i) => add(r.buckets, bucketOf(t), at('s3Targets', i)));
      const wait = fieldsOf(step, 's3.wait');
      if (wait) add(r.buckets, wait.bucket, at('bucket'));
      const copy = fieldsOf(step, 's3.copy');
      if (copy) {
        add(r.buckets, copy.from.bucket, at('from'));
        add(r.buckets, copy.to.bucket, at('to'));
      }
      const del = fieldsOf(step, 's3.delete');
      if (del) add(r.buckets, del.bucket, at('bucket'));
      const load = fieldsOf(step, 'redshift.copy');
      if (load) add(r.buckets, bucketOf(load.from), at('from'));
      const athena = fieldsOf(step, 'athena.query');
      if (athena) add(r.buckets, bucketOf(athena.outputLocation), at('outputLocation'));
      step.produces.forEach((u, i) => add(r.buckets, bucketOf(u), at('produces', i)));
    }
  }
  return r;
}

/** What a call's error means for the check: the thing is missing, we may not look, or AWS is unreachable. */
type Outcome = { ok: true; value: unknown } | { ok: false; missing: boolean; reason: string };

const NOT_FOUND = new Set(['EntityNotFoundException', 'NotFound', 'NoSuchBucket']);

async function call(send: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, value: await send() };
  } catch (err) {
    const e = err as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
    const status = e.$metadata?.httpStatusCode;
    if (status === undefined) {
      // No HTTP answer at all: no credentials, no region, no network. That is a remote failure, not a finding.
      throw new RemoteError(`lint --remote cannot reach AWS: ${e.message ?? String(err)}`);
    }
    // The call succeeded but the SDK could not read the body (emulators write some timestamps oddly): for a lookup,
    // an HTTP 2xx answer is what matters.
    if (status >= 200 && status < 300) return { ok: true, value: undefined };
    if (NOT_FOUND.has(e.name ?? '') || status === 404) return { ok: false, missing: true, reason: e.name ?? 'NotFound' };
    // An error the SDK made up while reading a body that is not an AWS answer (an HTML error page) says nothing useful.
    if (e.name === 'SyntaxError' || e.name === 'TypeError')
      return { ok: false, missing: false, reason: `HTTP ${status}, not an AWS API answer (the endpoint may not implement this call)` };
    return {
      ok: false,
      missing: false,
      reason: `${e.name ?? 'Error'} (HTTP ${status})${e.message && e.message !== e.name ? `: ${e.message.split('\n')[0]}` : ''}`,
    };
  }
}

/**
 * `lint --remote`: looks up, read-only, the Glue jobs, crawlers and security configurations and the S3 buckets the
 * pipelines name; reports missing ones, buckets without SSE-KMS default encryption or a full public access block,
 * and checks that could not run.
 */
export async function remoteFindings(pipelines: readonly PipelineIR[], clients: RemoteClients): Promise<ExternalFinding[]> {
  const refs = referencedResources(pipelines);
  const out: ExternalFinding[] = [];
  const each = (list: Ref[], code: LintCode, message: string, hint?: string) =>
    list.forEach((ref) => out.push({ code, pipeline: ref.pipeline, path: ref.path, message, ...(hint ? { hint } : {}) }));
  const cannot = (list: Ref[], what: string, reason: string) =>
    each(
      list,
      'DS486',
      `could not check ${what}: ${reason}`,
      'grant the lint role read access (glue:Get*, s3:GetEncryptionConfiguration, s3:GetBucketPublicAccessBlock, s3:ListBucket)',
    );

  const lookups: Promise<void>[] = [];
  for (const [name, list] of refs.jobs) {
    lookups.push(
      call(() => clients.glue.send(new GetJobCommand({ JobName: name }))).then((o) => {
        if (o.ok) return;
        if (o.missing)
          each(
            list,
            'DS480',
            `Glue job '${name}' does not exist in this account and region`,
            'create it (or give scriptLocation and role so the operator creates it)',
          );
        else cannot(list, `Glue job '${name}'`, o.reason);
      }),
    );
  }
  for (const [name, list] of refs.crawlers) {
    lookups.push(
      call(() => clients.glue.send(new GetCrawlerCommand({ Name: name }))).then((o) => {
        if (o.ok) return;
        if (o.missing)
          each(
            list,
            'DS481',
            `Glue crawler '${name}' does not exist in this account and region`,
            'create it (or give role and s3Targets so the operator creates it)',
          );
        else cannot(list, `Glue crawler '${name}'`, o.reason);
      }),
    );
  }
  for (const [name, list] of refs.securityConfigurations) {
    lookups.push(
      call(() => clients.glue.send(new GetSecurityConfigurationCommand({ Name: name }))).then((o) => {
        if (o.ok) return;
        if (o.missing) each(list, 'DS482', `Glue security configuration '${name}' does not exist in this account and region`);
        else cannot(list, `Glue security configuration '${name}'`, o.reason);
      }),
    );
  }
  for (const [bucket, list] of refs.buckets) lookups.push(checkBucket(bucket, list, clients, each, cannot));
  await Promise.all(lookups);
  return out;
}

async function checkBucket(
  bucket: string,
  list: Ref[],
  clients: RemoteClients,
  each: (list: Ref[], code: LintCode, message: string, hint?: string) => void,
  cannot: (list: Ref[], what: string, reason: string) => void,
): Promise<void> {
  const head = await call(() => clients.s3.send(new HeadBucketCommand({ Bucket: bucket })));
  if (!head.ok) {
    if (head.missing) each(list, 'DS483', `S3 bucket '${bucket}' does not exist`);
    else cannot(list, `S3 bucket '${bucket}'`, head.reason);
    return;
  }
  const enc = await call(() => clients.s3.send(new GetBucketEncryptionCommand({ Bucket: bucket })));
  if (enc.ok) {
    const rules =
      (enc.value as { ServerSideEncryptionConfiguration?: { Rules?: { ApplyServerSideEncryptionByDefault?: { SSEAlgorithm?: string } }[] } })
        .ServerSideEncryptionConfiguration?.Rules ?? [];
    const algorithm = rules[0]?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm;
    if (algorithm !== 'aws:kms' && algorithm !== 'aws:kms:dsse') {
      each(
        list,
        'DS484',
        `S3 bucket '${bucket}' encrypts new objects with ${algorithm === 'AES256' ? 'SSE-S3 (AES256)' : (algorithm ?? 'nothing')} by default, not SSE-KMS`,
        'set the bucket default encryption to aws:kms with a customer managed key',
      );
    }
  } else if (enc.missing || enc.reason.startsWith('ServerSideEncryptionConfigurationNotFoundError')) {
    each(
      list,
      'DS484',
      `S3 bucket '${bucket}' has no default encryption configuration`,
      'set the bucket default encryption to aws:kms with a customer managed key',
    );
  } else {
    cannot(list, `the default encryption of '${bucket}'`, enc.reason);
  }
  const pab = await call(() => clients.s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket })));
  const hint = 'turn on all four Block Public Access settings on the bucket (or for the account)';
  if (pab.ok) {
    const c = (pab.value as { PublicAccessBlockConfiguration?: Record<string, boolean | undefined> }).PublicAccessBlockConfiguration ?? {};
    const off = ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'].filter((k) => c[k] !== true);
    if (off.length > 0) each(list, 'DS485', `S3 bucket '${bucket}' does not block public access fully: ${off.join(', ')} off`, hint);
  } else if (pab.missing || pab.reason.startsWith('NoSuchPublicAccessBlockConfiguration')) {
    each(list, 'DS485', `S3 bucket '${bucket}' has no public access block`, hint);
  } else {
    cannot(list, `the public access block of '${bucket}'`, pab.reason);
  }
}

/**
 * Clients from the standard AWS chain (env, profile, SSO, instance role) and `AWS_ENDPOINT_URL`. With an endpoint
 * set (LocalStack, moto), S3 is addressed path-style, since bucket subdomains of 127.0.0.1 do not resolve.
 */
export function defaultRemoteClients(): RemoteClients {
  const endpoint = process.env.AWS_ENDPOINT_URL_S3 ?? process.env.AWS_ENDPOINT_URL;
  return {
    glue: new GlueClient({ maxAttempts: 3 }),
    s3: new S3Client({ maxAttempts: 3, ...(endpoint ? { forcePathStyle: true } : {}) }),
  };
}
