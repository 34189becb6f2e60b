// Teams' dark and high-contrast themes, in a chunk of their own (see `loadTheme` in themes.ts).
export { teamsDarkTheme, teamsHighContrastTheme } from '@fluentui/react-components';
