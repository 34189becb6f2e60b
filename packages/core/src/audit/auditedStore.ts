import type { Clock } from '../ports/clock.js';
import type { PersonRef } from '../model/common.js';
import type { EntityKind, EntityOf } from '../model/kinds.js';
import type { Patch, Store, Stored } from '../ports/store.js';
import { bind } from '../governance/governedStore.js';
import { auditEntriesFor, isAuditedKind } from './auditChanges.js';

/** Makes the ids of audit entries (hosts pass `crypto.randomUUID`). */
export type IdFactory = () => string;

/**
 * A `Store` that keeps the audit trail: every create, update and delete of objectives, initiatives (scores included),
 * decisions and ideas made through it writes `auditEntry` items saying who (`user`), when (`clock`) and what
 * (field, before, after). The entries are written after the change succeeds; if writing them fails, the error
 * propagates, so the caller never believes a change was audited when it was not.
 */
export function auditedStore(
  store: Store,
  user: PersonRef,
  clock: Clock,
  newId: IdFactory = () => crypto.randomUUID(),
): Store {
  async function record(kind: EntityKind, before: unknown, after: unknown): Promise<void> {
    if (!isAuditedKind(kind)) return;
    const entries = auditEntriesFor({
      kind,
      before: before as Record<string, unknown> | undefined,
      after: after as Record<string, unknown> | undefined,
      by: user,
      at: clock.now(),
      newId,
    });
    for (const entry of entries) await store.create('auditEntry', entry);
  }
  return {
    ...bind(store),
    async create<K extends EntityKind>(kind: K, value: EntityOf<K>): Promise<Stored<EntityOf<K>>> {
      const existing = isAuditedKind(kind) ? await store.get(kind, value.id) : undefined;
      const saved = await store.create(kind, value);
      // A retried create returns the stored item: it was recorded the first time.
      if (!existing) await record(kind, undefined, saved.value);
      return saved;
    },
    async update<K extends EntityKind>(
      kind: K,
      id: string,
      patch: Patch<EntityOf<K>>,
      etag: string,
    ): Promise<Stored<EntityOf<K>>> {
      const before = isAuditedKind(kind) ? await store.get(kind, id) : undefined;
      const saved = await store.update(kind, id, patch, etag);
      if (before) await record(kind, before.value, saved.value);
      return saved;
    },
    async delete<K extends EntityKind>(kind: K, id: string, etag: string): Promise<void> {
      const before = isAuditedKind(kind) ? await store.get(kind, id) : undefined;
      await store.delete(kind, id, etag);
      if (before) await record(kind, before.value, undefined);
    },
  };
}
