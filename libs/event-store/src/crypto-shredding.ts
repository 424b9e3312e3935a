import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import type { NewEvent, RecordedEvent } from './event-store';
import { canonicalJson } from './hashing';

/**
 * Crypto-shredding (ADR 0053): the sensitive fields of an event are stored encrypted under a data key of their
 * subject or record; destroying that key makes them unreadable for good, while the event, and the hash chain
 * computed over its stored (encrypted) form, stay as they were.
 */

/** What a reader gets in place of a field whose key was destroyed: when, by whom, under which decision. */
export interface ErasureMarker {
  keyId: string;
  erasedAt: string;
  erasedBy: string;
  decision: string;
  /** `erased on <YYYY-MM-DD> under <decision>`: the text shown where the data was. */
  text: string;
}

/** The sensitive fields of one event type and the key that protects them. */
export interface SensitiveFields<Data = never> {
  /** The data key's id (a subject or a record), or undefined when this event holds nothing to protect. */
  keyOf(data: Data): string | undefined;
  /**
   * The protected fields, as dotted paths into `data` (objects only), each with the value a reader gets
   * once the key is destroyed (the marker's text for a text, an empty list for a list): readers keep the
   * shape they expect, and nothing crashes on an erased event. A field absent from an event is skipped.
   */
  fields: Record<string, (marker: ErasureMarker) => unknown>;
}

/** The destruction of a data key, as an event records it. */
export interface KeyDestruction {
  keyId: string;
  /** Who decided or caused it (a staff id or a system principal). */
  by: string;
  /** ISO 8601. */
  at: string;
  /** The decision it is made under: a DPO's decision number, a hand-over receipt, a retention rule. */
  decision: string;
}

/** What a service declares about its events: which fields are sensitive, and which events destroy a key. */
export interface EncryptionPolicy {
  sensitive: Record<string, SensitiveFields<never>>;
  /** Event types whose append destroys a data key: the event is the record of who, when and under which decision. */
  erasures?: Record<string, (data: never) => KeyDestruction | undefined>;
}

/** The value of an erased text field. */
export const erasedText = (m: ErasureMarker): string => m.text;
/** The value of an erased list. */
export const erasedList = (): unknown[] => [];

/**
 * The key-encryption key that wraps every data key: from configuration here, a KMS behind the same port.
 * `id` names the key a data key was wrapped with (a fingerprint, never the key).
 */
export interface KeyEncryptionKey {
  readonly id: string;
  wrap(dataKey: Buffer): Promise<Buffer>;
  unwrap(wrapped: Buffer): Promise<Buffer>;
}

/**
 * The key-encryption key in use and the ones it replaced, during a rotation: data keys are wrapped by the
 * current one and unwrapped by whichever wrapped them, until `rewrapDataKeys` has moved every data key to the
 * current one and the previous ones can be retired.
 */
export class KeyEncryptionKeyRing implements KeyEncryptionKey {
  private readonly byId: Map<string, KeyEncryptionKey>;

  constructor(
    readonly current: KeyEncryptionKey,
    readonly previous: KeyEncryptionKey[] = [],
  ) {
    this.byId = new Map([...previous, current].map((k) => [k.id, k]));
  }

  get id(): string {
    return this.current.id;
  }

  wrap(dataKey: Buffer): Promise<Buffer> {
    return this.current.wrap(dataKey);
  }

  unwrap(wrapped: Buffer): Promise<Buffer> {
    return this.current.unwrap(wrapped);
  }

  /** The key of this id, current or previous. */
  find(kekId: string): KeyEncryptionKey | undefined {
    return this.byId.get(kekId);
  }
}

/** The key-encryption key, of a ring or alone, that wrapped a data key. */
export function keyEncryptionKeyOf(kek: KeyEncryptionKey, kekId: string): KeyEncryptionKey | undefined {
  return kek instanceof KeyEncryptionKeyRing ? kek.find(kekId) : kek.id === kekId ? kek : undefined;
}

/** A data key as stored: wrapped, or destroyed (the wrapped key gone, the destruction kept as a tombstone). */
export type StoredDataKey =
  | { keyId: string; kekId: string; wrapped: Buffer; destroyed?: undefined }
  | { keyId: string; destroyed: KeyDestruction; wrapped?: undefined };

