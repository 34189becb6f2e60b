import { createHash } from 'node:crypto';

/**
 * A UUID that is always the same for the same name (the layout of a version-5 UUID over SHA-1).
 * Link items get one from repository, commit and key, so a repeated publish creates nothing new:
 * the store treats a create with an existing id as already done.
 */
export function stableUuid(name: string): string {
  const bytes = createHash('sha1').update(`tandem:${name}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
