/**
 * The personal and channel tab: the whole Tandem app. The UI bundle downloads while teams-js connects and signs in, and
 * runs once the first reads are on their way, so none of them waits for another.
 */
import type { isViewId as IsViewId, TandemApp as TandemAppView, ViewId } from '@tandem/ui';
import { isEntityKey, type EntityKind, type NotificationSink } from '@tandem/core';
import { postChannelMessage } from '@tandem/graph';
import { startApp, type AppEnvironment } from '../host/startApp.js';
import { teamsNotificationSink } from '../host/loopStore.js';
import { landingTarget, objectiveDeepLink } from '../host/deepLinks.js';

// Only what the tab mounts is taken from the UI package (named in the destructuring, so the bundler leaves the rest,
// such as the views loaded on first use, out of the first screen's chunk).
// Loaded (it is already preloaded) once the first reads are on their way (startApp's `load`): running the UI's modules
// takes the main thread for a while, and the requests should not wait behind it.
let ui: Promise<{ TandemApp: typeof TandemAppView; isViewId: typeof IsViewId }> | undefined;
const loadUi = () =>
  (ui ??= import(/* webpackChunkName: "tandem-ui" */ '@tandem/ui').then(({ TandemApp, isViewId }) => ({
    TandemApp,
    isViewId,
  })));

/**
 * What the tab's first screen reads, asked for before the UI has loaded: the roadmap's kinds (the UI's `FIRST_KINDS`,
 * which its loader asks for first). Another landing view waits for the rest either way.
 */
const firstViewKinds: readonly EntityKind[] = ['objective', 'initiative', 'checkIn'];

/** Keeps the page URL in step with navigation, so a reload lands on the same view. */
function rememberView(view: ViewId, key?: string): void {
  const url = new URL(location.href);
  url.searchParams.set('view', view);
  if (key) url.searchParams.set('objective', key);
  else url.searchParams.delete('objective');
  history.replaceState(null, '', url);
}

/** What the tab does through Graph for the app (made once per page, so the app's store stays the same object). */
interface HostActions {
  notify: NotificationSink;
  post(teamId: string, channelId: string, html: string): Promise<{ id: string }>;
}
const actions = new WeakMap<AppEnvironment, HostActions>();
function hostActions(env: AppEnvironment): HostActions {
  let made = actions.get(env);
  if (!made) {
    made = {
      notify: teamsNotificationSink(env.graph),
      post: (teamId, channelId, html) => postChannelMessage(env.graph, teamId, channelId, { html }),
    };
    actions.set(env, made);
  }
  return made;
}

void startApp(
  document.getElementById('root')!,
  async (env, theme) => {
    const { TandemApp, isViewId } = await loadUi();
    const target = landingTarget(location.href, env.host.kind === 'teams' ? env.host.context : undefined);
    const teamsApp = env.config.teamsAppId;
    // A shared feedback link: /tab?feedback=SVC-2.
    const feedbackKey = new URL(location.href).searchParams.get('feedback') ?? '';
    const { notify, post } = hostActions(env);
    return (
      <TandemApp
        store={env.store}
        user={env.user}
        theme={theme}
        {...(isViewId(target.view) ? { view: target.view } : {})}
        {...(target.objectiveKey ? { objectiveKey: target.objectiveKey } : {})}
        canEdit={env.config.mode === 'local' && env.access.canEdit}
        {...(!env.access.canEdit
          ? { readOnlyReason: env.access.readOnlyReason ?? 'Editing is not available here.' }
          : env.config.mode === 'local'
            ? {}
            : { readOnlyReason: 'Scores can be changed by governance members.' })}
        onNavigate={rememberView}
        notify={notify}
        postChannelMessage={post}
        skippedItems={env.skippedItems}
        onSignOut={env.signOut}
        {...(isEntityKey(feedbackKey) ? { feedbackKey } : {})}
        {...(env.host.kind === 'teams' ? { teamsTabUrl: (key: string) => objectiveDeepLink(teamsApp, key) } : {})}
      />
    );
  },
  { prefetch: firstViewKinds, load: loadUi },
);
