import { makeStyles, Skeleton, SkeletonItem, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingVerticalM },
  row: { display: 'grid', gridTemplateColumns: '32px 1fr 20%', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

/** Props of {@link LoadingState}. */
export interface LoadingStateProps {
  /** What is loading, for screen readers ("Loading the roadmap"). */
  label: string;
  /** How many placeholder rows to draw. @default 6 */
  rows?: number;
}

/** A Fluent skeleton shown while a view's data loads, so the tab answers at once (Teams asks for feedback within 2 s). */
export function LoadingState({ label, rows = 6 }: LoadingStateProps) {
  const styles = useStyles();
  return (
    <Skeleton aria-label={label} className={styles.root} data-testid="loading">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className={styles.row}>
          <SkeletonItem shape="circle" size={32} />
          <SkeletonItem size={16} />
          <SkeletonItem size={16} />
        </div>
      ))}
    </Skeleton>
  );
}
