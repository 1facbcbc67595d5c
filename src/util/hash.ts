import { createHash } from 'node:crypto';

/** The one hash helper: the hex SHA-256 of a text (UTF-8) or of bytes. */
export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}
