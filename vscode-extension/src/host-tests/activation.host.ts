import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { tandem } from './support.js';

describe('activation', () => {
  it('activates lazily on a git workspace, registers its commands and loads the seeded portfolio', async () => {
    const api = await tandem();
    const ext = vscode.extensions.getExtension('tandem.tandem')!;
    assert.equal(ext.isActive, true);
    assert.ok(!(ext.packageJSON.activationEvents as string[]).includes('*'), 'never activates on *');
    const commands = await vscode.commands.getCommands(true);
    for (const c of [
      'tandem.linkCommit',
      'tandem.startWork',
      'tandem.publishLinks',
      'tandem.openRoadmap',
      'tandem.businessBlame',
    ]) {
      assert.ok(commands.includes(c), `${c} is registered`);
    }
    assert.equal(api.service.state, 'online');
    assert.equal(api.service.portfolio.objectives.length, 9);
  });
});
