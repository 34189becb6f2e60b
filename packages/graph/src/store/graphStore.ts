import {
  ConflictError,
  NotFoundError,
  ValidationError,
  and,
  eq,
  or,
  type EntityKind,
  type EntityOf,
  type KeyedKind,
  type Logger,
  type Patch,
  type QueryOptions,
  type Store,
  type StoreChange,
  type StoreListener,
  type Stored,
} from '@tandem/core';
import type { GraphClient } from '../client/graphClient.js';
import { GraphError } from '../client/graphError.js';
import { retryDelayMs } from '../client/retryPolicy.js';
import { runBatch, type BatchRequest } from '../batch/batch.js';
import { clientIdColumn, keyColumn, listSchemaOf } from '../provisioning/listSchema.js';
import {
  decodeItem,
  decodeRefused,
  encodeFields,
  readItem,
  type DecodedItem,
  type GraphListItem,
} from './itemCodec.js';
import { loadValidation } from './validation.js';
import { ListPaths, queryString, type SiteLists } from './listPaths.js';
import { mergePatch } from './merge.js';
import { toStoreError } from './storeErrors.js';

/** Tuning of a {@link GraphStore}. */
export interface GraphStoreOptions {
  /** How many times a create is re-sent after an ambiguous failure (after checking it did not land). Default 5. */
  maxCreateAttempts?: number;
  /** How many times an update is merged and re-sent after losing a race on different fields. Default 10. */
  maxMergeAttempts?: number;
  /**
   * Told of each list item read that fails validation (written around the app, e.g. a `javascript:` URL): the item is
   * left out of every result and the rest still loads. Default: a warning to `logger` (or the console).
   */
  onInvalidItem?: InvalidItemHandler;
  /**
   * Items a list read asks for a page (`$top`) when the caller sets no limit. Default 5000, the list view threshold and
   * the largest page Graph serves list items in: a 5,000-item list is one round trip instead of 25 of 200.
   */
  pageSize?: number;
  /** Where the default `onInvalidItem` writes its warning. */
  logger?: Logger;
}

/** Hears of a list item that failed validation and was skipped; the error names the item and the field. */
export type InvalidItemHandler = (kind: EntityKind, error: ValidationError) => void;

interface Page {
  value?: GraphListItem[];
  '@odata.nextLink'?: string;
}

/**
 * core's `Store` over SharePoint lists through Graph.
 *
 * - Every item read is validated by core's schema. In a list read (query, lookups) a malformed item is reported to
 *   `onInvalidItem` as a `ValidationError` naming the item and field, and skipped: one bad row never blocks the rest.
 * - Creates are idempotent by the entity's client-generated id (kept in an indexed column): the id is looked up before
 *   the first POST and again after any failure that may have landed, so a retried create never makes a duplicate.
 * - Updates and deletes send `If-Match`. On 412 the item is re-read: when the two edits touched different fields the patch
 *   is merged onto the newer version and sent again; otherwise a `ConflictError` carries both versions.
 * - Graph failures become core `StoreError`s (`throttled`, `unavailable`, …) with the `GraphError` as cause.
 */
export class GraphStore implements Store {
  private paths: ListPaths;
  private readonly listeners = new Set<StoreListener>();
  /**
   * The last version of each entity seen, by kind and id, with its SharePoint item id: reads by id cost one single-item
   * GET, and a patch refused with 412 is merged against it.
   */
  private readonly seenItems = new Map<EntityKind, Map<string, DecodedItem<EntityKind>>>();
  private readonly maxCreateAttempts: number;
  private readonly maxMergeAttempts: number;
  private readonly invalidItemHandler: InvalidItemHandler;
  private readonly pageSize: number;

  constructor(
    readonly client: GraphClient,
    lists: SiteLists,
    options: GraphStoreOptions = {},
  ) {
    this.paths = new ListPaths(lists);
    this.maxCreateAttempts = options.maxCreateAttempts ?? 5;
    this.maxMergeAttempts = options.maxMergeAttempts ?? 10;
    this.pageSize = options.pageSize ?? 5000;
    const logger = options.logger;
    this.invalidItemHandler =
      options.onInvalidItem ??
      ((kind, error) => {
        const fields = { kind, issues: error.issues };
        if (logger) logger.warn(`skipped ${error.message}`, fields);
        else console.warn(`Tandem skipped ${error.message}`);
      });
  }

