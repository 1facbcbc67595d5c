/** Use case: what `sync` would change, with a structural diff of each changed DAG, as Markdown for a PR comment. */
import { planMarkdown } from '../sync/plan-report';
import { syncProject, type SyncOptions, type SyncProgress, type SyncResult } from './sync';

export type PlanOptions = Pick<SyncOptions, 'cwd' | 'env' | 'bucket' | 'airflow' | 'prune'>;

/** The sync's result without a write; when it got as far as a plan (also with conflicts), `markdown` is that plan. */
export type PlanResult =
  Extract<SyncResult, { status: 'invalid' | 'stale' }> | (Extract<SyncResult, { status: 'synced' | 'conflicts' }> & { readonly markdown: string });

export async function planProject(opts: PlanOptions, onEvent?: (e: SyncProgress) => void): Promise<PlanResult> {
  const result = await syncProject({ ...opts, planOnly: true }, onEvent);
  return result.status === 'synced' || result.status === 'conflicts' ? { ...result, markdown: planMarkdown(result.report, result.files) } : result;
}
