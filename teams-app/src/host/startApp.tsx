/**
 * The one place each page wires the pieces: connect to the host (Teams or a browser), sign in, open the store, render,
 * follow theme changes, and tell Teams when the page has loaded or failed.
 */
import type { ReactElement } from 'react';
import type { EntityKind, PersonRef, Store } from '@tandem/core';
import { defaultScopes, sendEarly, type GraphClient } from '@tandem/graph';
import type { SkippedItem, TandemThemeName } from '@tandem/ui';
import { connectToHost, notifyLoaded, notifyLoadFailed, onThemeChange, type HostConnection } from './teamsHost.js';
import { readRuntimeConfig, type RuntimeConfig } from './runtimeConfig.js';
import { localUser, sessionFor } from './signIn.js';
import type { SiteAccess } from './siteAccess.js';
import type { PageRoot } from './pageRoot.js';

/** Everything a page's view needs once the host is connected and the store open. */
export interface AppEnvironment {
  config: RuntimeConfig;
  host: HostConnection;
  store: Store;
  /** The Graph client under the store, for meetings and mail. */
  graph: GraphClient;
  user: PersonRef;
  /** The site the lists live on, from the tab's configuration (`?site=`), else the root site. */
  site: string;
  /** Whether the user may edit; turns read-only (with the reason) once the site refuses a write. Pass it to the UI. */
  access: SiteAccess;
  /** List items the store skipped because they failed validation; the page names them in a warning. Pass it to the UI. */
  skippedItems: readonly SkippedItem[];
  /** Ends Tandem's session only (never Teams') and shows "Signed out — Sign in". Pass it to the UI's Sign out. */
  signOut(): void;
}

/**
 * A page's UI, in one chunk of its own (preloaded beside the entry bundle): React, Fluent, the page's view and its root.
 * Loaded once the first reads are sent, so that its modules run while the answers travel rather than after them.
 */
export interface PageUi {
  /** The page's React root (see `pageRoot.tsx`): every page module re-exports it. */
  createPageRoot(element: HTMLElement, firstTheme: TandemThemeName): PageRoot;
  /** What the page draws; called again with the new theme on every Teams theme change. */
  view(env: AppEnvironment, theme: TandemThemeName): ReactElement | Promise<ReactElement>;
}

/** How a page starts. */
export interface StartOptions {
  /**
   * The kinds the page's first view reads: asked for as soon as the store is open, while the UI still loads, and
   * handed to the view's first query of each (see {@link openSite}).
   */
  prefetch?: readonly EntityKind[];
  /**
   * The `$batch` body the store sends first on the root site when it reads `prefetch` (the tab's is generated: see
   * `tab/firstView.ts`). The page sends it itself as soon as it has a token, before the store's chunk has run, and the
   * store's first batch takes its answer (see `sendEarly`).
   */
  firstBatchOnRootSite?: string;
}