/** Where the wrapped data keys live: a table of the service's schema (PostgreSQL), or memory. */
export interface DataKeyStore {
  /** The stored keys (or tombstones) among `keyIds`. */
  find(keyIds: string[]): Promise<Map<string, StoredDataKey>>;
  /** Stores `wrapped` as the key `keyId` unless a key or a tombstone is stored already; answers what is stored. */
  create(keyId: string, kekId: string, wrapped: Buffer): Promise<StoredDataKey>;
  /** Deletes the wrapped key and keeps the tombstone (the first destruction's); a tombstone also when there was no key. */
  destroy(destruction: KeyDestruction): Promise<void>;
}

/** Thrown when an append would encrypt under a key that was destroyed: nothing re-appears under a shredded subject. */
export class DataKeyDestroyedError extends Error {
  readonly code = 'data_key_destroyed';
  constructor(
    readonly keyId: string,
    readonly destruction: KeyDestruction,
  ) {
    super(`The data key ${keyId} was destroyed on ${destruction.at} under ${destruction.decision}: nothing more is written under it`);
    this.name = 'DataKeyDestroyedError';
  }
}

const ALGORITHM = 'aes-256-gcm';

/** AES-256-GCM with a 96-bit nonce: nonce ‖ tag ‖ ciphertext. */
function gcmSeal(key: Buffer, nonce: Buffer, plain: Buffer, aad: Buffer): Buffer {
  const cipher = createCipheriv(ALGORITHM, key, nonce);
  cipher.setAAD(aad);
  const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([nonce, cipher.getAuthTag(), ct]);
}

function gcmOpen(key: Buffer, sealed: Buffer, aad: Buffer): Buffer {
  const decipher = createDecipheriv(ALGORITHM, key, sealed.subarray(0, 12));
  decipher.setAAD(aad);
  decipher.setAuthTag(sealed.subarray(12, 28));
  const plain = decipher.update(sealed.subarray(28));
  decipher.final(); // checks the tag; GCM has no block left to give
  return plain;
}

/** A key-encryption key held in memory (from configuration): AES-256-GCM key wrapping. */
export class LocalKeyEncryptionKey implements KeyEncryptionKey {
  readonly id: string;
  private readonly secret: Buffer;

  constructor(secret: Buffer) {
    if (secret.length !== 32) throw new Error(`A key-encryption key is 32 bytes, got ${secret.length}`);
    this.secret = Buffer.from(secret);
    this.id = `local:${createHash('sha256').update('kek-id').update(secret).digest('hex').slice(0, 16)}`;
  }

  /** From its base64 form (e.g. `EVENT_KEY_ENCRYPTION_KEY`). */
  static fromBase64(text: string): LocalKeyEncryptionKey {
    return new LocalKeyEncryptionKey(Buffer.from(text.trim(), 'base64'));
  }

  static generate(): LocalKeyEncryptionKey {
    return new LocalKeyEncryptionKey(randomBytes(32));
  }

  toBase64(): string {
    return this.secret.toString('base64');
  }

  async wrap(dataKey: Buffer): Promise<Buffer> {
    return gcmSeal(this.secret, randomBytes(12), dataKey, Buffer.from(this.id));
  }

  async unwrap(wrapped: Buffer): Promise<Buffer> {
    return gcmOpen(this.secret, wrapped, Buffer.from(this.id));
  }
}

/** A sensitive field as stored: `{"$sealed": "aes-256-gcm", "key": <key id>, "value": <base64 nonce ‖ tag ‖ ciphertext>}`. */
interface SealedField {
  $sealed: typeof ALGORITHM;
  key: string;
  value: string;
}

function isSealed(v: unknown): v is SealedField {
  return typeof v === 'object' && v !== null && (v as SealedField).$sealed === ALGORITHM && typeof (v as SealedField).value === 'string';
}

/** The field's place in the event, authenticated with it: a sealed value cannot be moved to another event or field. */
function aadOf(eventId: string, path: string): Buffer {
  return Buffer.from(`${eventId}\u0000${path}`);
}

type Json = Record<string, unknown>;

