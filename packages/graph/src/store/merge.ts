/** Deep equality of JSON-like values (entity fields: scalars, arrays, plain objects). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The outcome of merging a patch onto a newer version. */
export type MergeOutcome =
  | { kind: 'apply' } // our fields were untouched by them: send the patch again on top of theirs
  | { kind: 'alreadyApplied' } // theirs already holds every value we wanted
  | { kind: 'conflict'; fields: string[] }; // both changed the same field to different values

/**
 * Decides what to do with `patch`, written against `base`, now that the item is `theirs`.
 * Without a base we cannot tell what they changed, so any difference on a patched field counts as a conflict.
 */
export function mergePatch(
  base: Record<string, unknown> | undefined,
  theirs: Record<string, unknown>,
  patch: Record<string, unknown>,
): MergeOutcome {
  const fields = Object.keys(patch);
  if (fields.every((f) => sameValue(theirs[f], patch[f]))) return { kind: 'alreadyApplied' };
  const clashes = fields.filter((f) => {
    if (sameValue(theirs[f], patch[f])) return false;
    return base === undefined || !sameValue(base[f], theirs[f]);
  });
  return clashes.length ? { kind: 'conflict', fields: clashes } : { kind: 'apply' };
}
