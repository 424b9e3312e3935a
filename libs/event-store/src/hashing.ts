import { createHash } from 'node:crypto';

export const ZERO_HASH = '0'.repeat(64);

/**
 * Canonical JSON (RFC 8785 style for the values we store): object keys sorted by code unit, no
 * whitespace, `undefined` members dropped. The same value gives the same bytes on every machine.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('Non-finite numbers cannot be stored');
    if (typeof value === 'bigint') throw new Error('BigInt cannot be stored in event data; use a string');
    return JSON.stringify(value) ?? 'null';
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.keys(value as Record<string, unknown>)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

export function sha256Hex(input: string | Buffer): string {
  return createHash('sha256').update(input).digest('hex');
}

/** Hash of an event's own content; independent of its place in the stream. */
export function contentHash(e: { id: string; streamId: string; type: string; data: unknown; metadata: unknown }): string {
  return sha256Hex(canonicalJson({ id: e.id, streamId: e.streamId, type: e.type, data: e.data, metadata: e.metadata }));
}

/** The chain link: SHA-256 over the raw bytes of the previous link followed by this event's content hash. */
export function linkHash(prevHash: string, ownContentHash: string): string {
  return sha256Hex(Buffer.concat([Buffer.from(prevHash, 'hex'), Buffer.from(ownContentHash, 'hex')]));
}
