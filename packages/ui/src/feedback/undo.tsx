import { Button, MessageBar, MessageBarActions, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { errorMessage } from './ErrorState.js';

/** How long a notice stays before it goes by itself, in ms. */
const NOTICE_TIMEOUT_MS = 8000;

interface Notice {
  id: number;
  intent: 'success' | 'error';
  message: string;
  undo: (() => Promise<unknown>) | undefined;
}

type ShowNotice = (notice: Omit<Notice, 'id'>) => void;

const NoticeContext = createContext<ShowNotice | undefined>(undefined);

const useStyles = makeStyles({
  region: {
    position: 'sticky',
    bottom: tokens.spacingVerticalM,
    zIndex: 1,
    marginTop: 'auto',
    alignSelf: 'stretch',
  },
});

/** Props of {@link UndoNoticeProvider}. */
export interface UndoNoticeProviderProps {
  children: ReactNode;
}

/**
 * Holds the app's one "what was done — Undo" notice and shows it after its children (TandemApp and MeetingPanel
 * render it). It is a `MessageBar` with role=status, mounted only while shown: a Fluent Toaster leaves hidden focus
 * sentinels on the page that axe reports as focusable-but-hidden, and its toast links lack contrast in dark.
 */
export function UndoNoticeProvider({ children }: UndoNoticeProviderProps) {
  const styles = useStyles();
  const [notice, setNotice] = useState<Notice>();
  const nextId = useRef(0);
  const show = useCallback<ShowNotice>((n) => setNotice({ ...n, id: ++nextId.current }), []);

  // Each notice goes by itself after a while; a newer one replaces it and restarts the clock.
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(
      () => setNotice((current) => (current?.id === notice.id ? undefined : current)),
      NOTICE_TIMEOUT_MS,
    );
    return () => clearTimeout(timer);
  }, [notice]);

  const dismiss = () => setNotice(undefined);
  return (
    <NoticeContext.Provider value={show}>
      {children}
      {notice && (
        <div className={styles.region}>
          <MessageBar key={notice.id} intent={notice.intent} role="status" data-testid="undo-toast">
            <MessageBarBody>{notice.message}</MessageBarBody>
            <MessageBarActions>
              {notice.undo ? (
                <Button
                  size="small"
                  data-testid="undo"
                  onClick={() => {
                    const undo = notice.undo!;
                    dismiss();
                    undo().catch((error: unknown) =>
                      show({
                        intent: 'error',
                        message: `Could not undo: ${errorMessage(error)}. Change it back by hand.`,
                        undo: undefined,
                      }),
                    );
                  }}
                >
                  Undo
                </Button>
              ) : (
                <Button size="small" appearance="transparent" onClick={dismiss}>
                  Dismiss
                </Button>
              )}
            </MessageBarActions>
          </MessageBar>
        </div>
      )}
    </NoticeContext.Provider>
  );
}

/**
 * Shows "what was done" with an Undo action after a change (Teams asks that the user can undo their last action).
 * Without an {@link UndoNoticeProvider} above (a view mounted alone) the notice is simply not shown.
 */
export function useUndoToast(): (message: string, undo?: () => Promise<unknown>) => void {
  const show = useContext(NoticeContext);
  return useCallback(
    (message: string, undo?: () => Promise<unknown>) => show?.({ intent: 'success', message, undo }),
    [show],
  );
}