function getPath(data: unknown, path: string[]): unknown {
  let at: unknown = data;
  for (const p of path) {
    if (typeof at !== 'object' || at === null || Array.isArray(at)) return undefined;
    at = (at as Json)[p];
  }
  return at;
}

/** `data` with the value at `path` replaced (copying only the objects on the way). */
function setPath(data: unknown, path: string[], value: unknown): unknown {
  const [head, ...rest] = path;
  const obj = data as Json;
  return { ...obj, [head]: rest.length === 0 ? value : setPath(obj[head], rest, value) };
}

export function erasureMarker(keyId: string, d: KeyDestruction): ErasureMarker {
  return { keyId, erasedAt: d.at, erasedBy: d.by, decision: d.decision, text: `erased on ${d.at.slice(0, 10)} under ${d.decision}` };
}

/** Data keys unwrapped in this process, most recent last; bounded. */
class KeyCache {
  private readonly keys = new Map<string, Buffer>();
  constructor(private readonly max = 10_000) {}
  get(id: string): Buffer | undefined {
    const k = this.keys.get(id);
    if (k) {
      this.keys.delete(id);
      this.keys.set(id, k);
    }
    return k;
  }
  set(id: string, key: Buffer): void {
    this.keys.set(id, key);
    if (this.keys.size > this.max) this.keys.delete(this.keys.keys().next().value!);
  }
  delete(id: string): void {
    this.keys.delete(id);
  }
}

/**
 * Seals the sensitive fields of events on their way into a store, and opens them on the way out: the one
 * place where events are encrypted and decrypted, used by the stores' append and read paths.
 *
 * Guarantees: only the fields the policy declares are encrypted, each under its event's data key, with
 * AES-256-GCM bound to the event id and the field's path. The nonce is synthetic (an HMAC of the field's
 * place and value under the data key), so the same event sealed twice gives the same bytes: an append
 * retried with the same event ids is still recognised as a retry. A field whose key is destroyed reads as
 * the policy's erased value and the event carries the {@link ErasureMarker}; a key that cannot be unwrapped
 * (another key-encryption key) throws: that is a configuration error, never an erasure.
 */
export class EventEncryption {
  private readonly cache = new KeyCache();
  private readonly paths = new Map<string, [string, string[], (m: ErasureMarker) => unknown][]>();

  constructor(
    readonly policy: EncryptionPolicy,
    readonly kek: KeyEncryptionKey,
  ) {
    for (const [type, s] of Object.entries(policy.sensitive))
      this.paths.set(
        type,
        Object.entries(s.fields).map(([path, erased]) => [path, path.split('.'), erased]),
      );
  }

  /** The key destructions these events record, in order. */
  destructions(events: NewEvent[]): KeyDestruction[] {
    const erasures = this.policy.erasures ?? {};
    return events.flatMap((e) => {
      const d = erasures[e.type]?.(e.data as never);
      return d ? [d] : [];
    });
  }

  /** The events as they are stored: sensitive fields sealed under their data keys (made on first use). */
  async seal(events: NewEvent[], keys: DataKeyStore): Promise<NewEvent[]> {
    const out: NewEvent[] = [];
    for (const e of events) {
      const fields = this.paths.get(e.type);
      const keyId = fields && this.policy.sensitive[e.type].keyOf(e.data as never);
      if (!fields || keyId === undefined) {
        out.push(e);
        continue;
      }
      let data: unknown = e.data;
      let key: Buffer | undefined;
      for (const [path, parts] of fields) {
        const value = getPath(data, parts);
        if (value === undefined || isSealed(value)) continue;
        key ??= await this.dataKeyFor(keyId, keys);
        const plain = Buffer.from(canonicalJson(value));
        const aad = aadOf(e.id, path);
        const nonce = createHmac('sha256', key).update(aad).update(plain).digest().subarray(0, 12);
        const sealed: SealedField = { $sealed: ALGORITHM, key: keyId, value: gcmSeal(key, nonce, plain, aad).toString('base64') };
        data = setPath(data, parts, sealed);
      }
      out.push(data === e.data ? e : { ...e, data });
    }
    return out;
  }

