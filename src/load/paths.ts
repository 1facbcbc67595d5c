import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** `rel` (from `relative`) stays inside the folder it was measured from. */
export function isInside(rel: string): boolean {
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * The real path of `abs` with symbolic links resolved as far as the path exists: the missing tail (a folder that a
 * compile will create) is appended as written. Never throws.
 */
export function realPathOf(abs: string): string {
  let existing = resolve(abs);
  const tail: string[] = [];
  for (;;) {
    try {
      return join(realpathSync(existing), ...tail.reverse());
    } catch {
      const parent = dirname(existing);
      if (parent === existing) return resolve(abs);
      tail.push(basename(existing));
      existing = parent;
    }
  }
}

/**
 * The project-relative, forward-slash form ('' for the root itself) of a path given relative to the project root
 * or absolute, when it lies inside the project both as written and after symbolic links are resolved; undefined
 * when it leads outside. An absolute path that names a folder of the project through another spelling of the root
 * (a symlinked checkout) is inside too.
 */
export function projectRelative(root: string, path: string): string | undefined {
  const abs = resolve(root, path);
  const realRoot = realPathOf(root);
  const real = realPathOf(abs);
  if (!isInside(relative(realRoot, real))) return undefined;
  const lexical = relative(resolve(root), abs);
  const rel = isInside(lexical) ? lexical : relative(realRoot, real);
  return rel.split(sep).join('/');
}
