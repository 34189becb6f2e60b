/**
 * `/teams-host`: frames a Tandem page the way Teams does and answers teams-js's protocol, so the tab can be tried and
 * tested outside Teams. Query: `app` (`/tab`, `/meeting`, `/config`; default `/tab`), `theme`, `user`, `meeting`,
 * `chat` (the meeting's chat id, from its join URL; by default the chat of the user's first online meeting).
 * Tokens come from the local Graph server's dev sign-in, through the app server's `/graph` proxy.
 */
import {
  answer,
  type FrameContext,
  type HostEvent,
  type TeamsRequest,
  type TeamsSession,
} from './teamsHostProtocol.js';

type Theme = TeamsSession['theme'];

const params = new URL(location.href).searchParams;
const appPath = allowedAppPath(params.get('app'));
const frameContext: FrameContext = appPath.startsWith('/meeting')
  ? 'sidePanel'
  : appPath.startsWith('/config')
    ? 'settings'
    : 'content';
const user = params.get('user') || 'adele@contoso.test';
const meetingId =
  params.get('meeting') || (frameContext === 'sidePanel' ? 'MCMxOTptZWV0aW5nX2RlbW9AdGhyZWFkLnYyIzA=' : '');
const session: TeamsSession = {
  frameContext,
  theme: toTheme(params.get('theme')),
  userPrincipalName: user,
  userDisplayName: params.get('name') || '',
  tenantId: '72f988bf-0000-4000-8000-000000000001',
  entityId: frameContext === 'content' ? 'tandem-roadmap' : 'tandem-meeting',
  ...(params.get('subEntityId') ? { subEntityId: params.get('subEntityId')! } : {}),
  ...(meetingId ? { meetingId } : {}),
  ...(meetingId && params.get('chat') ? { chatId: params.get('chat')! } : {}),
  getToken: () => devToken(user),
};

/** Only pages of this app may be framed (the value comes from the URL). */
function allowedAppPath(value: string | null): string {
  const path = value || '/tab';
  return /^\/(tab|meeting|config)(\?[^#]*)?$/.test(path) ? path : '/tab';
}

function toTheme(value: string | null): Theme {
  return value === 'dark' || value === 'contrast' ? value : 'default';
}

async function devToken(upn: string): Promise<string> {
  const response = await fetch('/graph/_local/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user: upn }),
  });
  if (!response.ok) throw new Error(`dev sign-in failed: ${response.status}`);
  const body = (await response.json()) as { access_token?: unknown };
  if (typeof body.access_token !== 'string') throw new Error('dev sign-in: no access_token');
  return body.access_token;
}

/** The chat of `upn`'s first online meeting in their calendar, read from its join URL (as Teams' links carry it). */
async function firstMeetingChat(upn: string): Promise<string | undefined> {
  const response = await fetch('/graph/v1.0/me/events?$top=50', {
    headers: { authorization: `Bearer ${await devToken(upn)}` },
  });
  if (!response.ok) return undefined;
  const body = (await response.json()) as { value?: { onlineMeeting?: { joinUrl?: unknown } | null }[] };
  for (const event of body.value ?? []) {
    const joinUrl = event.onlineMeeting?.joinUrl;
    const chat = typeof joinUrl === 'string' ? /\/meetup-join\/([^/]+)\//.exec(joinUrl)?.[1] : undefined;
    if (chat) return decodeURIComponent(chat);
  }
  return undefined;
}

const frame = document.getElementById('app-frame') as HTMLIFrameElement;
const status = document.getElementById('host-status')!;
const themePicker = document.getElementById('host-theme') as HTMLSelectElement;
const saveButton = document.getElementById('host-save') as HTMLButtonElement;
const log: HostEvent[] = [];

/** The host's record of the session, read by tests through the page. */
declare global {
  interface Window {
    tandemTeamsHost?: { events: HostEvent[]; session: TeamsSession };
  }
}
window.tandemTeamsHost = { events: log, session };

function show(event: HostEvent): void {
  log.push(event);
  if (event.type === 'request') return;
  document.body.dataset[event.type] = 'true';
  if (event.type === 'validity') saveButton.disabled = !event.valid;
  if (event.type === 'failure') status.textContent = `The app reported a failure: ${event.reason}`;
  else if (event.type === 'success') status.textContent = 'The app has loaded.';
  else if (event.type === 'saved')
    status.textContent = event.ok ? 'Tab settings saved.' : `Save failed: ${event.reason}`;
}

window.addEventListener('message', (event: MessageEvent) => {
  // Only the framed page, from this origin, speaks to the host.
  if (event.source !== frame.contentWindow || event.origin !== location.origin) return;
  const data = event.data as Partial<TeamsRequest> | null;
  if (!data || typeof data.func !== 'string' || typeof data.id !== 'number') return;
  const request = data as TeamsRequest;
  void answer(
    request,
    session,
    (args) =>
      frame.contentWindow?.postMessage({ id: request.id, uuidAsString: request.uuidAsString, args }, location.origin),
    show,
  );
});

function raise(func: string, args: unknown[]): void {
  frame.contentWindow?.postMessage({ func, args }, location.origin);
}

themePicker.value = session.theme;
document.documentElement.dataset.theme = session.theme;
themePicker.addEventListener('change', () => {
  session.theme = toTheme(themePicker.value);
  document.documentElement.dataset.theme = session.theme;
  raise('themeChange', [session.theme]);
});

saveButton.hidden = frameContext !== 'settings';
saveButton.addEventListener('click', () => raise('settings.save', [{}]));

frame.title = frameContext === 'sidePanel' ? 'Tandem meeting panel' : 'Tandem';
frame.className = frameContext === 'sidePanel' ? 'side-panel' : 'content';
const src = new URL(appPath, location.origin);
src.searchParams.set('host', 'teams');
void (async () => {
  // The meeting panel without `?chat=` is in the user's first online meeting (the demo data's calendar has some), so
  // that it opens on a meeting Graph knows; with none, the context names the meeting without a chat.
  if (frameContext === 'sidePanel' && !session.chatId) {
    const chatId = await firstMeetingChat(user).catch(() => undefined);
    if (chatId) session.chatId = chatId;
  }
  frame.src = src.toString();
})();
