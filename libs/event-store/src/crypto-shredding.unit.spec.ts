import { randomUUID } from 'node:crypto';
import {
  DataKeyDestroyedError,
  EncryptionPolicy,
  erasedList,
  erasedText,
  EventEncryption,
  KeyDestruction,
  LocalKeyEncryptionKey,
} from './crypto-shredding';
import { NewEvent, RecordedEvent, START } from './event-store';
import { InMemoryEventStore } from './in-memory-event-store';

interface Statement {
  subjectId: string;
  text: string;
  witnesses: string[];
  place: { municipality: string; address?: string };
}

/** A statement's text, witnesses and address are sensitive, under the subject's key; `SubjectErased` destroys it. */
const policy: EncryptionPolicy = {
  sensitive: {
    StatementTaken: {
      keyOf: (d: Statement) => `subject-${d.subjectId}`,
      fields: { text: erasedText, witnesses: erasedList, 'place.address': erasedText },
    },
  },
  erasures: {
    SubjectErased: (d: { subjectId: string; decision: string; by: string; at: string }): KeyDestruction => ({
      keyId: `subject-${d.subjectId}`,
      by: d.by,
      at: d.at,
      decision: d.decision,
    }),
  },
};

const SUBJECT = 'b1c2d3e4-0000-4000-8000-000000000001';
const OTHER = 'b1c2d3e4-0000-4000-8000-000000000002';
const TEXT = 'De getuige zag Jan Peeters om 22u de winkel verlaten.';

function event(type: string, data: object): NewEvent {
  return {
    id: randomUUID(),
    type,
    data,
    metadata: { actor: 'staff-1', occurredAt: '2026-12-01T10:00:00Z', correlationId: 'c', causationId: 'c' },
  };
}
const statement = (subjectId: string, text = TEXT): NewEvent =>
  event('StatementTaken', {
    subjectId,
    text,
    witnesses: ['Jan Peeters', 'Els Maes'],
    place: { municipality: 'Gent', address: 'Veldstraat 1' },
  } satisfies Statement);
const erasure = (subjectId: string) =>
  event('SubjectErased', { subjectId, decision: 'DPO-2026-014', by: 'staff-dpo', at: '2026-12-07T09:30:00.000Z' });

/** A projection as the projector runs one: a fold over the global log, from the start on a rebuild. */
async function project(store: InMemoryEventStore): Promise<Map<string, { text: string; witnesses: string[]; address?: string }>> {
  const rows = new Map<string, { text: string; witnesses: string[]; address?: string }>();
  for (const e of await store.readAll(START)) {
    if (e.type !== 'StatementTaken') continue;
    const d = e.data as Statement;
    rows.set(d.subjectId, { text: d.text, witnesses: d.witnesses, address: d.place.address });
  }
  return rows;
}

const plainIn = (events: RecordedEvent[]) => JSON.stringify(events.map((e) => e.data));

