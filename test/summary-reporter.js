// Prints one plain closing line ("tests: N passed, N failed, N skipped") after jest's own summary,
// so CI logs have a single line to read whatever the reporter above it prints.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const line = `tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests} skipped`;
    process.stdout.write(`\n${line}\n`);
  }
}
module.exports = SummaryReporter;
