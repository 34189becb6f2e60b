import { makeStyles, shorthands, tokens } from '@fluentui/react-components';

/** Below this width the read-only score inputs (the score and the rank stay) give their room to the initiative column. */
const NARROW_PX = 900;

/** Styles of {@link PortfolioView}. */
export const usePortfolioViewStyles = makeStyles({
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'center', flexWrap: 'wrap' },
  // The table scrolls sideways inside its own region if it must; the page never does.
  tableRegion: { overflowX: 'auto', maxWidth: '100%' },
  // Keeps the initiative column at least ~220 px wide, so titles wrap by words, never letter by letter.
  table: { tableLayout: 'fixed', width: '100%', minWidth: '560px' },
  tableReadOnly: { [`@media (max-width: ${NARROW_PX - 1}px)`]: { minWidth: '320px' } },
  lowPriority: { [`@media (max-width: ${NARROW_PX - 1}px)`]: { display: 'none' } },
  rankCol: { width: '60px' },
  inputCol: { width: '56px' },
  scoreCol: { width: '52px' },
  // At most two lines, then an ellipsis; the whole title is in the tooltip (title attribute).
  title: {
    display: '-webkit-box',
    WebkitLineClamp: 2,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
    overflowWrap: 'break-word',
  },
  meta: {
    display: 'block',
    color: tokens.colorNeutralForeground3,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
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
