/**
 * Reading a message or a meeting: what it is tagged with (untag, see the card), initiatives suggested best first
 * (one click tags), any other initiative — or, for meetings, objective — from a list, and tagging a whole conversation.
 * Every text that comes from the mail is rendered as text, never as markup.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Badge, Button, Dropdown, MessageBar, MessageBarBody, Option, Spinner, Text } from '@fluentui/react-components';
import { findKeyMentions, suggestInitiatives, type InitiativeSuggestion, type SuggestionReason } from '@tandem/core';
import type { MailItemRef } from '@tandem/graph';
import { InitiativeCard, type PortfolioTables } from '@tandem/ui';
import { loadItem, type LoadedItem } from './loadItem.js';
import { usePaneStyles } from './paneStyles.js';
import { tagConversation, tagItem, untagItem, type Tagger } from './tagActions.js';
import { isAccessDenied, readOnlyReasonForDeniedWrite } from '../host/siteAccess.js';

/** Props of {@link TagPane}. */
export interface TagPaneProps {
  tagger: Tagger;
  tables: PortfolioTables;
  itemRef: MailItemRef;
  /** Bumped by the host when the item may have changed elsewhere (reload). */
  refresh?: number;
  /**
   * Why the user may not tag here (read-only access to the site), when so: the suggestions still show, every action
   * that writes is disabled and the reason is said in words. A write the site refuses later sets it too.
   */
  readOnlyReason?: string;
}

function describeReason(reason: SuggestionReason): string {
  switch (reason.kind) {
    case 'explicitKey':
      return reason.bracketed ? 'Key in the subject' : 'Key mentioned';
    case 'conversation':
      return 'Tagged elsewhere in this conversation';
    case 'sender':
      return `This sender's mail was tagged with it ${reason.count === 1 ? 'once' : `${reason.count} times`}`;
    case 'text':
      return `Matches: ${reason.words.join(', ')}`;
    case 'glossary':
      return `Glossary: ${reason.terms.join(', ')}`;
  }
}

function formatWhen(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? ''
    : d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';
}

