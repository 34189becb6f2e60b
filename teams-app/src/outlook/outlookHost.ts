/**
 * Where the task pane runs: inside Outlook (office.js answers `Office.onReady` with the Outlook host and a mailbox),
 * or standalone in a plain browser (office.js answers `host: null`, or is missing), where the user picks an item
 * from their mailbox through Graph instead.
 */
import type { TandemThemeName } from '@tandem/ui';
import { officeEnums, officeGlobal, type OfficeGlobal, type OfficeMailbox, type OfficeTheme } from './officeApi.js';

/** The task pane's host. */
export type OutlookConnection =
  | { kind: 'outlook'; office: OfficeGlobal; mailbox: OfficeMailbox; theme: TandemThemeName }
  | { kind: 'standalone'; theme: TandemThemeName; reason: string };

function timeout(ms: number): Promise<'timeout'> {
  return new Promise((resolve) => setTimeout(() => resolve('timeout'), ms));
}

/** Relative luminance of a `#rrggbb` colour, 0 (black) to 1 (white); undefined when it is not one. */
export function luminance(hex: string | undefined): number | undefined {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? '');
  if (!m) return undefined;
  const [r, g, b] = [m[1], m[2], m[3]].map((c) => {
    const v = parseInt(c!, 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** Outlook's theme (`Office.context.officeTheme`, Mailbox 1.14) as the app's theme: dark when Outlook says so or its body is dark. */
export function themeFromOffice(theme: OfficeTheme | undefined): TandemThemeName | undefined {
  if (!theme) return undefined;
  if (typeof theme.isDarkTheme === 'boolean') return theme.isDarkTheme ? 'dark' : 'default';
  const l = luminance(theme.bodyBackgroundColor);
  return l === undefined ? undefined : l < 0.2 ? 'dark' : 'default';
}

/** The theme in a plain browser: `?theme=dark|default|contrast`, else the system's preference. */
export function standaloneTheme(win: Window = window): TandemThemeName {
  const asked = new URL(win.location.href).searchParams.get('theme');
  if (asked === 'dark' || asked === 'contrast' || asked === 'default') return asked;
  if (win.matchMedia?.('(forced-colors: active)').matches) return 'contrast';
  return win.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'default';
}

/** Waits for office.js (at most `timeoutMs`) and tells Outlook from a plain browser. */
export async function connectToOutlook(timeoutMs = 3000, win: Window = window): Promise<OutlookConnection> {
  const office = officeGlobal(win);
  if (!office || typeof office.onReady !== 'function') {
    return { kind: 'standalone', theme: standaloneTheme(win), reason: 'office.js is not on the page' };
  }
  const info = await Promise.race([office.onReady(), timeout(timeoutMs)]);
  if (info === 'timeout') return { kind: 'standalone', theme: standaloneTheme(win), reason: 'Office did not answer' };
  const mailbox = office.context?.mailbox;
  if (info.host !== (office.HostType?.Outlook ?? 'Outlook') || !mailbox) {
    return { kind: 'standalone', theme: standaloneTheme(win), reason: `not in Outlook (host ${String(info.host)})` };
  }
  return { kind: 'outlook', office, mailbox, theme: themeFromOffice(office.context?.officeTheme) ?? 'default' };
}

/**
 * Calls `onChange` when the user selects another item while the pane is pinned (`ItemChanged`, Mailbox 1.5).
 * A host without the event (never the case at the declared minimum) simply never calls it.
 */
export function onItemChanged(connection: OutlookConnection, onChange: () => void): void {
  if (connection.kind !== 'outlook') return;
  connection.mailbox.addHandlerAsync?.(officeEnums(connection.office).itemChanged, onChange);
}
