import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { PublishOutcome } from '@tandem/git';
import { OFFLINE_SUBJECT, commit, eventually, git, graphFault, graphUnavailable, repoPath, tandem } from './support.js';

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

    // Tandem: Show Writes Waiting for Graph → Send Now: Graph is still unavailable, both stay.
    let answered = false;
    const shown = Promise.resolve(vscode.commands.executeCommand<string | undefined>('tandem.showOutbox')).then((v) => {
      answered = true;
      return v;
    });
    await eventually(async () => {
      if (!answered) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return answered;
    }, 'Send Now to be picked');
    assert.equal(await shown, 'sendNow');
    assert.equal(api.kept.outbox.counts.pending, 2);

    // Graph refuses them for good (400): the next replay moves them to failed, and the status item says so.
    await graphFault();
    await graphFault({ match: '/items', method: 'POST', status: 400 });
    await vscode.commands.executeCommand('tandem.refresh');
    assert.deepEqual(api.kept.outbox.counts, { pending: 0, failed: 2 });
    assert.equal(api.kept.item.shownText, '$(warning) 2');
    assert.match(api.kept.item.tooltip ?? '', /2 failed for good: retry or discard/);
    // Retried while Graph is unavailable again: back in line, kept for the next session.
    await graphUnavailable(true);
    const { failed } = await api.kept.outbox.entries();
    await api.kept.outbox.retry(failed.map((e) => e.seq));
    assert.deepEqual(api.kept.outbox.counts, { pending: 2, failed: 0 });
    assert.equal(api.kept.item.shownText, '$(cloud-upload) 2');
    assert.match(git('log', '-1', '--format=%H'), new RegExp(sha));
  });
});
