import * as vscode from 'vscode';
import { KEY_PATTERN_SOURCE } from '@tandem/core';
import type { PortfolioService } from '../data/portfolioService.js';
import { CARD_COMMANDS, keyCard } from './keyCard.js';

/** A key standing alone, as `findKeyMentions` reads it in prose and code. */
export const KEY_AT_CURSOR = new RegExp(`(?<![\\p{L}\\p{N}_-])${KEY_PATTERN_SOURCE}(?![\\p{L}\\p{N}_]|-\\p{N})`, 'u');

/** The documents hovers work in: files, untitled buffers, and the Source Control commit message box. */
export const HOVER_SELECTOR: vscode.DocumentSelector = [
  { scheme: 'file' },
  { scheme: 'untitled' },
  { scheme: 'vscode-scm' },
];

/** Shows a key's card on hover; nothing at all for text that is not a known key. */
export class KeyHoverProvider implements vscode.HoverProvider {
  constructor(private readonly service: PortfolioService) {}

  provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): vscode.Hover | undefined {
    if (token.isCancellationRequested) return undefined;
    const range = document.getWordRangeAtPosition(position, KEY_AT_CURSOR);
    if (!range) return undefined;
    const card = keyCard(document.getText(range), this.service.portfolio, this.service.insights);
    if (!card) return undefined;
    const markdown = new vscode.MarkdownString(card);
    markdown.isTrusted = { enabledCommands: CARD_COMMANDS };
    return new vscode.Hover(markdown, range);
  }
}
