import { makeStyles, shorthands, tokens } from '@fluentui/react-components';

/** Styles of {@link PortfolioView}. */
export const usePortfolioViewStyles = makeStyles({
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'center', flexWrap: 'wrap' },
  table: { tableLayout: 'fixed', width: '100%' },
  rankCol: { width: '60px' },
  inputCol: { width: '56px' },
  scoreCol: { width: '52px' },
  title: { display: 'block', overflowWrap: 'anywhere' },
  meta: { display: 'block', color: tokens.colorNeutralForeground3 },
  input: { width: '100%', minWidth: 0 },
  up: { color: tokens.colorStatusSuccessForeground1, whiteSpace: 'nowrap' },
  down: { color: tokens.colorStatusDangerForeground1, whiteSpace: 'nowrap' },
  same: { color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap' },
  rank: { display: 'flex', flexDirection: 'column' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXS, flexWrap: 'wrap' },
  edited: { backgroundColor: tokens.colorNeutralBackground1Selected },
  // Read by screen readers, not shown.
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0, 0, 0, 0)',
    whiteSpace: 'nowrap',
    ...shorthands.borderWidth(0),
  },
  invalid: { color: tokens.colorStatusDangerForeground1, fontSize: tokens.fontSizeBase100 },
});
