import { strict as assert } from 'node:assert';
import { startHarness } from '../../__tests__/harness.js';
import type { Harness } from '../../__tests__/harness.js';
import type { GraphErrorBody } from '../errorBody.js';

/** Checks a raw response is Graph's error shape with this status and code, and returns the body. */
async function expectErrorShape(res: Response, status: number, code: string): Promise<GraphErrorBody> {
  assert.equal(res.status, status);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  assert.ok(res.headers.get('request-id'));
  const body = (await res.json()) as GraphErrorBody;
  assert.equal(body.error.code, code);
  assert.equal(typeof body.error.message, 'string');
  assert.match(body.error.innerError.date, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
  assert.equal(body.error.innerError['request-id'], res.headers.get('request-id'));
  return body;
}

describe('errors, limits and bad input', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  it('answers JSON with request-id and echoes client-request-id', async () => {
    const res = await h.raw('GET', '/sites/root', { headers: { 'client-request-id': 'abc-123' } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type')!, /^application\/json/);
    assert.equal(res.headers.get('client-request-id'), 'abc-123');
  });

  it('refuses malformed JSON with 400 BadRequest', async () => {
    const res = await h.raw('POST', '/sites/root/lists', { rawBody: '{"displayName": ' });
    await expectErrorShape(res, 400, 'BadRequest');
  });

  it('refuses a body over 4 MB with 413', async () => {
    const res = await h.raw('POST', '/sites/root/lists', {
      rawBody: JSON.stringify({ displayName: 'x'.repeat(4 * 1024 * 1024 + 10) }),
    });
    await expectErrorShape(res, 413, 'RequestEntityTooLarge');
  });

  it('answers unknown segments with 400 and unknown versions with 400', async () => {
    const body = await expectErrorShape(await h.raw('GET', '/nowhere/at/all'), 400, 'BadRequest');
    assert.match(body.error.message, /segment 'nowhere'/);
    const res = await fetch(`${h.server.origin}/beta/me`);
    await expectErrorShape(res, 400, 'BadRequest');
  });

  it('answers a method the resource lacks with 405', async () => {
    await expectErrorShape(await h.raw('DELETE', '/sites/root'), 405, 'BadRequest');
  });

  it('answers wrong types in bodies with 400 naming the field', async () => {
    const body = await expectErrorShape(
      await h.raw('POST', '/sites/root/lists', { body: { displayName: 42 } }),
      400,
      'BadRequest',
    );
    assert.match(body.error.message, /displayName/);
    await expectErrorShape(await h.raw('POST', '/sites/root/lists', { body: [1, 2] }), 400, 'BadRequest');
    const col = await expectErrorShape(
      await h.raw('POST', '/sites/root/lists', {
        body: { displayName: 'Bad', columns: [{ name: 'X', text: {}, number: {} }] },
      }),
      400,
      'BadRequest',
    );
    assert.match(col.error.message, /columns\[0\]/);
  });

  it('refuses a filter with a syntax error with 400', async () => {
    const body = await expectErrorShape(
      await h.raw('GET', "/sites/root/lists?$filter=displayName eq 'x"),
      400,
      'BadRequest',
    );
    assert.match(body.error.message, /unterminated string/);
  });

  it('answers a missing token 401, a forged one 401, an expired one 401', async () => {
    const missing = await fetch(`${h.server.url}/sites/root`);
    await expectErrorShape(missing, 401, 'InvalidAuthenticationToken');
    const token = await h.token();
    const [payload] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    const forgedPayload = Buffer.from(JSON.stringify({ ...claims, upn: 'megan@contoso.test' })).toString('base64url');
    const forged = await fetch(`${h.server.url}/sites/root`, {
      headers: { authorization: `Bearer ${forgedPayload}.${token.split('.')[1]}` },
    });
    await expectErrorShape(forged, 401, 'InvalidAuthenticationToken');
    const expired = await h.token('adele@contoso.test', { expiresIn: 0 });
    const res = await fetch(`${h.server.url}/sites/root`, { headers: { authorization: `Bearer ${expired}` } });
    const body = await expectErrorShape(res, 401, 'InvalidAuthenticationToken');
    assert.match(body.error.message, /expired/);
  });

  it('creates unknown users of the local tenant and refuses users of other tenants', async () => {
    const res = await fetch(`${h.server.origin}/_local/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'someone@elsewhere.test' }),
    });
    await expectErrorShape(res, 400, 'BadRequest');
    const token = await h.token('brand.new@contoso.test');
    assert.ok(token.length > 20);
  });

  it('answers a CORS preflight and lets browsers read the answers', async () => {
    const preflight = await fetch(`${h.server.url}/sites/root`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3000', 'access-control-request-headers': 'authorization' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-headers'), 'authorization');
    const res = await h.raw('GET', '/sites/root');
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
  });
});
