/**
 * The connection to Microsoft Teams through teams-js, with a short timeout of our own: outside Teams `app.initialize()`
 * either rejects at once (no parent window) or waits 60 s for a parent that never answers, so after `timeoutMs` the page
 * carries on in standalone browser mode.
 */
import { app } from '@microsoft/teams-js';
import type { TandemThemeName } from '@tandem/ui';

/** Where the page runs. */
export type HostConnection =
  | { kind: 'teams'; context: app.Context; theme: TandemThemeName }
  | { kind: 'browser'; theme: TandemThemeName; reason: string };

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
  if (window.parent === window && !window.opener) {
    // teams-js would reject at once; skip the CDN lookup it makes first.
    return { kind: 'browser', theme: browserTheme(), reason: 'not framed' };
  }
  try {
    const outcome = await Promise.race([app.initialize().then(() => 'ready' as const), timeout(timeoutMs)]);
    if (outcome === 'timeout') return { kind: 'browser', theme: browserTheme(), reason: 'the host did not answer' };
    const context = await app.getContext();
    return { kind: 'teams', context, theme: toAppTheme(context.app.theme) };
  } catch (error) {
    return { kind: 'browser', theme: browserTheme(), reason: error instanceof Error ? error.message : String(error) };
  }
}

/** Calls `onTheme` whenever Teams switches theme (only in Teams). */
export function onThemeChange(host: HostConnection, onTheme: (theme: TandemThemeName) => void): void {
  if (host.kind === 'teams') app.registerOnThemeChangeHandler((theme) => onTheme(toAppTheme(theme)));
}

/** Hides Teams' loading indicator once the first screen is drawn. */
export function notifyLoaded(host: HostConnection): void {
  if (host.kind !== 'teams') return;
  app.notifyAppLoaded();
  app.notifySuccess();
}

/** Tells Teams that loading failed, so it shows its own retry screen rather than a spinner. */
export function notifyLoadFailed(host: HostConnection, message: string): void {
  if (host.kind !== 'teams') return;
  app.notifyFailure({ reason: app.FailedReason.Other, message });
}
