import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from '@fluentui/react-components';

/** The three Teams themes, by the names teams-js reports in its context (`default`, `dark`, `contrast`). */
export type TandemThemeName = 'default' | 'dark' | 'contrast';

/** The Fluent theme for a Teams theme name; anything unknown falls back to the light theme, as Teams itself does. */
export function fluentThemeFor(name: TandemThemeName | string | undefined): Theme {
  switch (name) {
    case 'dark':
      return teamsDarkTheme;
    case 'contrast':
      return teamsHighContrastTheme;
    default:
      return teamsLightTheme;
  }
}
