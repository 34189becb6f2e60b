import { Button, FluentProvider, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { Navigation20Regular } from '@fluentui/react-icons/svg/navigation';
import { Suspense } from 'react';
import { LoadBoundary } from '../feedback/LoadBoundary.js';
import { lazyPart } from './lazyPart.js';
import { fluentThemeFor } from './themes.js';
import { TandemNav } from './TandemNav.js';
import { SignOutButton } from './SignOutButton.js';
import { UndoNoticeProvider } from '../feedback/undo.js';
import { SkippedItemsBar } from '../feedback/SkippedItemsBar.js';
import { VIEW_ENTRIES } from './views.js';
import { renderView } from './renderView.js';
import type { TandemAppState } from './TandemApp.types.js';
import type { useTandemAppStyles } from './useTandemAppStyles.styles.js';

/** The navigation drawer, loaded the first time it is opened, or when the pointer or focus comes to its button. */
const navDrawer = lazyPart(
  () => import('./NavDrawer.js'),
  (m) => m.NavDrawer,
);

/** Renders {@link TandemApp} from its state. */
export function renderTandemApp(state: TandemAppState, styles: ReturnType<typeof useTandemAppStyles>) {
  const label = VIEW_ENTRIES.find((v) => v.id === state.view)?.label ?? '';
  return (
    // No classes on the provider: Fluent copies them onto its portals (menus, listboxes), where a full-height
    // layout would cover the page. The layout lives on the inner element.
    <FluentProvider theme={fluentThemeFor(state.theme)} data-theme={state.theme}>
      <div className={styles.root}>
        <aside className={styles.side}>
          <TandemNav current={state.view} onSelect={(v) => state.navigate(v)} />
          {state.onSignOut && <SignOutButton user={state.user} onSignOut={state.onSignOut} />}
        </aside>
        <div className={styles.topBar}>
          <Button
            appearance="subtle"
            icon={<Navigation20Regular />}
            aria-label="Open navigation"
            aria-expanded={state.navOpen}
            data-testid="nav-open"
            onClick={() => state.setNavOpen(true)}
            onPointerEnter={navDrawer.preload}
            onFocus={navDrawer.preload}
          />
          <Text weight="semibold" className={styles.topBarTitle}>
            {label}
          </Text>
          {state.onSignOut && <SignOutButton user={state.user} onSignOut={state.onSignOut} compact />}
        </div>
        {/* Mounted only once opened: a Fluent dialog, even closed, adds focus sentinels that axe reports as
            hidden-but-focusable; once opened it stays, as unmounting it while open left the page aria-hidden. */}
        {state.navMounted && (
          <LoadBoundary what="the navigation">
            <Suspense fallback={null}>
              <navDrawer.Component
                open={state.navOpen}
                setOpen={state.setNavOpen}
                current={state.view}
                onSelect={(v) => state.navigate(v)}
              />
            </Suspense>
          </LoadBoundary>
        )}
        <main className={styles.main}>
          {!state.canEdit && state.readOnlyReason && (
            <MessageBar intent="info" data-testid="read-only">
              <MessageBarBody>{state.readOnlyReason}</MessageBarBody>
            </MessageBar>
          )}
          <SkippedItemsBar items={state.skippedItems} />
          <UndoNoticeProvider>{renderView(state)}</UndoNoticeProvider>
        </main>
      </div>
    </FluentProvider>
  );
}
