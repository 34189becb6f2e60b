import * as vscode from 'vscode';
import type { OutboxEntry, OutboxWrite } from '@tandem/graph';
import type { WriteOutbox } from './writeOutbox.js';

interface EntryPick extends vscode.QuickPickItem {
  entry?: OutboxEntry;
  failed?: boolean;
  action?: 'sendNow';
}

/** One line naming a kept write: what it does, to which item. */
export function describeWrite(write: OutboxWrite): string {
  if (write.op !== 'create') return `${write.op === 'update' ? 'Update' : 'Delete'} ${write.kind} ${write.id}`;
  const value = write.value as unknown as Record<string, unknown>;
  if (write.kind === 'link') return `Link to ${String(value.targetKey)}: ${String(value.title ?? '')}`;
  return `Create ${write.kind} ${String(value.key ?? value.title ?? value.name ?? value.id)}`;
}

/**
 * Tandem: Show Writes Waiting for Graph — the kept writes in a quick pick: waiting ones (with Send Now), and failed ones, each of which
 * offers Retry or Discard. Resolves with what the user did, for tests.
 */
export async function showOutbox(outbox: WriteOutbox): Promise<string | undefined> {
  const { pending, failed } = await outbox.entries();
  if (pending.length + failed.length === 0) {
    void vscode.window.showInformationMessage('Tandem: no writes waiting; everything reached Graph.');
    return undefined;
  }
  const detail = (e: OutboxEntry) =>
    `#${e.seq} · kept ${new Date(e.queuedAt).toLocaleString()}` +
    (e.attempts ? ` · ${e.attempts} attempt${e.attempts === 1 ? '' : 's'}` : '') +
    (e.lastError ? ` · ${e.lastError}` : '');
  const items: EntryPick[] = [];
  if (pending.length > 0) {
    items.push({ label: 'Waiting for Graph', kind: vscode.QuickPickItemKind.Separator });
    items.push({ label: '$(sync) Send Now', description: `${pending.length} waiting`, action: 'sendNow' });
    items.push(
      ...pending.map((entry) => ({
        label: `$(cloud-upload) ${describeWrite(entry.write)}`,
        detail: detail(entry),
        entry,
      })),
    );
  }
  if (failed.length > 0) {
    items.push({ label: 'Failed — pick one to retry or discard it', kind: vscode.QuickPickItemKind.Separator });
    items.push(
      ...failed.map((entry) => ({
        label: `$(error) ${describeWrite(entry.write)}`,
        detail: detail(entry),
        entry,
        failed: true,
      })),
    );
  }
  const pick = await vscode.window.showQuickPick(items, {
    title: 'Tandem: Writes Kept While Graph Was Unreachable',
    placeHolder: 'Pick a failed write to retry or discard it',
    matchOnDetail: true,
  });
  if (!pick) return undefined;
  if (pick.action === 'sendNow') {
    const result = await outbox.replay();
    void vscode.window.showInformationMessage(
      result && result.pending === 0
        ? `Tandem: sent ${result.sent} write${result.sent === 1 ? '' : 's'}.`
        : `Tandem: Graph is still unreachable; ${result?.pending ?? pending.length} waiting.`,
    );
    return 'sendNow';
  }
  if (!pick.entry || !pick.failed) return undefined;
  const choice = await vscode.window.showWarningMessage(
    `${describeWrite(pick.entry.write)} failed: ${pick.entry.lastError ?? 'no reason given'}`,
    { modal: true },
    'Retry',
    'Discard',
  );
  if (choice === 'Retry') {
    await outbox.retry([pick.entry.seq]);
    return 'retry';
  }
  if (choice === 'Discard') {
    await outbox.discard([pick.entry.seq]);
    return 'discard';
  }
  return undefined;
}
