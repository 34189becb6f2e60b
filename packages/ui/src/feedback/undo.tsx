import {
  Button,
  Toast,
  ToastBody,
  ToastTitle,
  ToastTrigger,
  Link as FluentLink,
  useToastController,
} from '@fluentui/react-components';
import { useCallback } from 'react';
import { errorMessage } from './ErrorState.js';

/** The id of the app's one toaster (rendered by TandemApp and MeetingPanel). */
export const TOASTER_ID = 'tandem-toaster';

/**
 * Shows "what was done" with an Undo action after a change (Teams asks that the user can undo their last action).
 * Without a toaster on the page (a view mounted alone) the toast is simply not shown.
 */
export function useUndoToast(): (message: string, undo?: () => Promise<unknown>) => void {
  const { dispatchToast, dismissToast } = useToastController(TOASTER_ID);
  return useCallback(
    (message: string, undo?: () => Promise<unknown>) => {
      const toastId = `undo-${Date.now()}-${Math.random()}`;
      dispatchToast(
        <Toast data-testid="undo-toast">
          <ToastTitle
            action={
              undo ? (
                <FluentLink
                  as="button"
                  data-testid="undo"
                  onClick={() => {
                    dismissToast(toastId);
                    undo().catch((error: unknown) =>
                      dispatchToast(
                        <Toast>
                          <ToastTitle>Could not undo</ToastTitle>
                          <ToastBody>{errorMessage(error)}. Change it back by hand.</ToastBody>
                        </Toast>,
                        { intent: 'error' },
                      ),
                    );
                  }}
                >
                  Undo
                </FluentLink>
              ) : (
                <ToastTrigger>
                  <Button appearance="transparent" size="small">
                    Dismiss
                  </Button>
                </ToastTrigger>
              )
            }
          >
            {message}
          </ToastTitle>
        </Toast>,
        { toastId, intent: 'success', timeout: 8000 },
      );
    },
    [dispatchToast, dismissToast],
  );
}
