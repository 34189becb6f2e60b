import * as vscode from 'vscode';
import type { PortfolioService } from '../data/portfolioService.js';

/**
 * The one status-bar item: the current branch's initiative (from its name or its commits' trailers). Hidden when the
 * branch names none; a click shows the initiative's card.
 */
export class BranchStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'tandem.branchInitiative',
    vscode.StatusBarAlignment.Left,
    50,
  );
  private keys: string[] = [];
  private busy = false;

  constructor(private readonly service: PortfolioService) {
    this.item.name = 'Tandem: Branch Initiative';
  }

  /** The keys of the current branch changed (empty on a detached HEAD). */
  setBranchKeys(keys: string[]): void {
    this.keys = keys;
    this.render();
  }

  /** Shows a spinner in the item while background work for the branch runs (publishing its links). */
  setBusy(busy: boolean): void {
    this.busy = busy;
    this.render();
  }

  /** The initiative shown, if any. */
  get shownKey(): string | undefined {
    return this.item.command ? (this.item.command as vscode.Command).arguments?.[0] : undefined;
  }

  render(): void {
    const initiatives = this.service.portfolio.initiatives;
    const key =
      this.keys.find((k) => initiatives.some((i) => i.key === k)) ?? this.keys.find((k) => k.startsWith('INI-'));
    if (!key) {
      this.item.hide();
      this.item.command = undefined;
      return;
    }
    const initiative = initiatives.find((i) => i.key === key);
    this.item.text = `${this.busy ? '$(loading~spin)' : '$(target)'} ${key}`;
    this.item.tooltip = initiative ? `${key} · ${initiative.title} — show its card` : `${key} (not in the portfolio)`;
    this.item.accessibilityInformation = {
      label: `Branch initiative ${key}${initiative ? ', ' + initiative.title : ''}`,
    };
    this.item.command = { title: 'Show Card', command: 'tandem.showCard', arguments: [key] };
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
