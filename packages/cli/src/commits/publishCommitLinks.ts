import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { KEYED_KINDS, type Link, type PersonRef } from '@tandem/core';
import type { BatchingStore } from '../transfer/entitySink.js';
import { branchOnlyShas, currentBranch, headSha, isAncestor, readHistory, remoteUrl } from './commitHistory.js';
import { commitLinks } from './commitLinks.js';
import { runGit } from './git.js';
import { remoteToWebUrl } from './remoteWebUrl.js';

/** What to publish and where. */
export interface PublishRequest {
  /** A folder inside the repository. */
  cwd: string;
  store: BatchingStore;
  linkedBy: PersonRef;
  /** The repository's web address; default: derived from its remote. */
  repositoryUrl?: string;
  /** Scan from this commit (exclusive) instead of the last published one. */
  since?: string;
  now?: Date;
  /** Links a batch; 20 is Graph's `$batch` limit. */
  batchSize?: number;
  onProgress?: (scanned: number, published: number) => void;
}

/** What a publish did. */
export interface PublishOutcome {
  repositoryUrl: string;
  head?: string;
  /** The commit the scan started after, if any. */
  since?: string;
  /** Commits read. */
  scanned: number;
  /** Link items written. */
  published: number;
  /** Links found that were already there (published before, from here or from VS Code). */
  alreadyPublished: number;
  /** Keys commits named that the portfolio does not have, with the first commit naming each; not written. */
  unknownKeys: { key: string; sha: string }[];
}

/** Where the last published commit of `repositoryUrl` is remembered: inside `.git`, never in the work tree. */
async function markFile(cwd: string, repositoryUrl: string): Promise<string> {
  const name = createHash('sha1').update(repositoryUrl).digest('hex').slice(0, 16);
  const path = (await runGit(cwd, ['rev-parse', '--git-path', `tandem/last-published-${name}`])).trim();
  return resolve(cwd, path);
}

async function readMark(path: string): Promise<string | undefined> {
  try {
    return (await readFile(path, 'utf8')).trim() || undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Publishes commit links for one repository, as the VS Code extension's publish does, incrementally: reads the history
 * after the last published commit (all of it the first time, on a fresh clone, or when that commit left HEAD's history),
 * writes one link item per commit and known key in `$batch`es, then moves the mark. Link ids are stable and the links
 * already stored are skipped, so publishing twice — or from CI and from the editor — writes nothing twice.
 */
export async function publishCommitLinks(request: PublishRequest): Promise<PublishOutcome> {
  const repositoryUrl = request.repositoryUrl ?? remoteToWebUrl(await remoteUrl(request.cwd));
  const outcome: PublishOutcome = { repositoryUrl, scanned: 0, published: 0, alreadyPublished: 0, unknownKeys: [] };
  const head = await headSha(request.cwd);
  if (!head) return outcome;
  outcome.head = head;
  const mark = await markFile(request.cwd, repositoryUrl);
  let since = request.since ?? (await readMark(mark));
  if (since && !(await isAncestor(request.cwd, since, head))) since = undefined;
  if (since) outcome.since = since;
  if (since === head) return outcome;

  const knownKeys = new Set<string>();
  for (const kind of KEYED_KINDS) {
    for (const stored of await request.store.query(kind)) knownKeys.add((stored.value as { key: string }).key);
  }
  // The repository column holds a URL, which SharePoint cannot filter on: filter by kind, then here.
  const existing = new Set(
    (await request.store.query('link', { where: { kind: 'commit' } }))
      .filter((s) => s.value.repository === repositoryUrl)
      .map((s) => s.value.id),
  );
  const branch = await currentBranch(request.cwd);
  const source = {
    repositoryUrl,
    ...(branch ? { branch } : {}),
    branchShas: await branchOnlyShas(request.cwd, branch),
    linkedBy: request.linkedBy,
    now: request.now ?? new Date(),
  };
  const batchSize = request.batchSize ?? 20;
  const unknown = new Map<string, string>();
  let batch: Link[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    if (request.store.createMany) await request.store.createMany('link', batch);
    else await Promise.all(batch.map((link) => request.store.create('link', link)));
    outcome.published += batch.length;
    batch = [];
    request.onProgress?.(outcome.scanned, outcome.published);
  };
  for await (const commit of readHistory(request.cwd, { ...(since ? { since } : {}), tip: head })) {
    outcome.scanned++;
    for (const link of commitLinks(commit, source)) {
      if (!knownKeys.has(link.targetKey)) {
        if (!unknown.has(link.targetKey)) unknown.set(link.targetKey, commit.sha);
      } else if (existing.has(link.id)) outcome.alreadyPublished++;
      else {
        existing.add(link.id);
        batch.push(link);
        if (batch.length >= batchSize) await flush();
      }
    }
  }
  await flush();
  outcome.unknownKeys = [...unknown].map(([key, sha]) => ({ key, sha }));
  await mkdir(dirname(mark), { recursive: true });
  await writeFile(mark, head + '\n');
  return outcome;
}
