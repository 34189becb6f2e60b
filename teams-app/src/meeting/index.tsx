/**
 * The meeting side panel: links the current meeting to objectives and records decisions taken in it.
 */
import { startApp } from '../host/startApp.js';
import { currentMeeting } from './currentMeeting.js';

const ui = import(/* webpackChunkName: "tandem-ui" */ '@tandem/ui');

let meeting: ReturnType<typeof currentMeeting> | undefined;

void startApp(document.getElementById('root')!, async (env, theme) => {
  const { MeetingPanel } = await ui;
  // Resolved once; a theme change redraws with the same meeting.
  meeting ??= currentMeeting(location.href, env.graph, env.host.kind === 'teams' ? env.host.context : undefined);
  return <MeetingPanel store={env.store} user={env.user} theme={theme} meeting={await meeting} />;
});
