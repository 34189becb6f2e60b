import type { PersonRef, TokenProvider } from '@tandem/core';
import { GraphStore, createGraphClient, localTokenProvider, provision, resolveSite } from '@tandem/graph';
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

/**
 * Connects to the data: in local mode with the local server's dev token, else with the tenant token provider the
 * host gives (VS Code's `microsoft` sign-in). Provisioning is idempotent, so it also finds the lists.
 */
export async function connect(
  settings: DataSettings,
  tenant: { tokenProvider: TokenProvider; me: PersonRef } | undefined,
): Promise<Connection> {
  const mode = dataMode(settings);
  if (mode === 'local') {
    const origin = localOrigin(settings.graphUrl!);
    const client = createGraphClient({
      baseUrl: `${origin}/v1.0`,
      tokenProvider: localTokenProvider(origin, settings.localUser),
    });
    const site = await resolveSite(client);
    const lists = await provision(client, site.id);
    const me: PersonRef = {
      email: settings.localUser,
      displayName: settings.localUser.split('@')[0] ?? settings.localUser,
    };
    return {
      store: new GraphStore(client, { siteId: site.id, listIds: lists.listIds }),
      me,
      id: `local:${origin}`,
      mode,
    };
  }
  if (mode === 'tenant') {
    if (!tenant) throw new SettingsError('tandem.clientId', 'sign in to Microsoft first');
    const client = createGraphClient({
      baseUrl: 'https://graph.microsoft.com/v1.0',
      tokenProvider: tenant.tokenProvider,
    });
    const site = await resolveSite(client, settings.site);
    const lists = await provision(client, site.id);
    return {
      store: new GraphStore(client, { siteId: site.id, listIds: lists.listIds }),
      me: tenant.me,
      id: `tenant:${settings.tenantId}:${site.id}`,
      mode,
    };
  }
  throw new SettingsError(
    'tandem.graphUrl',
    'set tandem.graphUrl (local server) or tandem.tenantId and tandem.clientId',
  );
}
