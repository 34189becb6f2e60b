import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

describe('activation', () => {
  it('activates and registers its commands', async () => {
    const ext = vscode.extensions.getExtension('tandem.tandem');
    assert.ok(ext, 'the Tandem extension is loaded');
    await ext.activate();
    assert.equal(ext.isActive, true);
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('tandem.refresh'));
  });
});
