import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { KeyEncryptionKey, KeyEncryptionKeyRing, LocalKeyEncryptionKey } from '@police/event-store';

/**
 * The key-encryption key that wraps the data keys of crypto-shredding (ADR 0053), from the environment:
 * `EVENT_KEY_ENCRYPTION_KEY` (32 bytes, base64) or `EVENT_KEY_ENCRYPTION_KEY_FILE` (a file holding it), else a key
 * made once in `<dir>/event-key-encryption-key` (mode 0600) and kept: for embedded mode and a service given none,
 * only as safe as the host that keeps the data. A KMS fits the same port (`KeyEncryptionKey`).
 */
export function keyEncryptionKeyFromEnv(dir: string, env: NodeJS.ProcessEnv = process.env): { key: KeyEncryptionKey; source: string } {
  const { key, source } = currentKeyFromEnv(dir, env);
  // During a rotation (ADR 0060): the keys it replaces, still needed to unwrap what they wrapped until `npm run keys:rewrap` has run.
  const previous = previousKeysFromEnv(env);
  return previous.length > 0
    ? { key: new KeyEncryptionKeyRing(key, previous), source: `${source} (+ ${previous.length} previous)` }
    : { key, source };
}

/** The key-encryption keys a rotation replaces: `EVENT_KEY_ENCRYPTION_KEY_PREVIOUS`, base64, comma-separated (ADR 0060). */
export function previousKeysFromEnv(env: NodeJS.ProcessEnv): LocalKeyEncryptionKey[] {
  return (env.EVENT_KEY_ENCRYPTION_KEY_PREVIOUS ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '')
    .map((k) => LocalKeyEncryptionKey.fromBase64(k));
}

function currentKeyFromEnv(dir: string, env: NodeJS.ProcessEnv): { key: LocalKeyEncryptionKey; source: string } {
  if (env.EVENT_KEY_ENCRYPTION_KEY)
    return { key: LocalKeyEncryptionKey.fromBase64(env.EVENT_KEY_ENCRYPTION_KEY), source: 'EVENT_KEY_ENCRYPTION_KEY' };
  if (env.EVENT_KEY_ENCRYPTION_KEY_FILE) {
    const file = env.EVENT_KEY_ENCRYPTION_KEY_FILE;
    return { key: LocalKeyEncryptionKey.fromBase64(readFileSync(file, 'utf8')), source: file };
  }
  const file = path.join(dir, 'event-key-encryption-key');
  if (existsSync(file)) return { key: LocalKeyEncryptionKey.fromBase64(readFileSync(file, 'utf8')), source: file };
  const key = LocalKeyEncryptionKey.generate();
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, `${key.toBase64()}\n`, { mode: 0o600, flag: 'wx' });
  return { key, source: file };
}
