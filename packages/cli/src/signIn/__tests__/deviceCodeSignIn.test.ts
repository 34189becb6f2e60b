import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { configFolder } from '../configFolder.js';
import {
  cachedTokenProvider,
  readSignIn,
  signInFileName,
  signInWithDeviceCode,
  signOut,
  tokenCacheFileName,
} from '../deviceCodeSignIn.js';
import { SignInError } from '../signInErrors.js';

const host = 'https://login.contoso.test';
const tenantId = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const clientId = '3fa85f64-5717-4562-b3fc-2c963f66afa6';
const userId = '00000000-0000-0000-66f3-3332eca7ea81';

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * The Microsoft identity platform as MSAL sees it over its network module: OpenID metadata, the device authorization
 * endpoint, and the token endpoint for the device-code and refresh-token grants.
 */
class IdentityPlatform implements INetworkModule {
  readonly grants: string[] = [];
  tokenLifetimeSeconds = 3600;
  refreshRevoked = false;
  private issued = 0;

  async sendGetRequestAsync<T>(url: string): Promise<NetworkResponse<T>> {
    if (url.startsWith(`${host}/${tenantId}/v2.0/.well-known/openid-configuration`)) {
      return this.answer({
        token_endpoint: `${host}/${tenantId}/oauth2/v2.0/token`,
        authorization_endpoint: `${host}/${tenantId}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${host}/${tenantId}/oauth2/v2.0/logout`,
        device_authorization_endpoint: `${host}/${tenantId}/oauth2/v2.0/devicecode`,
        issuer: `${host}/${tenantId}/v2.0`,
        jwks_uri: `${host}/${tenantId}/discovery/v2.0/keys`,
      });
    }
    return this.answer({ error: 'not_found', error_description: `no ${url}` }, 404);
  }

  async sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    const form = new URLSearchParams(options?.body ?? '');
    if (url.startsWith(`${host}/${tenantId}/oauth2/v2.0/devicecode`)) {
      return this.answer({
        device_code: 'device-code-1',
        user_code: 'ABCD-EFGH',
        verification_uri: 'https://microsoft.com/devicelogin',
        expires_in: 900,
        interval: 1,
        message:
          'To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code ABCD-EFGH to authenticate.',
      });
    }
    if (url.startsWith(`${host}/${tenantId}/oauth2/v2.0/token`)) {
      const grant = form.get('grant_type') ?? '';
      this.grants.push(grant);
      if (grant.endsWith('device_code') && form.get('device_code') !== 'device-code-1') {
        return this.answer({ error: 'invalid_grant', error_description: 'unknown device code' }, 400);
      }
      if (grant === 'refresh_token' && this.refreshRevoked) {
        return this.answer(
          {
            error: 'invalid_grant',
            error_description: 'AADSTS70043: The refresh token has expired.',
            suberror: 'bad_token',
          },
          400,
        );
      }
      this.issued++;
      const now = Math.floor(Date.now() / 1000);
      return this.answer({
        token_type: 'Bearer',
        scope: form.get('scope') ?? '',
        expires_in: this.tokenLifetimeSeconds,
        ext_expires_in: this.tokenLifetimeSeconds,
        access_token: `access-token-${this.issued}`,
        refresh_token: `refresh-token-${this.issued}`,
        id_token: `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({
          aud: clientId,
          iss: `${host}/${tenantId}/v2.0`,
          iat: now,
          nbf: now,
          exp: now + 3600,
          name: 'Ada Lovelace',
          oid: userId,
          preferred_username: 'ada@contoso.com',
          sub: 'subject-1',
          tid: tenantId,
          ver: '2.0',
        })}.`,
        client_info: b64url({ uid: userId, utid: tenantId }),
      });
    }
    return this.answer({ error: 'not_found', error_description: `no ${url}` }, 404);
  }

  private answer<T>(body: unknown, status = 200): NetworkResponse<T> {
    return { status, headers: { 'content-type': 'application/json' }, body: body as T };
  }
}

describe('device-code sign-in', () => {
  let folder: string;
  let platform: IdentityPlatform;
  let printed: string[];

  beforeEach(async () => {
    folder = join(await mkdtemp(join(tmpdir(), 'tandem-signin-')), 'tandem');
    platform = new IdentityPlatform();
    printed = [];
  });
  afterEach(async () => {
    await rm(join(folder, '..'), { recursive: true, force: true });
  });

  const signIn = () =>
    signInWithDeviceCode({
      tenant: tenantId,
      clientId,
      scopes: ['Sites.ReadWrite.All'],
      folder,
      print: (message) => printed.push(message),
      authorityHost: host,
      networkClient: platform,
    });

  it('prints the code, keeps the tokens in a file only the user can read, and remembers the account', async () => {
    const record = await signIn();
    assert.match(printed.join('\n'), /enter the code ABCD-EFGH/);
    assert.equal(record.username, 'ada@contoso.com');
    for (const name of [tokenCacheFileName, signInFileName]) {
      const mode = (await stat(join(folder, name))).mode & 0o777;
      assert.equal(mode.toString(8), '600', `${name} must be 0600`);
    }
    assert.equal(((await stat(folder)).mode & 0o777).toString(8), '700');
    const cache = await readFile(join(folder, tokenCacheFileName), 'utf8');
    assert.match(cache, /refresh-token-1/);
    assert.deepEqual(await readSignIn(folder), record);
  });

  it('gives the other commands the cached token silently, and refreshes it when it runs out', async () => {
    await signIn();
    const provider = cachedTokenProvider(folder, platform);
    assert.equal(await provider.getToken(['Sites.ReadWrite.All']), 'access-token-1');
    assert.deepEqual(platform.grants.length, 1, 'a valid cached token needs no call');

    // A token within MSAL's five-minute refresh window is renewed with the refresh token.
    platform.tokenLifetimeSeconds = 60;
    await signOut(folder);
    await signIn();
    const refreshed = await cachedTokenProvider(folder, platform).getToken(['Sites.ReadWrite.All']);
    assert.equal(refreshed, 'access-token-3');
    assert.equal(platform.grants.at(-1), 'refresh_token');
    assert.equal(((await stat(join(folder, tokenCacheFileName))).mode & 0o777).toString(8), '600');
  });

  it('says to run tandem login when nobody is signed in or the sign-in has expired', async () => {
    await assert.rejects(cachedTokenProvider(folder, platform).getToken(['Sites.ReadWrite.All']), (error: unknown) => {
      assert.ok(error instanceof SignInError);
      assert.equal(error.code, 'notSignedIn');
      assert.match(error.message, /tandem login/);
      return true;
    });
    platform.tokenLifetimeSeconds = 60;
    await signIn();
    platform.refreshRevoked = true;
    await assert.rejects(cachedTokenProvider(folder, platform).getToken(['Sites.ReadWrite.All']), (error: unknown) => {
      assert.ok(error instanceof SignInError, String(error));
      assert.equal(error.code, 'signInExpired');
      return true;
    });
  });

  it('forgets everything on sign-out', async () => {
    await signIn();
    assert.equal(await signOut(folder), true);
    assert.equal(await readSignIn(folder), undefined);
    await assert.rejects(stat(join(folder, tokenCacheFileName)), /ENOENT/);
    assert.equal(await signOut(folder), false);
  });

  it('keeps its files under XDG_CONFIG_HOME, else ~/.config', () => {
    assert.equal(configFolder({ XDG_CONFIG_HOME: '/srv/me/conf' }), '/srv/me/conf/tandem');
    assert.match(configFolder({ HOME: '/home/ada' }), /\.config\/tandem$/);
  });
});