  /**
   * The events as readers see them: sealed fields in clear, or the erased value and the marker where the key is gone.
   * With `only` (ADR 0063), only events of those types are opened: the others keep their fields sealed as stored
   * (ciphertext, never personal data) and carry no marker; that is for readers that never read those fields.
   */
  async open(events: RecordedEvent[], keys: DataKeyStore, only?: readonly string[]): Promise<RecordedEvent[]> {
    const chosen = only && new Set(only);
    if (chosen?.size === 0) return events;
    const keyIds = new Set<string>();
    const sealedIn = events.map((e) => {
      const fields = this.paths.get(e.type);
      if (!fields || (chosen && !chosen.has(e.type))) return undefined;
      const found = fields.filter(([, parts]) => isSealed(getPath(e.data, parts)));
      for (const [, parts] of found) keyIds.add((getPath(e.data, parts) as SealedField).key);
      return found.length > 0 ? found : undefined;
    });
    if (keyIds.size === 0) return events;
    const stored = await keys.find([...keyIds]);
    const opened: RecordedEvent[] = [];
    for (let i = 0; i < events.length; i++) {
      const e = events[i];
      const fields = sealedIn[i];
      if (!fields) {
        opened.push(e);
        continue;
      }
      let data: unknown = e.data;
      let erased: ErasureMarker | undefined;
      for (const [path, parts, erasedValue] of fields) {
        const sealed = getPath(data, parts) as SealedField;
        const k = stored.get(sealed.key);
        if (!k || k.destroyed) {
          // No key and no tombstone: the row was deleted outside the application. Shown as erased, never as data.
          erased = erasureMarker(sealed.key, k?.destroyed ?? { keyId: sealed.key, by: 'unknown', at: e.recordedAt, decision: 'unknown' });
          data = setPath(data, parts, erasedValue(erased));
          continue;
        }
        const key = this.cache.get(k.keyId) ?? (await this.unwrapped(k));
        const plain = gcmOpen(key, Buffer.from(sealed.value, 'base64'), aadOf(e.id, path));
        data = setPath(data, parts, JSON.parse(plain.toString('utf8')));
      }
      opened.push(erased ? { ...e, data, erased } : { ...e, data });
    }
    return opened;
  }

  /** Forgets a destroyed key in this process. */
  forget(keyId: string): void {
    this.cache.delete(keyId);
  }

  private async dataKeyFor(keyId: string, keys: DataKeyStore): Promise<Buffer> {
    const cached = this.cache.get(keyId);
    if (cached) return cached;
    const fresh = randomBytes(32);
    const stored = await keys.create(keyId, this.kek.id, await this.kek.wrap(fresh));
    if (stored.destroyed) throw new DataKeyDestroyedError(keyId, stored.destroyed);
    return this.unwrapped(stored);
  }

  private async unwrapped(k: Extract<StoredDataKey, { wrapped: Buffer }>): Promise<Buffer> {
    const cached = this.cache.get(k.keyId);
    if (cached) return cached;
    const kek = keyEncryptionKeyOf(this.kek, k.kekId);
    if (!kek) throw new Error(`The data key ${k.keyId} is wrapped by key-encryption key ${k.kekId}, this process has ${this.kek.id}`);
    const key = await kek.unwrap(k.wrapped);
    this.cache.set(k.keyId, key);
    return key;
  }
}

/** Data keys in memory, for the in-memory store and tests. */
export class InMemoryDataKeyStore implements DataKeyStore {
  readonly keys = new Map<string, StoredDataKey>();

  async find(keyIds: string[]): Promise<Map<string, StoredDataKey>> {
    return new Map(keyIds.flatMap((id) => (this.keys.has(id) ? [[id, this.keys.get(id)!] as const] : [])));
  }

  async create(keyId: string, kekId: string, wrapped: Buffer): Promise<StoredDataKey> {
    if (!this.keys.has(keyId)) this.keys.set(keyId, { keyId, kekId, wrapped });
    return this.keys.get(keyId)!;
  }

  async destroy(d: KeyDestruction): Promise<void> {
    if (this.keys.get(d.keyId)?.destroyed) return;
    this.keys.set(d.keyId, { keyId: d.keyId, destroyed: d });
  }
}
