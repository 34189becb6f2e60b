/**
 * The personal and channel tab: the whole Tandem app. This bundle signs in and sends the first reads; the store's
 * chunk runs once they have left, and the UI's while their answers travel, so none of them waits for another.
 */
import { startApp } from '../host/startApp.js';
import { firstBatchOnRootSite, firstViewKinds } from './firstView.js';

// The tab's UI (React, Fluent, the app, the page root) is one chunk, preloaded; startApp runs it once the first reads
// are on their way: running its modules takes the main thread for a while, and the requests should not wait behind it.
void startApp(document.getElementById('root')!, () => import(/* webpackChunkName: "tandem-ui" */ './tabView.js'), {
  prefetch: firstViewKinds,
  firstBatchOnRootSite,
});
