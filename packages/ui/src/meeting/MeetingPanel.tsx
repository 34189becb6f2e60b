import { Button, Combobox, Field, FluentProvider, makeStyles, Option, Text, tokens } from '@fluentui/react-components';
import { Link20Regular } from '@fluentui/react-icons/svg/link';
import type { Link, Stored } from '@tandem/core';
import { useMemo, useState } from 'react';
import { fluentThemeFor } from '../app/themes.js';
import { PortfolioGate } from '../data/PortfolioGate.js';
import type { PortfolioTables } from '../data/portfolioSnapshot.js';
import { ProposeForm } from '../decisions/DecisionLog.js';
import { formatDate } from '../display/format.js';
import { EmptyState } from '../feedback/EmptyState.js';
import { ErrorState } from '../feedback/ErrorState.js';
import { UndoNoticeProvider, useUndoToast } from '../feedback/undo.js';
import { safeHref } from '../links/safeHref.js';
import { SignOutButton } from '../app/SignOutButton.js';
import type { MeetingPanelProps } from './MeetingPanel.types.js';

const useStyles = makeStyles({
  // Teams' meeting side panel is 280 px wide; its guidance asks for 20 px of padding each side and vertical scrolling only.
  root: {
    width: '100%',
    maxWidth: '280px',
    minHeight: '100vh',
    boxSizing: 'border-box',
    padding: '20px',
    overflowX: 'hidden',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  h1: { margin: 0, overflowWrap: 'anywhere' },
  h2: { margin: 0 },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  item: {
    display: 'flex',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalXS,
    overflowWrap: 'anywhere',
  },
  combo: { minWidth: 0, width: '100%' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * The meeting side panel: a single 280 px column that links the current Teams meeting to objectives and initiatives
 * (a `meeting` link, so the meeting shows on their pages) and records the decisions taken in it.
 */
export function MeetingPanel(props: MeetingPanelProps) {
  const styles = useStyles();
  return (
    // No classes on the provider: Fluent copies them onto its portals (the picker's listbox), which would cover the panel.
    <FluentProvider theme={fluentThemeFor(props.theme)} data-theme={props.theme}>
      <div className={styles.root}>
        <Text as="h1" size={500} weight="semibold" className={styles.h1}>
          {props.meeting.subject || 'This meeting'}
        </Text>
        <UndoNoticeProvider>
          <PortfolioGate store={props.store} what="the meeting's links">
            {(tables) => <MeetingContent {...props} tables={tables} />}
          </PortfolioGate>
        </UndoNoticeProvider>
        {props.onSignOut && <SignOutButton user={props.user} onSignOut={props.onSignOut} />}
      </div>
    </FluentProvider>
  );
}

function MeetingContent({ store, user, meeting, now, tables }: MeetingPanelProps & { tables: PortfolioTables }) {
  const styles = useStyles();
  const showUndo = useUndoToast();
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);

  const targets = useMemo(
    () =>
      [
        ...[...tables.objective.values()].map((o) => ({ key: o.value.key, title: o.value.title })),
        ...[...tables.initiative.values()].map((i) => ({ key: i.value.key, title: i.value.title })),
      ].sort((a, b) => a.key.localeCompare(b.key, 'en', { numeric: true })),
    [tables.objective, tables.initiative],
  );
  const linked = useMemo(
    () =>
      [...tables.link.values()].filter(
        (l): l is Stored<Link> => l.value.kind === 'meeting' && l.value.externalId === meeting.id,
      ),
    [tables.link, meeting.id],
  );
  const linkedKeys = linked.map((l) => l.value.targetKey);
  const joinUrl = safeHref(meeting.joinUrl);
  const decisions = [...tables.decision.values()]
    .map((d) => d.value)
    .filter((d) => joinUrl !== undefined && d.meetingUrl === joinUrl);
  const titleOf = (key: string) => targets.find((t) => t.key === key)?.title ?? '';
  const shown = targets.filter(
    (t) => !linkedKeys.includes(t.key) && `${t.key} ${t.title}`.toLowerCase().includes(query.trim().toLowerCase()),
  );

  async function link() {
    if (!picked) return;
    setSaving(true);
    setError(undefined);
    try {
      const saved = await store.create('link', {
        id: crypto.randomUUID(),
        kind: 'meeting',
        targetKey: picked,
        externalId: meeting.id,
        title: meeting.subject?.trim() || 'Teams meeting',
        linkedBy: user,
        linkedAt: (now ?? new Date()).toISOString(),
        ...(joinUrl ? { url: joinUrl } : {}),
        ...(meeting.start ? { occurredAt: meeting.start } : {}),
      });
      showUndo(`Linked to ${picked}`, () => store.delete('link', saved.value.id, saved.etag));
      setPicked(undefined);
      setQuery('');
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  }

  async function unlink(stored: Stored<Link>) {
    setError(undefined);
    try {
      await store.delete('link', stored.value.id, stored.etag);
      const { id: _id, ...rest } = stored.value;
      showUndo(`Unlinked ${stored.value.targetKey}`, () => store.create('link', { ...rest, id: crypto.randomUUID() }));
    } catch (e) {
      setError(e);
    }
  }

  return (
    <>
      {meeting.start && (
        <Text size={200} className={styles.muted}>
          {formatDate(meeting.start)}
        </Text>
      )}
      <section className={styles.section} aria-label="Linked to">
        <Text as="h2" size={400} weight="semibold" className={styles.h2}>
          Linked to
        </Text>
        {linked.length === 0 ? (
          <EmptyState title="Not linked yet" hint="Pick the objective or initiative this meeting is about." />
        ) : (
          <ul className={styles.list} data-testid="meeting-links">
            {linked.map((l) => (
              <li key={l.value.id} className={styles.item}>
                <Text>
                  {l.value.targetKey} {titleOf(l.value.targetKey)}
                </Text>
                <Button
                  size="small"
                  appearance="subtle"
                  onClick={() => void unlink(l)}
                  aria-label={`Unlink ${l.value.targetKey}`}
                >
                  Unlink
                </Button>
              </li>
            ))}
          </ul>
        )}
        <Field label="Objective or initiative">
          <Combobox
            className={styles.combo}
            placeholder="Type a key or a title"
            value={query}
            selectedOptions={picked ? [picked] : []}
            onChange={(e) => {
              setQuery(e.target.value);
              setPicked(undefined);
            }}
            onOptionSelect={(_, d) => {
              setPicked(d.optionValue);
              setQuery(d.optionText ?? '');
            }}
            data-testid="meeting-target"
          >
            {shown.slice(0, 50).map((t) => (
              <Option key={t.key} value={t.key} text={`${t.key} ${t.title}`}>
                {`${t.key} ${t.title}`}
              </Option>
            ))}
          </Combobox>
        </Field>
        <Button appearance="primary" icon={<Link20Regular />} disabled={!picked || saving} onClick={() => void link()}>
          Link this meeting
        </Button>
        {error !== undefined && (
          <ErrorState
            title="The link was not changed"
            error={error}
            hint="Try again; if it keeps failing, reload the panel."
          />
        )}
      </section>
      <section className={styles.section} aria-label="Decisions in this meeting">
        <Text as="h2" size={400} weight="semibold" className={styles.h2}>
          Decisions in this meeting
        </Text>
        {decisions.length === 0 ? (
          <Text size={200} className={styles.muted}>
            None recorded yet.
          </Text>
        ) : (
          <ul className={styles.list} data-testid="meeting-decisions">
            {decisions.map((d) => (
              <li key={d.id}>
                <Text>
                  {d.key} {d.title} ({d.status})
                </Text>
              </li>
            ))}
          </ul>
        )}
        <ProposeForm store={store} tables={tables} user={user} relatedKeys={linkedKeys} meetingUrl={joinUrl} />
      </section>
    </>
  );
}
