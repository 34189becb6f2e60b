import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * The grid of a view's entry form (a check-in, a feedback score): fields side by side as wide as they fit, at least
 * 240 px each, tops aligned so that a field's hint or error never shifts its neighbours; `wide` spans the whole row.
 */
export const useFormGridStyles = makeStyles({
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
  },
  wide: { gridColumn: '1 / -1' },
});
