import * as vscode from 'vscode';
import type { PortfolioService } from '../data/portfolioService.js';
import { OutboxStatusItem } from './outboxStatusItem.js';
import { showOutbox } from './showOutbox.js';
import { WriteOutbox } from './writeOutbox.js';

/** The outbox and its status item, registered on the extension's context. */
export interface OutboxParts {
  outbox: WriteOutbox;
  item: OutboxStatusItem;
}

/**
 * Sets up the outbox in the extension's global storage: it follows the service's connection, sends what waits as
 * soon as a connection is made (activation, sign-in, a settings change), shows the count in the status bar, and
 * registers Tandem: Show Writes Waiting for Graph.
 */
export function registerOutbox(
  context: vscode.ExtensionContext,
  service: PortfolioService,
  log: vscode.LogOutputChannel,
): OutboxParts {
  const outbox = new WriteOutbox(context.globalStorageUri.fsPath, log, () => void service.refresh());
  const item = new OutboxStatusItem(outbox);
  // One change at a time: a connection made twice in a row must not open two outboxes over one file.
  let chain: Promise<void> = Promise.resolve();
  const following = (): void => {
    chain = chain
      .then(async () => {
        if (outbox.isFor(service.active)) return;
        await outbox.use(service.active);
        await outbox.replay();
      })
      .catch((error: unknown) => log.warn(`kept writes: ${error instanceof Error ? error.message : String(error)}`));
  };
  context.subscriptions.push(
    outbox,
    item,
    service.onDidChange(following),
    vscode.commands.registerCommand('tandem.showOutbox', () => showOutbox(outbox)),
  );
  following();
  return { outbox, item };
}
