import assert from 'node:assert/strict';
import type { legacyContext } from '../teamsHostProtocol.js';
import { answer, runtimeConfig, type HostEvent, type TeamsSession } from '../teamsHostProtocol.js';

const session: TeamsSession = {
  frameContext: 'sidePanel',
  theme: 'dark',
  userPrincipalName: 'adele@contoso.test',
  userDisplayName: 'Adele Vance',
  tenantId: 'tenant-1',
  entityId: 'tandem-meeting',
  meetingId: 'meeting-1',
  chatId: '19:meeting_1@thread.v2',
  getToken: async () => 'token-1',
};

async function ask(func: string, args: unknown[] = []) {
  const replies: unknown[][] = [];
  const events: HostEvent[] = [];
  const answered = await answer(
    { id: 1, func, args },
    session,
    (a) => replies.push(a),
    (e) => events.push(e),
  );
  return { answered, replies, events };
}

describe('Teams host protocol', () => {
  it('answers initialize with the frame context, client type, a runtime of apiVersion 4 and the SDK version', async () => {
    const { replies } = await ask('initialize');
    const [frame, client, runtime, version] = replies[0]!;
    assert.equal(frame, 'sidePanel');
    assert.equal(client, 'web');
    assert.deepEqual(JSON.parse(runtime as string), runtimeConfig);
    assert.equal(runtimeConfig.apiVersion, 4);
    assert.equal(version, '2.58.0');
  });

  it('answers getContext with the legacy context: theme, user, tenant, meeting, chat', async () => {
    const { replies } = await ask('getContext');
    const context = replies[0]![0] as ReturnType<typeof legacyContext>;
    assert.equal(context.theme, 'dark');
    assert.equal(context.userPrincipalName, 'adele@contoso.test');
    assert.equal(context.tid, 'tenant-1');
    assert.equal(context.meetingId, 'meeting-1');
    assert.equal(context.chatId, '19:meeting_1@thread.v2');
  });

  it('answers getAuthToken with [true, token], or [false, reason] when the token cannot be had', async () => {
    assert.deepEqual((await ask('authentication.getAuthToken')).replies, [[true, 'token-1']]);
    const failing = { ...session, getToken: () => Promise.reject(new Error('no dev sign-in')) };
    const replies: unknown[][] = [];
    await answer(
      { id: 2, func: 'authentication.getAuthToken' },
      failing,
      (a) => replies.push(a),
      () => undefined,
    );
    assert.deepEqual(replies, [[false, 'no dev sign-in']]);
  });

  it('records one-way messages without answering them', async () => {
    const loaded = await ask('appInitialization.success');
    assert.deepEqual(loaded.replies, []);
    assert.ok(loaded.events.some((e) => e.type === 'success'));
    const validity = await ask('settings.setValidityState', [true]);
    assert.ok(validity.events.some((e) => e.type === 'validity' && e.valid));
    assert.equal((await ask('registerHandler', ['themeChange'])).answered, false);
  });
});