  /** Reports a list item that failed validation (the sync's delta pages report theirs here too); the caller skips it. */
  reportInvalidItem(kind: EntityKind, error: ValidationError): void {
    this.invalidItemHandler(kind, error);
  }

  /** The site and lists this store reads and writes. */
  get lists(): SiteLists {
    return this.paths.lists;
  }

  /**
   * Addresses the lists by `lists` from now on: a store opened with {@link listsByTitle} is given the ids once
   * provisioning has looked them up. Requests already sent finish as they were sent.
   */
  useLists(lists: SiteLists): void {
    this.paths = new ListPaths(lists);
  }

  /** Graph paths of this store's lists (for the sync and the Outlook operations). */
  get listPaths(): ListPaths {
    return this.paths;
  }

  async create<K extends EntityKind>(kind: K, value: EntityOf<K>): Promise<Stored<EntityOf<K>>> {
    const { validateEntity } = await loadValidation();
    const entity = validateEntity(kind, value);
    const record = entity as Record<string, unknown>;
    const id = String(record.id);
    const key = typeof record.key === 'string' ? record.key : undefined;
    try {
      for (let attempt = 1; ; attempt++) {
        const holders = await this.findByIdOrKey(kind, id, key);
        const same = holders.find((h) => (h.value as Record<string, unknown>).id === id);
        if (same) return same.stored;
        const keyHolder = holders[0];
        if (keyHolder) {
          throw new ConflictError(
            `${kind} key ${key} is already held by ${String((keyHolder.value as { id?: unknown }).id)}`,
            entity,
            keyHolder.stored,
          );
        }
        try {
          const item = await this.client.post<GraphListItem>(this.paths.items(kind), {
            fields: encodeFields(kind, record),
          });
          const decoded = this.remember(kind, await decodeItem(kind, item));
          this.emit({ kind, id, value: decoded.value, etag: decoded.etag } as StoreChange);
          return { value: decoded.value, etag: decoded.etag };
        } catch (error) {
          // A failure that may have landed is checked and re-sent; so is a 409 from SharePoint's unique-value
          // enforcement (the id or the key now exists: the next look-up says which). A clean 429/503 was already retried.
          const recheck = error instanceof GraphError && (error.ambiguous || error.retryable || error.status === 409);
          if (!recheck || attempt >= this.maxCreateAttempts) throw error;
        }
      }
    } catch (error) {
      throw toStoreError(error, `create ${kind} ${id}`);
    }
  }

  async get<K extends EntityKind>(kind: K, id: string): Promise<Stored<EntityOf<K>> | undefined> {
    try {
      const found = await this.read(kind, id);
      return found && { value: found.value, etag: found.etag };
    } catch (error) {
      throw toStoreError(error, `get ${kind} ${id}`);
    }
  }

  async getByKey<K extends KeyedKind>(kind: K, key: string): Promise<Stored<EntityOf<K>> | undefined> {
    const found = await this.query(kind, { where: { key } as never, top: 1 });
    return found[0];
  }

