import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  InteractionRequiredAuthError,
  PublicClientApplication,
  type ICachePlugin,
  type INetworkModule,
  type TokenCacheContext,
} from '@azure/msal-node';
import type { TokenProvider } from '@tandem/core';
import { writePrivateFile } from './configFolder.js';
import { SignInError } from './signInErrors.js';

/** The file MSAL's token cache is kept in, inside the config folder. */
export const tokenCacheFileName = 'msal-token-cache.json';
/** Which tenant, app and account the CLI signed in with, inside the config folder. */
export const signInFileName = 'sign-in.json';

/** What `tandem login` remembers (no secrets: the tokens are in the token cache). */
export interface SignInRecord {
  tenant: string;
  clientId: string;
  /** MSAL's account id, to find the account in the cache. */
  homeAccountId: string;
  username: string;
  /** The authority host, when not the public cloud's. */
  authorityHost?: string;
}

/** Where to sign in. */
export interface SignInOptions {
  /** The tenant id or domain (`contoso.onmicrosoft.com`), or `organizations`. */
  tenant: string;
  /** The app registration's client id (a public client with device-code flow allowed). */
  clientId: string;
  /** Delegated scopes to consent to. */
  scopes: readonly string[];
  /** The config folder (see `configFolder`). */
  folder: string;
  /** Where the device-code message goes: stderr, so stdout stays machine-readable. */
  print: (message: string) => void;
  /** The authority host. Default `https://login.microsoftonline.com`. */
  authorityHost?: string;
  /** MSAL's network module; tests hand in one that speaks the identity platform's protocol. */
  networkClient?: INetworkModule;
}

/** MSAL's cache, kept in a file only the user can read. */
export function fileCachePlugin(path: string): ICachePlugin {
  return {
    async beforeCacheAccess(context: TokenCacheContext) {
      let text: string | undefined;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      if (text !== undefined) context.tokenCache.deserialize(text);
    },
    async afterCacheAccess(context: TokenCacheContext) {
      if (context.cacheHasChanged) await writePrivateFile(path, context.tokenCache.serialize());
    },
  };
}

function application(
  record: Pick<SignInRecord, 'tenant' | 'clientId' | 'authorityHost'>,
  folder: string,
  network?: INetworkModule,
) {
  const host = (record.authorityHost ?? 'https://login.microsoftonline.com').replace(/\/+$/, '');
  return new PublicClientApplication({
    auth: {
      clientId: record.clientId,
      authority: `${host}/${encodeURIComponent(record.tenant)}`,
      ...(record.authorityHost ? { knownAuthorities: [new URL(host).host] } : {}),
    },
    cache: { cachePlugin: fileCachePlugin(join(folder, tokenCacheFileName)) },
    ...(network ? { system: { networkClient: network } } : {}),
  });
}

/**
 * Signs in with the device-code flow: prints the identity platform's message (the URL and the code) through `print`,
 * waits for the user to finish in a browser, then keeps the tokens in the config folder (mode 0600).
 */
export async function signInWithDeviceCode(options: SignInOptions): Promise<SignInRecord> {
  const app = application(options, options.folder, options.networkClient);
  let result;
  try {
    result = await app.acquireTokenByDeviceCode({
      scopes: [...options.scopes],
      deviceCodeCallback: (response) => options.print(response.message),
    });
  } catch (error) {
    throw new SignInError('signInFailed', `sign-in failed: ${(error as Error).message}`, { cause: error });
  }
  if (!result?.account) throw new SignInError('signInFailed', 'sign-in failed: no account in the answer');
  const record: SignInRecord = {
    tenant: options.tenant,
    clientId: options.clientId,
    homeAccountId: result.account.homeAccountId,
    username: result.account.username,
    ...(options.authorityHost ? { authorityHost: options.authorityHost } : {}),
  };
  await writePrivateFile(join(options.folder, signInFileName), JSON.stringify(record, null, 2) + '\n');
  return record;
}

/** What `tandem login` saved, or undefined when nobody is signed in. */
export async function readSignIn(folder: string): Promise<SignInRecord | undefined> {
  let text: string;
  try {
    text = await readFile(join(folder, signInFileName), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return JSON.parse(text) as SignInRecord;
}

/** Forgets the sign-in: removes the token cache and the record. Resolves true when there was one. */
export async function signOut(folder: string): Promise<boolean> {
  const had = (await readSignIn(folder)) !== undefined;
  await rm(join(folder, tokenCacheFileName), { force: true });
  await rm(join(folder, signInFileName), { force: true });
  return had;
}

/**
 * The token provider of the other commands against a real tenant: tokens from the cache `tandem login` filled,
 * refreshed silently. Rejects with a `SignInError` telling the user to run `tandem login` when that is the fix.
 */
export function cachedTokenProvider(folder: string, networkClient?: INetworkModule): TokenProvider {
  return {
    async getToken(scopes) {
      const record = await readSignIn(folder);
      if (!record)
        throw new SignInError('notSignedIn', 'not signed in: run `tandem login --tenant <id> --client-id <id>` first');
      const app = application(record, folder, networkClient);
      const account = await app.getTokenCache().getAccountByHomeId(record.homeAccountId);
      if (!account)
        throw new SignInError('notSignedIn', 'the sign-in was removed from the cache: run `tandem login` again');
      try {
        const result = await app.acquireTokenSilent({ account, scopes: [...scopes] });
        return result.accessToken;
      } catch (error) {
        if (error instanceof InteractionRequiredAuthError) {
          throw new SignInError('signInExpired', 'the sign-in has expired: run `tandem login` again', { cause: error });
        }
        throw error;
      }
    },
  };
}