describe('crypto-shredding (ADR 0053)', () => {
  const kek = LocalKeyEncryptionKey.generate();
  let store: InMemoryEventStore;
  beforeEach(() => {
    store = new InMemoryEventStore(undefined, new EventEncryption(policy, kek));
  });

  it('stores the declared fields sealed, hands them back in clear, and leaves the rest as given', async () => {
    await store.appendToStream('statements-1', [statement(SUBJECT)]);
    const stored = plainIn(store.storedStream('statements-1'));
    expect(stored).not.toContain('Peeters');
    expect(stored).not.toContain('Veldstraat');
    expect(stored).toContain('Gent');
    expect(stored).toContain('"$sealed":"aes-256-gcm"');
    const { events } = await store.readStream('statements-1');
    expect(events[0].data).toEqual({
      subjectId: SUBJECT,
      text: TEXT,
      witnesses: ['Jan Peeters', 'Els Maes'],
      place: { municipality: 'Gent', address: 'Veldstraat 1' },
    });
    expect(events[0].erased).toBeUndefined();
    expect(await store.verifyStream('statements-1')).toMatchObject({ ok: true, events: 1 });
  });

  it('recognises a retried append: the same event seals to the same bytes', async () => {
    const e = statement(SUBJECT);
    await store.appendToStream('statements-1', [e]);
    await expect(store.appendToStream('statements-1', [e])).resolves.toMatchObject({ alreadyAppended: true, nextExpectedVersion: 0 });
  });

  it('after the key is shredded: the stream still verifies, reads and projections show the marker, a rebuild keeps it', async () => {
    await store.appendToStream('statements-1', [statement(SUBJECT), statement(OTHER, 'Een andere verklaring.')]);
    const before = await store.verifyStream('statements-1');
    await store.appendToStream('erasures', [erasure(SUBJECT)]);

    const after = await store.verifyStream('statements-1');
    expect(after).toEqual(before);
    expect(after.ok).toBe(true);

    const { events } = await store.readStream('statements-1');
    const marker = 'erased on 2026-12-07 under DPO-2026-014';
    expect(events[0].data).toEqual({ subjectId: SUBJECT, text: marker, witnesses: [], place: { municipality: 'Gent', address: marker } });
    expect(events[0].erased).toEqual({
      keyId: `subject-${SUBJECT}`,
      erasedAt: '2026-12-07T09:30:00.000Z',
      erasedBy: 'staff-dpo',
      decision: 'DPO-2026-014',
      text: marker,
    });
    // The other subject's key is untouched.
    expect((events[1].data as Statement).text).toBe('Een andere verklaring.');

    const projected = await project(store);
    expect(projected.get(SUBJECT)).toEqual({ text: marker, witnesses: [], address: marker });
    const rebuilt = await project(store);
    expect(rebuilt).toEqual(projected);
    expect(JSON.stringify(rebuilt.get(SUBJECT))).not.toContain('Peeters');
    expect(rebuilt.get(OTHER)?.witnesses).toEqual(['Jan Peeters', 'Els Maes']);
  });

  it('opens only the types a reader reads (ADR 0063): the others stay sealed, never in clear, with no marker; an erased key still shows it to readers that open', async () => {
    await store.appendToStream('statements-1', [statement(SUBJECT), statement(OTHER, 'Een andere verklaring.')]);
    await store.appendToStream('erasures', [erasure(SUBJECT)]);
    const marker = 'erased on 2026-12-07 under DPO-2026-014';

    const closed = await store.readAll(START, { open: [] });
    expect(closed.map((e) => e.type)).toEqual(['StatementTaken', 'StatementTaken', 'SubjectErased']);
    expect(plainIn(closed)).not.toContain('Peeters');
    expect(plainIn(closed)).not.toContain(marker);
    expect((closed[0].data as { text: unknown }).text).toMatchObject({ $sealed: 'aes-256-gcm', key: `subject-${SUBJECT}` });
    expect(closed.every((e) => e.erased === undefined)).toBe(true);
    expect(await store.readAll(START, { open: ['SubjectErased'] })).toEqual(closed);

    const opened = await store.readAll(START, { open: ['StatementTaken'] });
    expect((opened[0].data as Statement).text).toBe(marker);
    expect(opened[0].erased?.text).toBe(marker);
    expect((opened[1].data as Statement).witnesses).toEqual(['Jan Peeters', 'Els Maes']);
    expect(opened).toEqual(await store.readAll(START));
  });

  it('writes nothing more under a shredded key, but a retry of an earlier append is still a retry', async () => {
    const first = statement(SUBJECT);
    await store.appendToStream('statements-1', [first]);
    await store.appendToStream('erasures', [erasure(SUBJECT)]);
    await expect(store.appendToStream('statements-2', [statement(SUBJECT)])).rejects.toBeInstanceOf(DataKeyDestroyedError);
    await expect(store.appendToStream('statements-1', [first])).resolves.toMatchObject({ alreadyAppended: true });
  });

  it('binds a sealed field to its event: moved to another event, it does not open', async () => {
    await store.appendToStream('statements-1', [statement(SUBJECT), statement(SUBJECT, 'Tweede verklaring.')]);
    const [one, two] = store.storedStream('statements-1');
    store.tamper('statements-1', 1, { ...(two.data as object), text: (one.data as Statement).text });
    await expect(store.readStream('statements-1')).rejects.toThrow();
    expect(await store.verifyStream('statements-1')).toMatchObject({ ok: false, brokenAt: { streamVersion: 1, reason: 'content' } });
  });

  it('refuses to read with another key-encryption key rather than show data as erased', async () => {
    await store.appendToStream('statements-1', [statement(SUBJECT)]);
    const other = new InMemoryEventStore(undefined, new EventEncryption(policy, LocalKeyEncryptionKey.generate()));
    for (const [id, k] of store.dataKeys.keys) other.dataKeys.keys.set(id, k);
    await other.appendToStream('statements-1', store.storedStream('statements-1'));
    await expect(other.readStream('statements-1')).rejects.toThrow(/key-encryption key/);
  });

  it('wraps data keys with the key-encryption key (AES-256-GCM) and names it by a fingerprint', async () => {
    const dataKey = Buffer.alloc(32, 7);
    const wrapped = await kek.wrap(dataKey);
    expect(wrapped.includes(dataKey)).toBe(false);
    expect(await LocalKeyEncryptionKey.fromBase64(kek.toBase64()).unwrap(wrapped)).toEqual(dataKey);
    expect(kek.id).not.toContain(kek.toBase64());
    await expect(LocalKeyEncryptionKey.generate().unwrap(wrapped)).rejects.toThrow();
    expect(() => new LocalKeyEncryptionKey(Buffer.alloc(16))).toThrow(/32 bytes/);
  });
});
