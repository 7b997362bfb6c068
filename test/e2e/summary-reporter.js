// node:test reporter for the e2e suite: counts leaf tests (not suites) and, once the run is over,
// writes the one plain closing line CI reads: "e2e: N passed, N failed".
// Used by scripts/e2e/run.sh with --test-reporter=./test/e2e/summary-reporter.js.
'use strict';

module.exports = async function* summaryReporter(source) {
  let passed = 0;
  let failed = 0;
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (event.data.details && event.data.details.type === 'suite') {
      // A failing suite whose tests all passed (e.g. its after hook threw) still has to fail the run.
      if (event.type === 'test:fail' && event.data.details.error && event.data.details.error.failureType === 'hookFailed') failed++;
      continue;
    }
    if (event.data.skip || event.data.todo) continue;
    if (event.type === 'test:pass') passed++;
    else failed++;
  }
  yield `e2e: ${passed} passed, ${failed} failed\n`;
};
