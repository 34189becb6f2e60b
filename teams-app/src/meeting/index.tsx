/**
 * The meeting side panel: links the current meeting to objectives and records decisions taken in it.
 * Teams gives the meeting id in the context; in a browser it comes from `?meeting=` (with `subject`, `joinUrl`).
 */
import { startApp } from '../host/startApp.js';
import { currentMeeting } from './currentMeeting.js';

const ui = import(/* webpackChunkName: "tandem-ui" */ '@tandem/ui');

void startApp(document.getElementById('root')!, async (env, theme) => {
  const { MeetingPanel } = await ui;
  const meeting = currentMeeting(location.href, env.host.kind === 'teams' ? env.host.context : undefined);
  // During meetings Teams shows the side panel dark; the host's theme is followed all the same.
  return <MeetingPanel store={env.store} user={env.user} theme={theme} meeting={meeting} />;
});
