// The configuration lives in shared/; ESLint looks for it here.
export { default } from './shared/eslint.config.js';
