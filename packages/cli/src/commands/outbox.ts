import { isRetryableFailure, unreachableStore, type OutboxEntry } from '@tandem/graph';
import type { Command, CommandIO } from '../command.js';
import { UsageError } from '../command.js';
import { graphOptionsUsage, parseGraphCommand, type GraphArgs } from '../commandKit/commandArgs.js';
import { connectSite } from '../commandKit/connection.js';
import { printResult } from '../commandKit/output.js';
import { describeEntry } from '../outbox/describeWrite.js';
import { plural, siteOutbox } from '../outbox/replayOutbox.js';
import { siteState } from '../outbox/siteState.js';

/** `tandem outbox`: the writes kept while Graph was unreachable, and what to do with those that failed. */
export const outboxCommand: Command = {
  name: 'outbox',
  summary: 'List writes kept while Graph was unreachable; retry or discard the ones that failed.',
  usage: [
    'Usage: tandem outbox [--retry] [--discard SEQ] [options]',
    '',
    '  --retry         put failed writes back in line and send everything waiting now',
    '  --discard SEQ   forget the failed write number SEQ (as listed); may be given more than once',
    graphOptionsUsage,
    '',
    'Writes a command could not make because Graph was unreachable (commit links from scan-commits) are kept per',
    'Graph and site, and sent by the next tandem command that connects. A write Graph refuses for good (a conflict,',
    'a validation error) stays in the failed list until you retry or discard it.',
  ].join('\n'),
  async run(args, io) {
    const { values, graph: options } = parseGraphCommand(args, {
      retry: { type: 'boolean' },
      discard: { type: 'string', multiple: true },
    });
    const discard = (values.discard ?? []).map((text) => {
      if (!/^[1-9][0-9]*$/.test(text)) throw new UsageError(`--discard takes a write's number, not '${text}'.`);
      return Number(text);
    });
    if (values.retry && discard.length > 0) throw new UsageError('give --retry or --discard, not both.');
    const offline = siteOutbox(options, unreachableStore(new Error('not connected')), () => true);

    if (discard.length > 0) {
      const failed = new Set((await offline.failed()).map((e) => e.seq));
      const unknown = discard.filter((seq) => !failed.has(seq));
      if (unknown.length > 0)
        throw new UsageError(`no failed write numbered ${unknown.join(', ')}; only failed writes can be discarded.`);
      await offline.discardFailed(discard);
      io.stderr(`tandem outbox: discarded ${plural(discard.length, 'write')}.\n`);
    }
    let unreachable: string | undefined;
    if (values.retry) {
      await offline.retryFailed();
      unreachable = await sendNow(options, io);
    }
    // Read again: the retry (through the connection) may have sent or failed some.
    const listed = siteOutbox(options, unreachableStore(new Error('not connected')), () => true);
    const { pending, failed } = await listed.entries();
    printResult(
      io,
      options.json,
      {
        graph: options.graph,
        site: options.site ?? 'root',
        file: siteState(options).outboxFile,
        pending,
        failed,
        ...(unreachable ? { unreachable } : {}),
      },
      listing(options, pending, failed, unreachable),
    );
    return unreachable ? 1 : 0;
  },
};

/** Connects, which sends what is waiting; says why not when Graph is still unreachable. */
async function sendNow(options: GraphArgs, io: CommandIO): Promise<string | undefined> {
  try {
    await connectSite(options, io);
    return undefined;
  } catch (error) {
    if (!isRetryableFailure(error)) throw error;
    return (error as Error).message;
  }
}

function listing(options: GraphArgs, pending: OutboxEntry[], failed: OutboxEntry[], unreachable?: string): string {
  const where = `${options.graph} (site ${options.site ?? 'root'})`;
  const lines: string[] = [];
  if (unreachable) lines.push(`Graph is still unreachable: ${unreachable}`);
  if (pending.length === 0 && failed.length === 0) {
    lines.push(`Nothing waiting for ${where}.`);
    return lines.join('\n');
  }
  if (pending.length > 0) {
    lines.push(
      `${plural(pending.length, 'write')} waiting for ${where}; sent by the next tandem command that connects:`,
    );
    lines.push(...pending.map(describeEntry));
  }
  if (failed.length > 0) {
    lines.push(
      `${plural(failed.length, 'write')} failed for good (fix the cause, then tandem outbox --retry; or --discard SEQ):`,
    );
    lines.push(...failed.map(describeEntry));
  }
  return lines.join('\n');
}
