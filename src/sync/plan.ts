import { MANIFEST_FORMAT, sameManifest, type Manifest, type ManifestEntry } from './manifest';

/**
 * The sync plan: a pure function of the local files, the remote listing and the stored manifest. Content is
 * compared by sha256 (recorded in the manifest) and objects are recognized by the ETag S3 gave our upload,
 * never by modification time, so a fresh clone of unchanged DAGs plans no upload.
 * What may be deleted is proven, not claimed: whoever can write the manifest can make it list anything, so a
 * `--prune` deletes an object only when the object's own metadata (the sha256 dagsmith puts in
 * x-amz-meta-dagsmith-sha256 at upload, read with HEAD) is the manifest entry's.
 */

export interface PlanLocalFile {
  readonly name: string;
  readonly sha256: string;
  readonly size: number;
  readonly summary?: Readonly<Record<string, unknown>>;
}

/** One object of the listing under the prefix, named relative to it (dagsmith's own state objects left out). */
export interface RemoteObject {
  readonly name: string;
  readonly size: number;
  readonly etag: string;
}

/** What a HEAD of an object said: the sha256 dagsmith put in its metadata, if any (and the ETag it was read at). */
export interface ProbeResult {
  readonly etag: string;
  readonly sha256: string | undefined;
}

export interface PlanInput {
  readonly local: readonly PlanLocalFile[];
  readonly remote: readonly RemoteObject[];
  readonly manifest: Manifest | undefined;
  /** Airflow version the local files were compiled for. */
  readonly airflow: string;
  readonly prune: boolean;
  /** Answers for the names a previous plan asked to probe (objects at our names, objects to delete). */
  readonly probes?: ReadonlyMap<string, ProbeResult>;
}

export type UploadReason =
  | 'new'
  | 'changed'
  /** The manifest lists it but the object is gone. */
  | 'missing remotely'
  /** The object's ETag is not the one of our upload: someone changed it; the deploy restores it. */
  | 'changed remotely'
  /** An object dagsmith uploaded (its metadata says so) that no manifest lists: an interrupted sync's. */
  | 'replaces an unrecorded upload';

export interface PlannedUpload {
  readonly file: PlanLocalFile;
  readonly reason: UploadReason;
}

export type DropReason =
  | 'gone'
  | 'changed outside dagsmith'
  /** Listed, but its metadata does not carry the sha256 the manifest records: nothing proves it is dagsmith's. */
  | 'not uploaded by dagsmith';

export interface SyncPlan {
  readonly uploads: readonly PlannedUpload[];
  /** Local files already deployed as they are (their entries, with the listing's ETag). */
  readonly unchanged: readonly ManifestEntry[];
  /** Objects of an unrecorded earlier upload with the right content: recorded, not uploaded again. */
  readonly adopted: readonly string[];
  /** Managed objects whose file is gone locally, deleted because of --prune. */
  readonly deletes: readonly ManifestEntry[];
  /** Managed objects whose file is gone locally, kept because there is no --prune (or kept pending deletion). */
  readonly kept: readonly ManifestEntry[];
  /** Manifest entries no longer managed: the object is gone or someone replaced it. Never deleted. */
  readonly dropped: readonly { readonly name: string; readonly reason: DropReason }[];
  /** Objects under the prefix that dagsmith does not manage: never touched, reported. */
  readonly unmanaged: readonly string[];
  /** Objects at one of our names that dagsmith did not write: the sync refuses to overwrite them. */
  readonly conflicts: readonly string[];
  /** Objects at one of our names that no manifest lists, and objects to delete: HEAD them (metadata) and plan again. */
  readonly probe: readonly string[];
  /** The manifest after the uploads, with `etag: ''` for the files still to upload (apply fills them in). */
  readonly manifest: Manifest;
  /** Whether the sync writes anything: uploads, deletes or a new manifest. */
  readonly writes: boolean;
}

const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export function planSync(input: PlanInput): SyncPlan {
  const remote = new Map(input.remote.map((r) => [r.name, r]));
  const managed = new Map<string, { entry: ManifestEntry; pruning: boolean }>();
  for (const entry of input.manifest?.files ?? []) managed.set(entry.name, { entry, pruning: false });
  for (const entry of input.manifest?.pruning ?? []) managed.set(entry.name, { entry, pruning: true });
  const localNames = new Set(input.local.map((f) => f.name));

  const uploads: PlannedUpload[] = [];
  const unchanged: ManifestEntry[] = [];
  const adopted: string[] = [];
  const conflicts: string[] = [];
  const probe: string[] = [];
  const entry = (f: PlanLocalFile, etag: string): ManifestEntry => ({
    name: f.name,
    sha256: f.sha256,
    size: f.size,
    etag,
    ...(f.summary !== undefined ? { summary: f.summary } : {}),
  });

  for (const file of [...input.local].sort(byName)) {
    const object = remote.get(file.name);
    const known = managed.get(file.name)?.entry;
    if (known) {
      if (!object) uploads.push({ file, reason: 'missing remotely' });
      else if (object.etag !== known.etag) uploads.push({ file, reason: 'changed remotely' });
      else if (known.sha256 !== file.sha256) uploads.push({ file, reason: 'changed' });
      else unchanged.push(entry(file, object.etag));
    } else if (!object) {
      uploads.push({ file, reason: 'new' });
    } else {
      const probed = input.probes?.get(file.name);
      if (!probed || probed.etag !== object.etag) probe.push(file.name);
      else if (probed.sha256 === undefined) conflicts.push(file.name);
      else if (probed.sha256 === file.sha256) {
        adopted.push(file.name);
        unchanged.push(entry(file, object.etag));
      } else uploads.push({ file, reason: 'replaces an unrecorded upload' });
    }
  }

  const deletes: ManifestEntry[] = [];
  const kept: ManifestEntry[] = [];
  const keptPruning: ManifestEntry[] = [];
  const dropped: { name: string; reason: DropReason }[] = [];
  for (const { entry: old, pruning } of [...managed.values()].sort((a, b) => byName(a.entry, b.entry))) {
    if (localNames.has(old.name)) continue;
    const object = remote.get(old.name);
    if (!object) dropped.push({ name: old.name, reason: 'gone' });
    else if (object.etag !== old.etag) dropped.push({ name: old.name, reason: 'changed outside dagsmith' });
    else if (!input.prune) (pruning ? keptPruning : kept).push(old);
    else {
      const probed = input.probes?.get(old.name);
      if (!probed || probed.etag !== object.etag) probe.push(old.name);
      else if (probed.sha256 !== old.sha256) dropped.push({ name: old.name, reason: 'not uploaded by dagsmith' });
      else deletes.push(old);
    }
  }

  const unmanaged = input.remote
    .filter((r) => !localNames.has(r.name) && !managed.has(r.name))
    .map((r) => r.name)
    .sort();

  const manifest: Manifest = {
    format: MANIFEST_FORMAT,
    airflow: input.airflow,
    files: [...unchanged, ...uploads.map((u) => entry(u.file, '')), ...kept].sort(byName),
    pruning: [...deletes, ...keptPruning].sort(byName),
  };
  const writes = uploads.length > 0 || deletes.length > 0 || !sameManifest(input.manifest, manifest);
  return {
    uploads,
    unchanged,
    adopted,
    deletes,
    kept: [...kept, ...keptPruning].sort(byName),
    dropped,
    unmanaged,
    conflicts,
    probe,
    manifest,
    writes,
  };
}
