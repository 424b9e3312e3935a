import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, sign, verify } from 'node:crypto';
import { canonicalJson, sha256Hex, ZERO_HASH } from './hashing';

/**
 * Audit checkpoints (ADR 0052): the head of a log, signed with Ed25519 and written outside the database,
 * so that cutting the log in the database (a deleted day, a truncated tail, a rewritten history) is found
 * by comparing the database with the checkpoints. Each checkpoint also chains to the previous one of the
 * same file (`prev`, `seq`), so a removed checkpoint breaks the chain.
 */

/** The whole global log of one event store schema, folded in its stable order up to `position`. */
export interface EventLogScope {
  /** The event store schema (the service's, or `audit` for the consultation log). */
  schema: string;
  /** The last event folded, as `commit/prepare` (see `positionToString`). */
  position: string;
}

/** One UTC day's stream of the consultation log: one of its lanes, or its chain of day heads (ADR 0057). */
export interface ConsultationDayScope {
  schema: string;
  /** `YYYY-MM-DD`. */
  day: string;
  stream: string;
  /** Which chain of the day: a lane's number, or `head` for the day heads. Absent before lanes: the day's one chain. */
  lane?: string;
}

interface CheckpointFields {
  /** Format version. */
  v: 1;
  /** Place in the file's chain: 0, 1, 2, … */
  seq: number;
  /** Hex SHA-256 of the previous checkpoint's canonical JSON (signature included); zeros for the first. */
  prev: string;
  /** The service whose log this is (`embedded` for the consultation log the embedded host's four services share). */
  service: string;
  /** Events (or entries) anchored: the log's first `count`. */
  count: number;
  /** Event log: the fold of the first `count` links; consultation day: the stream's link at version `count - 1`. */
  head: string;
  /** When the checkpoint was made, ISO 8601. */
  createdAt: string;
  /** Which key signed it: hex SHA-256 of the public key's SPKI DER. */
  keyId: string;
}

export type CheckpointBody =
  | (CheckpointFields & {
      kind: 'event-log';
      scope: EventLogScope;
      /**
       * The streams that grew since the log's previous checkpoint, each with its number of events through `position`
       * (its last version + 1), so that a cut names the streams it cut. Absent when more grew than the writer lists.
       */
      streams?: Record<string, number>;
    })
  | (CheckpointFields & { kind: 'consultation-day'; scope: ConsultationDayScope });

/** A checkpoint and its Ed25519 signature (base64) over the canonical JSON of everything else. */
export type Checkpoint = CheckpointBody & { signature: string };

export type EventLogCheckpoint = Extract<Checkpoint, { kind: 'event-log' }>;
export type ConsultationDayCheckpoint = Extract<Checkpoint, { kind: 'consultation-day' }>;

/** A signing key and what is published of it. */
export interface AnchorKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  keyId: string;
  /** SPKI PEM: what the supervisory authority keeps to verify checkpoints. */
  publicKeyPem: string;
}

/** Hex SHA-256 of a public key's SPKI DER encoding. */
export function keyIdOf(publicKey: KeyObject): string {
  return sha256Hex(publicKey.export({ type: 'spki', format: 'der' }));
}

