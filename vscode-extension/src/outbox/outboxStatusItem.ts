import * as vscode from 'vscode';
import type { OutboxCounts, WriteOutbox } from './writeOutbox.js';

/**
 * The status-bar item of kept writes: `$(cloud-upload) 3` while writes wait for Graph, with a warning colour when some
 * failed for good; hidden when nothing waits. A click runs Tandem: Show Writes Waiting for Graph.
 */
export class OutboxStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('tandem.outbox', vscode.StatusBarAlignment.Left, 49);
  private readonly subscription: vscode.Disposable;

  constructor(outbox: WriteOutbox) {
    this.item.name = 'Tandem: Writes Waiting';
    this.item.command = 'tandem.showOutbox';
    this.subscription = outbox.onDidChange((counts) => this.render(counts));
    this.render(outbox.counts);
  }

  /** The text shown, or undefined when hidden (for tests and the activation probe). */
  shownText: string | undefined;

  /** The tooltip shown. */
  get tooltip(): string | undefined {
    return typeof this.item.tooltip === 'string' ? this.item.tooltip : undefined;
  }

  private render({ pending, failed }: OutboxCounts): void {
    const total = pending + failed;
    if (total === 0) {
      this.item.hide();
      this.shownText = undefined;
      return;
    }
    this.item.text = `${failed > 0 ? '$(warning)' : '$(cloud-upload)'} ${total}`;
    const parts = [];
    if (pending > 0)
      parts.push(`${pending} write${pending === 1 ? '' : 's'} kept while Graph was unreachable; sent when it is back`);
    if (failed > 0) parts.push(`${failed} failed for good: retry or discard`);
    this.item.tooltip = `Tandem: ${parts.join('; ')}. Click to see them.`;
    this.item.accessibilityInformation = { label: `Tandem: ${parts.join('; ')}` };
    this.item.backgroundColor = failed > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.shownText = this.item.text;
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
