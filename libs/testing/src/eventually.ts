/**
 * Polls `probe` until it stops throwing (or returns without throwing), then returns its value.
 * For asynchronous outcomes in tests: never sleep, poll.
 */
export async function eventually<T>(probe: () => T | Promise<T>, { timeoutMs = 10_000, intervalMs = 20 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      return await probe();
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) throw lastError;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
