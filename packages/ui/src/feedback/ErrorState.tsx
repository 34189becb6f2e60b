import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

/** Props of {@link ErrorState}. */
export interface ErrorStateProps {
  /** What happened, in the user's words ("The roadmap could not be loaded"). */
  title: string;
  /** The error, whose message is shown as text. */
  error: unknown;
  /** What to try ("Check your connection and retry"). */
  hint: string;
  /** Called by the Retry button; without it no button is shown. */
  onRetry?: () => void;
  /** The retry button's words. @default Retry */
  retryLabel?: string;
}

/** The message of an unknown thrown value, as plain text. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'Unknown error';
}

/** An error that says what happened and what to try, with an optional retry. */
export function ErrorState({ title, error, hint, onRetry, retryLabel = 'Retry' }: ErrorStateProps) {
  return (
    <MessageBar intent="error" layout="multiline" data-testid="error">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {errorMessage(error)}. {hint}
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button onClick={onRetry}>{retryLabel}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
