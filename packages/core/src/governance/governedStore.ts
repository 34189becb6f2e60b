import type { EntityKind, EntityOf } from '../model/entities.js';
import type { Decision } from '../model/decision.js';
import type { Initiative } from '../model/initiative.js';
import type { Objective } from '../model/objective.js';
import { SITE_SETTINGS_ID } from '../model/siteSettings.js';
import type { Patch, Store, Stored } from '../ports/store.js';
import { NotFoundError } from '../errors/storeErrors.js';
import { assertDecisionMayPass, quorumOf } from './decisionRules.js';
import { assertMayApprove } from './planningRules.js';

/**
 * A `Store` that keeps the site's governance rules on every write, whatever the host: a decision is never accepted
 * without both sides' quorum (read from the site's settings at the time of the write), and a proposed objective or
 * initiative is never approved without IT's feasibility, effort and risk. A refused write rejects with a
 * `GovernanceError` and nothing is written.
 */
export function governedStore(store: Store): Store {
  async function check<K extends EntityKind>(kind: K, before: EntityOf<K> | undefined, after: EntityOf<K>) {
    if (kind === 'decision') {
      const settings = await store.get('siteSettings', SITE_SETTINGS_ID);
      const decision = after as Decision;
      // Only a change into `accepted` is checked, so a decision accepted under an older, lower quorum stays valid.
      if ((before as Decision | undefined)?.status !== 'accepted')
        assertDecisionMayPass(decision, quorumOf(settings?.value));
    } else if (kind === 'objective' || kind === 'initiative') {
      assertMayApprove(kind, before as Objective | Initiative | undefined, after as Objective | Initiative);
    }
  }
  return {
    ...bind(store),
    async create<K extends EntityKind>(kind: K, value: EntityOf<K>): Promise<Stored<EntityOf<K>>> {
      await check(kind, undefined, value);
      return store.create(kind, value);
    },
    async update<K extends EntityKind>(
      kind: K,
      id: string,
      patch: Patch<EntityOf<K>>,
      etag: string,
    ): Promise<Stored<EntityOf<K>>> {
      if (kind === 'decision' || kind === 'objective' || kind === 'initiative') {
        const current = await store.get(kind, id);
        if (!current) throw new NotFoundError(kind, id);
        await check(kind, current.value, { ...current.value, ...patch } as EntityOf<K>);
      }
      return store.update(kind, id, patch, etag);
    },
  };
}

/** The store's methods bound to it, to spread into a decorator. */
export function bind(store: Store): Store {
  return {
    create: store.create.bind(store),
    get: store.get.bind(store),
    getByKey: store.getByKey.bind(store),
    update: store.update.bind(store),
    delete: store.delete.bind(store),
    query: store.query.bind(store),
    watch: store.watch.bind(store),
  };
}
