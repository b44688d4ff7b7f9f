// node:test reporter that writes one JSON line of counts for scripts/test.mjs to add up.
// Suites are not counted (their tests are); a test cancelled by a failing hook counts as failed;
// a file that fails to load is reported by node as one failed test named after the file.
export default async function* countReporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (event.data.details?.type === 'suite') continue;
    if (event.type === 'test:fail') counts.failed++;
    else if (event.data.skip || event.data.todo) counts.skipped++;
    else counts.passed++;
  }
  yield `${JSON.stringify(counts)}\n`;
}
