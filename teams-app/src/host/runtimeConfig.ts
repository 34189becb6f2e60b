/**
 * What a page needs to know about where it runs, read from the `<meta name="tandem-config">` tag the server writes
 * into every page (a meta tag, not an inline script, so the pages keep a strict CSP).
 */

/** `local`: the local Graph server and its dev tokens; `m365`: a real tenant through Microsoft Graph. */
export type DataMode = 'local' | 'm365';

/** The runtime configuration of a page. */
export interface RuntimeConfig {
  mode: DataMode;
  /** The Graph root the store talks to: `https://graph.microsoft.com/v1.0`, or the app server's `/graph/v1.0` proxy in local mode. */
  graphBaseUrl: string;
  /** The Entra app registration's client id (NAA and MSAL redirect). */
  clientId: string;
  /** The authority MSAL signs in against. */
  authority: string;
  /** Local mode: the user the dev token is issued for when no host supplies one. */
  localUser: string;
  /** The Teams app id, for deep links. */
  teamsAppId: string;
}

const defaults: RuntimeConfig = {
  mode: 'm365',
  graphBaseUrl: 'https://graph.microsoft.com/v1.0',
  clientId: '00000000-0000-0000-0000-000000000000',
  authority: 'https://login.microsoftonline.com/organizations',
  localUser: 'adele@contoso.test',
  teamsAppId: '5d3c0a5e-7a1b-4c39-9a55-2f4e6b7d8c01',
};

/** A configuration that cannot be used; names the field. */
export class RuntimeConfigError extends Error {
  readonly code = 'invalid-runtime-config';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`tandem-config ${field}: ${message}`);
    this.name = 'RuntimeConfigError';
  }
}

/** Parses the JSON of the meta tag over the defaults; unknown fields are ignored, wrong types are errors naming the field. */
export function parseRuntimeConfig(json: string | null | undefined, origin: string): RuntimeConfig {
  let raw: Record<string, unknown> = {};
  if (json && json.trim()) {
    try {
      raw = JSON.parse(json) as Record<string, unknown>;
    } catch {
      throw new RuntimeConfigError('(all)', 'not JSON');
    }
  }
  const config: RuntimeConfig = { ...defaults };
  for (const field of Object.keys(defaults) as (keyof RuntimeConfig)[]) {
    const value = raw[field];
    if (value === undefined) continue;
    if (typeof value !== 'string' || !value) throw new RuntimeConfigError(field, 'expected a non-empty string');
    (config as unknown as Record<string, string>)[field] = value;
  }
  if (config.mode !== 'local' && config.mode !== 'm365') throw new RuntimeConfigError('mode', 'expected local or m365');
  // A relative Graph root (the local proxy) is resolved against the page's origin.
  config.graphBaseUrl = new URL(config.graphBaseUrl, origin).toString().replace(/\/+$/, '');
  return config;
}

/** The configuration of the current page. */
export function readRuntimeConfig(doc: Document = document): RuntimeConfig {
  const meta = doc.querySelector<HTMLMetaElement>('meta[name="tandem-config"]');
  return parseRuntimeConfig(meta?.content, doc.location.origin);
}
