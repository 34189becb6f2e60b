/**
 * Standalone mode (a plain browser, no Outlook): the user picks one of their recent messages or meetings, read through
 * Graph, and the pane works on it as it would in Outlook.
 */
import { useEffect, useState } from 'react';
import { Button, MessageBar, MessageBarBody, Spinner, ToggleButton } from '@fluentui/react-components';
import { meetingsBetween, recentMessages, type GraphClient, type MailboxItemSummary } from '@tandem/graph';
import { usePaneStyles } from './paneStyles.js';

/** Props of {@link ItemPicker}. */
export interface ItemPickerProps {
  client: GraphClient;
  selectedId: string | undefined;
  onPick(item: MailboxItemSummary): void;
  /** Today, the middle of the meeting window. */
  now?: Date;
}

const day = 24 * 60 * 60 * 1000;

/** Recent mail and meetings of the signed-in user. */
export function ItemPicker({ client, selectedId, onPick, now }: ItemPickerProps) {
  const styles = usePaneStyles();
  const [tab, setTab] = useState<'mail' | 'meetings'>('mail');
  const [items, setItems] = useState<MailboxItemSummary[]>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    setItems(undefined);
    setError(undefined);
    const today = (now ?? new Date()).getTime();
    const load =
      tab === 'mail'
        ? recentMessages(client, 15)
        : meetingsBetween(client, new Date(today - 30 * day), new Date(today + 30 * day), 15);
    load.then(setItems, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [client, tab, now]);

  return (
    <section className={styles.section} aria-labelledby="picker-heading">
      <h2 id="picker-heading" className={styles.sectionTitle}>
        Pick an item from your mailbox
      </h2>
      <div role="group" aria-label="Show" className={styles.actions}>
        <ToggleButton size="small" checked={tab === 'mail'} onClick={() => setTab('mail')}>
          Recent mail
        </ToggleButton>
        <ToggleButton size="small" checked={tab === 'meetings'} onClick={() => setTab('meetings')}>
          Meetings
        </ToggleButton>
      </div>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>
            Could not read your {tab === 'mail' ? 'mail' : 'calendar'}: {error}
          </MessageBarBody>
        </MessageBar>
      )}
      {!items && !error && <Spinner size="tiny" label="Reading your mailbox…" />}
      {items && items.length === 0 && <p className={styles.meta}>Nothing here yet.</p>}
      {items && items.length > 0 && (
        <ul className={styles.list} data-testid="picker-list" aria-label={tab === 'mail' ? 'Recent mail' : 'Meetings'}>
          {items.map((item) => (
            <li key={item.id}>
              <Button
                className={styles.pickItem}
                appearance={item.id === selectedId ? 'primary' : 'subtle'}
                aria-pressed={item.id === selectedId}
                onClick={() => onPick(item)}
              >
                <span className={styles.pickText}>
                  <span>{item.subject || '(no subject)'}</span>
                  <span className={styles.pickMeta}>
                    {item.from?.displayName ?? ''}
                    {item.occurredAt ? ` · ${item.occurredAt.slice(0, 10)}` : ''}
                    {item.keys.length ? ` · ${item.keys.join(', ')}` : ''}
                  </span>
                </span>
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
