import assert from 'node:assert/strict';
import { createGraphClient, GraphError, localTokenProvider, resolveSite } from '@tandem/graph';
import { startGraphLocal } from '@tandem/graph-local';
import { describeFailure } from '../pageFailure.js';
import { SignInError } from '../signIn.js';

const graphError = (status: number, request: string, code = 'generalException') =>
  new GraphError({ code, status, message: `${code} (${status})`, request });

describe('what a page says when it cannot start', () => {
  it('sorts Graph failures by cause, keeping what Graph said', async () => {
    const server = await startGraphLocal({ memory: true });
    try {
      const client = createGraphClient({
        baseUrl: server.url,
        tokenProvider: localTokenProvider(server.origin, 'adele@contoso.test'),
      });
      const missing = await resolveSite(client, 'no-such-site').then(
        () => assert.fail('a site that does not exist resolved'),
        (error: unknown) => error,
      );
      const failure = describeFailure(missing);
      assert.equal(failure.title, 'Tandem could not find its site or its lists.');
      assert.equal(failure.detail, (missing as Error).message);
    } finally {
      await server.close();
    }
    const cases: [GraphError, string][] = [
      [graphError(404, 'GET /chats/19:x@thread.v2', 'NotFound'), "Tandem could not find this meeting's chat."],
      [graphError(404, 'GET /chats/{id}', 'notAMeetingChat'), "Tandem could not find this meeting's chat."],
      [graphError(0, 'GET /sites/root', 'connectionFailed'), 'Tandem could not reach Microsoft 365.'],
      [graphError(401, 'GET /sites/root', 'InvalidAuthenticationToken'), 'Microsoft 365 did not accept your sign-in.'],
      [
        graphError(403, 'GET /sites/root/lists', 'accessDenied'),
        'You do not have access to the site Tandem keeps its lists on.',
      ],
      [graphError(429, 'GET /sites/root', 'TooManyRequests'), 'Microsoft 365 is busy.'],
      [graphError(500, 'GET /sites/root'), 'Tandem could not load your data.'],
    ];
    for (const [error, title] of cases) assert.equal(describeFailure(error).title, title, error.request);
  });

  it('tells sign-in failures and a failed sign-out apart from the rest', () => {
    const consent = describeFailure(new SignInError('interaction-required', 'AADSTS65001: consent required'));
    assert.equal(consent.title, 'Tandem could not sign you in.');
    assert.equal(consent.detail, 'AADSTS65001: consent required');
    assert.match(consent.advice, /consent/);
    assert.equal(
      describeFailure(new Error('storage is full'), { activity: 'signing out' }).title,
      'Tandem could not sign you out.',
    );
    // The Outlook pane is opened again rather than reloaded.
    assert.equal(
      describeFailure(graphError(0, 'GET /me/mailFolders', 'timeout'), { retry: 'open the pane again' }).advice,
      'Check your connection and open the pane again.',
    );
    const unknown = describeFailure('a string was thrown');
    assert.equal(unknown.title, 'Tandem could not load your data.');
    assert.equal(unknown.detail, 'a string was thrown');
  });
});
