// Loaded after the test framework in every test file: an unhandled promise rejection is a defect (the
// hosts log and count one, libs/platform/src/defects.ts), so the test during which it happens fails.
const seen = [];
const onRejection = (reason) => void seen.push(reason);
process.on('unhandledRejection', onRejection);

function failOnRejections(when) {
  if (seen.length === 0) return;
  const reasons = seen.splice(0).map((r) => (r instanceof Error ? (r.stack ?? r.message) : String(r)));
  throw new Error(`Unhandled promise rejection ${when} (a defect: some code let a failure escape):\n${reasons.join('\n')}`);
}

afterEach(() => failOnRejections('during this test'));
afterAll(() => {
  try {
    failOnRejections('after the last test of this file');
  } finally {
    process.off('unhandledRejection', onRejection);
  }
});
