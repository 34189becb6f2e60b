import { KEYED_KINDS, type Link, type PersonRef, type Store } from '@tandem/core';
import { isAncestor, streamHistory } from '../history/history.js';
import { branchOnlyShas, currentBranch, headSha, remoteUrl } from '../history/repository.js';
import { remoteToWebUrl } from '../remote/remoteWebUrl.js';
import { commitLinks } from './commitLinks.js';
import type { PublishState } from './publishMark.js';

/** A `Store` that may write many items at once (Graph's `$batch`); without `createMany` items are created one by one. */
export interface LinkStore extends Store {
  createMany?(kind: 'link', values: readonly Link[]): Promise<unknown>;
}

/** How far a publish has come. */
export interface PublishProgress {
  /** Commits read so far. */
  scanned: number;
  /** Link items written so far. */
  published: number;
}

/** What to publish and where. */
export interface PublishRequest {
  /** A folder inside the repository. */
  cwd: string;
  store: LinkStore;
  /** Where the last published commit is remembered. */
  state: PublishState;
  linkedBy: PersonRef;
  /** The repository's web address; default: derived from its remote (`origin`, else the first). */
  repositoryUrl?: string;
  /** Read the commits after this one (exclusive) instead of after the last published one. */
  since?: string;
  /** Keys that exist; default: read from the store. */
  knownKeys?: ReadonlySet<string>;
  /** Link ids already in the store (from a cached portfolio, say); default: read from the store. */
  existingIds?: ReadonlySet<string>;
  now?: Date;
  /** Items a batch; 20 is Graph's `$batch` limit. */
  batchSize?: number;
  /** Called after each batch written. */
  onProgress?: (progress: PublishProgress) => void;
  /** Asked before each batch (and every few hundred commits read); when it says yes the publish stops there. */
  isCancelled?: () => boolean;
}

/** The user stopped a publish; what was written stays written, and the next run writes the rest. */
export class PublishCancelledError extends Error {
  readonly code = 'PUBLISH_CANCELLED';
  constructor(readonly published: number) {
    super(`publishing stopped after ${published} link${published === 1 ? '' : 's'}`);
    this.name = 'PublishCancelledError';
  }
}

/** What a publish did. */
export interface PublishOutcome {
  repositoryUrl: string;
  /** HEAD when the publish ran; absent in a repository without commits. */
  head?: string;
  /** The commit the read started after, if any. */
  since?: string;
  /** Commits read. */
  scanned: number;
  /** Link items written. */
  published: number;
  /** Links found that were already stored (published before, from here or from another client). */
  alreadyPublished: number;
  /** Keys commits named that do not exist, with the first commit naming each; not written. */
  unknownKeys: Map<string, string>;
}

/** How often, in commits read, a long read with nothing to write asks whether it is cancelled. */
const CANCEL_CHECK_EVERY = 500;

async function storedKeys(store: Store): Promise<Set<string>> {
  const keys = new Set<string>();
  for (const kind of KEYED_KINDS) {
    for (const stored of await store.query(kind)) keys.add((stored.value as { key: string }).key);
  }
  return keys;
}

async function storedLinkIds(store: Store, repositoryUrl: string): Promise<Set<string>> {
  // The repository column holds a URL, which SharePoint cannot filter on: filter by kind there, by repository here.
  const links = await store.query('link', { where: { kind: 'commit' } });
  return new Set(links.filter((s) => s.value.repository === repositoryUrl).map((s) => s.value.id));
}

/**
 * Publishes commit links for one repository, incrementally: streams the history after the last published commit (all
 * of it the first time, on a fresh clone, or when that commit left HEAD's history), writes one link item per commit and
 * known key in batches, then moves the mark. A failed or cancelled batch leaves the mark where it was, so the next run
 * retries; ids are stable and stored links are skipped, so nothing is ever written twice — whichever client publishes.
 */
export async function publishCommitLinks(request: PublishRequest): Promise<PublishOutcome> {
  const { cwd, store } = request;
  const repositoryUrl = request.repositoryUrl ?? remoteToWebUrl(await remoteUrl(cwd));
  const outcome: PublishOutcome = {
    repositoryUrl,
    scanned: 0,
    published: 0,
    alreadyPublished: 0,
    unknownKeys: new Map(),
  };
  const head = await headSha(cwd);
  if (!head) return outcome;
  outcome.head = head;
  let since = request.since ?? (await request.state.lastPublished(repositoryUrl));
  if (since && !(await isAncestor(cwd, since, head))) since = undefined;
  if (since) outcome.since = since;
  if (since === head) return outcome;

  const knownKeys = request.knownKeys ?? (await storedKeys(store));
  const existing = new Set(request.existingIds ?? (await storedLinkIds(store, repositoryUrl)));
  const branch = await currentBranch(cwd);
  const source = {
    repositoryUrl,
    ...(branch ? { branch } : {}),
    branchShas: await branchOnlyShas(cwd, branch),
    linkedBy: request.linkedBy,
    now: request.now ?? new Date(),
  };
  const batchSize = request.batchSize ?? 20;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  }
  let batch: Link[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    if (request.isCancelled?.()) throw new PublishCancelledError(outcome.published);
    if (store.createMany) await store.createMany('link', batch);
    else await Promise.all(batch.map((link) => store.create('link', link)));
    outcome.published += batch.length;
    batch = [];
    request.onProgress?.({ scanned: outcome.scanned, published: outcome.published });
  };
  for await (const commit of streamHistory(cwd, { ...(since ? { since } : {}), tip: head })) {
    outcome.scanned++;
    if (outcome.scanned % CANCEL_CHECK_EVERY === 0 && request.isCancelled?.()) {
      throw new PublishCancelledError(outcome.published);
    }
    for (const link of commitLinks(commit, source)) {
      if (!knownKeys.has(link.targetKey)) {
        if (!outcome.unknownKeys.has(link.targetKey)) outcome.unknownKeys.set(link.targetKey, commit.sha);
      } else if (existing.has(link.id)) outcome.alreadyPublished++;
      else {
        existing.add(link.id);
        batch.push(link);
        if (batch.length >= batchSize) await flush();
      }
    }
  }
  await flush();
  await request.state.setLastPublished(repositoryUrl, head);
  return outcome;
}
