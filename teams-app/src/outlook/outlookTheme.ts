/** Outlook's look: Fluent's web themes (the ones Outlook on the web uses), and the high-contrast theme. */
import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import type { TandemThemeName } from '@tandem/ui';

/** The Fluent theme of the pane for the app's theme name. */
export function outlookFluentTheme(name: TandemThemeName): Theme {
  if (name === 'dark') return webDarkTheme;
  if (name === 'contrast') return teamsHighContrastTheme;
  return webLightTheme;
}
