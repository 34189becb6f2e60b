/** Outlook's category colour presets that read well in light and dark themes alike (`preset0`…`preset24`). */
const presets = Array.from({ length: 25 }, (_, i) => `preset${i}`);

/** The Outlook category of an initiative or objective: `Tandem INI-7`. Stable: titles change, keys do not. */
export function categoryNameFor(key: string): string {
  return `Tandem ${key}`;
}

/** The key a Tandem category stands for (`Tandem INI-7` → `INI-7`), or undefined for any other category. */
export function keyOfCategory(name: string): string | undefined {
  const match = /^Tandem ([A-Z]{2,4}-[1-9][0-9]{0,8})$/.exec(name);
  return match?.[1];
}

/**
 * The colour preset of a key: the same on every mailbox and every run (FNV-1a over the key), so an initiative has
 * one colour for everyone who tags with it.
 */
export function categoryColorFor(key: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return presets[hash % presets.length]!;
}
