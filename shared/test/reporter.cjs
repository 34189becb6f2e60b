// The spec reporter, plus a small JSON summary so that `npm test` can print one total line over every suite.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha');

class TandemReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const dir = process.env.TANDEM_RESULTS_DIR;
      if (!dir) return;
      const s = runner.stats ?? {};
      const summary = {
        suite: process.env.TANDEM_SUITE ?? path.basename(process.cwd()),
        passed: s.passes ?? 0,
        failed: s.failures ?? 0,
        skipped: s.pending ?? 0,
      };
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(
        path.join(dir, `${summary.suite.replace(/[^\w.-]+/g, '_')}-${process.pid}.json`),
        JSON.stringify(summary),
      );
    });
  }
}
module.exports = TandemReporter;
