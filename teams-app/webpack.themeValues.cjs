// A webpack loader for Fluent's module of Teams' light themes: it writes each theme as the object it is, worked out at
// build time. Fluent's module builds them from their colour ramps as it runs (Teams' light theme, and its v2.1 light
// theme beside it, which nothing here uses, but which a minifier cannot drop since building it calls functions), so
// every page worked out some 900 token values as it started, with the palette code compiled for it. The objects hold
// only strings and numbers, so they are written as JSON; an unused one is dropped as any unused constant is.
const themes = require('@fluentui/tokens');

module.exports = function themeValues(source) {
  const names = [...source.matchAll(/export const (\w+) =/g)].map((match) => match[1]);
  if (names.length === 0 || names.some((name) => !(name in themes))) {
    this.emitWarning(new Error('themeValues: the module no longer exports only themes; left as it is'));
    return source;
  }
  return names.map((name) => `export const ${name} = ${JSON.stringify(themes[name])};\n`).join('');
};