/** Renders a page from its UI module (`ui` imports it; see {@link PageUi}). */
export async function startApp(
  rootElement: HTMLElement,
  ui: () => Promise<PageUi>,
  options: StartOptions = {},
): Promise<void> {
  // This bundle holds only what signs in, so that the token is asked for as soon as the page runs. The store (the Graph
  // client, the schemas, the lists) comes with its own chunk, preloaded beside this bundle. When the page knows its first
  // batch, the chunk runs once that batch has left with the token, so that neither waits behind the chunk's ~45 ms of
  // main thread; else it runs while the token travels. React and Fluent come with the UI's chunk, run once the first
  // reads have gone out, while the answers travel.
  const site = new URL(location.href).searchParams.get('site') || 'root';
  const firstBatch = site === 'root' ? options.firstBatchOnRootSite : undefined;
  const storeModules = firstBatch === undefined ? loadStoreModules() : undefined;
  storeModules?.catch(() => undefined); // surfaces below, where the store is opened
  const config = readRuntimeConfig();
  const host = await connectToHost();
  document.documentElement.dataset.host = host.kind;
  const status = pendingStatus(rootElement, host);
  let loadedUi: Promise<PageUi> | undefined;
  const pageUi = () => (loadedUi ??= ui());
  let pageRoot: Promise<PageRoot> | undefined;
  const root = (): Promise<PageRoot> => (pageRoot ??= pageUi().then((m) => m.createPageRoot(rootElement, host.theme)));
  try {
    // Every read re-reports a bad item: keep each once, log it, and redraw with the warning.
    const skipped = new Map<string, SkippedItem>();
    // Redraws the page with the warning; a skip heard before the first draw (the first reads can be answered before the
    // site is open) is in that draw anyway.
    let redraw = (): void => undefined;
    const session = sessionFor(config, host);
    // Signed in first, so that every request below is sent the moment it is made: the UI's modules, loaded next, take
    // the main thread for a while, and no request should wait behind them.
    const token = await session.tokenProvider.getToken([...defaultScopes]);
    if (firstBatch !== undefined) {
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      sendEarly('POST', `${config.graphBaseUrl}/$batch`, headers, firstBatch);
    }
    const { openSite, accessAwareStore } = await (storeModules ?? loadStoreModules());
    const opening = openSite(
      config.graphBaseUrl,
      session.tokenProvider,
      site,
      (kind, error) => {
        if (skipped.has(error.message)) return;
        console.warn(`Tandem skipped ${error.message}`);
        skipped.set(error.message, { kind, message: error.message });
        redraw();
      },
      options.prefetch,
    );
    // Failures surface where the page draws (below), which waits for these same promises.
    root().catch(() => undefined);
    const opened = await opening;
    let theme = host.theme;
    const env: AppEnvironment = {
      config,
      host,
      // A write refused with 403 turns the page read-only and redraws it with the reason.
      store: accessAwareStore(opened.store, (access) => {
        env.access = access;
        void draw();
      }),
      graph: opened.graph,
      user: currentUser(config, host),
      site,
      access: { canEdit: true },
      get skippedItems() {
        return [...skipped.values()];
      },
      signOut: () => {
        session.signOut().then(
          async () =>
            (await root()).showSignedOut(theme, () => {
              // Local mode signs in again in place; MSAL signs in as the page loads.
              if (session.signIn) void session.signIn().then(draw);
              else location.reload();
            }),
          async (error: unknown) => (await root()).showFailure(theme, error, { activity: 'signing out' }),
        );
      },
    };
    const draw = async () => {
      const drawing = theme;
      const element = await (await pageUi()).view(env, drawing);
      // The theme changed while this draw waited (for the theme's chunk, say): the draw that change made has it.
      if (drawing !== theme) return;
      status.clear();
      (await root()).draw(element, drawing);
    };
    redraw = () => void draw();
    onThemeChange(host, (next) => {
      theme = next;
      void draw();
    });
    await draw();
    notifyLoaded(host);
  } catch (error) {
    notifyLoadFailed(host, error instanceof Error ? error.message : String(error));
    status.clear();
    (await root()).showFailure(host.theme, error);
  }
}

/** The modules that open the store, in one chunk apart from the entry's (see {@link startApp}). */
async function loadStoreModules() {
  const [{ openSite }, { accessAwareStore }] = await Promise.all([
    import(/* webpackChunkName: "tandem-store" */ './openStore.js'),
    import(/* webpackChunkName: "tandem-store" */ './siteAccess.js'),
  ]);
  return { openSite, accessAwareStore };
}

/** How long a page in a browser tab waits for its first draw before it says it is loading. */
const statusDelayMs = 400;

/**
 * "Loading Tandem…" in the empty page, once its first draw has taken {@link statusDelayMs} (signing in to a tenant can
 * take seconds). Teams shows its own indicator until the page reports it has loaded, so there it is never shown; and a
 * page that draws sooner never lays the text out, which at start-up costs 10-70 ms of the main thread.
 */
function pendingStatus(rootElement: HTMLElement, host: HostConnection): { clear(): void } {
  if (host.kind === 'teams') return { clear: () => undefined };
  const timer = setTimeout(() => {
    if (rootElement.hasChildNodes()) return;
    const text = document.createElement('p');
    text.className = 'tandem-loading';
    text.setAttribute('role', 'status');
    text.textContent = 'Loading Tandem…';
    rootElement.append(text);
  }, statusDelayMs);
  return { clear: () => clearTimeout(timer) };
}

function currentUser(config: RuntimeConfig, host: HostConnection): PersonRef {
  const teamsUser = host.kind === 'teams' ? host.context.user : undefined;
  const email = config.mode === 'local' ? localUser(config, host) : (teamsUser?.userPrincipalName ?? config.localUser);
  return { email, displayName: teamsUser?.displayName || nameFromEmail(email) };
}

/** `adele.vance@contoso.test` → `Adele Vance`, for a display name when the host gives none. */
function nameFromEmail(email: string): string {
  const local = email.split('@')[0] ?? email;
  return local
    .split(/[._-]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join(' ');
}