  async update<K extends EntityKind>(
    kind: K,
    id: string,
    patch: Patch<EntityOf<K>>,
    etag: string,
  ): Promise<Stored<EntityOf<K>>> {
    const changes = { ...(patch as Record<string, unknown>) };
    const fixed = ['id', 'key'].filter((f) => f in changes);
    if (fixed.length)
      throw new ValidationError(
        `${kind} ${id} patch`,
        fixed.map((path) => ({ path, message: 'cannot be changed' })),
      );
    const { validateEntity } = await loadValidation();
    try {
      // The version the caller edited, when this store saw it: the base for telling their changes from ours.
      const base = this.seen(kind, id, etag);
      let current: Stored<EntityOf<K>> = base ?? (await this.readExisting(kind, id));
      let ifMatch = etag;
      for (let attempt = 1; ; attempt++) {
        if (current.etag !== ifMatch) {
          // The caller's version is stale: merge onto the current one when the edits do not overlap.
          const outcome = mergePatch(
            base?.value as Record<string, unknown> | undefined,
            current.value as Record<string, unknown>,
            changes,
          );
          if (outcome.kind === 'alreadyApplied') return current;
          if (outcome.kind === 'conflict' || attempt > this.maxMergeAttempts) {
            throw new ConflictError(
              `${kind} ${id} was changed meanwhile${outcome.kind === 'conflict' ? ` (${outcome.fields.join(', ')})` : ''}`,
              patch,
              { value: current.value, etag: current.etag },
            );
          }
          ifMatch = current.etag;
        }
        // Validate the whole entity as it will be, before anything is written.
        const next = validateEntity(kind, withoutUndefined({ ...(current.value as object), ...changes }));
        const itemId = this.itemIdOf(kind, id);
        if (!itemId) throw new NotFoundError(kind, id);
        try {
          const fields = await this.client.patch<Record<string, unknown>>(
            `${this.paths.item(kind, itemId)}/fields`,
            encodeFields(kind, changes, true),
            { 'If-Match': ifMatch },
          );
          const newEtag = typeof fields?.['@odata.etag'] === 'string' ? fields['@odata.etag'] : undefined;
          const stored = newEtag
            ? this.remember(kind, { value: next, etag: newEtag, itemId })
            : await this.readExisting(kind, id);
          this.emit({ kind, id, value: stored.value, etag: stored.etag } as StoreChange);
          return { value: stored.value as EntityOf<K>, etag: stored.etag };
        } catch (error) {
          if (!(error instanceof GraphError)) throw error;
          if (error.status === 404) throw new NotFoundError(kind, id, { cause: error });
          if (error.status !== 412) throw error;
          // Lost a race: wait a jittered moment so two busy writers do not keep colliding, then re-read and merge.
          await this.client.retryPolicy.sleep(retryDelayMs(this.client.retryPolicy, Math.min(attempt - 1, 3)));
          const theirs = await this.read(kind, id);
          if (!theirs)
            throw new ConflictError(`${kind} ${id} was deleted meanwhile`, patch, undefined, { cause: error });
          current = { value: theirs.value, etag: theirs.etag };
        }
      }
    } catch (error) {
      throw toStoreError(error, `update ${kind} ${id}`);
    }
  }

  async delete<K extends EntityKind>(kind: K, id: string, etag: string): Promise<void> {
    try {
      const itemId = this.itemIdOf(kind, id) ?? (await this.read(kind, id))?.itemId;
      if (!itemId) throw new NotFoundError(kind, id);
      try {
        await this.client.delete(this.paths.item(kind, itemId), { 'If-Match': etag });
      } catch (error) {
        if (!(error instanceof GraphError)) throw error;
        if (error.status === 404) throw new NotFoundError(kind, id, { cause: error });
        if (error.status !== 412) throw error;
        const theirs = await this.read(kind, id);
        throw new ConflictError(
          `${kind} ${id} was changed meanwhile`,
          undefined,
          theirs && { value: theirs.value, etag: theirs.etag },
          { cause: error },
        );
      }
      this.forget(kind, id);
      this.emit({ kind, id, deleted: true } as StoreChange);
    } catch (error) {
      throw toStoreError(error, `delete ${kind} ${id}`);
    }
  }

