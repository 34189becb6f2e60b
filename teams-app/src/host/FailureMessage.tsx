/**
 * A failure as every page shows it (see `describeFailure`): what went wrong as the title, what to try, and what Graph or
 * sign-in said under it in small print, for whoever is asked for help. The tab, the meeting panel and the Outlook pane.
 */
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text, tokens } from '@fluentui/react-components';
import type { PageFailure } from './pageFailure.js';

const useStyles = makeStyles({
  // Graph's messages carry long unbroken paths: they wrap, even in the 280 px meeting panel.
  detail: { margin: `${tokens.spacingVerticalS} 0 0`, overflowWrap: 'anywhere' },
});

export function FailureMessage({ failure }: { failure: PageFailure }) {
  const styles = useStyles();
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{failure.title}</MessageBarTitle>
        {failure.advice}
        <Text as="p" size={200} block className={styles.detail} data-testid="failure-detail">
          {failure.detail}
        </Text>
      </MessageBarBody>
    </MessageBar>
  );
}
