import type { PersonRef } from '../model/common.js';
import type { EntityKind, EntityOf } from '../model/kinds.js';
import type { Decision } from '../model/decision.js';
import type { Idea } from '../model/idea.js';
import type { Initiative } from '../model/initiative.js';
import type { Objective } from '../model/objective.js';
import { type SiteSettings } from '../model/siteSettings.js';
import { SITE_SETTINGS_ID } from '../model/vocabulary.js';
import type { Patch, Store, Stored } from '../ports/store.js';
import { NotFoundError } from '../errors/storeErrors.js';
import { assertDecisionMayPass, latestVote, quorumOf } from './decisionRules.js';
import { assertGovernanceMember, SCORE_INPUT_FIELDS, type GovernedAction } from './membership.js';
import { assertMayApprove } from './planningRules.js';

/** The governed action a change makes, and the field that makes it; undefined when anyone may make it. */
export function governedActionOf<K extends EntityKind>(
  kind: K,
  before: EntityOf<K> | undefined,
  after: EntityOf<K>,
  actor: PersonRef,
): { action: GovernedAction; field: string } | undefined {
  if (kind === 'initiative') {
    const [was, now] = [before as Initiative | undefined, after as Initiative];
    if (!was) return now.originIdeaKey !== undefined ? { action: 'promoteIdea', field: 'originIdeaKey' } : undefined;
    const field = SCORE_INPUT_FIELDS.find((f) => was[f] !== now[f]);
    return field ? { action: 'changeScores', field } : undefined;
  }
  if (kind === 'idea') {
    const [was, now] = [before as Idea | undefined, after as Idea];
    return now.status === 'promoted' && was?.status !== 'promoted'
      ? { action: 'promoteIdea', field: 'status' }
      : undefined;
  }
  if (kind === 'decision') {
    const [was, now] = [before as Decision | undefined, after as Decision];
    const mine = (d: Decision | undefined) => (d ? latestVote(d, actor)?.vote : undefined);
    if (mine(was) !== mine(now)) return { action: 'voteOnDecision', field: 'votes' };
    if (now.status === 'accepted' && was?.status !== 'accepted') return { action: 'voteOnDecision', field: 'status' };
  }
  return undefined;
}

/**
 * A `Store` that keeps the site's governance rules on every write, whatever the host: a decision is never accepted
 * without both sides' quorum (read from the site's settings at the time of the write), and a proposed objective or
 * initiative is never approved without IT's feasibility, effort and risk. With `actor` (the signed-in user; hosts
 * always pass it), only the site's governance members may change scores, promote ideas and vote on decisions, once
 * the site has a member list. A refused write rejects with a `GovernanceError` and nothing is written.
 */
export function governedStore(store: Store, actor?: PersonRef): Store {
  // Read once per write that needs them, never cached across writes: the list may change between two edits.
  const readSettings = () => store.get('siteSettings', SITE_SETTINGS_ID).then((s) => s?.value);
  async function check<K extends EntityKind>(kind: K, before: EntityOf<K> | undefined, after: EntityOf<K>) {
    let settings: Promise<SiteSettings | undefined> | undefined;
    const governed = actor ? governedActionOf(kind, before, after, actor) : undefined;
    if (actor && governed) {
      settings = readSettings();
      const key = (after as { key?: string }).key ?? kind;
      assertGovernanceMember(await settings, actor, governed.action, key, governed.field);
    }
    if (kind === 'decision') {
      const quorum = quorumOf(await (settings ?? readSettings()));
      const decision = after as Decision;
      // Only a change into `accepted` is checked, so a decision accepted under an older, lower quorum stays valid.
      if ((before as Decision | undefined)?.status !== 'accepted') assertDecisionMayPass(decision, quorum);
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
      if (kind === 'decision' || kind === 'objective' || kind === 'initiative' || kind === 'idea') {
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
