/** The configuration page of the channel (and meeting) tab. */
import { createRoot } from 'react-dom/client';
import type { TandemThemeName } from '@tandem/ui';
import { connectToHost, notifyLoaded, onThemeChange } from '../host/teamsHost.js';
import { readRuntimeConfig } from '../host/runtimeConfig.js';
import { ConfigPage } from './ConfigPage.js';

async function main(): Promise<void> {
  const config = readRuntimeConfig();
  const host = await connectToHost();
  const inMeeting = host.kind === 'teams' && Boolean(host.context.meeting?.id);
  const root = createRoot(document.getElementById('root')!);
  const draw = (theme: TandemThemeName) =>
    root.render(
      <ConfigPage
        theme={theme}
        inTeams={host.kind === 'teams'}
        inMeeting={inMeeting}
        localMode={config.mode === 'local'}
      />,
    );
  draw(host.theme);
  onThemeChange(host, draw);
  notifyLoaded(host);
}

void main();
