import { useCallback, useEffect, useMemo, useState } from 'react';
import type { TandemAppProps, TandemAppState } from './TandemApp.types.js';
import type { ViewId } from './views.js';

/** The app's state: the view shown (following the host's `view` prop and the user's clicks) and the navigation drawer. */
export function useTandemApp(props: TandemAppProps): TandemAppState {
  const { store, user, theme, canEdit = false, readOnlyReason, onNavigate, teamsTabUrl } = props;
  const [location, setLocation] = useState<{ view: ViewId; key: string | undefined }>({
    view: props.view ?? 'roadmap',
    key: props.objectiveKey,
  });
  const [navOpen, setNavOpen] = useState(false);

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
    [onNavigate],
  );
  const now = useMemo(() => props.now ?? new Date(), [props.now]);

  return {
    store,
    user,
    theme,
    canEdit,
    readOnlyReason,
    teamsTabUrl,
    now,
    view: location.view,
    objectiveKey: location.key,
    navOpen,
    setNavOpen,
    navigate,
  };
}
