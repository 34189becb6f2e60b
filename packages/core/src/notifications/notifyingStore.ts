import type { EntityKind, EntityOf } from '../model/kinds.js';
import { ENTITY_KINDS } from '../model/kinds.js';
import type { PortfolioData } from '../model/portfolio.js';
import type { Clock } from '../ports/clock.js';
import type { PersonRef } from '../model/common.js';
import type { Patch, Store, Stored } from '../ports/store.js';
import { bind } from '../governance/governedStore.js';
import { notificationsFor, type TandemNotification } from './notificationsFor.js';

/** Where a host sends the notifications a change calls for (Teams' activity feed through Graph). */
export type NotificationSink = (notifications: TandemNotification[]) => Promise<void>;

/** Reads the whole portfolio through the store (hosts with a cache pass a cheaper loader). */
export async function loadPortfolio(store: Store): Promise<PortfolioData> {
  const lists = await Promise.all(
    ENTITY_KINDS.map(async (k) => [k, (await store.query(k)).map((s) => s.value)] as const),
  );
  return Object.fromEntries(lists) as PortfolioData;
}

/**
 * The kinds whose changes can call for a notification, and what else {@link notificationsFor} must see to judge one
 * (a service's owner for its SLA records, the check-ins behind an initiative's health).
 */
const contextKinds: Partial<Record<EntityKind, EntityKind[]>> = {
  decision: [],
  link: [],
  slaRecord: ['service'],
  initiative: ['checkIn'],
  checkIn: ['initiative', 'checkIn'],
};

function replaced(
  portfolio: PortfolioData,
  kind: EntityKind,
  value: { id: string } | undefined,
  id: string,
): PortfolioData {
  const list = ((portfolio[kind] as readonly { id: string }[] | undefined) ?? []).filter((x) => x.id !== id);
  return { ...portfolio, [kind]: value ? [...list, value] : list };
}

/**
 * A `Store` that, after each successful write, works out with {@link notificationsFor} who must hear of it
 * (comparing the portfolio before and after the write) and hands those notifications to `send`, once each.
 * The write stands even if sending fails: the error is passed to `onSendError` (the write is never undone for it).
 */
export function notifyingStore(
  store: Store,
  options: {
    send: NotificationSink;
    clock: Clock;
    /** Who makes the changes through this store: never notified of their own. */
    actor?: PersonRef;
    /** The whole portfolio before a write (a host with it in memory passes it); by default only what the change needs is read. */
    load?: () => Promise<PortfolioData>;
    onSendError?: (error: unknown, notifications: TandemNotification[]) => void;
  },
): Store {
  /** The portfolio before writing `id` of `kind`: the host's, or the written item's prior version and its context. */
  async function before(kind: EntityKind, id: string): Promise<PortfolioData> {
    if (options.load) return options.load();
    const kinds = contextKinds[kind] ?? [];
    const lists = await Promise.all(kinds.map(async (k) => [k, (await store.query(k)).map((s) => s.value)] as const));
    const data: Partial<Record<EntityKind, unknown[]>> = Object.fromEntries(lists);
    if (!kinds.includes(kind)) {
      const prior = await store.get(kind, id);
      data[kind] = prior ? [prior.value] : [];
    }
    return data as PortfolioData;
  }
  async function notify(before: PortfolioData, after: PortfolioData): Promise<void> {
    const notifications = notificationsFor(before, after, options.clock.now(), options.actor);
    if (notifications.length === 0) return;
    try {
      await options.send(notifications);
    } catch (error) {
      if (!options.onSendError) throw error;
      options.onSendError(error, notifications);
    }
  }
  return {
    ...bind(store),
    async create<K extends EntityKind>(kind: K, value: EntityOf<K>): Promise<Stored<EntityOf<K>>> {
      if (!(kind in contextKinds)) return store.create(kind, value);
      const was = await before(kind, value.id);
      const saved = await store.create(kind, value);
      await notify(was, replaced(was, kind, saved.value, saved.value.id));
      return saved;
    },
    async update<K extends EntityKind>(
      kind: K,
      id: string,
      patch: Patch<EntityOf<K>>,
      etag: string,
    ): Promise<Stored<EntityOf<K>>> {
      if (!(kind in contextKinds)) return store.update(kind, id, patch, etag);
      const was = await before(kind, id);
      const saved = await store.update(kind, id, patch, etag);
      await notify(was, replaced(was, kind, saved.value, id));
      return saved;
    },
  };
}
