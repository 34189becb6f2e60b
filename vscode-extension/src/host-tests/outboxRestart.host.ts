import * as assert from 'node:assert/strict';
import { OFFLINE_SUBJECT, eventually, git, linksOnServer, tandem } from './support.js';

// The second session: a new extension host on the same global storage, Graph available again.
describe('Kept writes after the extension host restarts (second session)', () => {
  it('sends the links kept in the first session on activation, each exactly once, and hides the status item', async () => {
    const api = await tandem();
    const sha = git('log', '-1', '--format=%H', `--grep=${OFFLINE_SUBJECT}`, '--fixed-strings');
    assert.match(sha, /^[0-9a-f]{40}$/, 'the commit of the first session');
    const links = await eventually(async () => {
      const found = await linksOnServer(sha);
      return found.length >= 2 ? found : undefined;
    }, 'the kept links to reach the server');
    assert.deepEqual(links.map((l) => l.targetKey).sort(), ['INI-2', 'OBJ-1']);
    await eventually(() => api.kept.outbox.counts.pending === 0, 'the outbox to be empty');
    assert.equal(api.kept.item.shownText, undefined, 'nothing waits: the status item is hidden');

    // Refresh replays again: nothing is sent twice.
    const { pending, failed } = await api.kept.outbox.entries();
    assert.deepEqual([pending.length, failed.length], [0, 0]);
    const { sent } = (await api.kept.outbox.replay()) ?? { sent: -1 };
    assert.equal(sent, 0);
    assert.equal((await linksOnServer(sha)).length, 2, 'each link exactly once');
  });
});
