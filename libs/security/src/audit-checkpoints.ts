import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Pool } from 'pg';
import {
  AnchorKey,
  anchorKeyFromPem,
  AuditAnchor,
  Checkpoint,
  CheckpointSink,
  FileCheckpointSink,
  generateAnchorKey,
} from '@police/event-store';
import { parseConsultationStream } from './audit.events';
import { AUDIT_SCHEMA } from './consultation.read-model';

/** How often a host anchors its logs by default: what a cut can hide is at most this recent. */
export const DEFAULT_CHECKPOINT_INTERVAL_MS = 60_000;

/** A lane or the head chain of a day (`consultations-YYYY-MM-DD[-lane-k|-head]`) → the day; any other stream of the audit schema is no day. */
export function consultationDayOf(streamId: string): string | undefined {
  return parseConsultationStream(streamId)?.day;
}

/** Which chain of its day a stream of the consultation log is: the lane's number, or `head` (ADR 0057). */
export function consultationLaneOf(streamId: string): string | undefined {
  const parsed = parseConsultationStream(streamId);
  if (!parsed) return undefined;
  return 'head' in parsed ? 'head' : String(parsed.lane);
}

/** What a host anchors, where, and with which key (ADR 0052). */
export interface AuditCheckpointOptions {
  /** Whose consultation log this host keeps: the service, or `embedded` (the four services' shared log). */
  service: string;
  /** The services' event logs this host anchors besides its consultation log (their schemas are their names). */
  services: string[];
  sink: CheckpointSink;
  key: AnchorKey;
  intervalMs: number;
}

/**
 * The signing key kept in `file` (PKCS#8 PEM), made on first use and readable by the owner only. For
 * embedded mode and a service given no key: a key kept beside the data is only as safe as the data's host.
 */
export function keyKeptIn(file: string): AnchorKey {
  if (existsSync(file)) return anchorKeyFromPem(readFileSync(file, 'utf8'));
  const key = generateAnchorKey();
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, key.privateKeyPem, { mode: 0o600, flag: 'wx' });
  return key;
}

/**
 * The checkpoint settings of a host from its environment:
 * `AUDIT_CHECKPOINT_KEY` (the Ed25519 private key, PKCS#8 PEM) or `AUDIT_CHECKPOINT_KEY_FILE` (a file holding it),
 * else a key made once in `AUDIT_CHECKPOINT_DIR`; `AUDIT_CHECKPOINT_FILE` (default `<dir>/audit-checkpoints.jsonl`);
 * `AUDIT_CHECKPOINT_INTERVAL_MS` (default one minute). `dir` defaults to `AUDIT_CHECKPOINT_DIR` or the given folder.
 */
export function auditCheckpointsFromEnv(
  host: { service: string; services: string[]; dir: string },
  env: NodeJS.ProcessEnv = process.env,
): AuditCheckpointOptions & { keySource: string } {
  const dir = env.AUDIT_CHECKPOINT_DIR || host.dir;
  const rawInterval = env.AUDIT_CHECKPOINT_INTERVAL_MS;
  const intervalMs = rawInterval ? Number(rawInterval) : DEFAULT_CHECKPOINT_INTERVAL_MS;
  if (!Number.isInteger(intervalMs) || intervalMs < 1000)
    throw new Error(`AUDIT_CHECKPOINT_INTERVAL_MS must be a whole number of milliseconds, at least 1000, got "${rawInterval}"`);
  let key: AnchorKey;
  let keySource: string;
  if (env.AUDIT_CHECKPOINT_KEY) {
    key = anchorKeyFromPem(env.AUDIT_CHECKPOINT_KEY.replace(/\\n/g, '\n'));
    keySource = 'AUDIT_CHECKPOINT_KEY';
  } else if (env.AUDIT_CHECKPOINT_KEY_FILE) {
    key = anchorKeyFromPem(readFileSync(env.AUDIT_CHECKPOINT_KEY_FILE, 'utf8'));
    keySource = env.AUDIT_CHECKPOINT_KEY_FILE;
  } else {
    keySource = path.join(dir, 'audit-checkpoint-key.pem');
    key = keyKeptIn(keySource);
  }
  const sink = new FileCheckpointSink(env.AUDIT_CHECKPOINT_FILE || path.join(dir, 'audit-checkpoints.jsonl'));
  return { service: host.service, services: host.services, sink, key, intervalMs, keySource };
}

/** The anchor of a host's consultation log and services' event logs. */
export function auditAnchor(pool: Pool, options: AuditCheckpointOptions): AuditAnchor {
  return new AuditAnchor({
    pool,
    sink: options.sink,
    key: options.key,
    logs: [
      ...options.services.map((s) => ({ service: s, schema: s })),
      { service: options.service, schema: AUDIT_SCHEMA, dayOf: consultationDayOf, laneOf: consultationLaneOf },
    ],
  });
}

/** `GET …/audit/checkpoints`: the host's signed checkpoints and the key to check them with. */
export interface AuditCheckpointsView {
  /** Whose logs: the service, or `embedded`. */
  service: string;
  /** The Ed25519 public key (SPKI PEM) that verifies the checkpoints: keep it apart from them. */
  publicKey: string;
  /** Hex SHA-256 of the key's SPKI DER, as in each checkpoint's `keyId`. */
  keyId: string;
  /** Checkpoints in the file's order, from `offset`. */
  checkpoints: Checkpoint[];
  /** Checkpoints in the file. */
  total: number;
}
