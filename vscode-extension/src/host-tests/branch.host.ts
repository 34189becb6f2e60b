import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { eventually, git, gitRepository, tandem } from './support.js';

describe('branches: Start Work, the status bar and This Branch', () => {
  it('Start Work creates and checks out ini-N/short-title, and the status bar shows the initiative', async () => {
    const api = await tandem();
    const branch = await vscode.commands.executeCommand<string>('tandem.startWork', 'INI-5');
    assert.equal(branch, 'ini-5/real-time-store-stock-on-the-web');
    assert.equal(git('symbolic-ref', '--short', 'HEAD'), 'ini-5/real-time-store-stock-on-the-web');
    await eventually(() => api.statusKey() === 'INI-5', 'the status bar to show INI-5');
    const rows = api.views.thisBranch.getChildren();
    assert.equal(rows[0]?.key, 'INI-5');
    assert.ok(
      rows[0]?.children?.some((c) => c.key === 'OBJ-2'),
      'its objectives are listed',
    );
  });

  it('hides the status item and says so in This Branch on a detached HEAD', async () => {
    const api = await tandem();
    git('checkout', '-q', '--detach');
    try {
      await vscode.commands.executeCommand('tandem.refresh');
      await eventually(() => api.statusKey() === undefined, 'the status item to hide');
      assert.match(api.views.thisBranch.getChildren()[0]?.label ?? '', /Detached HEAD/);
      assert.deepEqual(api.branchKeys(), []);
    } finally {
      git('checkout', '-q', 'main');
      await vscode.commands.executeCommand('tandem.refresh');
    }
  });

  it('Start Work refuses a key that does not exist', async () => {
    await tandem();
    assert.equal(await vscode.commands.executeCommand('tandem.startWork', 'INI-424242'), undefined);
    assert.equal(git('symbolic-ref', '--short', 'HEAD'), 'main');
  });

  it('My Work lists the initiatives Megan owns, by WSJF rank', async () => {
    const api = await tandem();
    const keys = api.views.myWork.getChildren().map((r) => r.key);
    for (const k of ['INI-1', 'INI-3', 'INI-6']) assert.ok(keys.includes(k), keys.join(','));
    assert.ok(!keys.includes('INI-14'), 'Lee’s work is not Megan’s');
  });
});

describe('the trailer from the branch name', () => {
  it('prefills the commit message box with the branch’s initiative when tandem.addTrailerFromBranch is on', async () => {
    await tandem();
    const repo = await gitRepository();
    const config = vscode.workspace.getConfiguration('tandem');
    git('checkout', '-q', '-b', 'ini-3/search-relevance');
    try {
      repo.inputBox.value = '';
      await vscode.commands.executeCommand('tandem.refresh');
      assert.equal(repo.inputBox.value, '', 'off by default');
      await config.update('addTrailerFromBranch', true, vscode.ConfigurationTarget.Global);
      await eventually(() => repo.inputBox.value.includes('Initiative: INI-3'), 'the trailer in the message box');
      await vscode.commands.executeCommand('tandem.refresh');
      assert.equal(repo.inputBox.value.split('Initiative: INI-3').length, 2, 'added once');
    } finally {
      await config.update('addTrailerFromBranch', undefined, vscode.ConfigurationTarget.Global);
      repo.inputBox.value = '';
      git('checkout', '-q', 'main');
      await vscode.commands.executeCommand('tandem.refresh');
    }
  });
});
