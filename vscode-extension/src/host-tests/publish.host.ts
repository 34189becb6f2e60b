import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { PublishOutcome } from '@tandem/git';
import { commit, git, gitRepository, linksOnServer, repoPath, tandem } from './support.js';

describe('Publish Commit Links', () => {
  it('publishes a new commit once: linked by the trailer Link Commit inserted, with SHA, web URL, subject, author and date', async () => {
    await tandem();
    const repo = await gitRepository();
    repo.inputBox.value = 'Remember the last delivery address';
    await vscode.commands.executeCommand('tandem.linkCommit', 'INI-1');
    writeFileSync(join(repoPath(), 'src', 'address.ts'), 'export const lastAddress = () => undefined;\n');
    git('add', '.');
    git('commit', '-q', '-m', repo.inputBox.value);
    const sha = git('rev-parse', 'HEAD');

    const first = await vscode.commands.executeCommand<PublishOutcome>('tandem.publishLinks');
    assert.ok(first, 'publish ran');
    assert.equal(first.repositoryUrl, 'https://github.com/contoso-retail/webshop');
    assert.ok(first.published >= 3, `the new commit and the two before it: ${first.published}`);
    const links = await linksOnServer(sha);
    assert.equal(links.length, 1);
    const link = links[0]!;
    assert.equal(link.targetKey, 'INI-1');
    assert.equal(link.kind, 'commit');
    assert.equal(link.title, 'Remember the last delivery address');
    assert.equal(link.url, `https://github.com/contoso-retail/webshop/commit/${sha}`);
    assert.equal(link.author?.email, 'dana@contoso.example');
    assert.ok(link.occurredAt);
    assert.equal(link.linkedBy.email, 'megan@contoso.test');

    const second = await vscode.commands.executeCommand<PublishOutcome>('tandem.publishLinks');
    assert.equal(second?.published, 0, 'running it twice publishes nothing twice');
    assert.equal(second?.scanned, 0, 'incremental: nothing new to read');
    assert.equal((await linksOnServer(sha)).length, 1);
  });

  it('reports keys that do not exist instead of linking them', async () => {
    writeFileSync(join(repoPath(), 'NOTES.md'), 'notes\n');
    git('add', '.');
    git('commit', '-q', '-m', 'Notes for the offers work\n\nInitiative: INI-999');
    const sha = git('rev-parse', 'HEAD');
    const outcome = await vscode.commands.executeCommand<PublishOutcome>('tandem.publishLinks');
    assert.equal(outcome?.published, 0);
    assert.equal(outcome?.unknownKeys.get('INI-999'), sha);
    assert.equal((await linksOnServer(sha)).length, 0);
  });

  it('explains that a repository without a remote cannot be published', async () => {
    const remote = git('remote', 'get-url', 'origin');
    git('remote', 'remove', 'origin');
    try {
      const outcome = await vscode.commands.executeCommand<PublishOutcome | undefined>('tandem.publishLinks');
      assert.equal(outcome, undefined);
    } finally {
      git('remote', 'add', 'origin', remote);
    }
  });

  it('publishes a commit with a huge message under a title cut to 255 characters', async () => {
    const subject = 'Speed up search '.repeat(400);
    writeFileSync(join(repoPath(), 'src', 'speed.ts'), 'export const fast = true;\n');
    git('add', '.');
    const sha = commit(`${subject}\n\n${'body '.repeat(50_000)}\n\nInitiative: INI-3`);
    const outcome = await vscode.commands.executeCommand<PublishOutcome>('tandem.publishLinks');
    assert.equal(outcome?.published, 1);
    const [link] = await linksOnServer(sha);
    assert.equal(link?.title.length, 255);
    assert.ok(link?.title.startsWith('Speed up search'));
  });
});
