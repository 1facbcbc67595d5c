/**
 * `dagsmith plan`: the sync plan as Markdown for a PR comment — which files a sync would upload or delete, and
 * for each changed DAG what changes structurally against what the manifest says is deployed.
 * Every value from pipelines, the config or the bucket (names, ids, kinds, cron strings, URIs, the destination; a
 * forged manifest can say anything) is printed as a code span (`markdownCode`), the one escaping of Markdown:
 * nothing it holds is markup, and only the plan's own words are.
 */
import { airflowAssetUri } from '../base/asset-condition';
import { markdownCode } from '../diagnostics/inert';
import {
  producedAssets,
  diffDagSummaries,
  isEmptyDiff,
  isShownInFull,
  parseDagSummary,
  type DagDiff,
  type DagSummary,
  type FieldChange,
  type StepChange,
} from './dag-summary';

export interface PlanFileRow {
  /** Path under the DAG prefix. */
  readonly name: string;
  readonly action: 'upload' | 'delete' | 'unchanged';
  /**
   * Why an upload: 'new', 'changed' (the local DAG differs from the deployed one), 'edited in the bucket' (the object
   * is not the one dagsmith uploaded: its ETag differs from the manifest's), 'missing in the bucket' (the manifest
   * lists it, the bucket has no object).
   */
  readonly reason?: PlanUploadReason;
  /** For an upload of a file deployed before: whether the local DAG differs from what the manifest says was deployed. */
  readonly localChanged?: boolean;
  /** Summary of the local DAG (uploads and unchanged files). */
  readonly local?: DagSummary;
  /** The manifest's opaque summary of the deployed file (changed and deleted files), as read from S3. */
  readonly deployed?: unknown;
}

export type PlanUploadReason = 'new' | 'changed' | 'edited in the bucket' | 'missing in the bucket';

export interface PlanMarkdownInput {
  /** Where the plan deploys to (the destination's label). */
  readonly destination: string;
  readonly airflowVersion?: string;
  readonly files: readonly PlanFileRow[];
  /** Deployed files whose pipeline is gone, kept because the plan is not a `--prune` one. */
  readonly kept?: readonly string[];
  /** Objects under the prefix that dagsmith does not manage: listed so reviewers know they stay untouched. */
  readonly unmanaged?: readonly string[];
  /** Objects the manifest lists whose own metadata does not prove dagsmith uploaded them: never deleted. */
  readonly notOurs?: readonly string[];
}

/** Steps listed for a new or removed DAG before "and N more". */
const MAX_LISTED_STEPS = 20;

const code = (text: string): string => markdownCode(text);

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function stepList(steps: readonly { id: string; kind: string }[]): string {
  const shown = steps.slice(0, MAX_LISTED_STEPS).map((s) => `${code(s.id)} (${code(s.kind)})`);
  const more = steps.length - shown.length;
  return shown.join(', ') + (more > 0 ? `, and ${more} more` : '');
}

function diffLines(diff: DagDiff): string[] {
  const lines: string[] = [];
  if (diff.dagId) lines.push(`- DAG id: ${code(diff.dagId.from)} → ${code(diff.dagId.to)}`);
  if (diff.schedule) lines.push(`- schedule: ${code(diff.schedule.from)} → ${code(diff.schedule.to)}`);
  if (diff.attributes.length) lines.push(`- DAG settings: ${diff.attributes.map(fieldChange).join('; ')}`);
  if (diff.stepsAdded.length) lines.push(`- steps added: ${stepList(diff.stepsAdded)}`);
  if (diff.stepsRemoved.length) lines.push(`- steps removed: ${stepList(diff.stepsRemoved)}`);
  if (diff.stepsChanged.length) {
    lines.push('- steps changed:');
    for (const s of diff.stepsChanged) lines.push(`  - ${code(s.id)} (${code(s.kind)}): ${stepChanges(s).join('; ')}`);
  }
  return lines;
}

/** `retries: \`2\` → \`3\``; a value too long to keep in the manifest is named, not shown. */
function fieldChange(c: FieldChange): string {
  const side = (v: string | null): string | undefined => (v === null ? '(not set)' : isShownInFull(v) ? code(v) : undefined);
  const from = side(c.from);
  const to = side(c.to);
  return from !== undefined && to !== undefined ? `${code(c.field)}: ${from} → ${to}` : `${code(c.field)} changed (too long to show)`;
}

