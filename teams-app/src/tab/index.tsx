/**
 * The personal and channel tab: the whole Tandem app. This bundle signs in and starts the first reads; the store's
 * chunk runs while the token travels, and the UI's once the reads are on their way, so none of them waits for another.
 */
import type { EntityKind } from '@tandem/core';
import { startApp } from '../host/startApp.js';

/**
 * What the tab's first screen reads, asked for before the UI has loaded: the roadmap's kinds (the UI's `FIRST_KINDS`,
 * which its loader asks for first). Another landing view waits for the rest either way.
 */
const firstViewKinds: readonly EntityKind[] = ['objective', 'initiative', 'checkIn'];

// The tab's UI (React, Fluent, the app, the page root) is one chunk, preloaded; startApp runs it once the first reads
// are on their way: running its modules takes the main thread for a while, and the requests should not wait behind it.
void startApp(document.getElementById('root')!, () => import(/* webpackChunkName: "tandem-ui" */ './tabView.js'), {
  prefetch: firstViewKinds,
});
