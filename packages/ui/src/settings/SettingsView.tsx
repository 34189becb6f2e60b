import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  SpinButton,
  Text,
  tokens,
} from '@fluentui/react-components';
import {
  composeDigest,
  defaultSiteSettings,
  renderDigestHtml,
  SITE_SETTINGS_ID,
  type Digest,
  type SiteSettings,
} from '@tandem/core';
import { useState, type FormEvent } from 'react';
import { ViewHeader } from '../app/ViewHeader.js';
import type { ViewProps } from '../app/viewProps.js';
import { PortfolioGate } from '../data/PortfolioGate.js';
import { portfolioData } from '../data/portfolioData.js';
import type { PortfolioTables } from '../data/portfolioSnapshot.js';
import { ErrorState } from '../feedback/ErrorState.js';
import { GovernanceMembers } from './GovernanceMembers.js';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
  },
  wide: { gridColumn: '1 / -1' },
  section: {
    marginTop: tokens.spacingVerticalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
});

/** Props of {@link SettingsView}. */
export interface SettingsViewProps extends ViewProps {
  /** Posts to a Teams channel (the host's Graph); without it the digest cannot be posted from here. */
  postChannelMessage?(teamId: string, channelId: string, html: string): Promise<{ id: string }>;
}

/**
 * The site's governance settings, kept in the site for every host: how many business and IT approvals a decision
 * needs, who the governance members are, and the Teams channel of the weekly digest, which governance members can
 * post from here at once.
 */
export function SettingsView(props: SettingsViewProps) {
  return (
    <PortfolioGate store={props.store} what="the settings">
      {(tables) => <SettingsContent {...props} tables={tables} />}
    </PortfolioGate>
  );
}

function SettingsContent({
  store,
  canEdit,
  now,
  tables,
  postChannelMessage,
}: SettingsViewProps & { tables: PortfolioTables }) {
  const styles = useStyles();
  const stored = tables.siteSettings.get(SITE_SETTINGS_ID);
  const current: SiteSettings = stored?.value ?? defaultSiteSettings;
  const [business, setBusiness] = useState(current.decisionQuorumBusiness);
  const [it, setIt] = useState(current.decisionQuorumIt);
  const [teamId, setTeamId] = useState(current.digestTeamId ?? '');
  const [channelId, setChannelId] = useState(current.digestChannelId ?? '');
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const [posting, setPosting] = useState(false);
  const [posted, setPosted] = useState<Digest>();

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setSaved(false);
    const value: SiteSettings = {
      id: SITE_SETTINGS_ID,
      decisionQuorumBusiness: business,
      decisionQuorumIt: it,
      ...(teamId.trim() ? { digestTeamId: teamId.trim() } : {}),
      ...(channelId.trim() ? { digestChannelId: channelId.trim() } : {}),
    };
    try {
      if (stored) {
        const { id: _id, ...patch } = value;
        await store.update(
          'siteSettings',
          SITE_SETTINGS_ID,
          {
            digestTeamId: undefined,
            digestChannelId: undefined,
            ...patch,
          },
          stored.etag,
        );
      } else await store.create('siteSettings', value);
      setSaved(true);
    } catch (e) {
      setError(e);
    }
  }

  async function postDigest() {
    if (!postChannelMessage || !current.digestTeamId || !current.digestChannelId) return;
    setPosting(true);
    setError(undefined);
    setPosted(undefined);
    try {
      const digest = composeDigest(portfolioData(tables), (now ?? new Date()).toISOString().slice(0, 10));
      await postChannelMessage(current.digestTeamId, current.digestChannelId, renderDigestHtml(digest));
      setPosted(digest);
    } catch (e) {
      setError(e);
    } finally {
      setPosting(false);
    }
  }

  const quorum = (label: string, value: number, set: (n: number) => void) => (
    <Field label={label} hint="At least 1: no decision passes without both sides">
      <SpinButton
        min={1}
        max={20}
        value={value}
        disabled={!canEdit}
        onChange={(_, d) => {
          const raw = d.value ?? Number(d.displayValue);
          if (Number.isInteger(raw) && raw >= 1 && raw <= 20) set(raw);
        }}
      />
    </Field>
  );

  return (
    <>
      <ViewHeader
        title="Settings"
        description="Governance rules, the governance members and the weekly digest, for this site."
      />
      <form className={styles.form} onSubmit={(e) => void save(e)} aria-label="Site settings">
        {quorum('Business approvals a decision needs', business, setBusiness)}
        {quorum('IT approvals a decision needs', it, setIt)}
        <Field label="Digest team id">
          <Input value={teamId} disabled={!canEdit} onChange={(_, d) => setTeamId(d.value)} />
        </Field>
        <Field label="Digest channel id">
          <Input value={channelId} disabled={!canEdit} onChange={(_, d) => setChannelId(d.value)} />
        </Field>
        <div>
          <Button type="submit" appearance="primary" disabled={!canEdit}>
            Save settings
          </Button>
        </div>
        {saved && (
          <MessageBar intent="success" className={styles.wide}>
            <MessageBarBody>Settings saved.</MessageBarBody>
          </MessageBar>
        )}
      </form>
      <GovernanceMembers store={store} stored={stored} canEdit={canEdit ?? false} />
      <section className={styles.section} aria-label="Weekly digest">
        <Text as="h2" size={500} weight="semibold">
          Weekly digest
        </Text>
        <Text>
          {current.digestChannelId
            ? 'The digest goes to the channel saved above.'
            : 'Save a team and channel above to post the digest.'}
        </Text>
        {canEdit && postChannelMessage && (
          <div>
            <Button
              appearance="primary"
              disabled={posting || !current.digestTeamId || !current.digestChannelId}
              onClick={() => void postDigest()}
            >
              Post digest now
            </Button>
          </div>
        )}
        {posted && (
          <MessageBar intent="success" data-testid="digest-posted">
            <MessageBarBody>
              Digest posted for {posted.weekStart} to {posted.weekEnding}: {posted.objectives.length} objectives,{' '}
              {posted.decisionsAwaiting.length} decisions awaiting, {posted.slaBreaches.length} SLA breaches.
            </MessageBarBody>
          </MessageBar>
        )}
      </section>
      {error !== undefined && <ErrorState title="That did not work" error={error} hint="Check the fields named." />}
    </>
  );
}
