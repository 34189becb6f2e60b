/**
 * The connection to Microsoft Teams through teams-js, with a short timeout of our own: outside Teams `app.initialize()`
 * either rejects at once (no parent window) or waits 60 s for a parent that never answers, so after `timeoutMs` the page
 * carries on in standalone browser mode.
 */
import type { app } from '@microsoft/teams-js';
import type * as TeamsSdkModule from './teamsSdk.js';
import type { TandemThemeName } from '@tandem/ui';

/** teams-js, the SDK a page speaks to its Teams host with (the parts the pages use). */
export type TeamsSdk = typeof TeamsSdkModule;

/** Where the page runs: in Teams, with the loaded SDK to speak to it, or in a plain browser. */
export type HostConnection =
  | { kind: 'teams'; context: app.Context; theme: TandemThemeName; sdk: TeamsSdk }
  | { kind: 'browser'; theme: TandemThemeName; reason: string };

/**
 * Loads teams-js (its own chunk, which framed pages preload): a page opened in a plain browser tab never runs it, and
 * starts signing in that much sooner.
 */
export const loadTeamsSdk = (): Promise<TeamsSdk> => import(/* webpackChunkName: "teams-js" */ './teamsSdk.js');

/** Maps a Teams theme name to the app's theme; Teams also says `default` for light. */
export function toAppTheme(teamsTheme: string | undefined): TandemThemeName {
  if (teamsTheme === 'dark') return 'dark';
  if (teamsTheme === 'contrast') return 'contrast';
  return 'default';
}

/** The theme for a plain browser: the `theme` query parameter, else the system's colour scheme. */
export function browserTheme(win: Window = window): TandemThemeName {
  const asked = new URL(win.location.href).searchParams.get('theme');
  if (asked) return toAppTheme(asked);
  if (win.matchMedia?.('(forced-colors: active)').matches) return 'contrast';
  return win.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'default';
}

function timeout(ms: number): Promise<'timeout'> {
  return new Promise((resolve) => setTimeout(() => resolve('timeout'), ms));
}

/** Initialises teams-js and reads the context, or settles on browser mode after `timeoutMs` (default 1.5 s). */
export async function connectToHost(timeoutMs = 1500): Promise<HostConnection> {
  // Teams frames the page (web and desktop) or, on mobile, gives it a `nativeInterface`; a page with neither is in a
  // plain browser tab, where teams-js would only reject, so it is not even loaded.
  if (window.parent === window && !window.opener && !('nativeInterface' in window)) {
    return { kind: 'browser', theme: browserTheme(), reason: 'not framed' };
  }
  try {
    const sdk = await loadTeamsSdk();
    const { app } = sdk;
    const outcome = await Promise.race([app.initialize().then(() => 'ready' as const), timeout(timeoutMs)]);
    if (outcome === 'timeout') return { kind: 'browser', theme: browserTheme(), reason: 'the host did not answer' };
    const context = await app.getContext();
    return { kind: 'teams', context, theme: toAppTheme(context.app.theme), sdk };
  } catch (error) {
    return { kind: 'browser', theme: browserTheme(), reason: error instanceof Error ? error.message : String(error) };
  }
}

/** Calls `onTheme` whenever Teams switches theme (only in Teams). */
export function onThemeChange(host: HostConnection, onTheme: (theme: TandemThemeName) => void): void {
  if (host.kind === 'teams') host.sdk.app.registerOnThemeChangeHandler((theme) => onTheme(toAppTheme(theme)));
}

/** Hides Teams' loading indicator once the first screen is drawn. */
export function notifyLoaded(host: HostConnection): void {
  if (host.kind !== 'teams') return;
  host.sdk.app.notifyAppLoaded();
  host.sdk.app.notifySuccess();
}

/** Tells Teams that loading failed, so it shows its own retry screen rather than a spinner. */
export function notifyLoadFailed(host: HostConnection, message: string): void {
  if (host.kind !== 'teams') return;
  const { app } = host.sdk;
  app.notifyFailure({ reason: app.FailedReason.Other, message });
}
