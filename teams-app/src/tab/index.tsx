/**
 * The personal and channel tab: the whole Tandem app. The UI bundle loads while teams-js connects, so neither waits
 * for the other.
 */
import type { ViewId } from '@tandem/ui';
import { startApp } from '../host/startApp.js';
import { landingTarget, objectiveDeepLink } from '../host/deepLinks.js';

const ui = import(/* webpackChunkName: "tandem-ui" */ '@tandem/ui');

/** Keeps the page URL in step with navigation, so a reload lands on the same view. */
function rememberView(view: ViewId, key?: string): void {
  const url = new URL(location.href);
  url.searchParams.set('view', view);
  if (key) url.searchParams.set('objective', key);
  else url.searchParams.delete('objective');
  history.replaceState(null, '', url);
}

void startApp(document.getElementById('root')!, async (env, theme) => {
  const { TandemApp, isViewId } = await ui;
  const target = landingTarget(location.href, env.host.kind === 'teams' ? env.host.context : undefined);
  const teamsApp = env.config.teamsAppId;
  return (
    <TandemApp
      store={env.store}
      user={env.user}
      theme={theme}
      {...(isViewId(target.view) ? { view: target.view } : {})}
      {...(target.objectiveKey ? { objectiveKey: target.objectiveKey } : {})}
      canEdit={env.config.mode === 'local'}
      {...(env.config.mode === 'local' ? {} : { readOnlyReason: 'Scores can be changed by governance members.' })}
      onNavigate={rememberView}
      {...(env.host.kind === 'teams' ? { teamsTabUrl: (key: string) => objectiveDeepLink(teamsApp, key) } : {})}
    />
  );
});
