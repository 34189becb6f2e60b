/** The configuration page of the channel (and meeting) tab. */
import { createRoot } from 'react-dom/client';
import { loadTheme, type TandemThemeName } from '@tandem/ui';
import { connectToHost, notifyLoaded, onThemeChange } from '../host/teamsHost.js';
import { readRuntimeConfig } from '../host/runtimeConfig.js';
import { ConfigPage } from './ConfigPage.js';

async function main(): Promise<void> {
  const config = readRuntimeConfig();
  const host = await connectToHost();
  const inMeeting = host.kind === 'teams' && Boolean(host.context.meeting?.id);
  const root = createRoot(document.getElementById('root')!);
  // In a dark or high-contrast theme once it is loaded; a theme changed meanwhile is drawn by its own call.
  let latest: TandemThemeName | undefined;
  const draw = async (theme: TandemThemeName) => {
    latest = theme;
    await loadTheme(theme);
    if (theme !== latest) return;
    root.render(
      <ConfigPage
        theme={theme}
        inTeams={host.kind === 'teams'}
        inMeeting={inMeeting}
        localMode={config.mode === 'local'}
      />,
    );
  };
  await draw(host.theme);
  onThemeChange(host, (theme) => void draw(theme));
  notifyLoaded(host);
}

void main();
