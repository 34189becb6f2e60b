/**
 * The channel tab's configuration page: says what the tab does, lets the user pick the site and the view the tab opens
 * on, and enables Teams' Save button only when the choice is valid.
 */
import { useEffect, useRef, useState } from 'react';
import { pages } from '@microsoft/teams-js';
import { Field, FluentProvider, Input, Link, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { fluentThemeFor, type TandemThemeName, type ViewId } from '@tandem/ui';
import { channelViews, siteProblem, tabSettings, type TabChoice } from './tabConfiguration.js';

/** Props of {@link ConfigPage}. */
export interface ConfigPageProps {
  theme: TandemThemeName;
  /** Whether Teams frames the page (then Save is Teams' own button). */
  inTeams: boolean;
  inMeeting: boolean;
  localMode: boolean;
}

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalXL,
    maxWidth: '640px',
    minHeight: '100vh',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  preview: { wordBreak: 'break-all', color: tokens.colorNeutralForeground2 },
});

/** The configuration form. */
export function ConfigPage(props: ConfigPageProps) {
  const styles = useStyles();
  const [choice, setChoice] = useState<TabChoice>({ site: 'root', view: 'roadmap', inMeeting: props.inMeeting });
  const problem = siteProblem(choice.site, props.localMode);
  const latest = useRef(choice);
  latest.current = choice;

  useEffect(() => {
    if (!props.inTeams) return;
    pages.config.registerOnSaveHandler((save) => {
      pages.config
        .setConfig(tabSettings(location.origin, latest.current))
        .then(() => save.notifySuccess())
        .catch((error: unknown) => save.notifyFailure(error instanceof Error ? error.message : String(error)));
    });
  }, [props.inTeams]);

  useEffect(() => {
    if (props.inTeams) pages.config.setValidityState(problem === undefined);
  }, [props.inTeams, problem]);

  const settings = tabSettings(location.origin, choice);
  return (
    <FluentProvider theme={fluentThemeFor(props.theme)}>
      <main className={styles.page}>
        <Text as="h1" size={500} weight="semibold">
          Add Tandem to this {props.inMeeting ? 'meeting' : 'channel'}
        </Text>
        <Text as="p">
          Tandem shows your team the business objectives, roadmap, KPIs and decisions stored on a SharePoint site. Pick
          the site your administrator set up for Tandem and the page the tab opens on, then select Save.
        </Text>
        <Field
          label="SharePoint site"
          hint="Type root for your organisation's main site, or paste the site's address from your browser."
          validationState={problem ? 'error' : 'none'}
          {...(problem ? { validationMessage: problem } : {})}
        >
          <Input value={choice.site} onChange={(_, data) => setChoice({ ...choice, site: data.value })} />
        </Field>
        {!props.inMeeting && (
          <Field label="Open on">
            <Select value={choice.view} onChange={(_, data) => setChoice({ ...choice, view: data.value as ViewId })}>
              {channelViews.map((view) => (
                <option key={view.id} value={view.id}>
                  {view.label}
                </option>
              ))}
            </Select>
          </Field>
        )}
        {!props.inTeams && (
          <Text as="p" className={styles.preview} data-testid="config-preview">
            Outside Teams nothing is saved. The tab would open {settings.contentUrl}
          </Text>
        )}
        <Text as="p">
          Need help? <Link href="/support">Contact Tandem support</Link>.
        </Text>
      </main>
    </FluentProvider>
  );
}
