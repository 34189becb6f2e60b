import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { gitRepository, tandem } from './support.js';

const count = (text: string, line: string) => text.split('\n').filter((l) => l === line).length;

describe('Link Commit to Initiative', () => {
  it('inserts the trailer into the Source Control input box once, however often it runs', async () => {
    await tandem();
    const repo = await gitRepository();
    repo.inputBox.value = 'Show the delivery date on the summary';
    const key = await vscode.commands.executeCommand<string>('tandem.linkCommit', 'INI-1');
    assert.equal(key, 'INI-1');
    assert.equal(repo.inputBox.value, 'Show the delivery date on the summary\n\nInitiative: INI-1');
    await vscode.commands.executeCommand('tandem.linkCommit', 'INI-1');
    assert.equal(count(repo.inputBox.value, 'Initiative: INI-1'), 1, repo.inputBox.value);
    await vscode.commands.executeCommand('tandem.linkCommit', 'INI-3');
    assert.equal(repo.inputBox.value, 'Show the delivery date on the summary\n\nInitiative: INI-1\nInitiative: INI-3');
  });

  it('refuses a key that does not exist and leaves the message alone', async () => {
    const repo = await gitRepository();
    repo.inputBox.value = 'Tidy up';
    assert.equal(await vscode.commands.executeCommand('tandem.linkCommit', 'INI-999'), undefined);
    assert.equal(
      await vscode.commands.executeCommand('tandem.linkCommit', 'OBJ-1'),
      undefined,
      'an objective is not an initiative',
    );
    assert.equal(await vscode.commands.executeCommand('tandem.linkCommit', 'not a key'), undefined);
    assert.equal(repo.inputBox.value, 'Tidy up');
  });

  it('copes with a huge commit message', async () => {
    const repo = await gitRepository();
    const body = Array.from({ length: 20_000 }, (_, i) => `line ${i}: ${'x'.repeat(40)}`).join('\n');
    repo.inputBox.value = `Import the catalogue\n\n${body}`;
    await vscode.commands.executeCommand('tandem.linkCommit', 'INI-16');
    await vscode.commands.executeCommand('tandem.linkCommit', 'INI-16');
    const value = repo.inputBox.value;
    assert.ok(value.endsWith('\n\nInitiative: INI-16'));
    assert.equal(count(value, 'Initiative: INI-16'), 1);
    assert.ok(value.startsWith(`Import the catalogue\n\n${body}`), 'the body is untouched');
    repo.inputBox.value = '';
  });
});
