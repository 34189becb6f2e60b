import type { PersonRef, Store } from '@tandem/core';
import { readHistory, isAncestor } from '../git/history.js';
import { branchOnlyShas, currentBranch, headSha, remoteUrl } from '../git/repository.js';
import { remoteToWebUrl } from '../git/remoteWebUrl.js';
import { inBatches, planCommitLinks } from './commitLinks.js';

/** Remembers, per repository, the last commit whose links were published. */
export interface PublishState {
  lastPublished(repositoryUrl: string): string | undefined;
  setLastPublished(repositoryUrl: string, sha: string): Promise<void>;
}

/** What to publish and where. */
export interface PublishRequest {
  /** A folder inside the repository. */
  cwd: string;
  store: Store;
  state: PublishState;
  linkedBy: PersonRef;
  knownKeys: ReadonlySet<string>;
  /** Link ids already in the store (from the cached portfolio): not written again. */
  existingIds?: ReadonlySet<string>;
  now?: Date;
  /** Items a batch; 20 is Graph's `$batch` limit. */
  batchSize?: number;
  /** Called after each batch with the number written so far and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Asked before each batch; when it says yes the publish stops there (the mark stays, the next run goes on). */
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
  /** Commits read since the last publish. */
  scanned: number;
  /** Link items written. */
  published: number;
  /** Keys commits named that do not exist, with the first commit naming each. */
  unknownKeys: Map<string, string>;
}

/**
 * Publishes commit links for one repository, incrementally: reads the history since the last published commit (all of
 * it the first time, or when that commit is no longer in HEAD's history), writes one link item per commit and key in
 * batches, then moves the mark. A failed or cancelled batch leaves the mark where it was, so the next run retries; ids are stable,
 * so nothing is ever written twice.
 */
export async function publishCommitLinks(request: PublishRequest): Promise<PublishOutcome> {
  const repositoryUrl = remoteToWebUrl(await remoteUrl(request.cwd));
  const head = await headSha(request.cwd);
  if (!head) return { repositoryUrl, scanned: 0, published: 0, unknownKeys: new Map() };
  let since = request.state.lastPublished(repositoryUrl);
  if (since && !(await isAncestor(request.cwd, since, head))) since = undefined;
  const commits = since === head ? [] : await readHistory(request.cwd, since ? { since, tip: head } : { tip: head });
  const branch = await currentBranch(request.cwd);
  const plan = planCommitLinks(commits, {
    repositoryUrl,
    branchShas: await branchOnlyShas(request.cwd, branch),
    ...(branch ? { branch } : {}),
    linkedBy: request.linkedBy,
    now: request.now ?? new Date(),
    knownKeys: request.knownKeys,
  });
  const fresh = plan.links.filter((l) => !request.existingIds?.has(l.id));
  let published = 0;
  for (const batch of inBatches(fresh, request.batchSize ?? 20)) {
    if (request.isCancelled?.()) throw new PublishCancelledError(published);
    await Promise.all(batch.map((link) => request.store.create('link', link)));
    published += batch.length;
    request.onProgress?.(published, fresh.length);
  }
  await request.state.setLastPublished(repositoryUrl, head);
  return { repositoryUrl, scanned: commits.length, published, unknownKeys: plan.unknownKeys };
}
