import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import type { SourceRange } from '../diagnostics/types';
import { errnoText } from '../util/errno';

/**
 * Largest pipeline, SQL or config file dagsmith reads. Real pipelines are kilobytes; a 5,000-step chain is about
 * 0.5 MB. The limit keeps the YAML parser's slower paths (and a 2 GB file) away from the compile.
 */
export const MAX_FILE_BYTES = 1024 * 1024;

export type TextRead =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly code: 'DS100' | 'DS145' | 'DS146'; readonly message: string; readonly range?: SourceRange };

/**
 * Reads a text file as UTF-8, refusing what would be read wrongly: invalid UTF-8 (decoding would replace it with
 * U+FFFD, so the DAG would differ from the source and from its recorded hash), files over MAX_FILE_BYTES, and
 * anything that is not a regular file (/proc files report size 0 and FIFOs never end).
 */
export function readTextFile(abs: string, maxBytes = MAX_FILE_BYTES): TextRead {
  const read = readRegularBytes(abs, maxBytes);
  if (read.kind === 'error') return { ok: false, code: 'DS100', message: `cannot read the file (${errnoText(read.error)})` };
  if (read.kind === 'not-file') return { ok: false, code: 'DS100', message: 'cannot read the file: it is not a regular file' };
  if (read.kind === 'too-large') {
    return read.size !== undefined
      ? { ok: false, code: 'DS146', message: `the file is ${read.size} bytes; dagsmith reads files of at most ${maxBytes} bytes` }
      : { ok: false, code: 'DS146', message: `the file is larger than ${maxBytes} bytes, the most dagsmith reads` };
  }
  const bytes = read.bytes;
  if (!isUtf8(bytes)) {
    const at = firstInvalidUtf8(bytes);
    return {
      ok: false,
      code: 'DS145',
      message: `the file is not valid UTF-8 (byte 0x${bytes[at]!.toString(16).padStart(2, '0')} at offset ${at}); save it as UTF-8`,
      range: positionOf(bytes, at),
    };
  }
  return { ok: true, text: bytes.toString('utf8') };
}

export type BytesRead =
  | { readonly kind: 'bytes'; readonly bytes: Buffer }
  | { readonly kind: 'not-file' }
  /** `size` when fstat said so; undefined when the file grew past the limit while it was read. */
  | { readonly kind: 'too-large'; readonly size?: number }
  | { readonly kind: 'error'; readonly error: unknown };

/**
 * A regular file's bytes, at most `maxBytes` of them: anything else (a FIFO, which never ends; a device; a /proc file,
 * which reports size 0) is refused without reading. Opened non-blocking (opening a FIFO would otherwise wait for a
 * writer forever) and, with `noFollow`, never through a symbolic link.
 */
export function readRegularBytes(abs: string, maxBytes: number, opts: { readonly noFollow?: boolean } = {}): BytesRead {
  let fd: number | undefined;
  try {
    fd = openSync(abs, constants.O_RDONLY | constants.O_NONBLOCK | (opts.noFollow ? constants.O_NOFOLLOW : 0));
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { kind: 'not-file' };
    if (stat.size > maxBytes) return { kind: 'too-large', size: stat.size };
    // Read at most one byte more than the limit: the size may have changed since fstat.
    const buf = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let n = 0;
    for (let got = -1; got !== 0 && n < buf.length; n += got) got = readSync(fd, buf, n, buf.length - n, null);
    if (n > maxBytes) return { kind: 'too-large' };
    return { kind: 'bytes', bytes: buf.subarray(0, n) };
  } catch (error) {
    return { kind: 'error', error };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence (RFC 3629). */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let len: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c < 0x80) len = 1;
    else if (c >= 0xc2 && c <= 0xdf) len = 2;
    else if (c >= 0xe0 && c <= 0xef) {
      len = 3;
      if (c === 0xe0) lo = 0xa0; // overlong
      if (c === 0xed) hi = 0x9f; // surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
      len = 4;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k < len; k++) {
      const d = b[i + k];
      if (d === undefined) return i;
      if (k === 1 ? d < lo || d > hi : d < 0x80 || d > 0xbf) return i;
    }
    i += len;
  }
  return b.length;
}

/** 1-based line and column (in UTF-16 units, as elsewhere) of a byte offset whose prefix is valid UTF-8. */
function positionOf(b: Buffer, offset: number): SourceRange {
  const before = b.subarray(0, offset).toString('utf8');
  const lineStart = before.lastIndexOf('\n') + 1;
  const line = before.split('\n').length;
  // As in the YAML loader, a byte-order mark is not a column.
  const bom = line === 1 && before.startsWith('\uFEFF') ? 1 : 0;
  const col = before.length - lineStart + 1 - bom;
  return { line, col, endLine: line, endCol: col + 1 };
}
