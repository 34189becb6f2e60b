/**
 * The meeting side panel: links the current meeting to objectives and records decisions taken in it.
 */
import type { Store } from '@tandem/core';
import type { MeetingPanel as MeetingPanelView } from '@tandem/ui';
import { loopStore } from '../host/loopStore.js';
import { startApp } from '../host/startApp.js';
import { currentMeeting } from './currentMeeting.js';

// The panel's own chunk (the tab's UI chunk holds the whole app), with only what it mounts named. Loaded (it is
// preloaded) once the first reads are on their way (startApp's `load`), as the tab does.
let ui: Promise<{ MeetingPanel: typeof MeetingPanelView }> | undefined;
const loadUi = () =>
  (ui ??= import(/* webpackChunkName: "tandem-meeting-ui" */ '@tandem/ui').then(({ MeetingPanel }) => ({
    MeetingPanel,
  })));

let meeting: ReturnType<typeof currentMeeting> | undefined;
let store: Store | undefined;

void startApp(
  document.getElementById('root')!,
  async (env, theme) => {
    const { MeetingPanel } = await loadUi();
    // Resolved once; a theme change redraws with the same meeting.
    meeting ??= currentMeeting(location.href, env.graph, env.host.kind === 'teams' ? env.host.context : undefined);
    // Made once, so the panel keeps one store (and one loaded portfolio) across theme changes.
    store ??= loopStore(env.store, env.graph, env.user);
    return <MeetingPanel store={store} user={env.user} theme={theme} meeting={await meeting} onSignOut={env.signOut} />;
  },
  { load: loadUi },
);
