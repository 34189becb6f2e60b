import {
  Badge,
  Button,
  Card,
  CardHeader,
  Dropdown,
  Field,
  Input,
  Link as FluentLink,
  makeStyles,
  Option,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { Open16Regular } from '@fluentui/react-icons/svg/open';
import {
  castVote,
  decisionApprovers,
  latestVote,
  nextKey,
  quorumOf,
  SITE_SETTINGS_ID,
  tallyDecision,
  type Decision,
  type PersonRef,
  type Store,
  type Stored,
} from '@tandem/core';
import { useMemo, useState, type FormEvent } from 'react';
import { ViewHeader } from '../app/ViewHeader.js';
import type { ViewProps } from '../app/viewProps.js';
import { governanceAccess } from '../app/governanceAccess.js';
import { PortfolioGate } from '../data/PortfolioGate.js';
import type { PortfolioTables } from '../data/portfolioSnapshot.js';
import { knownPeople } from '../display/people.js';
import { formatDate } from '../display/format.js';
import { EmptyState } from '../feedback/EmptyState.js';
import { ErrorState } from '../feedback/ErrorState.js';
import { useUndoToast } from '../feedback/undo.js';
import { safeHref } from '../links/safeHref.js';
import { GlossaryText } from '../glossary/GlossaryText.js';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
  },
  wide: { gridColumn: '1 / -1' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  label: { color: tokens.colorNeutralForeground3 },
  // Fluent's dropdown asks for 250 px; the meeting panel has 240.
  dropdown: { minWidth: 'auto', width: '100%' },
});

const statusColors = {
  proposed: 'informative',
  accepted: 'success',
  rejected: 'danger',
  superseded: 'subtle',
} as const;
const statusLabels: Record<Decision['status'], string> = {
  proposed: 'Proposed',
  accepted: 'Accepted',
  rejected: 'Rejected',
  superseded: 'Superseded',
};
const voteLabels = { approve: 'approved', reject: 'rejected', abstain: 'abstained' } as const;

/** Props of {@link DecisionLog}. */
export interface DecisionLogProps extends ViewProps {
  /** Show only decisions about this key (an objective's page). */
  relatedKey?: string;
  /** Hide the "propose" form (embedded lists). @default false */
  hideProposeForm?: boolean;
}

/** The shared decision log: propose a decision; its business and IT approvers approve or reject it. */
export function DecisionLog(props: DecisionLogProps) {
  return (
    <PortfolioGate store={props.store} what="the decision log">
      {(tables) => <DecisionContent {...props} tables={tables} />}
    </PortfolioGate>
  );
}

