import Ajv from 'ajv';
import { isDeepStrictEqual } from 'node:util';

/**
 * The manifest: one JSON object under the DAG prefix listing what dagsmith deployed there. It is what makes a
 * sync safe: only objects it lists are ever overwritten or pruned, and the sha256 it records (with the ETag S3
 * gave each upload) lets a sync compare content without reading the objects.
 */
export const MANIFEST_FORMAT = 1;

/** Keys dagsmith keeps for itself under the DAG prefix (never DAG files: Airflow only parses .py and .zip). */
export const STATE_FOLDER = '.dagsmith/';
export const MANIFEST_NAME = `${STATE_FOLDER}manifest.json`;
export const LOCK_NAME = `${STATE_FOLDER}lock.json`;

export interface ManifestEntry {
  /** Path under the prefix ("customer_features.py"). */
  readonly name: string;
  readonly sha256: string;
  readonly size: number;
  /** The ETag S3 returned for our upload: a listing showing another ETag means the object changed since. */
  readonly etag: string;
  /** Opaque JSON object given by the caller (a DAG structure summary for `dagsmith plan`). */
  readonly summary?: Readonly<Record<string, unknown>>;
}

export interface Manifest {
  readonly format: typeof MANIFEST_FORMAT;
  /** Airflow version the deployed DAGs were compiled for. */
  readonly airflow: string;
  /** Objects dagsmith deployed and manages. Every one existed when the manifest was written. */
  readonly files: readonly ManifestEntry[];
  /**
   * Objects a `--prune` sync decided to delete and had not confirmed deleted when this was written (deletes come
   * after the manifest that drops them, so that `files` never lists a deleted object). The next `--prune` sync
   * finishes them; they are never treated as unmanaged.
   */
  readonly pruning: readonly ManifestEntry[];
}

const ENTRY_SCHEMA = {
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 1024 },
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    size: { type: 'integer', minimum: 0 },
    etag: { type: 'string', minLength: 1, maxLength: 256 },
    summary: { type: 'object' },
  },
  required: ['name', 'sha256', 'size', 'etag'],
  additionalProperties: false,
} as const;

const MANIFEST_SCHEMA = {
  type: 'object',
  properties: {
    format: { const: MANIFEST_FORMAT },
    airflow: { type: 'string' },
    files: { type: 'array', items: ENTRY_SCHEMA, maxItems: 100_000 },
    pruning: { type: 'array', items: ENTRY_SCHEMA, maxItems: 100_000 },
    generator: { type: 'string' },
  },
  required: ['format', 'airflow', 'files', 'pruning'],
  additionalProperties: false,
} as const;

/** A type guard: what passes the schema is a manifest (the schema and the Manifest type describe the same document). */
const validateManifest = new Ajv({ allErrors: false, strict: true }).compile<Manifest & { generator?: string }>(MANIFEST_SCHEMA);

/** Why a stored manifest cannot be used; the sync stops rather than guess what it manages. */
export class ManifestError extends Error {
  override readonly name = 'ManifestError';
}

/** A name is a relative key below the prefix: no leading '/', no empty, '.' or '..' segments. */
export function isSafeName(name: string): boolean {
  return !name.split('/').some((s) => s === '' || s === '.' || s === '..');
}

/** Parses a stored manifest. Its content came from a bucket: checked in full before any of it is trusted. */
export function parseManifest(text: string): Manifest {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ManifestError(`it is not JSON (${(err as Error).message})`);
  }
  if (!validateManifest(data)) {
    const e = validateManifest.errors?.[0];
    throw new ManifestError(`${e?.instancePath || 'the document'} ${e?.message ?? 'is invalid'}`);
  }
  const manifest = data;
  const seen = new Set<string>();
  for (const entry of [...manifest.files, ...manifest.pruning]) {
    if (!isSafeName(entry.name)) throw new ManifestError(`it lists '${entry.name}', which is not a file name under the prefix`);
    if (seen.has(entry.name)) throw new ManifestError(`it lists '${entry.name}' twice`);
    seen.add(entry.name);
  }
  return { format: MANIFEST_FORMAT, airflow: manifest.airflow, files: manifest.files, pruning: manifest.pruning };
}

/** The stored form: stable key order and sorted entries, so equal manifests are equal bytes. */
export function serializeManifest(manifest: Manifest, generator: string): string {
  const entry = (e: ManifestEntry) => ({
    name: e.name,
    sha256: e.sha256,
    size: e.size,
    etag: e.etag,
    ...(e.summary !== undefined ? { summary: e.summary } : {}),
  });
  const sorted = (list: readonly ManifestEntry[]) => [...list].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map(entry);
  return (
    JSON.stringify(
      { format: manifest.format, generator, airflow: manifest.airflow, files: sorted(manifest.files), pruning: sorted(manifest.pruning) },
      null,
      2,
    ) + '\n'
  );
}

/** Whether two manifests say the same thing (entry order and the generator aside). */
export function sameManifest(a: Manifest | undefined, b: Manifest): boolean {
  if (!a) return false;
  return a.airflow === b.airflow && sameEntries(a.files, b.files) && sameEntries(a.pruning, b.pruning);
}

function sameEntries(a: readonly ManifestEntry[], b: readonly ManifestEntry[]): boolean {
  if (a.length !== b.length) return false;
  const byName = new Map(a.map((e) => [e.name, e]));
  return b.every((e) => {
    const other = byName.get(e.name);
    return (
      other !== undefined &&
      other.sha256 === e.sha256 &&
      other.size === e.size &&
      other.etag === e.etag &&
      isDeepStrictEqual(other.summary, e.summary)
    );
  });
}
