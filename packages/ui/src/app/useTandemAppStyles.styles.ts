import { makeStyles, tokens } from '@fluentui/react-components';

/** Below this width the left navigation folds into a hamburger menu (a 720 px Teams window must not scroll sideways). */
export const NAV_BREAKPOINT_PX = 900;

/** Styles of {@link TandemApp}. */
export const useTandemAppStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: '240px minmax(0, 1fr)',
    gridTemplateRows: 'minmax(0, 1fr)',
    height: '100%',
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    [`@media (max-width: ${NAV_BREAKPOINT_PX - 1}px)`]: {
      gridTemplateColumns: 'minmax(0, 1fr)',
      gridTemplateRows: 'auto minmax(0, 1fr)',
    },
  },
  side: {
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    // Teams asks for 20 px clear of its own app bar at the left edge.
    paddingLeft: '20px',
    paddingTop: tokens.spacingVerticalM,
    [`@media (max-width: ${NAV_BREAKPOINT_PX - 1}px)`]: { display: 'none' },
  },
  topBar: {
    display: 'none',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    [`@media (max-width: ${NAV_BREAKPOINT_PX - 1}px)`]: { display: 'flex' },
  },
  topBarTitle: { flexGrow: 1, minWidth: 0 },
  main: {
    minWidth: 0,
    overflowX: 'hidden',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
});
