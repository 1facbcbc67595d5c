/**
 * The file system the TypeScript checker (ts-morph) and module resolution see: the project, and dagsmith's own files
 * (the SDK's types). Pipelines come from pull requests, and the checker follows whatever they name — a
 * `/// <reference path>`, an import of a helper that is a symbolic link, a type-only import of `../../x` — so
 * anything whose real path lies elsewhere does not exist here: it is never read (its metadata may be looked at).
 * Project files are read as dagsmith reads pipelines: regular files only, their size checked before a bounded read
 * (a 58 MB JSON import was read whole by the checker and ran the compile out of memory).
 * The lib files of TypeScript come from ts-morph's memory, not from here.
 */
import * as nodeFs from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import * as tsMorph from 'ts-morph';
import type { FileSystemHost, RuntimeDirEntry, ts } from 'ts-morph';
import { isInside, realPathOf } from './paths';
import { MAX_FILE_BYTES, readRegularBytes } from './text';

/**
 * The error ts-morph takes for "no such file" (it then tells TypeScript the file is not there). ts-morph exports the
 * class at run time (from @ts-morph/common's errors) but not in its declarations.
 */
const FileNotFoundError = (tsMorph as unknown as { FileNotFoundError: new (path: string) => Error }).FileNotFoundError;
function notFound(path: string): Error {
  return new FileNotFoundError(path);
}

export class ConfinedFileSystem implements FileSystemHost {
  private readonly realRoot: string;
  private readonly ownRoots: readonly string[];

  constructor(
    private readonly root: string,
    /** Folders of dagsmith itself whose files the checker may read (its SDK's sources or declarations). */
    ownRoots: readonly string[],
    private readonly maxBytes = MAX_FILE_BYTES,
  ) {
    this.realRoot = realPathOf(root);
    this.ownRoots = ownRoots.map((r) => realPathOf(r));
  }

  /** Answers of `where`, per path: the checker asks about the same paths many times in one compile. */
  private readonly places = new Map<string, 'project' | 'own' | 'outside'>();

  /** Where a path really is (links resolved as far as it exists): the project, dagsmith's own files, or elsewhere. */
  where(path: string): 'project' | 'own' | 'outside' {
    const abs = resolve(this.root, path);
    let place = this.places.get(abs);
    if (place === undefined) {
      const real = realPathOf(abs);
      place = isInside(relative(this.realRoot, real))
        ? 'project'
        : this.ownRoots.some((r) => real === r || real.startsWith(r + sep))
          ? 'own'
          : 'outside';
      this.places.set(abs, place);
    }
    return place;
  }

  isCaseSensitive(): boolean {
    return true;
  }

  readFileSync(filePath: string): string {
    const where = this.where(filePath);
    if (where === 'outside') throw notFound(filePath);
    if (where === 'own') return nodeFs.readFileSync(filePath, 'utf8');
    // Invalid UTF-8 is decoded as TypeScript would (dagsmith's own read of the file reports it: DS145).
    const read = readRegularBytes(filePath, this.maxBytes);
    if (read.kind !== 'bytes') throw notFound(filePath);
    return read.bytes.toString('utf8');
  }

  readFile(filePath: string): Promise<string> {
    return new Promise((resolveRead) => resolveRead(this.readFileSync(filePath)));
  }

  fileExistsSync(filePath: string): boolean {
    const where = this.where(filePath);
    if (where === 'outside') return false;
    const st = statOrUndefined(filePath);
    // A project file too large to read does not exist for the checker (dagsmith reports it: DS146).
    return !!st && st.isFile() && (where === 'own' || st.size <= this.maxBytes);
  }

  fileExists(filePath: string): Promise<boolean> {
    return Promise.resolve(this.fileExistsSync(filePath));
  }

  directoryExistsSync(dirPath: string): boolean {
    if (this.where(dirPath) === 'outside') return false;
    return statOrUndefined(dirPath)?.isDirectory() ?? false;
  }

  directoryExists(dirPath: string): Promise<boolean> {
    return Promise.resolve(this.directoryExistsSync(dirPath));
  }

  readDirSync(dirPath: string): RuntimeDirEntry[] {
    if (!this.directoryExistsSync(dirPath)) return [];
    return nodeFs.readdirSync(dirPath, { withFileTypes: true }).map((e) => ({
      name: e.name,
      path: join(dirPath, e.name),
      isFile: e.isFile(),
      isDirectory: e.isDirectory(),
      isSymlink: e.isSymbolicLink(),
    }));
  }

  realpathSync(path: string): string {
    return realPathOf(path);
  }

  getCurrentDirectory(): string {
    return this.root;
  }

  /** A module resolution host over the same files, for ts.resolveModuleName. */
  resolutionHost(): ts.ModuleResolutionHost {
    return {
      fileExists: (p) => this.fileExistsSync(p),
      readFile: (p) => {
        try {
          return this.readFileSync(p);
        } catch {
          return undefined;
        }
      },
      directoryExists: (p) => this.directoryExistsSync(p),
      realpath: (p) => this.realpathSync(p),
      getCurrentDirectory: () => this.root,
    };
  }

  // The checker only reads: every way of changing files is refused.
  private readOnly(): never {
    throw new Error('internal error: the TypeScript checker tried to change a file');
  }
  delete(): Promise<void> {
    return this.readOnly();
  }
  deleteSync(): void {
    this.readOnly();
  }
  writeFile(): Promise<void> {
    return this.readOnly();
  }
  writeFileSync(): void {
    this.readOnly();
  }
  mkdir(): Promise<void> {
    return this.readOnly();
  }
  mkdirSync(): void {
    this.readOnly();
  }
  move(): Promise<void> {
    return this.readOnly();
  }
  moveSync(): void {
    this.readOnly();
  }
  copy(): Promise<void> {
    return this.readOnly();
  }
  copySync(): void {
    this.readOnly();
  }
  glob(): Promise<string[]> {
    return Promise.resolve([]);
  }
  globSync(): string[] {
    return [];
  }
}

function statOrUndefined(path: string): nodeFs.Stats | undefined {
  try {
    return nodeFs.statSync(path);
  } catch {
    return undefined;
  }
}
