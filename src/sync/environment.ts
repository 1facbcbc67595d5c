import { UsageError } from '../diagnostics/types';
import type { EnvironmentContext, ResolvedEnvironment } from './types';

/**
 * Resolves `sync --env <name>` to the S3 prefix it deploys to. The one place where an environment of
 * dagsmith.config.yaml becomes a destination (MWAA: GetEnvironment's SourceBucketArn and DagS3Path).
 */
export async function resolveEnvironment(ctx: EnvironmentContext): Promise<ResolvedEnvironment> {
  throw new UsageError(
    `sync --env is not available yet (environment '${ctx.environment.name}'); use --bucket s3://BUCKET/PREFIX`,
  );
}