function anchorKey(privateKey: KeyObject): AnchorKey {
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new Error(`The checkpoint key must be Ed25519, not ${privateKey.asymmetricKeyType}`);
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: keyIdOf(publicKey), publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

/** The signing key from its PKCS#8 PEM. */
export function anchorKeyFromPem(pem: string): AnchorKey {
  return anchorKey(createPrivateKey(pem));
}

/** A new Ed25519 key; `privateKeyPem` (PKCS#8) is what is kept. */
export function generateAnchorKey(): AnchorKey & { privateKeyPem: string } {
  const { privateKey } = generateKeyPairSync('ed25519');
  return { ...anchorKey(privateKey), privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}

/** A public key from its SPKI PEM (what the verifier is given). */
export function publicKeyFromPem(pem: string): KeyObject {
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`A checkpoint public key must be Ed25519, not ${key.asymmetricKeyType}`);
  return key;
}

function unsigned(c: Checkpoint): CheckpointBody {
  const { signature: _signature, ...body } = c;
  return body as CheckpointBody;
}

export function signCheckpoint(body: CheckpointBody, key: AnchorKey): Checkpoint {
  const signature = sign(null, Buffer.from(canonicalJson(body)), key.privateKey).toString('base64');
  return { ...body, signature } as Checkpoint;
}

/** What the next checkpoint chains to. */
export function checkpointHash(c: Checkpoint): string {
  return sha256Hex(canonicalJson(c));
}

/** The link a new checkpoint of a file takes after `last` (none: the first of the file). */
export function nextLink(last: Checkpoint | undefined): { seq: number; prev: string } {
  return last ? { seq: last.seq + 1, prev: checkpointHash(last) } : { seq: 0, prev: ZERO_HASH };
}

/** Something the verification found wrong, named for a person. */
export interface Finding {
  /** What it is about: `checkpoints`, `event log of reports`, `consultation log day 2026-12-05`, … */
  log: string;
  message: string;
}

/**
 * Checks the checkpoints of one file: each signed by one of `publicKeys`, and each chained to the one
 * before it (so a removed, reordered or inserted line is named).
 */
export function verifyCheckpointChain(checkpoints: Checkpoint[], publicKeys: KeyObject[]): Finding[] {
  const keys = new Map(publicKeys.map((k) => [keyIdOf(k), k]));
  const findings: Finding[] = [];
  const say = (message: string) => findings.push({ log: 'checkpoints', message });
  let previous: Checkpoint | undefined;
  for (const c of checkpoints) {
    const key = keys.get(c.keyId);
    if (!key) say(`checkpoint ${c.seq} is signed by key ${c.keyId.slice(0, 16)}…, which is not one of the public keys given`);
    else if (!verify(null, Buffer.from(canonicalJson(unsigned(c))), key, Buffer.from(c.signature, 'base64')))
      say(`checkpoint ${c.seq}: the signature does not match its content`);
    const expected = nextLink(previous);
    if (c.seq !== expected.seq)
      say(
        c.seq > expected.seq
          ? `checkpoints ${expected.seq}–${c.seq - 1} are missing (the file goes from ${previous ? previous.seq : 'its start'} to ${c.seq})`
          : `checkpoint ${c.seq} comes after checkpoint ${previous?.seq ?? 'none'}: out of order`,
      );
    else if (c.prev !== expected.prev) say(`checkpoint ${c.seq} does not chain to the checkpoint before it (replaced or edited)`);
    previous = c;
  }
  return findings;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The shape of a checkpoint as read back from a file or an answer; a reason when it is not one. */
export function parseCheckpoint(value: unknown): Checkpoint | string {
  if (!isRecord(value)) return 'not a JSON object';
  const str = (k: string) => typeof value[k] === 'string';
  if (value.v !== 1) return 'v is not 1';
  if (!Number.isInteger(value.seq) || (value.seq as number) < 0) return 'seq is not a whole number';
  if (!Number.isInteger(value.count) || (value.count as number) < 0) return 'count is not a whole number';
  for (const k of ['prev', 'service', 'head', 'createdAt', 'keyId', 'signature']) if (!str(k)) return `${k} is missing or not a string`;
  const scope = value.scope;
  if (!isRecord(scope) || typeof scope.schema !== 'string') return 'scope.schema is missing';
  if (value.kind === 'event-log') {
    if (typeof scope.position !== 'string' || !/^-?\d+\/-?\d+$/.test(scope.position)) return 'scope.position is not a log position';
    if (value.streams !== undefined) {
      if (!isRecord(value.streams)) return 'streams is not an object';
      for (const [stream, n] of Object.entries(value.streams))
        if (!Number.isInteger(n) || (n as number) < 1) return `streams["${stream}"] is not a count of events`;
    }
  } else if (value.kind === 'consultation-day') {
    if (typeof scope.day !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(scope.day)) return 'scope.day is not a date';
    if (typeof scope.stream !== 'string') return 'scope.stream is missing';
    if (scope.lane !== undefined && typeof scope.lane !== 'string') return 'scope.lane is not a string';
  } else return 'kind is neither event-log nor consultation-day';
  return value as unknown as Checkpoint;
}

/** The checkpoints of a JSON Lines text (one per line, blank lines ignored), and the lines that are none. */
export function parseCheckpointLines(text: string): { checkpoints: Checkpoint[]; problems: string[] } {
  const checkpoints: Checkpoint[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push(`line ${i + 1} is not JSON`);
      return;
    }
    const parsed = parseCheckpoint(value);
    if (typeof parsed === 'string') problems.push(`line ${i + 1} is not a checkpoint: ${parsed}`);
    else checkpoints.push(parsed);
  });
  return { checkpoints, problems };
}
