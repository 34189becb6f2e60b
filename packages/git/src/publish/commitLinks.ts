import { commitKeys, type Link, type PersonRef } from '@tandem/core';
import type { LoggedCommit } from '../history/commitLog.js';
import { commitWebUrl } from '../remote/remoteWebUrl.js';
import { stableUuid } from './linkId.js';

/** Where the commits come from and who publishes them. */
export interface CommitSource {
  /** The repository's web address (from its remote). */
  repositoryUrl: string;
  /** Commits made on the current branch only (not on the default branch): their branch name names keys too. */
  branchShas: ReadonlySet<string>;
  branch?: string;
  linkedBy: PersonRef;
  now: Date;
}

/** A `CommitSource` with the keys that exist; links to others are reported, not written. */
export interface PublishSource extends CommitSource {
  knownKeys: ReadonlySet<string>;
}

/** The link items a publish would write, and the keys it refused. */
export interface PublishPlan {
  links: Link[];
  /** Keys named by commits that the portfolio does not have, with the first commit naming each. */
  unknownKeys: Map<string, string>;
}

const emailLike = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A single-line title of at most 255 characters (SharePoint's single-line limit). */
export function linkTitle(message: string): string {
  const subject = (message.split('\n', 1)[0] ?? '').trim();
  if (!subject) return '(no subject)';
  return subject.length <= 255 ? subject : subject.slice(0, 254) + '…';
}

function author(commit: LoggedCommit): PersonRef | undefined {
  const displayName = commit.authorName.trim().slice(0, 255);
  if (!emailLike.test(commit.authorEmail) || !displayName) return undefined;
  return { email: commit.authorEmail, displayName };
}

/**
 * The link items one commit makes, one per key it names: trailers, bracketed subject keys and mentions in the message
 * (core's `commitKeys`), and the branch name for the branch's own commits. Ids are stable
 * (`stableUuid('commit:<repository>:<sha>:<key>')`), so the same commit always yields the same items, from any client.
 */
export function commitLinks(commit: LoggedCommit, source: CommitSource): Link[] {
  const onBranch = source.branch !== undefined && source.branchShas.has(commit.sha);
  const keys = commitKeys(onBranch ? { message: commit.message, branch: source.branch! } : { message: commit.message });
  if (keys.length === 0) return [];
  const by = author(commit);
  const occurredAt = new Date(commit.date);
  const linkedAt = source.now.toISOString();
  return keys.map((key) => ({
    id: stableUuid(`commit:${source.repositoryUrl}:${commit.sha}:${key}`),
    kind: 'commit',
    targetKey: key,
    externalId: commit.sha,
    url: commitWebUrl(source.repositoryUrl, commit.sha),
    title: linkTitle(commit.message),
    linkedBy: source.linkedBy,
    linkedAt,
    repository: source.repositoryUrl,
    sha: commit.sha,
    ...(by ? { author: by } : {}),
    ...(Number.isNaN(occurredAt.getTime()) ? {} : { occurredAt: occurredAt.toISOString() }),
  }));
}

/** Turns commits into the link items of the keys that exist (`commitLinks` of each), reporting the others. */
export function planCommitLinks(commits: readonly LoggedCommit[], source: PublishSource): PublishPlan {
  const links: Link[] = [];
  const unknownKeys = new Map<string, string>();
  for (const commit of commits) {
    for (const link of commitLinks(commit, source)) {
      if (source.knownKeys.has(link.targetKey)) links.push(link);
      else if (!unknownKeys.has(link.targetKey)) unknownKeys.set(link.targetKey, commit.sha);
    }
  }
  return { links, unknownKeys };
}

/** Splits `items` into batches of at most `size`. */
export function inBatches<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`batch size must be a positive integer, got ${size}`);
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}
