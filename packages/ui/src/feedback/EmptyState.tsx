import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalXL,
    color: tokens.colorNeutralForeground2,
  },
});

/** Props of {@link EmptyState}. */
export interface EmptyStateProps {
  /** What is missing ("No initiatives yet"). */
  title: string;
  /** What to do about it ("Add one from the portfolio, or run `tandem seed`"). */
  hint: string;
  /** An optional action (a button) placed under the hint. */
  action?: ReactNode;
}

/** An empty view that says what to do next, instead of a blank page. */
export function EmptyState({ title, hint, action }: EmptyStateProps) {
  const styles = useStyles();
  return (
    <div className={styles.root} role="status" data-testid="empty">
      <Text weight="semibold" size={400}>
        {title}
      </Text>
      <Text>{hint}</Text>
      {action}
    </div>
  );
}
