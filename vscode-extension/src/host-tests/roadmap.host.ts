import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { eventually, tandem } from './support.js';

describe('Roadmap', () => {
  it('opens as a webview with a nonce-only script policy', async () => {
    await tandem();
    await vscode.commands.executeCommand('tandem.openRoadmap');
    const tab = await eventually(
      () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label === 'Tandem Roadmap'),
      'the roadmap tab',
    );
    assert.ok(tab.input instanceof vscode.TabInputWebview);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
