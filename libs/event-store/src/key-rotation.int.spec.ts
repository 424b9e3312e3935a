import { randomUUID } from 'node:crypto';
import { createTestDatabase, TestDatabase } from '@police/testing';
import {
  EncryptionPolicy,
  erasedText,
  EventEncryption,
  KeyEncryptionKey,
  KeyEncryptionKeyRing,
  LocalKeyEncryptionKey,
} from './crypto-shredding';
import { NewEvent } from './event-store';
import { rewrapDataKeys } from './postgres-data-keys';
import { PostgresEventStore } from './postgres-event-store';

const policy: EncryptionPolicy = {
  sensitive: { StatementTaken: { keyOf: (d: { subjectId: string }) => `subject-${d.subjectId}`, fields: { text: erasedText } } },
  erasures: {
    SubjectErased: (d: { subjectId: string }) => ({
      keyId: `subject-${d.subjectId}`,
      by: 'staff-dpo',
      at: '2026-12-07T09:30:00.000Z',
      decision: 'DPO-1',
    }),
  },
};
const meta = { actor: 'staff-1', occurredAt: '2026-12-01T10:00:00Z', correlationId: 'c', causationId: 'c' };
const statement = (subjectId: string, text: string): NewEvent => ({
  id: randomUUID(),
  type: 'StatementTaken',
  data: { subjectId, text },
  metadata: meta,
});

// Rotating the key-encryption key (ADR 0060): the new key wraps, the old still unwraps, a re-wrap moves every data key.
describe('rotating the key-encryption key on PostgreSQL', () => {
  let db: TestDatabase;
  const old = LocalKeyEncryptionKey.generate();
  const next = LocalKeyEncryptionKey.generate();
  const subjects = Array.from({ length: 7 }, () => randomUUID());
  const stores: PostgresEventStore[] = [];
  const storeWith = (kek: KeyEncryptionKey) => {
    const s = new PostgresEventStore({ pool: db.pool(4), schema: 'rotate', encryption: new EventEncryption(policy, kek), listen: false });
    stores.push(s);
    return s;
  };
  const kekIds = async () =>
    (
      await db
        .pool()
        .query<{ kek_id: string | null; n: number }>(
          'SELECT kek_id, count(*)::int AS n FROM rotate.data_keys GROUP BY kek_id ORDER BY kek_id',
        )
    ).rows;

  beforeAll(async () => {
    db = await createTestDatabase('rotate');
    const before = storeWith(old);
    await before.migrate();
    for (const s of subjects) await before.appendToStream(`statement-${s}`, [statement(s, `verklaring ${s}`)]);
    // One erased before the rotation: nothing to move, it stays erased.
    await before.appendToStream(`statement-${subjects[6]}`, [
      { id: randomUUID(), type: 'SubjectErased', data: { subjectId: subjects[6] }, metadata: meta },
    ]);
  });
  afterAll(async () => {
    for (const s of stores) await s.close();
    await db.drop();
  });

  it('reads through the rotation, moves every data key to the new key, and then needs only the new key', async () => {
    const ring = new KeyEncryptionKeyRing(next, [old]);
    const during = storeWith(ring);
    // Written during the rotation: under the new key at once.
    const late = randomUUID();
    await during.appendToStream(`statement-${late}`, [statement(late, 'na de rotatie')]);
    expect((await during.readStream(`statement-${subjects[0]}`)).events[0].data).toEqual({
      subjectId: subjects[0],
      text: `verklaring ${subjects[0]}`,
    });
    expect(await kekIds()).toEqual(
      [
        { kek_id: old.id, n: 6 },
        { kek_id: next.id, n: 1 },
        { kek_id: null, n: 1 },
      ].sort((a, b) => String(a.kek_id).localeCompare(String(b.kek_id))),
    );

    const progress: number[] = [];
    const result = await rewrapDataKeys(db.pool(2), 'rotate', ring, { batchSize: 4, onProgress: (n) => progress.push(n) });
    expect(result).toEqual({ rewrapped: 6, remaining: {} });
    expect(progress).toEqual([4, 6]);
    expect(await kekIds()).toEqual(
      [
        { kek_id: next.id, n: 7 },
        { kek_id: null, n: 1 },
      ].sort((a, b) => String(a.kek_id).localeCompare(String(b.kek_id))),
    );
    // Again: nothing left to move.
    expect(await rewrapDataKeys(db.pool(2), 'rotate', ring)).toEqual({ rewrapped: 0, remaining: {} });

    // The old key retired: everything reads with the new one alone, the erased stays erased, the chains are untouched.
    const after = storeWith(next);
    for (const s of subjects.slice(0, 6))
      expect((await after.readStream(`statement-${s}`)).events[0].data).toEqual({ subjectId: s, text: `verklaring ${s}` });
    const erased = (await after.readStream(`statement-${subjects[6]}`)).events[0];
    expect(erased.erased?.text).toBe('erased on 2026-12-07 under DPO-1');
    for (const s of [...subjects, late]) expect(await after.verifyStream(`statement-${s}`)).toMatchObject({ ok: true });
    // A process still on the old key alone is told, not shown an erasure.
    await expect(storeWith(old).readStream(`statement-${subjects[0]}`)).rejects.toThrow(/is wrapped by key-encryption key local:/);
  });

  it('leaves data keys of a key the ring does not have as they are, and says how many', async () => {
    const stranger = LocalKeyEncryptionKey.generate();
    const other = storeWith(stranger);
    const s = randomUUID();
    await other.appendToStream(`statement-${s}`, [statement(s, 'elders ingepakt')]);
    const result = await rewrapDataKeys(db.pool(2), 'rotate', new KeyEncryptionKeyRing(next, [old]));
    expect(result).toEqual({ rewrapped: 0, remaining: { [stranger.id]: 1 } });
  });
});
