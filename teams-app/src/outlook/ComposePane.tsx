/**
 * Writing a message: pick an initiative (the subject's keys and words suggest one), insert its status summary with a
 * link to it in Teams at the cursor, and put its key in the subject so replies stay tagged.
 */
import { useEffect, useMemo, useState } from 'react';
import { Button, Dropdown, Option, Text } from '@fluentui/react-components';
import { suggestInitiatives } from '@tandem/core';
import { initiativeCardModel, type PortfolioTables } from '@tandem/ui';
import type { RuntimeConfig } from '../host/runtimeConfig.js';
import { addKeyToSubject, insertIntoBody, readComposeSubject } from './composeActions.js';
import type { OfficeGlobal, OfficeItem } from './officeApi.js';
import { usePaneStyles } from './paneStyles.js';
import { statusSummaryHtml, statusSummaryLines, tandemLinkFor } from './statusSummary.js';

/** Props of {@link ComposePane}. */
export interface ComposePaneProps {
  office: OfficeGlobal | undefined;
  item: OfficeItem;
  tables: PortfolioTables;
  config: RuntimeConfig;
  /** Bumped by the host when the item changes. */
  refresh?: number;
}

/** The pane for a message being written. */
export function ComposePane({ office, item, tables, config, refresh }: ComposePaneProps) {
  const styles = usePaneStyles();
  const [subject, setSubject] = useState('');
  const [choice, setChoice] = useState<string>();
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    readComposeSubject(item).then(setSubject, (e: unknown) => setStatus(`Could not read the subject: ${String(e)}`));
  }, [item, refresh]);

  const initiatives = useMemo(
    () => [...tables.initiative.values()].map((s) => s.value).filter((i) => i.status !== 'cancelled'),
    [tables],
  );
  const suggested = useMemo(
    () => suggestInitiatives({ subject }, { initiatives, limit: 1 })[0]?.key,
    [subject, initiatives],
  );
  const key = choice ?? suggested;
  const model = useMemo(() => (key ? initiativeCardModel(tables, key, new Date()) : undefined), [tables, key]);
  const link = model
    ? tandemLinkFor(model, { mode: config.mode, origin: location.origin, teamsAppId: config.teamsAppId })
    : undefined;

  const run = async (label: string, action: () => Promise<unknown>) => {
    setBusy(true);
    setStatus(`${label}…`);
    try {
      await action();
      setStatus(`${label}: done.`);
    } catch (e) {
      setStatus(`${label} failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <section className={styles.section} aria-labelledby="compose-heading">
        <h2 id="compose-heading" className={styles.sectionTitle}>
          Add an initiative's status to this message
        </h2>
        <Dropdown
          className={styles.dropdown}
          aria-labelledby="compose-heading"
          placeholder="Choose an initiative"
          selectedOptions={key ? [key] : []}
          value={model ? `${model.initiative.key} ${model.initiative.title}` : ''}
          onOptionSelect={(_, data) => setChoice(data.optionValue)}
        >
          {initiatives.map((i) => (
            <Option key={i.key} value={i.key} text={`${i.key} ${i.title}`}>
              {`${i.key} ${i.title}`}
            </Option>
          ))}
        </Dropdown>
        {model ? (
          <>
            <div className={styles.preview} data-testid="summary-preview" aria-label="Summary preview">
              {statusSummaryLines(model).map((line, n) => (
                <p key={n} className={n === 0 ? styles.previewTitle : styles.previewLine}>
                  {line}
                </p>
              ))}
            </div>
            <span className={styles.actions}>
              <Button
                appearance="primary"
                disabled={busy}
                onClick={() =>
                  run('Insert the summary', () => insertIntoBody(office, item, statusSummaryHtml(model, link)))
                }
              >
                Insert status summary
              </Button>
              <Button
                disabled={busy}
                onClick={() =>
                  run(`Add ${model.initiative.key} to the subject`, async () =>
                    setSubject(await addKeyToSubject(item, model.initiative.key)),
                  )
                }
              >
                Add {model.initiative.key} to the subject
              </Button>
            </span>
          </>
        ) : (
          <Text className={styles.meta}>Choose the initiative this message is about.</Text>
        )}
      </section>
      <p className={styles.status} role="status" aria-live="polite" data-testid="pane-status">
        {status}
      </p>
    </>
  );
}
