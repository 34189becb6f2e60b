import { Badge } from '@fluentui/react-components';
import type { HealthStatus } from '@tandem/core';
import { HEALTH_LABELS } from './format.js';

const colors = { onTrack: 'success', atRisk: 'warning', offTrack: 'danger' } as const;

/** Props of {@link HealthBadge}. */
export interface HealthBadgeProps {
  health: HealthStatus;
}

/** On track / at risk / off track, in words and in the theme's status colour. */
export function HealthBadge({ health }: HealthBadgeProps) {
  return (
    <Badge appearance="tint" color={colors[health]} shape="rounded">
      {HEALTH_LABELS[health]}
    </Badge>
  );
}
