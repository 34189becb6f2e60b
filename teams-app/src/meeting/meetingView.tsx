/**
 * The meeting panel's UI module (see `PageUi`): the panel on the store `startApp` opened, for the current meeting, in
 * the panel's chunk (see index.tsx), so that the page's entry holds only what signs in.
 */
import type { ReactElement } from 'react';
import type { Store } from '@tandem/core';
import { MeetingPanel, loadTheme, type TandemThemeName } from '@tandem/ui';
import type { AppEnvironment } from '../host/startApp.js';
import { loopStore } from '../host/loopStore.js';
import { currentMeeting } from './currentMeeting.js';

let meeting: ReturnType<typeof currentMeeting> | undefined;
let store: Store | undefined;

export { createPageRoot } from '../host/pageRoot.js';

/** The panel for `env` in `theme`; drawn again on every theme change. */
export async function view(env: AppEnvironment, theme: TandemThemeName): Promise<ReactElement> {
  // Resolved once; a theme change redraws with the same meeting.
  meeting ??= currentMeeting(location.href, env.graph, env.host.kind === 'teams' ? env.host.context : undefined);
  // Made once, so the panel keeps one store (and one loaded portfolio) across theme changes.
  store ??= loopStore(env.store, env.graph, env.user);
  await loadTheme(theme); // as the tab does (see tabView.tsx)
  return <MeetingPanel store={store} user={env.user} theme={theme} meeting={await meeting} onSignOut={env.signOut} />;
}