  async query<K extends EntityKind>(kind: K, options: QueryOptions<EntityOf<K>> = {}): Promise<Stored<EntityOf<K>>[]> {
    const schema = listSchemaOf(kind);
    const conditions = Object.entries((options.where ?? {}) as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([field, v]) => {
        const column = schema.fields.find((f) => f.field === field);
        if (!column || column.type === 'json' || column.type === 'note') {
          throw new RangeError(`${kind}.${field} cannot be filtered on`);
        }
        return { column, filter: eq(`fields/${column.column}`, v as string | number | boolean) };
      });
    const orderColumn = options.orderBy && schema.fields.find((f) => f.field === options.orderBy?.field);
    if (options.orderBy && !orderColumn)
      throw new RangeError(`${kind}.${String(options.orderBy.field)} cannot be sorted on`);
    const nonIndexed = conditions.some((c) => !c.column.indexed) || (orderColumn !== undefined && !orderColumn.indexed);
    const qs =
      queryString({
        // Only what an entity is read from (its id, ETag and column values): Graph's other listItem properties
        // (createdBy, lastModifiedBy, webUrl, parentReference, …) would more than double every item of a list read.
        $select: 'id,eTag',
        $filter: conditions.length ? and(...conditions.map((c) => c.filter)) : undefined,
        $orderby: orderColumn ? `fields/${orderColumn.column} ${options.orderBy?.direction ?? 'asc'}` : undefined,
        $top: options.top ?? this.pageSize,
      }) + `&${this.paths.expandFields(kind)}`;
    // SharePoint refuses filters on non-indexed columns of big lists unless told to try anyway.
    const headers = nonIndexed ? { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' } : undefined;
    try {
      const items = await this.readPages(this.paths.items(kind) + qs, headers, options.top);
      return (await this.decodeValid(kind, items)).map((decoded) => ({ value: decoded.value, etag: decoded.etag }));
    } catch (error) {
      throw toStoreError(error, `query ${kind}`);
    }
  }

  watch(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Creates many new entities with JSON batches (20 a request): for imports and seeding, where the ids are fresh.
   * Unlike {@link create} it does not look ids up first; after an ambiguous failure it looks them up before re-sending.
   */
  async createMany<K extends EntityKind>(kind: K, values: readonly EntityOf<K>[]): Promise<Stored<EntityOf<K>>[]> {
    const { validateEntity } = await loadValidation();
    const entities = values.map((v) => validateEntity(kind, v) as Record<string, unknown>);
    const results = new Map<string, Stored<EntityOf<K>>>();
    try {
      let pending = entities;
      for (let attempt = 1; pending.length > 0; attempt++) {
        const requests: BatchRequest[] = pending.map((e, i) => ({
          id: String(i + 1),
          method: 'POST',
          url: this.paths.items(kind),
          body: { fields: encodeFields(kind, e) },
        }));
        let failed: Record<string, unknown>[] = [];
        try {
          const answers = await runBatch(this.client, requests);
          for (const [i, entity] of pending.entries()) {
            const answer = answers.get(String(i + 1));
            if (!answer || answer.error) {
              if (answer?.error && !answer.error.retryable) throw answer.error;
              failed.push(entity);
              continue;
            }
            const decoded = this.remember(kind, await decodeItem(kind, answer.body as GraphListItem));
            results.set(String(entity.id), { value: decoded.value, etag: decoded.etag });
          }
        } catch (error) {
          if (!(error instanceof GraphError) || !(error.ambiguous || error.retryable)) throw error;
          failed = pending;
        }
        if (failed.length && attempt >= this.maxCreateAttempts) {
          throw new GraphError({
            code: 'retriesExhausted',
            status: 0,
            message: `${failed.length} ${kind} creates did not go through`,
            request: 'POST /$batch',
          });
        }
        // Some of the failed may have landed: keep only those not found.
        pending = [];
        for (const entity of failed) {
          const found = await this.read(kind, String(entity.id));
          if (found) results.set(String(entity.id), { value: found.value, etag: found.etag });
          else pending.push(entity);
        }
      }
    } catch (error) {
      throw toStoreError(error, `create ${values.length} ${kind}`);
    }
    const stored = entities.map((e) => results.get(String(e.id))!);
    for (const s of stored)
      this.emit({ kind, id: (s.value as { id: string }).id, value: s.value, etag: s.etag } as StoreChange);
    return stored;
  }

  /** The SharePoint item id of an entity this store has seen. */
  itemIdOf(kind: EntityKind, id: string): string | undefined {
    return this.seenItems.get(kind)?.get(id)?.itemId;
  }

  /** Records an entity seen elsewhere (the sync's delta pages), so later writes can merge against it. */
  observe<K extends EntityKind>(kind: K, decoded: DecodedItem<K>): void {
    this.remember(kind, decoded);
  }

  /** Forgets an entity deleted elsewhere. */
  observeDeleted(kind: EntityKind, id: string): void {
    this.forget(kind, id);
  }

  private emit(change: StoreChange): void {
    for (const listener of [...this.listeners]) listener(change);
  }

  private remember<K extends EntityKind>(kind: K, decoded: DecodedItem<K>): DecodedItem<K> {
    let ofKind = this.seenItems.get(kind);
    if (!ofKind) this.seenItems.set(kind, (ofKind = new Map()));
    ofKind.set((decoded.value as { id: string }).id, decoded);
    return decoded;
  }

  private forget(kind: EntityKind, id: string): void {
    this.seenItems.get(kind)?.delete(id);
  }

  private seen<K extends EntityKind>(kind: K, id: string, etag: string): Stored<EntityOf<K>> | undefined {
    const seen = this.seenItems.get(kind)?.get(id) as DecodedItem<K> | undefined;
    return seen && seen.etag === etag ? { value: seen.value, etag: seen.etag } : undefined;
  }

  /** Reads the entity, which must exist. */
  private async readExisting<K extends EntityKind>(kind: K, id: string): Promise<DecodedItem<K>> {
    const found = await this.read(kind, id);
    if (!found) throw new NotFoundError(kind, id);
    return found;
  }

  /** The entity by id: one single-item GET when its item id is known, else a filtered query on the client-id column. */
  private async read<K extends EntityKind>(kind: K, id: string): Promise<DecodedItem<K> | undefined> {
    const itemId = this.itemIdOf(kind, id);
    if (itemId) {
      try {
        const item = await this.client.get<GraphListItem>(
          `${this.paths.item(kind, itemId)}?${this.paths.expandFields(kind)}`,
        );
        const decoded = await decodeItem(kind, item);
        if ((decoded.value as { id: string }).id === id) return this.remember(kind, decoded);
      } catch (error) {
        if (!(error instanceof GraphError) || error.status !== 404) throw error;
      }
      this.forget(kind, id);
    }
    const found = await this.findByIdOrKey(kind, id, undefined);
    return found[0] && this.remember(kind, found[0].decoded);
  }

  private async findByIdOrKey<K extends EntityKind>(
    kind: K,
    id: string,
    key: string | undefined,
  ): Promise<{ value: EntityOf<K>; stored: Stored<EntityOf<K>>; decoded: DecodedItem<K> }[]> {
    const filter = key
      ? or(eq(`fields/${clientIdColumn}`, id), eq(`fields/${keyColumn}`, key))
      : eq(`fields/${clientIdColumn}`, id);
    const items = await this.readPages(
      `${this.paths.items(kind)}${queryString({ $filter: filter })}&${this.paths.expandFields(kind)}`,
      undefined,
      undefined,
    );
    return (await this.decodeValid(kind, items)).map((decoded) => ({
      value: decoded.value,
      stored: { value: decoded.value, etag: decoded.etag },
      decoded,
    }));
  }

  /**
   * Decodes and remembers the valid items of a list read; each malformed one is reported and left out. A valid item is
   * read at once (zod is loaded only for an item the generated reader does not accept).
   */
  private async decodeValid<K extends EntityKind>(kind: K, items: readonly GraphListItem[]): Promise<DecodedItem<K>[]> {
    const valid: DecodedItem<K>[] = [];
    for (const item of items) {
      let decoded: DecodedItem<K>;
      try {
        decoded = readItem(kind, item) ?? (await decodeRefused(kind, item));
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        this.reportInvalidItem(kind, error);
        continue;
      }
      valid.push(this.remember(kind, decoded));
    }
    return valid;
  }

  private async readPages(
    path: string,
    headers: Record<string, string> | undefined,
    top: number | undefined,
  ): Promise<GraphListItem[]> {
    const all: GraphListItem[] = [];
    for (let next: string | undefined = path; next;) {
      const page: Page = await this.client.get<Page>(next, headers);
      all.push(...(page.value ?? []));
      if (top !== undefined && all.length >= top) return all.slice(0, top);
      next = page['@odata.nextLink'];
    }
    return all;
  }
}

/** A patch's `undefined` clears a field: the entity then has no such key at all. */
function withoutUndefined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
