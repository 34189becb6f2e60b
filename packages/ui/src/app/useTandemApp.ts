import { useCallback, useEffect, useMemo, useState } from 'react';
import { ENTITY_KINDS, auditedStore, governedStore, loadPortfolio, notifyingStore, type Store } from '@tandem/core';
import { loaderFor } from '../data/PortfolioLoader.js';
import { portfolioData } from '../data/portfolioData.js';
import { hasLoaded } from '../data/portfolioSnapshot.js';
import type { TandemAppProps, TandemAppState } from './TandemApp.types.js';
import type { ViewId } from './views.js';

const noSkippedItems: readonly never[] = [];

/** The app's state: the view shown (following the host's `view` prop and the user's clicks) and the navigation drawer. */
export function useTandemApp(props: TandemAppProps): TandemAppState {
  const { user, theme, canEdit = false, readOnlyReason, onNavigate, teamsTabUrl, notify, postChannelMessage } = props;
  const store = useGovernedStore(props.store, user, notify);
  const [location, setLocation] = useState<{ view: ViewId; key: string | undefined }>({
    view: props.feedbackKey ? 'feedback' : (props.view ?? 'roadmap'),
    key: props.feedbackKey ?? props.objectiveKey,
  });
  const [navOpen, setNavOpenState] = useState(false);
  const [navMounted, setNavMounted] = useState(false);
  const setNavOpen = useCallback((open: boolean) => {
    if (open) setNavMounted(true);
    setNavOpenState(open);
  }, []);

  // The host may navigate too (a deep link, a channel tab's configured view): follow it.
  useEffect(() => {
    if (props.view) setLocation({ view: props.view, key: props.objectiveKey });
  }, [props.view, props.objectiveKey]);

  const navigate = useCallback(
    (view: ViewId, key?: string) => {
      setLocation({ view, key });
      setNavOpen(false);
      onNavigate?.(view, key);
    },
    [onNavigate, setNavOpen],
  );
  const now = useMemo(() => props.now ?? new Date(), [props.now]);

  return {
    store,
    user,
    theme,
    canEdit,
    readOnlyReason,
    teamsTabUrl,
    postChannelMessage,
    skippedItems: props.skippedItems ?? noSkippedItems,
    onSignOut: props.onSignOut,
    now,
    view: location.view,
    objectiveKey: location.key,
    navOpen,
    navMounted,
    setNavOpen,
    navigate,
  };
}

/**
 * The host's store with the site's rules on every write: governance (decision quorum, IT assessment before approval),
 * the audit trail in the signed-in user's name, and, when the host can send them, activity notifications.
 */
function useGovernedStore(store: Store, user: TandemAppProps['user'], notify: TandemAppProps['notify']): Store {
  return useMemo(() => {
    const clock = { now: () => new Date() };
    const audited = auditedStore(governedStore(store, user), user, clock);
    if (!notify) return audited;
    // "Before" comes from the portfolio the views already hold, so a write costs no extra reads.
    const load = async () => {
      const snapshot = loaderFor(wrapped).getSnapshot();
      return snapshot.status === 'ready' && hasLoaded(snapshot, ENTITY_KINDS)
        ? portfolioData(snapshot.tables)
        : loadPortfolio(audited);
    };
    const wrapped: Store = notifyingStore(audited, {
      send: notify,
      clock,
      actor: user,
      load,
      // The change is saved; a notification Teams refused is reported, not a reason to fail the user's edit.
      onSendError: (error) => console.warn('Tandem: activity notifications were not sent', error),
    });
    return wrapped;
  }, [store, user, notify]);
}
