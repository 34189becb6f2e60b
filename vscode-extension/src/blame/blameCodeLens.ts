import * as vscode from 'vscode';
import { relative } from 'node:path';
import type { PortfolioService } from '../data/portfolioService.js';
import { findByKey } from '../data/portfolio.js';
import { businessBlame, type BlamedKey } from '@tandem/git';

/** Finds the repository root of a file (through the git extension, else git itself). */
export type RepositoryOf = (uri: vscode.Uri) => Promise<string | undefined>;

/** The label of one blamed key: `INI-7 Faster checkout — 12 lines`. */
export function blameLabel(blamed: BlamedKey, title: string | undefined): string {
  return `${blamed.key}${title ? ' ' + title : ''} — ${blamed.lines.length} line${blamed.lines.length === 1 ? '' : 's'}`;
}

/**
 * Business blame as CodeLenses at the top of a file: which initiatives (and other keys) the commits behind its lines
 * advanced, most lines first. Files outside a repository, or with no key in their history, get none.
 */
export class BusinessBlameLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(
    private readonly service: PortfolioService,
    private readonly repositoryOf: RepositoryOf,
    private readonly log: (message: string) => void,
  ) {}

  refresh(): void {
    this.changed.fire();
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    if (
      document.uri.scheme !== 'file' ||
      !vscode.workspace.getConfiguration('tandem').get<boolean>('businessBlame', true)
    ) {
      return [];
    }
    const root = await this.repositoryOf(document.uri);
    if (!root) return [];
    let blamed: BlamedKey[];
    try {
      blamed = await businessBlame(
        root,
        relative(root, document.uri.fsPath),
        document.isDirty ? document.getText() : undefined,
      );
    } catch (error) {
      // An untracked file has no blame: not worth a notification, worth a log line.
      this.log(`business blame of ${document.uri.fsPath}: ${error instanceof Error ? error.message : String(error)}`);
      return [];
    }
    const top = new vscode.Range(0, 0, 0, 0);
    return blamed.slice(0, 5).map((b) => {
      const found = findByKey(this.service.portfolio, b.key);
      const title = found ? ('title' in found.value ? found.value.title : found.value.name) : undefined;
      return new vscode.CodeLens(top, {
        title: `$(target) ${blameLabel(b, title)}`,
        tooltip: `Commits ${b.commits.map((c) => c.sha.slice(0, 7)).join(', ')} advanced ${b.key}`,
        command: 'tandem.showCard',
        arguments: [b.key],
      });
    });
  }

  dispose(): void {
    this.changed.dispose();
  }
}