/** `kind \`a\` → \`b\``, `upstream +\`x\` -\`y\``, then each changed field with its values: what changed in one step. */
function stepChanges(s: StepChange): string[] {
  const out: string[] = [];
  if (s.kindBefore !== undefined) out.push(`kind ${code(s.kindBefore)} → ${code(s.kind)}`);
  if (s.upstreamAdded.length || s.upstreamRemoved.length) {
    out.push(`upstream ${[...s.upstreamAdded.map((u) => `+${code(u)}`), ...s.upstreamRemoved.map((u) => `-${code(u)}`)].join(' ')}`);
  }
  out.push(...s.fields.map(fieldChange));
  return out;
}

/**
 * The asset graph of what the deploy leaves in place: which DAGs are scheduled on an asset, and which produce it
 * (every local DAG: uploads and unchanged files). URIs are compared as Airflow compares them.
 */
interface AssetLinks {
  readonly consumers: ReadonlyMap<string, readonly string[]>;
  readonly producers: ReadonlyMap<string, readonly string[]>;
}

function assetLinks(files: readonly PlanFileRow[]): AssetLinks {
  const consumers = new Map<string, string[]>();
  const producers = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, uri: string, dag: string) => {
    const key = airflowAssetUri(uri);
    const list = map.get(key) ?? [];
    if (!list.includes(dag)) list.push(dag);
    map.set(key, list);
  };
  for (const f of files) {
    if (f.action === 'delete' || !f.local) continue;
    for (const uri of f.local.consumes ?? []) add(consumers, uri, f.local.dagId);
    for (const uri of producedAssets(f.local)) add(producers, uri, f.local.dagId);
  }
  return { consumers, producers };
}

/**
 * What the asset graph loses when `dagId` stops producing `uris`: for each, the DAGs scheduled on it that no other
 * DAG of the deploy produces it for. Their asset-triggered runs stop (Airflow waits for an update that never comes).
 */
function stoppedTriggers(dagId: string, uris: readonly string[], links: AssetLinks, verb: string): string[] {
  const lines: string[] = [];
  for (const uri of uris) {
    const key = airflowAssetUri(uri);
    if ((links.producers.get(key) ?? []).some((p) => p !== dagId)) continue;
    const waiting = (links.consumers.get(key) ?? []).filter((c) => c !== dagId);
    if (waiting.length === 0) continue;
    lines.push(
      `- **stops triggering** ${waiting.map(code).join(', ')}: ${verb} ${code(uri)}, which ${waiting.length === 1 ? 'it is' : 'they are'} scheduled on and no other DAG of this deploy produces`,
    );
  }
  return lines;
}

/** `- triggers \`b\` (through \`s3://...\`)`: the DAGs a DAG's assets schedule. */
function triggers(local: DagSummary, links: AssetLinks): string[] {
  const by = new Map<string, string[]>();
  for (const uri of producedAssets(local))
    for (const c of links.consumers.get(airflowAssetUri(uri)) ?? []) if (c !== local.dagId) by.set(c, [...(by.get(c) ?? []), uri]);
  if (by.size === 0) return [];
  return [`- triggers ${[...by].map(([dag, uris]) => `${code(dag)} (through ${uris.map(code).join(', ')})`).join(', ')}`];
}

function section(row: PlanFileRow, links: AssetLinks): string[] {
  const deployed = row.deployed === undefined ? undefined : parseDagSummary(row.deployed);
  if (row.action === 'delete') {
    const what = deployed ? `DAG ${code(deployed.dagId)} with ${plural(deployed.steps.length, 'step')}` : 'a file dagsmith deployed earlier';
    const lost = deployed ? stoppedTriggers(deployed.dagId, producedAssets(deployed), links, 'it produced') : [];
    return [`### ${code(row.name)}: removed`, '', `Deletes ${what}.`, ...(lost.length ? ['', ...lost] : [])];
  }
  const local = row.local;
  if (row.reason === 'new') {
    if (!local) return [`### ${code(row.name)}: new`];
    return [
      `### ${code(row.name)}: new DAG ${code(local.dagId)}`,
      '',
      `- schedule: ${code(local.schedule)}`,
      `- ${plural(local.steps.length, 'step')}: ${stepList(local.steps)}`,
      ...triggers(local, links),
    ];
  }
  const title = `### ${code(row.name)}: DAG ${code(local?.dagId ?? deployed?.dagId ?? row.name)}`;
  // Someone changed or removed the deployed object outside dagsmith: what runs is not what the manifest says.
  const remote =
    row.reason === 'edited in the bucket'
      ? [
          '**Edited in the bucket**: the deployed object is not the one dagsmith uploaded (its ETag differs from the manifest); the sync replaces it with the compiled DAG.',
        ]
      : row.reason === 'missing in the bucket'
        ? ['**Missing in the bucket**: the object dagsmith deployed was deleted outside dagsmith; the sync uploads it again.']
        : [];
  const lead = remote.length > 0 ? ['', ...remote] : [];
  if (remote.length > 0 && row.localChanged === false) {
    return [title, ...lead, '', '_The compiled DAG is the one dagsmith deployed last; only the bucket changed._'];
  }
  if (!local || !deployed) {
    return [
      title,
      ...lead,
      '',
      '_The deployed structure is unknown (the manifest has no summary this dagsmith can read); the file content changes._',
    ];
  }
  const diff = diffDagSummaries(deployed, local);
  if (isEmptyDiff(diff))
    return [title, ...lead, '', '_No structural change: the file differs only in comments, formatting or the dagsmith version that wrote it._'];
  const now = new Set(producedAssets(local).map(airflowAssetUri));
  const dropped = producedAssets(deployed).filter((u) => !now.has(airflowAssetUri(u)));
  return [title, ...lead, '', ...diffLines(diff), ...stoppedTriggers(local.dagId, dropped, links, 'it no longer produces')];
}

