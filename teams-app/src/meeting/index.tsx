/**
 * The meeting side panel: links the current meeting to objectives and records decisions taken in it.
 */
import { startApp } from '../host/startApp.js';
import type * as ViewModule from './meetingView.js';

// The panel's own chunk (the tab's UI chunk holds the whole app). Loaded (it is preloaded) once the first reads are on
// their way (startApp's `load`), as the tab does.
let view: Promise<typeof ViewModule> | undefined;
const loadView = () => (view ??= import(/* webpackChunkName: "tandem-meeting-ui" */ './meetingView.js'));

void startApp(document.getElementById('root')!, async (env, theme) => (await loadView()).meetingView(env, theme), {
  load: loadView,
});
