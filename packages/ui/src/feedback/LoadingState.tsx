import { makeStyles, Skeleton, SkeletonItem, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';

/**
 * How long a view loads before its skeleton is drawn. A view whose data is there within it (the tab's first view, whose
 * reads left before its code had loaded) is drawn without a skeleton flashing first, and without the skeleton's cost
 * (~8 ms of a page's start in Chromium) on the way to it.
 */
const skeletonDelayMs = 150;

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

/**
 * A Fluent skeleton shown while a view's data loads, so the tab answers at once (Teams asks for feedback within 2 s):
 * after {@link skeletonDelayMs}; until then an empty area that says, to assistive technology, what is loading.
 */
export function LoadingState({ label, rows = 6 }: LoadingStateProps) {
  const styles = useStyles();
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setDrawn(true), skeletonDelayMs);
    return () => clearTimeout(timer);
  }, []);
  if (!drawn)
    return <div role="progressbar" aria-busy aria-label={label} className={styles.root} data-testid="loading" />;
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
