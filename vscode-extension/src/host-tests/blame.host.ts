import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { repoPath, tandem } from './support.js';

describe('business blame', () => {
  it('names the initiative the commits behind a file advanced, as a CodeLens', async () => {
    await tandem();
    const uri = vscode.Uri.file(join(repoPath(), 'src', 'checkout.ts'));
    await vscode.window.showTextDocument(uri);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const titles = lenses.map((l) => l.command?.title ?? '');
    assert.ok(
      titles.some((t) => t.includes('INI-1 One-page checkout — 3 lines')),
      titles.join(' | '),
    );
  });

  it('counts lines by the commit that last changed them', async () => {
    const uri = vscode.Uri.file(join(repoPath(), 'src', 'search.ts'));
    await vscode.window.showTextDocument(uri);
    const keys = await vscode.commands.executeCommand<string[]>('tandem.businessBlame');
    // Line 2 was last changed by "[INI-3] Search takes a query"; line 1 by the initial commit, which names no key.
    assert.deepEqual(keys, ['INI-3']);
  });
});
