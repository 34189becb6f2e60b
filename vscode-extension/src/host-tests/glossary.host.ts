import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { GraphStore, createGraphClient, localTokenProvider, provision, resolveSite } from '@tandem/graph';
import { eventually, graphOrigin, tandem } from './support.js';

/** A store on the local server, as another client (the tab) would write the glossary. */
async function serverStore(): Promise<GraphStore> {
  const origin = graphOrigin();
  const client = createGraphClient({
    baseUrl: `${origin}/v1.0`,
    tokenProvider: localTokenProvider(origin, 'adele@contoso.test'),
  });
  const site = await resolveSite(client);
  const lists = await provision(client, site.id);
  return new GraphStore(client, { siteId: site.id, listIds: lists.listIds });
}

/** The Markdown of every hover at a position, as VS Code hands it over. */
async function hoversAt(doc: vscode.TextDocument, line: number, character: number): Promise<vscode.MarkdownString[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    doc.uri,
    new vscode.Position(line, character),
  );
  return hovers
    .flatMap((h) => h.contents)
    .filter((c): c is vscode.MarkdownString => typeof c === 'object' && 'value' in c);
}

/** The glossary hover among them (its footer names the glossary). */
async function glossaryHover(doc: vscode.TextDocument, line: number, character: number) {
  return (await hoversAt(doc, line, character)).find((m) => m.value.includes('Tandem glossary'));
}

describe('glossary hovers', () => {
  it('explain a term hovered in a code comment and in Markdown, and say nothing off a term', async () => {
    const api = await tandem();
    assert.ok(api.service.portfolio.glossaryTerms.length > 0, 'the portfolio reads the glossary');
    const code = await vscode.workspace.openTextDocument({
      language: 'typescript',
      content: '// Fewer cases of basket abandonment after the redesign\nexport const retries = 3;\n',
    });
    await vscode.window.showTextDocument(code);
    const hover = await glossaryHover(code, 0, 22);
    assert.ok(hover, 'a glossary hover over "basket abandonment"');
    assert.match(hover.value, /^\*\*Basket abandonment\*\* · checkout\\_session\\_expired/);
    assert.match(hover.value, /A shopper leaves with items in the basket and no order\\\./);
    assert.match(hover.value, /Related: INI\\-1/);
    assert.ok(!hover.isTrusted, 'glossary hovers are untrusted Markdown');
    assert.ok(!hover.supportHtml, 'glossary hovers render no HTML');
    assert.equal(await glossaryHover(code, 1, 15), undefined, 'no hover off a term');

    const markdown = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: '# Notes\n\nThe **conversion rate** fell in May.\n',
    });
    const inMarkdown = await glossaryHover(markdown, 2, 12);
    assert.match(inMarkdown?.value ?? '', /^\*\*Conversion rate\*\* · orders \/ sessions/);
  });

  it('render a hostile definition inert: no HTML, no command or javascript links', async () => {
    const api = await tandem();
    const store = await serverStore();
    const hostile = {
      id: randomUUID(),
      businessTerm: 'Zorblax',
      technicalTerm: '<img src=x onerror=alert(1)>',
      definition:
        '<img src=x onerror=alert(1)> [x](command:workbench.action.terminal.new) [y](javascript:alert(1)) javascript:alert(1)',
    };
    await store.create('glossaryTerm', hostile);
    await vscode.commands.executeCommand('tandem.refresh');
    await eventually(
      () => api.service.portfolio.glossaryTerms.some((t) => t.id === hostile.id),
      'the new glossary term in the portfolio',
    );
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'Ship the zorblax today\n' });
    const hover = await glossaryHover(doc, 0, 11);
    assert.ok(hover, 'a hover for the hostile term');
    assert.ok(!hover.isTrusted && !hover.supportHtml, 'untrusted, no HTML');
    assert.ok(!hover.value.includes('](command:'), hover.value);
    assert.ok(!hover.value.includes('](javascript:'), hover.value);
    assert.ok(!/<img/i.test(hover.value.replace(/\\</g, '')), hover.value);
    // Rendered by the workbench's own Markdown engine, the hover holds no element and no link at all.
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', hover.value);
    assert.ok(typeof html === 'string' && html.includes('Zorblax'), html);
    assert.ok(!/<img|<a\s|href=/i.test(html), html);
  });

  it('add the terms of an initiative to its key card', async () => {
    await tandem();
    const doc = await vscode.workspace.openTextDocument({ language: 'typescript', content: '// INI-1\n' });
    const card = (await hoversAt(doc, 0, 5)).map((m) => m.value).join('\n');
    assert.match(card, /\*\*Terms\*\*/);
    assert.match(card, /- \*\*Basket abandonment\*\* \(checkout\\_session\\_expired\): A shopper leaves/);
  });

  it('turn off with tandem.glossaryHovers', async () => {
    const config = vscode.workspace.getConfiguration('tandem');
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'basket abandonment\n' });
    assert.ok(await glossaryHover(doc, 0, 3), 'on by default');
    await config.update('glossaryHovers', false, vscode.ConfigurationTarget.Global);
    try {
      await eventually(
        () => vscode.workspace.getConfiguration('tandem').get('glossaryHovers') === false,
        'the setting to apply',
      );
      assert.equal(await glossaryHover(doc, 0, 3), undefined);
    } finally {
      await config.update('glossaryHovers', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.ok(await glossaryHover(doc, 0, 3), 'on again');
  });
});

after(async () => {
  // The untitled documents of these tests are dirty: revert them so that nothing asks to be saved.
  while (vscode.window.activeTextEditor)
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
});
