/**
 * The meeting side panel: links the current meeting to objectives and records decisions taken in it.
 */
import { startApp } from '../host/startApp.js';

// The panel's UI (React, Fluent, the panel, the page root) is one chunk of its own, preloaded; startApp runs it once
// the first reads are on their way, as the tab does.
void startApp(
  document.getElementById('root')!,
  () => import(/* webpackChunkName: "tandem-meeting-ui" */ './meetingView.js'),
);
