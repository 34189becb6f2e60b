import { createHash } from 'node:crypto';
import { commitKeys, type Link, type PersonRef } from '@tandem/core';
import type { LoggedCommit } from './commitHistory.js';
import { commitWebUrl } from './remoteWebUrl.js';

/**
 * A UUID that is always the same for the same name (laid out as a version-5 UUID over SHA-1). A commit link's id comes
 * from repository, commit and key — the same scheme as the VS Code extension's publish — so the CLI and the editor
 * never write the same link twice.
 */
export function stableUuid(name: string): string {
  const bytes = createHash('sha1').update(`tandem:${name}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Where commits come from and who publishes them. */
export interface CommitSource {
  repositoryUrl: string;
  /** The checked-out branch, whose name names keys for its own commits. */
  branch?: string;
  /** The commits on the branch only (not on the default branch). */
  branchShas: ReadonlySet<string>;
  linkedBy: PersonRef;
  now: Date;
}

const emailLike = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A single-line title of at most 255 characters: the commit's subject. */
export function linkTitle(message: string): string {
  const subject = (message.split('\n', 1)[0] ?? '').trim();
  if (!subject) return '(no subject)';
  return subject.length <= 255 ? subject : subject.slice(0, 254) + '…';
}

/**
 * The link items one commit makes, one per key it names (trailers, bracketed subject keys, mentions — core's
 * `commitKeys` — and the branch name for the branch's own commits). Ids are stable: planning twice gives the same items.
 */
export function commitLinks(commit: LoggedCommit, source: CommitSource): Link[] {
  const onBranch = source.branch !== undefined && source.branchShas.has(commit.sha);
  const keys = commitKeys(onBranch ? { message: commit.message, branch: source.branch! } : { message: commit.message });
  const displayName = commit.authorName.trim().slice(0, 255);
  const author =
    emailLike.test(commit.authorEmail) && displayName ? { email: commit.authorEmail, displayName } : undefined;
  const occurredAt = new Date(commit.date);
  return keys.map((key) => ({
    id: stableUuid(`commit:${source.repositoryUrl}:${commit.sha}:${key}`),
    kind: 'commit',
    targetKey: key,
    externalId: commit.sha,
    url: commitWebUrl(source.repositoryUrl, commit.sha),
    title: linkTitle(commit.message),
    linkedBy: source.linkedBy,
    linkedAt: source.now.toISOString(),
    repository: source.repositoryUrl,
    sha: commit.sha,
    ...(author ? { author } : {}),
    ...(Number.isNaN(occurredAt.getTime()) ? {} : { occurredAt: occurredAt.toISOString() }),
  }));
}
