// A webpack loader: each design token a module reads from Fluent's `tokens` object (`tokens.spacingHorizontalS`) is
// written as its value (`"var(--spacingHorizontalS)"`), which is what the object holds. Fluent's components read a few
// tokens as their modules run (sizes worked out with calc()), and for those few the whole object of 467 tokens, about
// 30 KB, came into every page's first chunk and was compiled as the page started. Only modules that import `tokens`
// from a Fluent package are rewritten, and only names the object has.
const { tokens } = require('@fluentui/tokens');

const importsTokens =
  /import\s*\{[^}]*\btokens\b[^}]*\}\s*from\s*["']@fluentui\/(?:react-theme|tokens|react-components)["']/;
const tokenRead = /(?<![\w$.])tokens\.([A-Za-z][A-Za-z0-9]*)\b/g;

module.exports = function tokenValues(source) {
  if (!importsTokens.test(source)) return source;
  return source.replace(tokenRead, (read, name) =>
    Object.prototype.hasOwnProperty.call(tokens, name) ? JSON.stringify(tokens[name]) : read,
  );
};
