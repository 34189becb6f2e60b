import { Button, Card, Field, Input, makeStyles, SearchBox, Text, Textarea, tokens } from '@fluentui/react-components';
import { valuesOf } from '../data/portfolioSnapshot.js';
import { PortfolioGate } from '../data/PortfolioGate.js';
import { EmptyState } from '../feedback/EmptyState.js';
import { ErrorState } from '../feedback/ErrorState.js';
import { ViewHeader } from '../app/ViewHeader.js';
import type { ViewProps } from '../app/viewProps.js';
import type { GlossaryTerm } from '@tandem/core';
import { useMemo, useState, type FormEvent } from 'react';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  terms: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'baseline' },
  arrow: { color: tokens.colorNeutralForeground3 },
  form: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  wide: { gridColumn: '1 / -1' },
  keys: { color: tokens.colorNeutralForeground3 },
});

/** The shared glossary: business terms beside their technical counterparts, searchable; governance members add terms. */
export function GlossaryView(props: ViewProps) {
  return (
    <PortfolioGate store={props.store} what="the glossary">
      {(tables) => <GlossaryContent {...props} terms={valuesOf(tables, 'glossaryTerm')} />}
    </PortfolioGate>
  );
}

function GlossaryContent({ store, canEdit, terms }: ViewProps & { terms: GlossaryTerm[] }) {
  const styles = useStyles();
  const [search, setSearch] = useState('');
  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    const sorted = [...terms].sort((a, b) => a.businessTerm.localeCompare(b.businessTerm));
    if (!q) return sorted;
    return sorted.filter((t) => `${t.businessTerm} ${t.technicalTerm} ${t.definition}`.toLowerCase().includes(q));
  }, [terms, search]);

  return (
    <>
      <ViewHeader
        title="Glossary"
        description="Business words beside their technical counterparts, so both sides mean the same thing."
        actions={
          <SearchBox
            aria-label="Search the glossary"
            placeholder="Search terms"
            value={search}
            onChange={(_, d) => setSearch(d.value)}
          />
        }
      />
      {canEdit && <AddTermForm store={store} />}
      {terms.length === 0 ? (
        <EmptyState
          title="No glossary terms yet"
          hint="Add the words your business and IT teams use for the same thing, such as “order” and “sales document”."
        />
      ) : shown.length === 0 ? (
        <EmptyState title="No term matches" hint="Try another word, or clear the search." />
      ) : (
        <div className={styles.list} role="list" aria-label="Glossary terms">
          {shown.map((term) => (
            <Card key={term.id} role="listitem" data-testid="glossary-term">
              <div className={styles.terms}>
                <Text weight="semibold">{term.businessTerm}</Text>
                <Text className={styles.arrow} aria-label="is, in IT terms,">
                  ↔
                </Text>
                <Text weight="semibold">{term.technicalTerm}</Text>
              </div>
              <Text>{term.definition}</Text>
              {term.relatedKeys && term.relatedKeys.length > 0 && (
                <Text size={200} className={styles.keys}>
                  Related: {term.relatedKeys.join(', ')}
                </Text>
              )}
            </Card>
          ))}
        </div>
      )}
    </>
  );
}

function AddTermForm({ store }: { store: ViewProps['store'] }) {
  const styles = useStyles();
  const [business, setBusiness] = useState('');
  const [technical, setTechnical] = useState('');
  const [definition, setDefinition] = useState('');
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(undefined);
    try {
      await store.create('glossaryTerm', {
        id: crypto.randomUUID(),
        businessTerm: business,
        technicalTerm: technical,
        definition,
      });
      setBusiness('');
      setTechnical('');
      setDefinition('');
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} aria-label="Add a glossary term">
      <Field label="Business term" required>
        <Input value={business} onChange={(_, d) => setBusiness(d.value)} />
      </Field>
      <Field label="Technical term" required>
        <Input value={technical} onChange={(_, d) => setTechnical(d.value)} />
      </Field>
      <Field label="Definition" className={styles.wide}>
        <Textarea value={definition} onChange={(_, d) => setDefinition(d.value)} />
      </Field>
      <div>
        <Button type="submit" appearance="primary" disabled={saving || !business.trim() || !technical.trim()}>
          Add term
        </Button>
      </div>
      {error !== undefined && (
        <div className={styles.wide}>
          <ErrorState title="The term was not added" error={error} hint="Fix the fields named and try again." />
        </div>
      )}
    </form>
  );
}
