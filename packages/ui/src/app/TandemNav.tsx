import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { VIEW_ENTRIES, type ViewId } from './views.js';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  item: { width: '100%', justifyContent: 'flex-start', fontWeight: tokens.fontWeightRegular },
  current: {
    backgroundColor: tokens.colorSubtleBackgroundSelected,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
});

/** Props of {@link TandemNav}. */
export interface TandemNavProps {
  /** The view shown now; its entry is marked `aria-current="page"`. */
  current: ViewId;
  /** Called when the user picks a view. */
  onSelect(view: ViewId): void;
}

/** The left navigation: icons with inline text, as Teams asks of in-tab navigation (never an icon-only rail). */
export function TandemNav({ current, onSelect }: TandemNavProps) {
  const styles = useStyles();
  return (
    <nav aria-label="Tandem views">
      <ul className={styles.list}>
        {VIEW_ENTRIES.map(({ id, label, icon: Icon }) => (
          <li key={id}>
            <Button
              appearance="subtle"
              icon={<Icon />}
              className={mergeClasses(styles.item, id === current && styles.current)}
              aria-current={id === current ? 'page' : undefined}
              data-testid={`nav-${id}`}
              onClick={() => onSelect(id)}
            >
              {label}
            </Button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
