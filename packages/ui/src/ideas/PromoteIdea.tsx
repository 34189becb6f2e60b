import { Button, Dropdown, Field, Input, makeStyles, Option, Text, tokens } from '@fluentui/react-components';
import { isoDateOf, dayNumber, promoteIdea, type Idea, type PersonRef, type Stored } from '@tandem/core';
import { useMemo, useState, type FormEvent } from 'react';
import { governanceAccess } from '../app/governanceAccess.js';
import type { ViewProps } from '../app/viewProps.js';
import type { PortfolioTables } from '../data/portfolioSnapshot.js';
import { knownPeople } from '../display/people.js';
import { ErrorState } from '../feedback/ErrorState.js';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))',
    gap: tokens.spacingHorizontalS,
    alignItems: 'end',
  },
  wide: { gridColumn: '1 / -1' },
  locked: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  reason: { color: tokens.colorNeutralForeground3 },
});

/** Props of {@link PromoteIdea}. */
export interface PromoteIdeaProps extends Pick<ViewProps, 'store' | 'user' | 'now' | 'canEdit'> {
  stored: Stored<Idea>;
  tables: PortfolioTables;
}

/**
 * Lets a governance member promote an idea to a proposed initiative: the initiative records the idea it came from,
 * the idea the initiative it became, and both changes go into the audit trail.
 */
export function PromoteIdea({ stored, tables, store, user, now, canEdit }: PromoteIdeaProps) {
  const styles = useStyles();
  const idea = stored.value;
  const people = useMemo(() => knownPeople(tables, user), [tables, user]);
  const objectives = useMemo(
    () =>
      [...tables.objective.values()]
        .map((o) => o.value)
        .sort((a, b) => a.key.localeCompare(b.key, 'en', { numeric: true })),
    [tables.objective],
  );
  const today = (now ?? new Date()).toISOString().slice(0, 10);
  const [open, setOpen] = useState(false);
  const [objectiveKey, setObjectiveKey] = useState<string>();
  const [itOwner, setItOwner] = useState(user.email);
  const [sponsor, setSponsor] = useState(idea.author.email);
  const [start, setStart] = useState(today);
  const [end, setEnd] = useState(isoDateOf(dayNumber(today) + 90));
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const access = useMemo(() => governanceAccess(tables, user, canEdit === true), [tables, user, canEdit]);
  if (!canEdit || idea.status === 'promoted' || idea.status === 'declined') return null;
  const locked = access.reason('promoteIdea');
  if (locked) {
    const reasonId = `${idea.id}-promote-locked`;
    return (
      <div className={styles.locked}>
        <Button disabled aria-describedby={reasonId} aria-label={`Promote to initiative: ${idea.key} ${idea.title}`}>
          Promote to initiative
        </Button>
        <Text id={reasonId} size={200} className={styles.reason}>
          {locked}.
        </Text>
      </div>
    );
  }
  const person = (email: string): PersonRef => people.find((p) => p.email === email) ?? user;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(undefined);
    try {
      const { initiative, ideaPatch } = promoteIdea({
        idea,
        plan: {
          objectiveKeys: objectiveKey ? [objectiveKey] : [],
          itOwner: person(itOwner),
          businessSponsor: person(sponsor),
          start,
          end,
          // Middle-of-the-scale scores: the portfolio review sets the real ones.
          businessValue: 5,
          timeCriticality: 5,
          riskReduction: 5,
          jobSize: 5,
          reach: 0,
          impact: 1,
          confidence: 50,
          effort: 1,
        },
        by: { person: user, isGovernanceMember: access.may('promoteIdea') },
        initiativeKeys: [...tables.initiative.values()].map((i) => i.value.key),
        newId: crypto.randomUUID(),
      });
      await store.create('initiative', initiative);
      await store.update('idea', idea.id, ideaPatch, stored.etag);
      setOpen(false);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  }

  if (!open)
    return (
      <Button onClick={() => setOpen(true)} aria-label={`Promote to initiative: ${idea.key} ${idea.title}`}>
        Promote to initiative
      </Button>
    );
  const picker = (label: string, value: string, set: (v: string) => void) => (
    <Field label={label}>
      <Dropdown
        value={person(value).displayName}
        selectedOptions={[value]}
        onOptionSelect={(_, d) => d.optionValue && set(d.optionValue)}
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
    <form className={styles.form} onSubmit={(e) => void submit(e)} aria-label={`Promote ${idea.key}`}>
      <Field label="Objective">
        <Dropdown
          placeholder="None yet"
          value={objectiveKey ?? ''}
          selectedOptions={objectiveKey ? [objectiveKey] : []}
          onOptionSelect={(_, d) => setObjectiveKey(d.optionValue)}
        >
          {objectives.map((o) => (
            <Option key={o.key} value={o.key} text={`${o.key} ${o.title}`}>
              {`${o.key} ${o.title}`}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {picker('IT owner', itOwner, setItOwner)}
      {picker('Business sponsor', sponsor, setSponsor)}
      <Field label="Start">
        <Input type="date" value={start} onChange={(_, d) => setStart(d.value)} />
      </Field>
      <Field label="End">
        <Input type="date" value={end} onChange={(_, d) => setEnd(d.value)} />
      </Field>
      <div>
        <Button type="submit" appearance="primary" disabled={saving}>
          Create initiative
        </Button>
      </div>
      {error !== undefined && (
        <div className={styles.wide}>
          <ErrorState title={`${idea.key} was not promoted`} error={error} hint="Fix the fields named and try again." />
        </div>
      )}
    </form>
  );
}
