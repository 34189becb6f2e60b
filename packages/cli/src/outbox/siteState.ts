import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { FileCacheStorage } from '@tandem/graph/node';
import type { GraphArgs } from '../commandKit/commandArgs.js';
import { configFolder } from '../signIn/configFolder.js';

/**
 * What the CLI keeps for one Graph and site between runs, in its own folder under the config folder
 * (`sites/<hash of graph and site>/`): the outbox of writes not made yet and the keys last read. Never a token: tokens
 * live only in the sign-in cache beside it.
 */
export interface SiteState {
  /** The folder (mode 0700). */
  folder: string;
  /** Where the outbox and the keys are read and written. */
  storage: FileCacheStorage;
  /** The file the outbox is kept in, for messages. */
  outboxFile: string;
}

/** The outbox's storage name inside a site's folder. */
export const OUTBOX_NAME = 'outbox.json';
const KEYS_NAME = 'known-keys.json';

/** The folder name for a Graph and a site: the same pair always maps to the same folder. */
export function siteFolderName(args: Pick<GraphArgs, 'graph' | 'site'>): string {
  const target = `${args.graph.replace(/\/+$/, '').toLowerCase()}\n${args.site ?? 'root'}`;
  return createHash('sha256').update(target).digest('hex').slice(0, 16);
}

/** The state folder of the command's Graph and site; nothing is created until something is written. */
export function siteState(args: Pick<GraphArgs, 'graph' | 'site'>, env = process.env): SiteState {
  const folder = join(configFolder(env), 'sites', siteFolderName(args));
  return { folder, storage: new FileCacheStorage(folder), outboxFile: join(folder, OUTBOX_NAME) };
}

/** Creates the state folder before a first write: the outbox holds portfolio data, so only its owner may read it. */
export async function ensureSiteFolder(state: SiteState): Promise<void> {
  await mkdir(state.folder, { recursive: true, mode: 0o700 });
}

/** Remembers the portfolio's keys, so that a later run with Graph unreachable still knows which keys exist. */
export async function rememberKeys(state: SiteState, keys: ReadonlySet<string>): Promise<void> {
  await ensureSiteFolder(state);
  await state.storage.write(KEYS_NAME, JSON.stringify({ keys: [...keys].sort() }));
}

/** The keys remembered by the last run that read them, if any. */
export async function rememberedKeys(state: SiteState): Promise<Set<string> | undefined> {
  const text = await state.storage.read(KEYS_NAME);
  if (text === undefined) return undefined;
  const parsed = JSON.parse(text) as { keys?: unknown };
  if (!Array.isArray(parsed.keys) || !parsed.keys.every((k) => typeof k === 'string'))
    throw new Error(
      `${join(state.folder, KEYS_NAME)}: not a list of keys; delete it and run again with Graph reachable`,
    );
  return new Set(parsed.keys as string[]);
}
