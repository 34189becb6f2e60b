/**
 * A deterministic UUID for the link between a key and an external item, so that tagging the same item twice
 * (from two devices, or a retried request) makes one link item, never two. Two 64-bit FNV-1a hashes, formatted
 * as a version-8 (custom) UUID.
 */
export function linkIdOf(targetKey: string, externalId: string): string {
  const text = `${targetKey}\u0000${externalId}`;
  const hex = fnv64(text, 0xcbf29ce484222325n) + fnv64(text, 0x84222325cbf29ce4n);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    '8' + hex.slice(13, 16),
    ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16) + hex.slice(17, 20),
    hex.slice(20, 32),
  ].join('-');
}

function fnv64(text: string, seed: bigint): string {
  let hash = seed;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}
