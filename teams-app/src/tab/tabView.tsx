/**
 * The tab's UI module (see `PageUi`): the whole Tandem app on the store `startApp` opened, in the UI's chunk (see
 * index.tsx), so that the tab's entry holds only what signs in and starts the first reads.
 */
import type { ReactElement } from 'react';
import { TandemApp, isViewId, loadTheme, type TandemThemeName, type ViewId } from '@tandem/ui';
import { isEntityKey, type NotificationSink } from '@tandem/core';
import { postChannelMessage } from '@tandem/graph';
import type { AppEnvironment } from '../host/startApp.js';
import { teamsNotificationSink } from '../host/loopStore.js';
import { landingTarget, objectiveDeepLink } from '../host/deepLinks.js';

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

export { createPageRoot } from '../host/pageRoot.js';

/** The tab's page for `env` in `theme`; drawn again on every theme change and on every change of access. */
export async function view(env: AppEnvironment, theme: TandemThemeName): Promise<ReactElement> {
  // A dark or high-contrast theme is drawn in, not the light one standing in for it.
  await loadTheme(theme);
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
}
