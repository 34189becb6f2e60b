import { Badge, makeStyles } from '@fluentui/react-components';
import type { HealthStatus } from '@tandem/core';
import { HEALTH_LABELS } from './format.js';

const colors = { onTrack: 'success', atRisk: 'warning', offTrack: 'danger' } as const;

const useStyles = makeStyles({
  root: { whiteSpace: 'nowrap', flexShrink: 0 },
});

/** Props of {@link HealthBadge}. */
export interface HealthBadgeProps {
  health: HealthStatus;
  /** Why, for a tooltip ("progress 40% trails time 60%"). */
  reason?: string;
}

/** On track / at risk / off track, in words and in the theme's status colour. */
export function HealthBadge({ health, reason }: HealthBadgeProps) {
  const styles = useStyles();
  return (
    <Badge appearance="tint" color={colors[health]} shape="rounded" className={styles.root} title={reason}>
      {HEALTH_LABELS[health]}
    </Badge>
  );
}