function DecisionContent(props: DecisionLogProps & { tables: PortfolioTables }) {
  const { store, user, now, tables, relatedKey, hideProposeForm } = props;
  const styles = useStyles();
  const showUndo = useUndoToast();
  const [error, setError] = useState<unknown>();
  const decisions = useMemo(
    () =>
      [...tables.decision.values()]
        .filter((d) => !relatedKey || d.value.relatedKeys.includes(relatedKey))
        .sort((a, b) => b.value.key.localeCompare(a.value.key, 'en', { numeric: true })),
    [tables.decision, relatedKey],
  );

  const terms = useMemo(() => [...tables.glossaryTerm.values()].map((s) => s.value), [tables.glossaryTerm]);
  // The site's quorum: how many business and IT approvals a decision needs (at least one of each).
  const quorum = quorumOf(tables.siteSettings.get(SITE_SETTINGS_ID)?.value);
  // Only governance members vote (core's governed store refuses the others); the host's `canEdit` is not asked here,
  // as before: an approver named on a decision votes wherever the tab lets them in.
  const locked = useMemo(() => governanceAccess(tables, user, true).reason('voteOnDecision'), [tables, user]);

  async function vote(stored: Stored<Decision>, choice: 'approve' | 'reject') {
    setError(undefined);
    try {
      const change = castVote(stored.value, user, choice, now ?? new Date(), quorum);
      const saved = await store.update('decision', stored.value.id, change, stored.etag);
      const { votes, status, decidedOn } = stored.value;
      showUndo(`You ${voteLabels[choice]} ${stored.value.key}`, () =>
        store.update('decision', stored.value.id, { votes, status, decidedOn }, saved.etag),
      );
    } catch (e) {
      setError(e);
    }
  }

  return (
    <>
      {!relatedKey && (
        <ViewHeader
          title="Decisions"
          description="Decisions business and IT take together. Each needs its business and its IT approver."
        />
      )}
      {!hideProposeForm && <ProposeForm store={store} tables={tables} user={user} />}
      {error !== undefined && (
        <ErrorState title="Your vote was not saved" error={error} hint="The decision may have changed: try again." />
      )}
      {decisions.length === 0 ? (
        <EmptyState
          title="No decisions recorded"
          hint={
            relatedKey ? 'Decisions that name this key will show here.' : 'Propose the first one with the form above.'
          }
        />
      ) : (
        <ul className={styles.list} aria-label="Decisions">
          {decisions.map((stored) => {
            const d = stored.value;
            const email = user.email.toLowerCase();
            const roles = decisionApprovers(d)
              .filter((a) => a.person.email.toLowerCase() === email)
              .map((a) => a.side);
            const tally = tallyDecision(d, quorum);
            const mine = latestVote(d, user);
            const meeting = safeHref(d.meetingUrl);
            return (
              <li key={d.id}>
                <Card data-testid="decision">
                  <CardHeader
                    header={
                      <Text weight="semibold">
                        {d.key} {d.title}
                      </Text>
                    }
                    description={
                      <Text size={200} className={styles.label}>
                        {d.decidedOn ? `Decided ${formatDate(d.decidedOn)}` : 'Awaiting approval'}
                        {d.relatedKeys.length > 0 && ` · About ${d.relatedKeys.join(', ')}`}
                      </Text>
                    }
                    action={
                      <Badge appearance="tint" color={statusColors[d.status]}>
                        {statusLabels[d.status]}
                      </Badge>
                    }
                  />
                  <div className={styles.grid}>
                    <div>
                      <Text size={200} block className={styles.label}>
                        Context
                      </Text>
                      <Text>
                        <GlossaryText text={d.context} terms={terms} />
                      </Text>
                    </div>
                    <div>
                      <Text size={200} block className={styles.label}>
                        Decision
                      </Text>
                      <Text>
                        <GlossaryText text={d.decision} terms={terms} />
                      </Text>
                    </div>
                  </div>
                  <div className={styles.actions}>
                    <Text size={200}>
                      Business: {d.businessApprover.displayName}
                      {describeVote(latestVote(d, d.businessApprover)?.vote)} · IT: {d.itApprover.displayName}
                      {describeVote(latestVote(d, d.itApprover)?.vote)}
                      {(d.additionalApprovers ?? []).map(
                        (a) =>
                          ` · ${a.side === 'it' ? 'IT' : 'Business'}: ${a.person.displayName}${describeVote(latestVote(d, a.person)?.vote)}`,
                      )}
                    </Text>
                    <Text size={200} data-testid="decision-tally">
                      Approvals: business {tally.businessApprovals}/{quorum.business}, IT {tally.itApprovals}/
                      {quorum.it}
                    </Text>
                    {meeting && (
                      <FluentLink href={meeting} target="_blank" rel="noreferrer noopener">
                        Open the meeting in Teams <Open16Regular aria-hidden />
                      </FluentLink>
                    )}
                  </div>
                  {d.status === 'proposed' && roles.length > 0 && (
                    <div className={styles.actions}>
                      <Button
                        appearance="primary"
                        disabled={locked !== undefined || mine?.vote === 'approve'}
                        aria-describedby={locked ? `${d.id}-vote-locked` : undefined}
                        onClick={() => void vote(stored, 'approve')}
                        aria-label={`Approve ${d.key}`}
                      >
                        Approve
                      </Button>
                      <Button
                        disabled={locked !== undefined || mine?.vote === 'reject'}
                        aria-describedby={locked ? `${d.id}-vote-locked` : undefined}
                        onClick={() => void vote(stored, 'reject')}
                        aria-label={`Reject ${d.key}`}
                      >
                        Reject
                      </Button>
                      <Text size={200} id={`${d.id}-vote-locked`}>
                        You are the {roles.map((r) => (r === 'it' ? 'IT' : 'business')).join(' and ')} approver.
                        {locked && ` ${locked}.`}
                      </Text>
                    </div>
                  )}
                </Card>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

function describeVote(vote: 'approve' | 'reject' | 'abstain' | undefined): string {
  return vote ? ` (${voteLabels[vote]})` : ' (not yet)';
}

/** Props of {@link ProposeForm}. */
interface ProposeFormProps {
  store: Store;
  tables: PortfolioTables;
  user: PersonRef;
  /** Keys the decision is about, filled in (a meeting panel passes its linked keys). */
  relatedKeys?: string[];
  /** The meeting it is taken in. */
  meetingUrl?: string;
  /** Called with the new decision once saved. */
  onProposed?(decision: Decision): void;
}

/** A form to propose a decision, naming its business and IT approvers. */
export function ProposeForm({ store, tables, user, relatedKeys = [], meetingUrl, onProposed }: ProposeFormProps) {
  const styles = useStyles();
  const people = useMemo(() => knownPeople(tables, user), [tables, user]);
  const [title, setTitle] = useState('');
  const [context, setContext] = useState('');
  const [decision, setDecision] = useState('');
  const [business, setBusiness] = useState<string>();
  const [it, setIt] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const person = (email: string | undefined) => people.find((p) => p.email === email);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const businessApprover = person(business);
    const itApprover = person(it);
    if (!businessApprover || !itApprover) return;
    setSaving(true);
    setError(undefined);
    try {
      const saved = await store.create('decision', {
        id: crypto.randomUUID(),
        key: nextKey(
          'decision',
          [...tables.decision.values()].map((d) => d.value.key),
        ),
        title,
        context,
        decision,
        status: 'proposed',
        businessApprover,
        itApprover,
        votes: [],
        relatedKeys,
        meetingUrl: safeHref(meetingUrl),
      });
      setTitle('');
      setContext('');
      setDecision('');
      onProposed?.(saved.value);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  }

  const picker = (label: string, value: string | undefined, set: (v: string | undefined) => void) => (
    <Field label={label} required>
      <Dropdown
        className={styles.dropdown}
        placeholder="Pick a person"
        value={person(value)?.displayName ?? ''}
        selectedOptions={value ? [value] : []}
        onOptionSelect={(_, d) => set(d.optionValue)}
      >
        {people.map((p) => (
          <Option key={p.email} value={p.email} text={p.displayName}>
            {p.displayName}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} aria-label="Propose a decision">
      <Field label="Decision title" required className={styles.wide}>
        <Input value={title} onChange={(_, d) => setTitle(d.value)} />
      </Field>
      <Field label="Context" required>
        <Textarea value={context} onChange={(_, d) => setContext(d.value)} />
      </Field>
      <Field label="What is decided" required>
        <Textarea value={decision} onChange={(_, d) => setDecision(d.value)} />
      </Field>
      {picker('Business approver', business, setBusiness)}
      {picker('IT approver', it, setIt)}
      <div>
        <Button
          type="submit"
          appearance="primary"
          disabled={saving || !title.trim() || !context.trim() || !decision.trim() || !business || !it}
        >
          Propose decision
        </Button>
      </div>
      {error !== undefined && (
        <div className={styles.wide}>
          <ErrorState title="The decision was not recorded" error={error} hint="Fix the fields named and try again." />
        </div>
      )}
    </form>
  );
}
