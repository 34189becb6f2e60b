import * as vscode from 'vscode';
import type { PortfolioService } from '../data/portfolioService.js';
import { glossaryCard, glossaryMatchAt, matcherFor } from './glossaryCard.js';

/** The setting that turns glossary hovers off. */
export const GLOSSARY_HOVERS_SETTING = 'glossaryHovers';

/**
 * Explains the site's glossary terms (business and technical words) on hover, in code, Markdown and the commit message
 * box. Glossary text is user input: the hover is untrusted Markdown with everything escaped, no HTML, no commands.
 * Only the hovered line's neighbourhood is matched, so big files cost nothing more. Nothing when the setting is off.
 */
export class GlossaryHoverProvider implements vscode.HoverProvider {
  constructor(private readonly service: PortfolioService) {}

  provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): vscode.Hover | undefined {
    if (token.isCancellationRequested) return undefined;
    if (!vscode.workspace.getConfiguration('tandem', document).get<boolean>(GLOSSARY_HOVERS_SETTING, true))
      return undefined;
    const terms = this.service.portfolio.glossaryTerms;
    if (terms.length === 0) return undefined;
    const line = document.lineAt(position.line).text;
    const match = glossaryMatchAt(line, position.character, matcherFor(terms));
    if (!match) return undefined;
    const markdown = new vscode.MarkdownString(glossaryCard(match.term));
    markdown.isTrusted = false;
    markdown.supportHtml = false;
    markdown.supportThemeIcons = false;
    const range = new vscode.Range(position.line, match.start, position.line, match.end);
    return new vscode.Hover(markdown, range);
  }
}
