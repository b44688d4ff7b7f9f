// node:test reporter that writes one JSON line for scripts/test.mjs: the counts to add up, and how
// long each file took (so the next run can start the slowest files first).
// Suites are not counted (their tests are); a test cancelled by a failing hook counts as failed;
// a file that fails to load is reported by node as one failed test named after the file.
export default async function* countReporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  const durations = {};
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { data } = event;
    if (data.nesting === 0 && data.file) durations[data.file] = (durations[data.file] ?? 0) + (data.details?.duration_ms ?? 0);
    if (data.details?.type === 'suite') continue;
    if (event.type === 'test:fail') counts.failed++;
    else if (data.skip || data.todo) counts.skipped++;
    else counts.passed++;
  }
  yield `${JSON.stringify({ ...counts, durations })}\n`;
}
