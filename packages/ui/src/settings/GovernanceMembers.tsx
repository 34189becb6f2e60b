import {
  Button,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import {
  defaultSiteSettings,
  governanceMemberSchema,
  governanceMembersOf,
  SITE_SETTINGS_ID,
  type GovernanceMember,
  type SiteSettings,
  type Store,
  type Stored,
} from '@tandem/core';
import { useState, type FormEvent } from 'react';
import { ErrorState } from '../feedback/ErrorState.js';

const useStyles = makeStyles({
  section: {
    marginTop: tokens.spacingVerticalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
  },
  table: { maxWidth: '720px' },
  // Fluent's table lays columns out at fixed widths: a long name or address wraps instead of running into the next column.
  wrap: { overflowWrap: 'anywhere' },
});

const sideLabels: Record<GovernanceMember['side'], string> = { business: 'Business', it: 'IT' };

/** Props of {@link GovernanceMembers}. */
export interface GovernanceMembersProps {
  store: Store;
  /** The site's settings item as stored (undefined on a site that never saved settings). */
  stored: Stored<SiteSettings> | undefined;
  /** Whether the user may edit the site's settings (its owners and editors). */
  canEdit: boolean;
}

/**
 * The site's governance members, each with the side they speak for: only they may change scores, promote ideas and
 * approve decisions. The site's owners and editors add and remove them; each change is saved at once (and audited by
 * the app's store). An empty list keeps the site open to everyone who can edit it, and says so.
 */
export function GovernanceMembers({ store, stored, canEdit }: GovernanceMembersProps) {
  const styles = useStyles();
  const members = governanceMembersOf(stored?.value);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [side, setSide] = useState<GovernanceMember['side']>('business');
  const [fieldErrors, setFieldErrors] = useState<{ name?: string; email?: string }>({});
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);

  async function saveMembers(next: GovernanceMember[]): Promise<boolean> {
    setSaving(true);
    setError(undefined);
    try {
      if (stored) await store.update('siteSettings', SITE_SETTINGS_ID, { governanceMembers: next }, stored.etag);
      else await store.create('siteSettings', { ...defaultSiteSettings, governanceMembers: next });
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setSaving(false);
    }
  }

  async function add(event: FormEvent) {
    event.preventDefault();
    const parsed = governanceMemberSchema.safeParse({
      person: { displayName: name.trim(), email: email.trim() },
      side,
    });
    if (!parsed.success) {
      const issue = (field: string) => parsed.error.issues.find((i) => i.path[1] === field)?.message;
      setFieldErrors({ name: issue('displayName'), email: issue('email') });
      return;
    }
    const member = parsed.data;
    if (members.some((m) => m.person.email.toLowerCase() === member.person.email.toLowerCase())) {
      setFieldErrors({ email: 'is already a member' });
      return;
    }
    setFieldErrors({});
    if (await saveMembers([...members, member])) {
      setName('');
      setEmail('');
    }
  }

  return (
    <section className={styles.section} aria-label="Governance members">
      <Text as="h2" size={500} weight="semibold">
        Governance members
      </Text>
      <Text data-testid="governance-members-note">
        {members.length === 0
          ? 'No governance members yet, so everyone who can edit this site can change scores, promote ideas and approve decisions. Add the board here to keep those to its members.'
          : 'Only these people can change scores, promote ideas and approve decisions.'}
      </Text>
      {members.length > 0 && (
        <Table size="small" aria-label="Governance members" className={styles.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Name</TableHeaderCell>
              <TableHeaderCell>Email</TableHeaderCell>
              <TableHeaderCell>Side</TableHeaderCell>
              {canEdit && <TableHeaderCell>Remove</TableHeaderCell>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {members.map((m) => (
              <TableRow key={m.person.email} data-testid="governance-member">
                <TableCell className={styles.wrap}>{m.person.displayName}</TableCell>
                <TableCell className={styles.wrap}>{m.person.email}</TableCell>
                <TableCell>{sideLabels[m.side]}</TableCell>
                {canEdit && (
                  <TableCell>
                    <Button
                      size="small"
                      disabled={saving}
                      aria-label={`Remove ${m.person.displayName} from the governance members`}
                      onClick={() => void saveMembers(members.filter((x) => x !== m))}
                    >
                      Remove
                    </Button>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {canEdit && (
        <form className={styles.form} onSubmit={(e) => void add(e)} aria-label="Add a governance member">
          <Field
            label="Member name"
            validationState={fieldErrors.name ? 'error' : 'none'}
            validationMessage={fieldErrors.name && `Name ${fieldErrors.name}`}
          >
            <Input value={name} onChange={(_, d) => setName(d.value)} />
          </Field>
          <Field
            label="Member email"
            validationState={fieldErrors.email ? 'error' : 'none'}
            validationMessage={fieldErrors.email && `Email ${fieldErrors.email}`}
          >
            <Input inputMode="email" value={email} onChange={(_, d) => setEmail(d.value)} />
          </Field>
          <Field label="Side">
            <Dropdown
              value={sideLabels[side]}
              selectedOptions={[side]}
              onOptionSelect={(_, d) => d.optionValue && setSide(d.optionValue as GovernanceMember['side'])}
            >
              <Option value="business">Business</Option>
              <Option value="it">IT</Option>
            </Dropdown>
          </Field>
          <div>
            <Button type="submit" appearance="primary" disabled={saving}>
              Add member
            </Button>
          </div>
        </form>
      )}
      {error !== undefined && (
        <ErrorState title="The member list was not saved" error={error} hint="Check the fields named, then retry." />
      )}
    </section>
  );
}
