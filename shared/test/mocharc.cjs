// One mocha configuration for every workspace: TypeScript through tsx, sources resolved through the "source" export condition.
'use strict';
const path = require('node:path');

module.exports = {
  spec: ['src/**/__tests__/**/*.test.{ts,tsx}'],
  'node-option': ['conditions=source', 'import=tsx'],
  reporter: path.join(__dirname, 'reporter.cjs'),
  timeout: 20000,
  'forbid-only': Boolean(process.env.CI),
};
