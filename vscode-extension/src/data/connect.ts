import type { PersonRef, TokenProvider } from '@tandem/core';
import {
  GraphStore,
  PortfolioCache,
  connectSite,
  createGraphClient,
  localTokenProvider,
  type GraphClient,
  type SiteLists,
} from '@tandem/graph';
import { FileCacheStorage } from '@tandem/graph/node';
import { PORTFOLIO_KINDS, deltaPortfolioSource } from './portfolioSource.js';
import type { Connection } from './portfolioService.js';

/** The settings that say where the data is (read from `tandem.*`). */
export interface DataSettings {
  /** Local mode: the local server's address (`http://127.0.0.1:PORT`). */
  graphUrl?: string;
  /** Local mode: the user to sign in as. */
  localUser: string;
  /** Real tenant: the directory (tenant) id, the app registration's client id, and the SharePoint site. */
  tenantId?: string;
  clientId?: string;
  site?: string;
}

/** The settings are missing or wrong; `field` names the setting. */
export class SettingsError extends Error {
  readonly code = 'BAD_SETTING';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'SettingsError';
  }
}

/** Which mode the settings select; undefined when neither local nor tenant settings are complete. */
export function dataMode(settings: DataSettings): 'local' | 'tenant' | undefined {
  if (settings.graphUrl?.trim()) return 'local';
  if (settings.tenantId?.trim() && settings.clientId?.trim()) return 'tenant';
  return undefined;
}

/** The local server's origin from the `tandem.graphUrl` setting (a trailing `/v1.0` is accepted and dropped). */
export function localOrigin(graphUrl: string): string {
  let url: URL;
  try {
    url = new URL(graphUrl.trim());
  } catch {
    throw new SettingsError('tandem.graphUrl', `not a URL: ${JSON.stringify(graphUrl)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SettingsError('tandem.graphUrl', 'must be an http(s) address');
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '').replace(/\/v1\.0$/, '')}`;
}

/** Where connections keep what they learn, so that the next start works before (or without) the network. */
export interface ConnectOptions {
  /** The folder of the offline cache (the extension's global storage). */
  cacheFolder: string;
  /** The site's list ids found last time for this connection id, if any. */
  rememberedLists(connectionId: string): SiteLists | undefined;
  rememberLists(connectionId: string, lists: SiteLists): Promise<void>;
}

/** The connection id of the settings: the cache and the publish marks are kept per id. */
export function connectionId(settings: DataSettings): string {
  const mode = dataMode(settings);
  if (mode === 'local') return `local:${localOrigin(settings.graphUrl!)}:${settings.localUser.toLowerCase()}`;
  if (mode === 'tenant') return `tenant:${settings.tenantId!.trim()}:${settings.site?.trim() || 'root'}`;
  throw new SettingsError(
    'tandem.graphUrl',
    'set tandem.graphUrl (local server) or tandem.tenantId and tandem.clientId',
  );
}

/**
 * Connects to the data: in local mode with the local server's dev token, else with the tenant token provider the
 * host gives (VS Code's `microsoft` sign-in). The site's lists are looked up once (`connectSite`; provisioning is an
 * admin's job) and remembered, so that later starts read the offline cache at once and touch the network only to refresh.
 */
export async function connect(
  settings: DataSettings,
  tenant: { tokenProvider: TokenProvider; me: PersonRef } | undefined,
  options: ConnectOptions,
): Promise<Connection> {
  const mode = dataMode(settings);
  const id = connectionId(settings);
  let client: GraphClient;
  let me: PersonRef;
  if (mode === 'local') {
    const origin = localOrigin(settings.graphUrl!);
    client = createGraphClient({
      baseUrl: `${origin}/v1.0`,
      tokenProvider: localTokenProvider(origin, settings.localUser),
    });
    me = { email: settings.localUser, displayName: settings.localUser.split('@')[0] ?? settings.localUser };
  } else {
    if (!tenant) throw new SettingsError('tandem.clientId', 'sign in to Microsoft first');
    client = createGraphClient({ baseUrl: 'https://graph.microsoft.com/v1.0', tokenProvider: tenant.tokenProvider });
    me = tenant.me;
  }
  let lists = options.rememberedLists(id);
  if (!lists) {
    lists = await connectSite(client, mode === 'tenant' ? settings.site || undefined : undefined);
    await options.rememberLists(id, lists);
  }
  const store = new GraphStore(client, lists);
  const cache = new PortfolioCache(store, {
    storage: new FileCacheStorage(options.cacheFolder),
    kinds: PORTFOLIO_KINDS,
  });
  return { store, me, id, mode: mode!, source: deltaPortfolioSource(cache) };
}

/**
 * Whether `error` (or its cause) says the site's lists are gone: the remembered list ids are stale (the site was
 * re-provisioned or changed), so they must be looked up again.
 */
export function listsAreStale(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { status, code } = e as { status?: unknown; code?: unknown };
    if (status === 404 || code === 'itemNotFound' || code === 'notProvisioned' || code === 'notFound') return true;
  }
  return false;
}