/** The plan as a Markdown document (ends with a newline). */
export function renderPlanMarkdown(input: PlanMarkdownInput): string {
  const uploads = input.files.filter((f) => f.action === 'upload');
  const created = uploads.filter((f) => f.reason === 'new').length;
  const remote = uploads.filter((f) => f.reason === 'edited in the bucket' || f.reason === 'missing in the bucket').length;
  const deletes = input.files.filter((f) => f.action === 'delete');
  const unchanged = input.files.filter((f) => f.action === 'unchanged').length;
  const out: string[] = [`## dagsmith plan: ${code(input.destination)}${input.airflowVersion ? ` (Airflow ${code(input.airflowVersion)})` : ''}`, ''];
  if (uploads.length === 0 && deletes.length === 0) {
    out.push(`No changes: ${plural(unchanged, 'DAG file')} deployed ${unchanged === 1 ? 'is' : 'are'} up to date.`);
  } else {
    out.push(
      `**${uploads.length} to upload** (${created} new, ${uploads.length - created - remote} changed${remote > 0 ? `, ${remote} changed in the bucket outside dagsmith` : ''}), **${deletes.length} to delete**, ${unchanged} unchanged.`,
      '',
      '| file | action |',
      '|---|---|',
    );
    for (const f of [...uploads, ...deletes].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      out.push(`| ${markdownCode(f.name, { inTable: true })} | ${f.action === 'upload' ? `upload (${f.reason ?? 'changed'})` : 'delete'} |`);
    }
    const links = assetLinks(input.files);
    for (const f of [...uploads, ...deletes].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      out.push('', ...section(f, links));
    }
  }
  if (input.kept && input.kept.length > 0) {
    const n = input.kept.length;
    out.push(
      '',
      `${plural(n, 'deployed file')} whose pipeline is gone ${n === 1 ? 'stays' : 'stay'} deployed (\`sync --prune\` deletes ${n === 1 ? 'it' : 'them'}): ${input.kept.slice(0, MAX_LISTED_STEPS).map(code).join(', ')}${n > MAX_LISTED_STEPS ? ', …' : ''}`,
    );
  }
  if (input.unmanaged && input.unmanaged.length > 0) {
    out.push(
      '',
      `${plural(input.unmanaged.length, 'object')} under the prefix ${input.unmanaged.length === 1 ? 'is' : 'are'} not managed by dagsmith and ${input.unmanaged.length === 1 ? 'stays' : 'stay'} untouched: ${input.unmanaged.slice(0, MAX_LISTED_STEPS).map(code).join(', ')}${input.unmanaged.length > MAX_LISTED_STEPS ? ', …' : ''}`,
    );
  }
  if (input.notOurs && input.notOurs.length > 0) {
    const n = input.notOurs.length;
    out.push(
      '',
      `${plural(n, 'object')} the manifest lists ${n === 1 ? 'is' : 'are'} not dagsmith's (${n === 1 ? 'its' : 'their'} metadata does not show that dagsmith uploaded ${n === 1 ? 'it' : 'them'}) and ${n === 1 ? 'stays' : 'stay'} untouched: ${input.notOurs.slice(0, MAX_LISTED_STEPS).map(code).join(', ')}${n > MAX_LISTED_STEPS ? ', …' : ''}`,
    );
  }
  return out.join('\n') + '\n';
}
