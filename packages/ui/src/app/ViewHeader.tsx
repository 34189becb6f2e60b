import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, flexGrow: 1, minWidth: '240px' },
  title: { margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
});

/** Props of {@link ViewHeader}. */
export interface ViewHeaderProps {
  /** The view's heading (the one `h1` of the page). */
  title: ReactNode;
  /** One line on what the view is for. */
  description?: ReactNode;
  /** Filters, switches and buttons, right of the title (wrapping under it on narrow windows). */
  actions?: ReactNode;
}

/** A view's title, description and actions. Not an app header: Teams shows the app's name already. */
export function ViewHeader({ title, description, actions }: ViewHeaderProps) {
  const styles = useStyles();
  return (
    <header className={styles.root}>
      <div className={styles.text}>
        <Text as="h1" size={600} weight="semibold" className={styles.title}>
          {title}
        </Text>
        {description && <Text>{description}</Text>}
      </div>
      {actions && <div className={styles.actions}>{actions}</div>}
    </header>
  );
}
