/**
 * Collects changes and hands them on in batches without delaying the first: a change after a quiet
 * moment is passed on at once (the other officer's screen shows it without waiting), and the changes
 * that follow within `windowMs` are passed on together at the window's end, so a burst costs at most
 * one read per screen per window.
 */
export function changeBatcher<T>(
  flush: (batch: T[]) => void,
  windowMs: number,
): { push: (change: T) => void; clear: () => void; stop: () => void } {
  let pending: T[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const emit = () => {
    const batch = pending;
    pending = [];
    flush(batch);
  };
  const endOfWindow = () => {
    timer = undefined;
    if (pending.length === 0) return;
    emit();
    timer = setTimeout(endOfWindow, windowMs);
  };
  return {
    push(change) {
      pending.push(change);
      if (timer !== undefined) return;
      emit();
      timer = setTimeout(endOfWindow, windowMs);
    },
    clear() {
      pending = [];
    },
    stop() {
      clearTimeout(timer);
      timer = undefined;
      pending = [];
    },
  };
}
