import { RecordedEvent, VerificationResult } from './event-store';
import { contentHash, linkHash, ZERO_HASH } from './hashing';

/**
 * Re-computes a stream's hash chain from the events' stored content, in version order, and names the
 * first event whose content hash or chain link does not match.
 */
export function verifyChain(events: RecordedEvent[]): VerificationResult {
  let prev = ZERO_HASH;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    const brokenAt = (reason: 'content' | 'link') => ({
      ok: false as const,
      events: events.length,
      brokenAt: { streamVersion: e.streamVersion, eventId: e.id, reason },
    });
    if (e.streamVersion !== i) return brokenAt('link');
    if (contentHash(e) !== e.contentHash) return brokenAt('content');
    if (e.prevHash !== prev || linkHash(prev, e.contentHash) !== e.hash) return brokenAt('link');
    prev = e.hash;
  }
  return { ok: true, events: events.length, headHash: prev };
}
