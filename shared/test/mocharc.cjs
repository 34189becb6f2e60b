// One mocha configuration for every workspace: TypeScript through tsx, sources resolved through the "source" export condition.
// Test files are imported as ES modules, never require()d: a module required as CommonJS and imported again by a dynamic
// import() (the store loads its validation that way) would be two copies, with two of every class.
'use strict';
const path = require('node:path');

module.exports = {
  spec: ['src/**/__tests__/**/*.test.{ts,tsx}'],
  'node-option': ['conditions=source', 'import=tsx', 'no-experimental-require-module'],
  reporter: path.join(__dirname, 'reporter.cjs'),
  timeout: 20000,
  'forbid-only': Boolean(process.env.CI),
};
