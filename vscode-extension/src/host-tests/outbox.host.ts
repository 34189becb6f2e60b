import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { PublishOutcome } from '@tandem/git';
import { OFFLINE_SUBJECT, commit, git, graphUnavailable, repoPath, tandem } from './support.js';

// Runs last in the first session: it leaves Graph unavailable, and the driver brings it back before the next session.
describe('Publish Commit Links while Graph is unavailable (first session)', () => {
  it('keeps the links in the outbox, moves the mark, and shows the count in the status bar', async () => {
    const api = await tandem();
    writeFileSync(join(repoPath(), 'src', 'basket.ts'), 'export const basket = [];\n');
    git('add', '.');
    const sha = commit(`${OFFLINE_SUBJECT}\n\nInitiative: INI-2\nObjective: OBJ-1`);
    await graphUnavailable(true);

    const outcome = await vscode.commands.executeCommand<PublishOutcome & { kept: number }>('tandem.publishLinks');
    assert.ok(outcome, 'the publish completed');
    assert.equal(outcome.published, 0, 'nothing reached Graph');
    assert.equal(outcome.kept, 2, 'one link per key, kept');
    assert.equal(api.kept.outbox.counts.pending, 2);
    assert.equal(api.kept.item.shownText, '$(cloud-upload) 2');
    assert.match(api.kept.item.tooltip ?? '', /2 writes kept while Graph was unreachable/);

    const again = await vscode.commands.executeCommand<PublishOutcome & { kept: number }>('tandem.publishLinks');
    assert.equal(again?.scanned, 0, 'the mark moved: the kept links are not read again');
    const { pending } = await api.kept.outbox.entries();
    assert.deepEqual(
      pending.map((e) => (e.write.op === 'create' ? e.write.kind : e.write.op)),
      ['link', 'link'],
    );

    // A replay while Graph is still unavailable keeps them.
    await vscode.commands.executeCommand('tandem.refresh');
    assert.equal(api.kept.outbox.counts.pending, 2);
    assert.match(git('log', '-1', '--format=%H'), new RegExp(sha));
  });
});
