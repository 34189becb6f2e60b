// A minimal in-memory Store for core's decorator tests: validates, keeps ETags, and refuses stale ones.
import {
  ConflictError,
  NotFoundError,
  validateEntity,
  type EntityKind,
  type EntityOf,
  type Patch,
  type Store,
  type Stored,
} from '@tandem/core';

/** A Store over maps, with the contract's ETag and validation rules. */
export function tinyStore(): Store & { all<K extends EntityKind>(kind: K): EntityOf<K>[] } {
  const items = new Map<string, { kind: EntityKind; value: unknown; etag: string }>();
  let version = 0;
  const put = (kind: EntityKind, value: unknown) => {
    const stored = { kind, value, etag: `"${++version}"` };
    items.set(`${kind}/${(value as { id: string }).id}`, stored);
    return { value, etag: stored.etag };
  };
  return {
    async create(kind, value) {
      const valid = validateEntity(kind, value);
      const existing = items.get(`${kind}/${valid.id}`);
      if (existing) return { value: existing.value, etag: existing.etag } as Stored<typeof valid>;
      return put(kind, valid) as Stored<typeof valid>;
    },
    async get(kind, id) {
      const s = items.get(`${kind}/${id}`);
      return s ? ({ value: s.value, etag: s.etag } as Stored<EntityOf<typeof kind>>) : undefined;
    },
    async getByKey(kind, key) {
      for (const s of items.values())
        if (s.kind === kind && (s.value as { key?: string }).key === key)
          return { value: s.value, etag: s.etag } as Stored<EntityOf<typeof kind>>;
      return undefined;
    },
    async update<K extends EntityKind>(kind: K, id: string, patch: Patch<EntityOf<K>>, etag: string) {
      const s = items.get(`${kind}/${id}`);
      if (!s) throw new NotFoundError(kind, id);
      if (s.etag !== etag) throw new ConflictError('stale', patch, { value: s.value, etag: s.etag });
      const merged = { ...(s.value as object), ...patch } as Record<string, unknown>;
      for (const k of Object.keys(merged)) if (merged[k] === undefined) delete merged[k];
      return put(kind, validateEntity(kind, merged)) as Stored<EntityOf<K>>;
    },
    async delete(kind, id, etag) {
      const s = items.get(`${kind}/${id}`);
      if (!s) throw new NotFoundError(kind, id);
      if (s.etag !== etag) throw new ConflictError('stale', undefined, { value: s.value, etag: s.etag });
      items.delete(`${kind}/${id}`);
    },
    async query(kind) {
      return [...items.values()]
        .filter((s) => s.kind === kind)
        .map((s) => ({ value: s.value, etag: s.etag })) as Stored<EntityOf<typeof kind>>[];
    },
    watch() {
      return () => undefined;
    },
    all(kind) {
      return [...items.values()].filter((s) => s.kind === kind).map((s) => s.value) as EntityOf<typeof kind>[];
    },
  };
}
