/**
 * The Teams side of teams-js's postMessage protocol, for the project's test host page. Written against teams-js 2.58.0
 * (its `internal/communication` module): the app posts requests `{id, uuidAsString, func, args}`; the host answers
 * `{id, uuidAsString, args}`; events the host raises (a theme change, Save) are `{func, args}` with no id.
 */

/** teams-js's request as it arrives. */
export interface TeamsRequest {
  id: number;
  uuidAsString?: string;
  func: string;
  args?: unknown[];
}

/** Where the framed page runs, as Teams reports it (`FrameContexts`). */
export type FrameContext = 'content' | 'settings' | 'sidePanel' | 'remove';

/** What the simulated Teams knows about the session. */
export interface TeamsSession {
  frameContext: FrameContext;
  theme: 'default' | 'dark' | 'contrast';
  userPrincipalName: string;
  userDisplayName: string;
  tenantId: string;
  entityId: string;
  subEntityId?: string;
  teamId?: string;
  channelId?: string;
  chatId?: string;
  meetingId?: string;
  /** Issues the token `authentication.getAuthToken` answers with. */
  getToken(): Promise<string>;
}

/** What the host page is told about, for its status line and for tests. */
export type HostEvent =
  | { type: 'request'; func: string }
  | { type: 'appLoaded' }
  | { type: 'success' }
  | { type: 'failure'; reason: string }
  | { type: 'validity'; valid: boolean }
  | { type: 'settings'; settings: unknown }
  | { type: 'saved'; ok: boolean; reason?: string };

/** The version of teams-js this host speaks; sent back as the host's supported SDK version. */
export const teamsJsVersion = '2.58.0';

/** The capabilities this host claims (teams-js checks `supports` before each API). */
export const runtimeConfig = {
  apiVersion: 4,
  hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
  isLegacyTeams: false,
  supports: {
    app: { lifecycle: { caching: {} } },
    appInstallDialog: {},
    authentication: {},
    dialog: { card: {}, url: {} },
    meeting: {},
    pages: { appButton: {}, backStack: {}, config: {}, currentApp: {}, tabs: {} },
    teamsCore: {},
  },
};

/** Answers one request; `reply` posts the answer back to the framed page. Returns false for a request it ignores. */
export async function answer(
  request: TeamsRequest,
  session: TeamsSession,
  reply: (args: unknown[]) => void,
  notify: (event: HostEvent) => void,
): Promise<boolean> {
  notify({ type: 'request', func: request.func });
  const args = request.args ?? [];
  switch (request.func) {
    case 'initialize':
      reply([session.frameContext, 'web', JSON.stringify(runtimeConfig), teamsJsVersion]);
      return true;
    case 'getContext':
      reply([legacyContext(session)]);
      return true;
    case 'authentication.getAuthToken':
      try {
        reply([true, await session.getToken()]);
      } catch (error) {
        reply([false, error instanceof Error ? error.message : String(error)]);
      }
      return true;
    case 'appInitialization.appLoaded':
      notify({ type: 'appLoaded' });
      return true;
    case 'appInitialization.success':
      notify({ type: 'success' });
      return true;
    case 'appInitialization.failure':
    case 'appInitialization.expectedFailure':
      notify({ type: 'failure', reason: `${String(args[0])}: ${String(args[1] ?? '')}` });
      return true;
    case 'settings.setValidityState':
      notify({ type: 'validity', valid: args[0] === true });
      return true;
    case 'settings.setSettings':
      notify({ type: 'settings', settings: args[0] });
      reply([true]);
      return true;
    case 'settings.save.success':
      notify({ type: 'saved', ok: true });
      return true;
    case 'settings.save.failure':
      notify({ type: 'saved', ok: false, reason: String(args[0] ?? '') });
      return true;
    default:
      // registerHandler and other one-way messages need no answer.
      return false;
  }
}

/** The context in the legacy shape teams-js receives and converts to `app.Context`. */
export function legacyContext(session: TeamsSession): Record<string, unknown> {
  return {
    locale: 'en-us',
    theme: session.theme,
    frameContext: session.frameContext,
    hostClientType: 'web',
    hostName: 'Teams',
    appSessionId: 'a5f1c1a1-0c5e-4f4e-8a9a-3f1c9b1f7e10',
    sessionId: 'b7d2e8f0-1e2d-4c3b-9a8f-6e5d4c3b2a10',
    tid: session.tenantId,
    userObjectId: '7f3e9c0a-5b1d-4e2f-8a6c-9d0b1e2f3a45',
    userPrincipalName: session.userPrincipalName,
    loginHint: session.userPrincipalName,
    userDisplayName: session.userDisplayName,
    entityId: session.entityId,
    subEntityId: session.subEntityId ?? '',
    teamId: session.teamId,
    channelId: session.channelId,
    chatId: session.chatId,
    meetingId: session.meetingId,
    isFullScreen: false,
    isMultiWindow: false,
    userLicenseType: 'Unknown',
    tenantSKU: 'enterprise',
  };
}
