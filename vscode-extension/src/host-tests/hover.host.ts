import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { tandem } from './support.js';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

describe('hovers on keys', () => {
  it('show the card of a key in a code comment', async () => {
    await tandem();
    const doc = await vscode.workspace.openTextDocument({
      language: 'typescript',
      content: '// Part of INI-1, see OBJ-1\nexport {};\n',
    });
    await vscode.window.showTextDocument(doc);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      new vscode.Position(0, 12),
    );
    const text = hoverText(hovers);
    assert.match(text, /\*\*INI-1\*\* · One\\-page checkout/);
    assert.match(text, /Objective: OBJ-1 Grow online revenue by 25%/);
    assert.match(text, /Health: (on track|at risk|off track)/);
    assert.match(text, /Owner: Megan Bowen/);
    assert.match(text, /WSJF rank: \d+ of \d+/);
    assert.match(text, /KPI trend: KPI-\d+/);
    assert.match(text, /command:tandem\.openInTeams/);
    assert.match(text, /command:tandem\.copyLink/);
    const objective = hoverText(
      await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        doc.uri,
        new vscode.Position(0, 23),
      ),
    );
    assert.match(objective, /\*\*OBJ-1\*\* · Grow online revenue/);
  });

  it('show nothing for a key that does not exist, or for text that only looks like one', async () => {
    const doc = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: 'INI-999 and MINI-1 and ini-1\n',
    });
    for (const character of [2, 14, 25]) {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        doc.uri,
        new vscode.Position(0, character),
      );
      assert.doesNotMatch(hoverText(hovers), /WSJF|Owner:/, `no card at ${character}`);
    }
  });

  it('copy link puts the key on the clipboard when no Teams app is configured', async () => {
    const text = await vscode.commands.executeCommand<string>('tandem.copyLink', 'INI-1');
    assert.equal(text, 'INI-1');
    assert.equal(await vscode.env.clipboard.readText(), 'INI-1');
  });
});

after(async () => {
  // The untitled documents of these tests are dirty: revert them so that nothing asks to be saved.
  while (vscode.window.activeTextEditor)
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
});
