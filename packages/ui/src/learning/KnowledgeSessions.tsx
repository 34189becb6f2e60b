import { Link as FluentLink, makeStyles, Text, tokens } from '@fluentui/react-components';
import { knowledgeSessions } from '@tandem/core';
import { useMemo } from 'react';
import { portfolioData } from '../data/portfolioData.js';
import type { PortfolioTables } from '../data/portfolioSnapshot.js';
import { formatDateTime } from '../display/format.js';
import { safeHref } from '../links/safeHref.js';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** The knowledge sessions of an objective: meetings tagged as learning, linked to it or its work, newest first. */
export function KnowledgeSessions({ tables, objectiveKey }: { tables: PortfolioTables; objectiveKey: string }) {
  const styles = useStyles();
  const sessions = useMemo(() => knowledgeSessions(portfolioData(tables), objectiveKey), [tables, objectiveKey]);
  if (sessions.length === 0)
    return <Text className={styles.muted}>No knowledge sessions yet: tag a meeting as learning to list it here.</Text>;
  return (
    <ul className={styles.list} aria-label="Knowledge sessions" data-testid="knowledge-sessions">
      {sessions.map((s) => {
        const href = safeHref(s.url);
        return (
          <li key={s.id}>
            {href ? (
              <FluentLink href={href} target="_blank" rel="noreferrer noopener">
                {s.title}
              </FluentLink>
            ) : (
              <Text>{s.title}</Text>
            )}{' '}
            <Text size={200} className={styles.muted}>
              · {s.targetKey} · {formatDateTime(s.occurredAt ?? s.linkedAt)}
              {s.author ? ` · ${s.author.displayName}` : ''}
            </Text>
          </li>
        );
      })}
    </ul>
  );
}
