import { teamsLightTheme, type Theme } from '@fluentui/react-components';

/** The three Teams themes, by the names teams-js reports in its context (`default`, `dark`, `contrast`). */
export type TandemThemeName = 'default' | 'dark' | 'contrast';

let dimThemes: { dark: Theme; contrast: Theme } | undefined;
let loadingDimThemes: Promise<void> | undefined;

/**
 * Makes the theme `name` ready to draw with ({@link fluentThemeFor}): Teams' light theme is always there; its dark and
 * high-contrast themes come in a chunk of their own, fetched the first time a page asks for one of them. Most pages are
 * drawn in the light theme, and the other two (their colour ramps, and building them) took the first screen's time.
 * Never fails: when the chunk cannot be downloaded, the page is drawn in the light theme rather than not at all, and the
 * next call tries again.
 */
export function loadTheme(name: TandemThemeName | string | undefined): Promise<void> {
  if (name !== 'dark' && name !== 'contrast') return Promise.resolve();
  loadingDimThemes ??= import(/* webpackChunkName: "tandem-themes" */ './dimThemes.js').then(
    ({ teamsDarkTheme, teamsHighContrastTheme }) => {
      dimThemes = { dark: teamsDarkTheme, contrast: teamsHighContrastTheme };
    },
    (error: unknown) => {
      console.warn(`Tandem could not load the ${name} theme; drawing in the light one`, error);
      loadingDimThemes = undefined;
    },
  );
  return loadingDimThemes;
}

/**
 * The theme {@link fluentThemeFor} draws `name` in now: the light one (`default`) until the dark and high-contrast
 * themes have loaded, or when their chunk could not be downloaded. What a page marks itself with (`data-theme`).
 */
export function themeDrawn(name: TandemThemeName): TandemThemeName {
  return (name === 'dark' || name === 'contrast') && dimThemes ? name : 'default';
}

/**
 * The Fluent theme for a Teams theme name; anything unknown falls back to the light theme, as Teams itself does. The
 * dark and high-contrast themes are there once {@link loadTheme} has loaded them; until then (or when their chunk
 * could not be downloaded) the light one stands in.
 */
export function fluentThemeFor(name: TandemThemeName | string | undefined): Theme {
  if ((name === 'dark' || name === 'contrast') && dimThemes) return dimThemes[name];
  return teamsLightTheme;
}