/** The pane for a received message or a meeting. */
export function TagPane({ tagger, tables, itemRef, refresh, readOnlyReason }: TagPaneProps) {
  const styles = usePaneStyles();
  const [loaded, setLoaded] = useState<LoadedItem>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<string>();
  const [deniedReason, setDeniedReason] = useState<string>();
  const readOnly = readOnlyReason ?? deniedReason;
  /** Nothing that writes may start: another action is running, or the site gives this user read-only access. */
  const writesBlocked = busy !== undefined || readOnly !== undefined;
  const [status, setStatus] = useState('');
  const [cardKey, setCardKey] = useState<string>();
  const [choice, setChoice] = useState<string>();
  const isMeeting = itemRef.type === 'event';

  // The item is read again when it is another item (or the host says it changed), not whenever the pane is drawn
  // again with an equal reference: the portfolio's updates redraw the pane, and each new read blanked the suggestions.
  const { type: itemType, id: itemId } = itemRef;
  const reload = useCallback(async () => {
    try {
      setLoaded(await loadItem(tagger.client, { type: itemType, id: itemId }));
      setError(undefined);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [tagger.client, itemType, itemId]);

  useEffect(() => {
    setLoaded(undefined);
    setCardKey(undefined);
    setStatus('');
    void reload();
  }, [reload, refresh]);

  const initiatives = useMemo(() => [...tables.initiative.values()].map((s) => s.value), [tables]);
  const objectives = useMemo(() => [...tables.objective.values()].map((s) => s.value), [tables]);
  const glossary = useMemo(() => [...tables.glossaryTerm.values()].map((s) => s.value), [tables]);
  const titleOf = useCallback(
    (key: string) =>
      initiatives.find((i) => i.key === key)?.title ?? objectives.find((o) => o.key === key)?.title ?? '',
    [initiatives, objectives],
  );

  const tagged = loaded?.summary.keys ?? [];
  const suggestions: InitiativeSuggestion[] = useMemo(() => {
    if (!loaded) return [];
    const all = suggestInitiatives(
      { subject: loaded.summary.subject, ...(loaded.summary.preview ? { preview: loaded.summary.preview } : {}) },
      {
        initiatives,
        glossary,
        conversationKeys: loaded.conversationKeys,
        senderKeys: loaded.senderKeys,
        limit: 5 + loaded.summary.keys.length,
      },
    );
    return all.filter((s) => !loaded.summary.keys.includes(s.key)).slice(0, 5);
  }, [loaded, initiatives, glossary]);

  // Meetings link to objectives as well: ones named in the subject come first in the list.
  const choices = useMemo(() => {
    const named = new Set(loaded ? findKeyMentions(loaded.summary.subject) : []);
    const open = initiatives.filter((i) => i.status !== 'done' && i.status !== 'cancelled');
    const list = [
      ...(isMeeting ? objectives.map((o) => ({ key: o.key, title: o.title })) : []),
      ...open.map((i) => ({ key: i.key, title: i.title })),
    ].filter((c) => !tagged.includes(c.key));
    return list.sort((a, b) => Number(named.has(b.key)) - Number(named.has(a.key)));
  }, [loaded, initiatives, objectives, isMeeting, tagged]);

  /** Runs an action, then reloads the item; the status says what happened (the action's own words when it has them). */
  const run = async (key: string, label: string, action: () => Promise<string | void>) => {
    setBusy(key);
    setStatus(`${label}…`);
    try {
      const said = await action();
      await reload();
      setStatus(said ?? `${label}: done.`);
    } catch (e) {
      // A site that refuses the write (a reader) gets the reason in words, not Graph's error text, and the pane
      // turns read-only: the site write goes first, so the mailbox was left as it was.
      if (isAccessDenied(e)) setDeniedReason(readOnlyReasonForDeniedWrite);
      setStatus(
        `${label} failed: ${isAccessDenied(e) ? readOnlyReasonForDeniedWrite : e instanceof Error ? e.message : String(e)}`,
      );
    } finally {
      setBusy(undefined);
    }
  };

  if (error) {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          Tandem could not read this {isMeeting ? 'meeting' : 'message'}: {error}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (!loaded) return <Spinner size="small" label={`Reading the ${isMeeting ? 'meeting' : 'message'}…`} />;
  const { summary } = loaded;
  const tag = (key: string) =>
    run(key, isMeeting ? `Link to ${key}` : `Tag with ${key}`, async () => {
      await tagItem(tagger, itemRef, key);
    });

  return (
    <>
      <section className={styles.section} aria-labelledby="item-subject">
        <h2 id="item-subject" className={styles.subject} data-testid="item-subject">
          {summary.subject || (isMeeting ? '(untitled meeting)' : '(no subject)')}
        </h2>
        <p className={styles.meta}>
          {summary.from ? `${isMeeting ? 'Organiser' : 'From'}: ${summary.from.displayName}` : ''}
          {summary.occurredAt ? ` · ${formatWhen(summary.occurredAt)}` : ''}
        </p>
      </section>

      {readOnly && (
        <MessageBar intent="info" layout="multiline" data-testid="read-only-reason">
          <MessageBarBody>Tagging is turned off. {readOnly}</MessageBarBody>
        </MessageBar>
      )}

      <section className={styles.section} aria-labelledby="tagged-heading">
        <h3 id="tagged-heading" className={styles.sectionTitle}>
          {isMeeting ? 'Linked to' : 'Tagged with'}
        </h3>
        {tagged.length === 0 ? (
          <Text className={styles.meta}>
            {isMeeting
              ? 'Not linked yet. Link it to an objective or initiative and it shows on that page in Teams.'
              : 'Not tagged yet. Tag it and everyone sees it beside the initiative in Teams.'}
          </Text>
        ) : (
          <ul className={styles.list} data-testid="tagged-list">
            {tagged.map((key) => (
              <li key={key} className={styles.row}>
                <span className={styles.rowText}>
                  <span>
                    <Badge appearance="tint" color="brand">
                      {key}
                    </Badge>{' '}
                    <span className={styles.rowTitle}>{titleOf(key)}</span>
                  </span>
                </span>
                <span className={styles.actions}>
                  {key.startsWith('INI-') && (
                    <Button size="small" onClick={() => setCardKey(key)} aria-label={`Show the card of ${key}`}>
                      Card
                    </Button>
                  )}
                  <Button
                    size="small"
                    disabled={writesBlocked}
                    onClick={() =>
                      run(key, `${isMeeting ? 'Unlink' : 'Untag'} ${key}`, () => untagItem(tagger, itemRef, key))
                    }
                    aria-label={`${isMeeting ? 'Unlink' : 'Untag'} ${key}`}
                  >
                    {isMeeting ? 'Unlink' : 'Untag'}
                  </Button>
                </span>
              </li>
            ))}
          </ul>
        )}
        {!isMeeting && summary.conversationId && tagged.length > 0 && (
          <Button
            disabled={writesBlocked}
            onClick={() =>
              run('conversation', 'Tag the whole conversation', async () => {
                const n = await tagConversation(tagger, summary.conversationId!, tagged);
                return `Tagged ${n} message${n === 1 ? '' : 's'} in this conversation.`;
              })
            }
          >
            Tag the whole conversation with {tagged.join(', ')}
          </Button>
        )}
      </section>

      <section className={styles.section} aria-labelledby="suggested-heading">
        <h3 id="suggested-heading" className={styles.sectionTitle}>
          Suggested initiatives
        </h3>
        {suggestions.length === 0 ? (
          <Text className={styles.meta}>
            No suggestion for this {isMeeting ? 'meeting' : 'message'}: pick one below.
          </Text>
        ) : (
          <ol className={styles.list} data-testid="suggestions">
            {suggestions.map((s) => (
              <li key={s.key} className={styles.row} data-key={s.key}>
                <span className={styles.rowText}>
                  <span>
                    <Badge appearance="outline">{s.key}</Badge>{' '}
                    <span className={styles.rowTitle}>{titleOf(s.key)}</span>
                  </span>
                  <span className={styles.reason}>{s.reasons.map(describeReason).join(' · ')}</span>
                </span>
                <span className={styles.actions}>
                  <Button size="small" onClick={() => setCardKey(s.key)} aria-label={`Show the card of ${s.key}`}>
                    Card
                  </Button>
                  <Button
                    size="small"
                    appearance="primary"
                    disabled={writesBlocked}
                    onClick={() => tag(s.key)}
                    aria-label={`${isMeeting ? 'Link to' : 'Tag with'} ${s.key}`}
                  >
                    {busy === s.key ? <Spinner size="extra-tiny" aria-hidden /> : isMeeting ? 'Link' : 'Tag'}
                  </Button>
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className={styles.section} aria-labelledby="other-heading">
        <h3 id="other-heading" className={styles.sectionTitle}>
          {isMeeting ? 'Link to an objective or initiative' : 'Tag with another initiative'}
        </h3>
        <div className={styles.picker}>
          <Dropdown
            className={styles.dropdown}
            aria-labelledby="other-heading"
            placeholder={isMeeting ? 'Choose an objective or initiative' : 'Choose an initiative'}
            selectedOptions={choice ? [choice] : []}
            value={choice ? `${choice} ${titleOf(choice)}` : ''}
            onOptionSelect={(_, data) => setChoice(data.optionValue)}
          >
            {choices.map((c) => (
              <Option key={c.key} value={c.key} text={`${c.key} ${c.title}`}>
                {`${c.key} ${c.title}`}
              </Option>
            ))}
          </Dropdown>
          <span className={styles.actions}>
            <Button
              disabled={!choice || writesBlocked}
              onClick={() => {
                if (!choice) return;
                const key = choice;
                setChoice(undefined);
                void tag(key);
              }}
            >
              {isMeeting ? 'Link' : 'Tag'}
            </Button>
          </span>
        </div>
      </section>

      {cardKey && (
        <InitiativeCard store={tagger.store} initiativeKey={cardKey} onDismiss={() => setCardKey(undefined)} />
      )}

      <p className={styles.status} role="status" aria-live="polite" data-testid="pane-status">
        {status}
      </p>
    </>
  );
}
