import {
  Badge,
  Button,
  Card,
  CardHeader,
  Field,
  Input,
  makeStyles,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { ThumbLike20Filled } from '@fluentui/react-icons/svg/thumb-like';
import { ThumbLike20Regular } from '@fluentui/react-icons/svg/thumb-like';
import { nextKey, type Idea, type Store, type Stored } from '@tandem/core';
import { useMemo, useState, type FormEvent } from 'react';
import { ViewHeader } from '../app/ViewHeader.js';
import type { ViewProps } from '../app/viewProps.js';
import { PortfolioGate } from '../data/PortfolioGate.js';
import type { PortfolioTables } from '../data/portfolioSnapshot.js';
import { EmptyState } from '../feedback/EmptyState.js';
import { ErrorState } from '../feedback/ErrorState.js';
import { useUndoToast } from '../feedback/undo.js';
import { formatDate } from '../display/format.js';
import { PromoteIdea } from './PromoteIdea.js';
import { GlossaryText } from '../glossary/GlossaryText.js';

const useStyles = makeStyles({
  form: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalS, maxWidth: '640px' },
  list: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))',
    gap: tokens.spacingHorizontalM,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  footer: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  meta: { color: tokens.colorNeutralForeground3 },
});

const statusLabels: Record<Idea['status'], string> = {
  open: 'Open',
  underReview: 'Under review',
  promoted: 'Promoted',
  declined: 'Declined',
};

/** The ideas backlog: anyone adds an idea and votes once on each; the most voted come first. */
export function IdeasBoard(props: ViewProps) {
  return (
    <PortfolioGate store={props.store} what="the ideas">
      {(tables) => <IdeasContent {...props} tables={tables} />}
    </PortfolioGate>
  );
}

function IdeasContent({ store, user, now, tables, canEdit }: ViewProps & { tables: PortfolioTables }) {
  const styles = useStyles();
  const showUndo = useUndoToast();
  const [error, setError] = useState<unknown>();
  const ideas = useMemo(
    () =>
      [...tables.idea.values()].sort(
        (a, b) =>
          b.value.voterEmails.length - a.value.voterEmails.length || b.value.createdAt.localeCompare(a.value.createdAt),
      ),
    [tables.idea],
  );
  const me = user.email.toLowerCase();
  const terms = useMemo(() => [...tables.glossaryTerm.values()].map((s) => s.value), [tables.glossaryTerm]);

  async function toggleVote(stored: Stored<Idea>) {
    setError(undefined);
    const voted = stored.value.voterEmails.some((e) => e.toLowerCase() === me);
    const voterEmails = voted
      ? stored.value.voterEmails.filter((e) => e.toLowerCase() !== me)
      : [...stored.value.voterEmails, user.email];
    try {
      const saved = await store.update('idea', stored.value.id, { voterEmails }, stored.etag);
      showUndo(voted ? `Vote removed from ${stored.value.key}` : `Voted for ${stored.value.key}`, () =>
        store.update('idea', stored.value.id, { voterEmails: stored.value.voterEmails }, saved.etag),
      );
    } catch (e) {
      setError(e);
    }
  }

  return (
    <>
      <ViewHeader title="Ideas" description="Anyone can add an idea and vote; the most wanted are reviewed first." />
      <AddIdeaForm store={store} user={user} now={now} existingKeys={ideas.map((i) => i.value.key)} />
      {error !== undefined && (
        <ErrorState
          title="Your vote was not saved"
          error={error}
          hint="Someone may have voted at the same moment: try again."
        />
      )}
      {ideas.length === 0 ? (
        <EmptyState title="No ideas yet" hint="Be the first: describe an improvement above and add it." />
      ) : (
        <ul className={styles.list} aria-label="Ideas">
          {ideas.map((stored) => {
            const idea = stored.value;
            const voted = idea.voterEmails.some((e) => e.toLowerCase() === me);
            return (
              <li key={idea.id}>
                <Card data-testid="idea">
                  <CardHeader
                    header={<Text weight="semibold">{idea.title}</Text>}
                    description={
                      <Text size={200} className={styles.meta}>
                        {idea.key} · {idea.author.displayName} · {formatDate(idea.createdAt)}
                      </Text>
                    }
                  />
                  {idea.description && (
                    <Text>
                      <GlossaryText text={idea.description} terms={terms} />
                    </Text>
                  )}
                  <div className={styles.footer}>
                    <Badge appearance="outline">
                      {statusLabels[idea.status]}
                      {idea.promotedInitiativeKey ? ` → ${idea.promotedInitiativeKey}` : ''}
                    </Badge>
                    <Button
                      icon={voted ? <ThumbLike20Filled /> : <ThumbLike20Regular />}
                      aria-pressed={voted}
                      aria-label={`${voted ? 'Remove your vote for' : 'Vote for'} ${idea.title}, ${idea.voterEmails.length} votes`}
                      onClick={() => void toggleVote(stored)}
                    >
                      {String(idea.voterEmails.length)}
                    </Button>
                  </div>
                  <PromoteIdea stored={stored} tables={tables} store={store} user={user} now={now} canEdit={canEdit} />
                </Card>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

function AddIdeaForm(props: { store: Store; user: ViewProps['user']; now?: Date; existingKeys: string[] }) {
  const styles = useStyles();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(undefined);
    try {
      await props.store.create('idea', {
        id: crypto.randomUUID(),
        key: nextKey('idea', props.existingKeys),
        title,
        description: description.trim() || undefined,
        author: props.user,
        createdAt: (props.now ?? new Date()).toISOString(),
        status: 'open',
        voterEmails: [props.user.email],
      });
      setTitle('');
      setDescription('');
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} aria-label="Add an idea">
      <Field label="Your idea" required>
        <Input value={title} onChange={(_, d) => setTitle(d.value)} placeholder="One line: what should we try?" />
      </Field>
      <Field label="Why it matters">
        <Textarea value={description} onChange={(_, d) => setDescription(d.value)} />
      </Field>
      <div>
        <Button type="submit" appearance="primary" disabled={saving || !title.trim()}>
          Add idea
        </Button>
      </div>
      {error !== undefined && <ErrorState title="The idea was not added" error={error} hint="Fix it and try again." />}
    </form>
  );
}
