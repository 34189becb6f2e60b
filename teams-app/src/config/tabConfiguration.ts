/** What the channel tab's configuration page saves: which site and which view the tab opens on. */
import { VIEW_ENTRIES, type ViewId } from '@tandem/ui';

/** The choices on the configuration page. */
export interface TabChoice {
  /** `root`, or a SharePoint site URL (`https://contoso.sharepoint.com/sites/tandem`). */
  site: string;
  view: ViewId;
  /** Whether the tab is being added to a meeting (then it opens the meeting panel). */
  inMeeting: boolean;
}

/** The settings Teams stores for a configured tab (`pages.config.setConfig`). */
export interface TabSettings {
  contentUrl: string;
  websiteUrl: string;
  entityId: string;
  suggestedDisplayName: string;
}

/** Views a shared channel tab can open on: team views only, nothing personal. */
export const channelViews = VIEW_ENTRIES.filter((v) => v.id !== 'objective');

/** Why a site value is not usable, or undefined when it is. */
export function siteProblem(site: string, localMode: boolean): string | undefined {
  const value = site.trim();
  if (value === '' || value === 'root') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Enter root, or the address of a SharePoint site, such as https://contoso.sharepoint.com/sites/tandem.';
  }
  if (url.protocol !== 'https:' && !localMode) return 'The site address must start with https://.';
  if (!localMode && !/\.sharepoint(-df)?\.com$/i.test(url.hostname))
    return 'That is not a SharePoint site: its address ends in .sharepoint.com.';
  return undefined;
}

/** The settings to save for `choice`, with URLs on `origin`. */
export function tabSettings(origin: string, choice: TabChoice): TabSettings {
  const site = choice.site.trim() || 'root';
  const page = choice.inMeeting ? 'meeting' : 'tab';
  const query = new URLSearchParams({ site, view: choice.view });
  const label = VIEW_ENTRIES.find((v) => v.id === choice.view)?.label ?? 'Roadmap';
  return {
    contentUrl: `${origin}/${page}?host=teams&${query}`,
    websiteUrl: `${origin}/tab?${query}`,
    entityId: `tandem-${page}-${choice.view}`,
    suggestedDisplayName: choice.inMeeting ? 'Tandem' : `Tandem ${label}`,
  };
}
