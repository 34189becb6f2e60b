import { Badge, CardHeader, makeStyles, Text, tokens, type BadgeProps } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  meta: { color: tokens.colorNeutralForeground3 },
  badge: { whiteSpace: 'nowrap' },
});

/** Props of {@link StatusCardHeader}. */
export interface StatusCardHeaderProps {
  /** The item's key and name (`KPI-2 Checkout conversion`). */
  title: ReactNode;
  /** One line of context under it: owner, objective, direction. */
  meta: ReactNode;
  /** Where it stands against its target, as a tinted badge that never wraps. */
  status: { label: string; color: BadgeProps['color'] };
}

/** The header of a card that measures something against a target (a KPI, a service's SLA): name, context, status. */
export function StatusCardHeader({ title, meta, status }: StatusCardHeaderProps) {
  const styles = useStyles();
  return (
    <CardHeader
      header={<Text weight="semibold">{title}</Text>}
      description={
        <Text size={200} className={styles.meta}>
          {meta}
        </Text>
      }
      action={
        <Badge appearance="tint" color={status.color} className={styles.badge}>
          {status.label}
        </Badge>
      }
    />
  );
}
