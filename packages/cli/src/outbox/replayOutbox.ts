import type { Store } from '@tandem/core';
import { Outbox, type FlushResult } from '@tandem/graph';
import type { CommandIO } from '../command.js';
import type { GraphArgs } from '../commandKit/commandArgs.js';
import { OUTBOX_NAME, siteState } from './siteState.js';

/** The outbox of the command's Graph and site, over `store`; `isOffline` says when to keep writes without trying. */
export function siteOutbox(args: Pick<GraphArgs, 'graph' | 'site'>, store: Store, isOffline?: () => boolean): Outbox {
  const state = siteState(args);
  // Two tandem runs (two CI jobs) may share the config folder: the queue is read afresh before each change.
  return new Outbox(store, {
    storage: state.storage,
    name: OUTBOX_NAME,
    shared: true,
    ...(isOffline ? { isOffline } : {}),
  });
}

/**
 * Sends what earlier runs kept while Graph was unreachable, before the command does its own work: quietly, with one
 * line on stderr when it sent something or a write failed for good. A Graph still unreachable leaves the writes kept.
 */
export async function replayOutbox(args: GraphArgs, store: Store, io: CommandIO): Promise<FlushResult | undefined> {
  const outbox = siteOutbox(args, store);
  if ((await outbox.pending()).length === 0) return undefined;
  // A retryable failure stops the replay and leaves the rest kept; a write that can never succeed moves to failed.
  const result = await outbox.flush();
  const parts: string[] = [];
  if (result.sent > 0) parts.push(`sent ${plural(result.sent, 'write')} kept while Graph was unreachable`);
  if (result.pending > 0) parts.push(`${result.pending} still waiting`);
  if (result.failed > 0) parts.push(`${result.failed} failed for good (see tandem outbox)`);
  if (result.sent > 0 || result.failed > 0) io.stderr(`tandem: ${parts.join('; ')}.\n`);
  return result;
}

/** `1 write`, `3 writes`. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
