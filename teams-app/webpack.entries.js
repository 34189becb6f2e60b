// The pages of the Microsoft 365 app, one bundle each. To add a page (the Outlook task pane, say), add a row:
// `name` names the bundle and its HTML file, `route` is where the app server serves it, `import` is its entry module,
// `css` its stylesheets from src/pages in order (app.css is the base of every app page), `body` the page's markup
// (a `#root` for React pages), `scripts` named scripts loaded first (office.js), `preload` the lazy chunks its first
// screen needs (fetched beside the entry bundle), and `compileWhole` those of them whose code nearly all runs as the
// page starts: they open with V8's explicit compile hint (`//# allFunctionsCalledOnLoad`), so the engine compiles them
// whole, once, as they load, rather than parsing each function a second time on the main thread when it is first
// called. Measured on the tab's UI chunk: ~55 ms of main-thread compiling gone from its start, and less CPU in all.
// The tab's store chunk is compiled whole too: the tab's first batch leaves before it runs (see src/host/startApp.tsx),
// so its running is on the way to the first screen. The core chunk it shares with the UI stays lazy: it is mostly zod,
// of which a page runs little, and compiling it whole cost more background CPU for no first bar measurably sooner.

/** @typedef {{ name: string, route: string, import: string, title: string, css: string[], body?: string, scripts?: string[], preload?: string[], compileWhole?: string[] }} PageEntry */

const reactRoot = '<div id="root"><p class="tandem-loading" role="status">Loading Tandem…</p></div>';
// The Teams pages start empty: laying out any text while a page starts held the main thread for 10-70 ms (the first
// text a fresh page draws loads its fonts), in the way of the scripts that sign in and draw. Teams shows its own
// loading indicator meanwhile (showLoadingIndicator in the manifest); in a browser tab the page says it is loading
// when its first draw takes a while (src/host/startApp.tsx).
const teamsRoot = '<div id="root"></div>';

/** @type {PageEntry[]} */
export const pageEntries = [
  {
    name: 'tab',
    route: '/tab',
    import: './src/tab/index.tsx',
    title: 'Tandem',
    css: ['app.css'],
    body: teamsRoot,
    // tandem-store: the Graph client and the store, run once the first batch has left; tandem-ui: React, Fluent, the
    // app and the page's root (see src/host/startApp.tsx); teams-js: run only when Teams hosts the page. tandem-core,
    // what the store shares with the UI (core, zod), comes with the store's chunk.
    preload: ['tandem-store', 'tandem-ui', 'teams-js'],
    compileWhole: ['tandem-ui', 'tandem-store'],
  },
  {
    name: 'config',
    route: '/config',
    import: './src/config/index.tsx',
    title: 'Set up Tandem',
    css: ['app.css'],
    body: reactRoot,
  },
  {
    name: 'meeting',
    route: '/meeting',
    import: './src/meeting/index.tsx',
    title: 'Tandem in this meeting',
    css: ['app.css'],
    body: teamsRoot,
    // tandem-store: the Graph client and the store; tandem-meeting-ui: React, Fluent, the panel and the page's root
    // (see src/host/startApp.tsx); teams-js: run only when Teams hosts the page.
    preload: ['tandem-store', 'tandem-meeting-ui', 'teams-js'],
    compileWhole: ['tandem-meeting-ui'],
  },
  {
    name: 'outlook-taskpane',
    route: '/outlook/taskpane',
    import: './src/outlook/index.tsx',
    title: 'Tandem',
    css: ['app.css', 'outlook.css'],
    body: reactRoot,
    scripts: ['officeJs'],
  },
  {
    name: 'teams-host',
    route: '/teams-host',
    import: './src/teams-host/index.ts',
    title: 'Tandem in a Teams host',
    css: ['teams-host.css'],
    body: [
      '<header class="host-bar">',
      '<h1>Teams host (local)</h1>',
      '<label>Theme <select id="host-theme"><option value="default">Light</option><option value="dark">Dark</option>',
      '<option value="contrast">High contrast</option></select></label>',
      '<button id="host-save" type="button" disabled hidden>Save</button>',
      '</header>',
      '<p id="host-status" role="status"></p>',
      '<main class="host-stage"><iframe id="app-frame"></iframe></main>',
    ].join(''),
  },
];
